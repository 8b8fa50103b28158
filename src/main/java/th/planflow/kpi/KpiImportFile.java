package th.planflow.kpi;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Reads the rows of a KPI list from .xlsx (first sheet) or .csv: a row of Thai headers, in any order
 * and possibly under a title row; other columns are ignored. Values are text, except numeric Excel cells,
 * which stay numbers.
 */
final class KpiImportFile {

  /** The columns of the import file and the headers accepted for each (compared without spaces). */
  enum Column {
    CODE(true, "รหัสตัวชี้วัด", "รหัส"),
    NAME(true, "ชื่อตัวชี้วัด", "ตัวชี้วัด"),
    STRATEGY(true, "กลยุทธ์", "ยุทธศาสตร์", "กลยุทธ์สพฐ."),
    TARGET(true, "ค่าเป้าหมาย", "เป้าหมาย"),
    UNIT(true, "หน่วยนับ", "หน่วย"),
    DIRECTION(false, "ทิศทาง", "ทิศทางที่ดี"),
    OWNER(true, "ผู้รับผิดชอบ", "รหัสผู้รับผิดชอบ", "ชื่อผู้ใช้ผู้รับผิดชอบ");

    private final boolean required;
    private final List<String> headers;

    Column(boolean required, String... headers) {
      this.required = required;
      this.headers = List.of(headers);
    }

    /** The header written in exports and the template. */
    String header() {
      return headers.get(0);
    }

    boolean required() {
      return required;
    }

    static Column of(String header) {
      String h = normalize(header);
      for (Column column : values()) {
        for (String accepted : column.headers) {
          if (normalize(accepted).equals(h)) {
            return column;
          }
        }
      }
      return null;
    }

    private static String normalize(String header) {
      // "ผู้รับผิดชอบ (ชื่อผู้ใช้)" and "ค่าเป้าหมาย*" are the same column
      return header.replaceAll("\\(.*?\\)|\\*", "").replaceAll("[\\s\\u200B\\uFEFF]+", "").toLowerCase(Locale.ROOT);
    }
  }

  /** One data row: its row number in the file (the header is row 1 when it is the first line). */
  record SourceRow(int number, Map<Column, Object> values) {
    String text(Column column) {
      Object value = values.get(column);
      if (value == null) {
        return null;
      }
      String text = value instanceof BigDecimal d ? d.stripTrailingZeros().toPlainString() : value.toString();
      text = text.replace('\u00A0', ' ').replace("\u200B", "").trim();
      return text.isEmpty() ? null : text;
    }

    Object raw(Column column) {
      return values.get(column);
    }

    boolean isBlank() {
      return values.keySet().stream().allMatch(c -> text(c) == null);
    }
  }

  static final int MAX_ROWS = 1000;

  private KpiImportFile() {
  }

  /** Reads the file; a problem with the file as a whole throws {@link KpiImportException}. */
  static List<SourceRow> read(String fileName, byte[] bytes) {
    String name = fileName == null ? "" : fileName.toLowerCase(Locale.ROOT).trim();
    List<List<Object>> rows = new ArrayList<>();
    List<Integer> numbers = new ArrayList<>();
    if (name.endsWith(".xlsx")) {
      readXlsx(bytes, rows, numbers);
    } else if (name.endsWith(".csv")) {
      try {
        for (CsvReader.Line line : CsvReader.read(bytes)) {
          rows.add(new ArrayList<>(line.fields()));
          numbers.add(line.number());
        }
      } catch (IllegalArgumentException e) {
        throw new KpiImportException(e.getMessage());
      }
    } else if (name.endsWith(".xls")) {
      throw new KpiImportException("ไฟล์ Excel รุ่นเก่า (.xls) ใช้ไม่ได้ กรุณาบันทึกเป็น .xlsx หรือ .csv (UTF-8)");
    } else {
      throw new KpiImportException("รองรับเฉพาะไฟล์ .xlsx และ .csv (ได้รับ '" + fileName + "')");
    }
    return toSourceRows(rows, numbers);
  }

  private static List<SourceRow> toSourceRows(List<List<Object>> rows, List<Integer> numbers) {
    // The header is the first row naming at least three of the columns (a title may stand above it),
    // or else the first non-empty row, whose missing columns are then reported.
    int headerIndex = -1;
    for (int r = 0; r < Math.min(rows.size(), 20) && headerIndex < 0; r++) {
      if (rows.get(r).stream().filter(cell -> cell != null && Column.of(cell.toString()) != null).count() >= 3) {
        headerIndex = r;
      }
    }
    if (headerIndex < 0) {
      headerIndex = 0;
      while (headerIndex < rows.size() && rows.get(headerIndex).stream().allMatch(KpiImportFile::blank)) {
        headerIndex++;
      }
    }
    if (headerIndex == rows.size()) {
      throw new KpiImportException("ไฟล์ว่างเปล่า ไม่มีหัวคอลัมน์และรายการตัวชี้วัด");
    }
    List<Object> header = rows.get(headerIndex);
    int headerRow = numbers.get(headerIndex);
    Map<Column, Integer> positions = new EnumMap<>(Column.class);
    List<KpiImportException.Problem> problems = new ArrayList<>();
    for (int c = 0; c < header.size(); c++) {
      Object cell = header.get(c);
      Column column = cell == null ? null : Column.of(cell.toString());
      if (column != null) {
        if (positions.containsKey(column)) {
          problems.add(new KpiImportException.Problem(headerRow, "มีคอลัมน์ '" + column.header() + "' มากกว่าหนึ่งคอลัมน์"));
        }
        positions.putIfAbsent(column, c);
      }
    }
    List<String> missing = new ArrayList<>();
    for (Column column : Column.values()) {
      if (column.required() && !positions.containsKey(column)) {
        missing.add(column.header());
      }
    }
    if (!missing.isEmpty()) {
      problems.add(new KpiImportException.Problem(headerRow, "ไม่พบหัวคอลัมน์ " + String.join(", ", missing)
          + " (หัวคอลัมน์ที่ต้องมี: รหัสตัวชี้วัด, ชื่อตัวชี้วัด, กลยุทธ์, ค่าเป้าหมาย, หน่วยนับ, ผู้รับผิดชอบ; ทิศทาง ใส่หรือไม่ก็ได้)"));
    }
    if (!problems.isEmpty()) {
      throw new KpiImportException(problems);
    }
    List<SourceRow> result = new ArrayList<>();
    for (int r = headerIndex + 1; r < rows.size(); r++) {
      List<Object> row = rows.get(r);
      Map<Column, Object> values = new EnumMap<>(Column.class);
      positions.forEach((column, index) -> values.put(column, index < row.size() ? row.get(index) : null));
      SourceRow source = new SourceRow(numbers.get(r), values);
      if (!source.isBlank()) {
        result.add(source);
      }
    }
    if (result.isEmpty()) {
      throw new KpiImportException("ไม่มีรายการตัวชี้วัดในไฟล์ (มีแต่หัวคอลัมน์)");
    }
    if (result.size() > MAX_ROWS) {
      throw new KpiImportException("มีรายการตัวชี้วัด " + result.size() + " แถว เกินกว่าที่รับได้ (" + MAX_ROWS + " แถว)");
    }
    return result;
  }

  private static boolean blank(Object value) {
    return value == null || value.toString().isBlank();
  }

  private static void readXlsx(byte[] bytes, List<List<Object>> rows, List<Integer> numbers) {
    try (Workbook workbook = new XSSFWorkbook(new ByteArrayInputStream(bytes))) {
      if (workbook.getNumberOfSheets() == 0) {
        throw new KpiImportException("ไฟล์ Excel ไม่มีแผ่นงาน");
      }
      Sheet sheet = workbook.getSheetAt(0);
      DataFormatter formatter = new DataFormatter(Locale.ROOT);
      for (Row row : sheet) {
        if (row.getRowNum() > MAX_ROWS + 50) {
          throw new KpiImportException("ไฟล์มีแถวมากเกินกว่าที่รับได้ (" + MAX_ROWS + " แถว)");
        }
        List<Object> values = new ArrayList<>();
        for (int c = 0; c < Math.max(0, row.getLastCellNum()); c++) {
          values.add(value(row.getCell(c), formatter));
        }
        rows.add(values);
        numbers.add(row.getRowNum() + 1);
      }
    } catch (KpiImportException e) {
      throw e;
    } catch (IOException | RuntimeException e) {
      throw new KpiImportException("อ่านไฟล์ Excel ไม่ได้ กรุณาตรวจสอบว่าเป็นไฟล์ .xlsx ที่ถูกต้อง");
    }
  }

  private static Object value(Cell cell, DataFormatter formatter) {
    if (cell == null) {
      return null;
    }
    CellType type = cell.getCellType() == CellType.FORMULA ? cell.getCachedFormulaResultType() : cell.getCellType();
    if (type == CellType.NUMERIC && !org.apache.poi.ss.usermodel.DateUtil.isCellDateFormatted(cell)) {
      return BigDecimal.valueOf(cell.getNumericCellValue());
    }
    if (type == CellType.STRING) {
      return cell.getRichStringCellValue().getString();
    }
    if (type == CellType.BLANK || type == CellType.ERROR) {
      return null;
    }
    return formatter.formatCellValue(cell);
  }
}
