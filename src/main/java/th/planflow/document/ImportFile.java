package th.planflow.document;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Reads the rows of a list people keep in Excel, from .xlsx (first sheet) or .csv: a row of Thai
 * headers, in any order and possibly under a title row; other columns are ignored. Values are text,
 * except numeric Excel cells, which stay numbers. Problems with the file as a whole throw
 * {@link ImportException}; checking the rows is the caller's, so that an import is all or nothing.
 */
public final class ImportFile {

  /** A column of an import file, usually an enum constant holding its {@link Spec}. */
  public interface Column {
    Spec spec();

    /** The header written in templates and error lists. */
    default String header() {
      return spec().headers().get(0);
    }
  }

  /** Whether a column must be in the file, and the headers accepted for it (compared without spaces). */
  public record Spec(boolean required, List<String> headers) {
  }

  public static Spec required(String... headers) {
    return new Spec(true, List.of(headers));
  }

  public static Spec optional(String... headers) {
    return new Spec(false, List.of(headers));
  }

  /** One data row: its row number in the file (the header is row 1 when it is the first line). */
  public record Row<C extends Enum<C>>(int number, Map<C, Object> values) {

    /** The cell as trimmed text (numbers without ".0"), null when empty. */
    public String text(C column) {
      Object value = values.get(column);
      if (value == null) {
        return null;
      }
      String text = value instanceof BigDecimal d ? d.stripTrailingZeros().toPlainString() : value.toString();
      text = text.replace('\u00A0', ' ').replace("\u200B", "").trim();
      return text.isEmpty() ? null : text;
    }

    public Object raw(C column) {
      return values.get(column);
    }

    boolean isBlank() {
      return values.keySet().stream().allMatch(c -> text(c) == null);
    }
  }

  public static final int MAX_FILE_BYTES = 2 * 1024 * 1024;

  private ImportFile() {
  }

  /**
   * @param items what the file lists in Thai ("รายการตัวชี้วัด"), for the messages
   * @param maxRows the most data rows accepted
   */
  public static <C extends Enum<C> & Column> List<Row<C>> read(String fileName, byte[] bytes, Class<C> columns,
      String items, int maxRows) {
    if (bytes == null || bytes.length == 0) {
      throw new ImportException(items, "ไม่พบไฟล์ หรือไฟล์ว่างเปล่า");
    }
    if (bytes.length > MAX_FILE_BYTES) {
      throw new ImportException(items, "ไฟล์ใหญ่เกิน 2 MB");
    }
    String name = fileName == null ? "" : fileName.toLowerCase(Locale.ROOT).trim();
    List<List<Object>> rows = new ArrayList<>();
    List<Integer> numbers = new ArrayList<>();
    if (name.endsWith(".xlsx")) {
      readXlsx(bytes, rows, numbers, items, maxRows);
    } else if (name.endsWith(".csv")) {
      try {
        for (CsvReader.Line line : CsvReader.read(bytes)) {
          rows.add(new ArrayList<>(line.fields()));
          numbers.add(line.number());
        }
      } catch (IllegalArgumentException e) {
        throw new ImportException(items, e.getMessage());
      }
    } else if (name.endsWith(".xls")) {
      throw new ImportException(items, "ไฟล์ Excel รุ่นเก่า (.xls) ใช้ไม่ได้ กรุณาบันทึกเป็น .xlsx หรือ .csv (UTF-8)");
    } else {
      throw new ImportException(items, "รองรับเฉพาะไฟล์ .xlsx และ .csv (ได้รับ '" + fileName + "')");
    }
    return toRows(rows, numbers, columns, items, maxRows);
  }

  /** The column a header names, or null; "ค่าเป้าหมาย (ร้อยละ)" and "ค่าเป้าหมาย*" name the same column. */
  public static <C extends Enum<C> & Column> C column(Class<C> columns, String header) {
    String h = normalize(header);
    for (C column : columns.getEnumConstants()) {
      for (String accepted : column.spec().headers()) {
        if (normalize(accepted).equals(h)) {
          return column;
        }
      }
    }
    return null;
  }

  private static String normalize(String header) {
    return header.replaceAll("\\(.*?\\)|\\*", "").replaceAll("[\\s\\u200B\\uFEFF]+", "").toLowerCase(Locale.ROOT);
  }

  private static <C extends Enum<C> & Column> List<Row<C>> toRows(List<List<Object>> rows, List<Integer> numbers,
      Class<C> columns, String items, int maxRows) {
    // The header is the first row naming every required column (a title may stand above it, optional
    // columns may be left out); else the row naming the most columns, or the first non-empty row, whose
    // missing columns are then reported.
    int headerIndex = -1;
    int mostNamed = 0;
    int bestGuess = -1;
    for (int r = 0; r < Math.min(rows.size(), 20) && headerIndex < 0; r++) {
      Set<C> named = EnumSet.noneOf(columns);
      for (Object cell : rows.get(r)) {
        C column = cell == null ? null : column(columns, cell.toString());
        if (column != null) {
          named.add(column);
        }
      }
      if (!named.isEmpty() && Arrays.stream(columns.getEnumConstants())
          .allMatch(column -> !column.spec().required() || named.contains(column))) {
        headerIndex = r;
      } else if (named.size() > mostNamed) {
        mostNamed = named.size();
        bestGuess = r;
      }
    }
    if (headerIndex < 0) {
      headerIndex = bestGuess;
    }
    if (headerIndex < 0) {
      headerIndex = 0;
      while (headerIndex < rows.size() && rows.get(headerIndex).stream().allMatch(ImportFile::blank)) {
        headerIndex++;
      }
    }
    if (headerIndex == rows.size()) {
      throw new ImportException(items, "ไฟล์ว่างเปล่า ไม่มีหัวคอลัมน์และ" + items);
    }
    List<Object> header = rows.get(headerIndex);
    int headerRow = numbers.get(headerIndex);
    Map<C, Integer> positions = new EnumMap<>(columns);
    List<ImportException.Problem> problems = new ArrayList<>();
    for (int c = 0; c < header.size(); c++) {
      Object cell = header.get(c);
      C column = cell == null ? null : column(columns, cell.toString());
      if (column != null) {
        if (positions.containsKey(column)) {
          problems.add(new ImportException.Problem(headerRow, "มีคอลัมน์ '" + column.header() + "' มากกว่าหนึ่งคอลัมน์"));
        }
        positions.putIfAbsent(column, c);
      }
    }
    List<String> missing = new ArrayList<>();
    List<String> required = new ArrayList<>();
    List<String> optional = new ArrayList<>();
    for (C column : columns.getEnumConstants()) {
      (column.spec().required() ? required : optional).add(column.header());
      if (column.spec().required() && !positions.containsKey(column)) {
        missing.add(column.header());
      }
    }
    if (!missing.isEmpty()) {
      problems.add(new ImportException.Problem(headerRow, "ไม่พบหัวคอลัมน์ " + String.join(", ", missing)
          + " (หัวคอลัมน์ที่ต้องมี: " + String.join(", ", required)
          + (optional.isEmpty() ? "" : "; " + String.join(", ", optional) + " ใส่หรือไม่ก็ได้") + ")"));
    }
    if (!problems.isEmpty()) {
      throw new ImportException(items, problems);
    }
    List<Row<C>> result = new ArrayList<>();
    for (int r = headerIndex + 1; r < rows.size(); r++) {
      List<Object> row = rows.get(r);
      Map<C, Object> values = new EnumMap<>(columns);
      positions.forEach((column, index) -> values.put(column, index < row.size() ? row.get(index) : null));
      Row<C> source = new Row<>(numbers.get(r), values);
      if (!source.isBlank()) {
        result.add(source);
      }
    }
    if (result.isEmpty()) {
      throw new ImportException(items, "ไม่มี" + items + "ในไฟล์ (มีแต่หัวคอลัมน์)");
    }
    if (result.size() > maxRows) {
      throw new ImportException(items, "มี" + items + " " + result.size() + " แถว เกินกว่าที่รับได้ (" + maxRows + " แถว)");
    }
    return result;
  }

  private static boolean blank(Object value) {
    return value == null || value.toString().isBlank();
  }

  private static void readXlsx(byte[] bytes, List<List<Object>> rows, List<Integer> numbers, String items, int maxRows) {
    try (Workbook workbook = new XSSFWorkbook(new ByteArrayInputStream(bytes))) {
      if (workbook.getNumberOfSheets() == 0) {
        throw new ImportException(items, "ไฟล์ Excel ไม่มีแผ่นงาน");
      }
      Sheet sheet = workbook.getSheetAt(0);
      DataFormatter formatter = new DataFormatter(Locale.ROOT);
      int filled = 0;
      for (org.apache.poi.ss.usermodel.Row row : sheet) {
        List<Object> values = new ArrayList<>();
        for (int c = 0; c < Math.max(0, row.getLastCellNum()); c++) {
          values.add(value(row.getCell(c), formatter));
        }
        // Excel keeps rows that were only formatted: they are not data and do not count toward the cap
        if (values.stream().allMatch(ImportFile::blank)) {
          continue;
        }
        if (++filled > maxRows + 50) {
          throw new ImportException(items, "ไฟล์มีแถวมากเกินกว่าที่รับได้ (" + maxRows + " แถว)");
        }
        rows.add(values);
        numbers.add(row.getRowNum() + 1);
      }
    } catch (ImportException e) {
      throw e;
    } catch (IOException | RuntimeException e) {
      throw new ImportException(items, "อ่านไฟล์ Excel ไม่ได้ กรุณาตรวจสอบว่าเป็นไฟล์ .xlsx ที่ถูกต้อง");
    }
  }

  private static Object value(Cell cell, DataFormatter formatter) {
    if (cell == null) {
      return null;
    }
    CellType type = cell.getCellType() == CellType.FORMULA ? cell.getCachedFormulaResultType() : cell.getCellType();
    if (type == CellType.NUMERIC && !DateUtil.isCellDateFormatted(cell)) {
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
