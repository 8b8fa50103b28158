package th.planflow.project;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.FormulaEvaluator;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import th.planflow.web.UserInputException;

/**
 * Reads a file of plan items (.xlsx: the first sheet; .csv: UTF-8, comma separated, quotes as in
 * RFC 4180) with a header row of Thai column names into rows that keep their row number in the file,
 * so every problem can be reported where the planner will find it.
 */
final class PlanItemFile {

  static final String LEVEL = "ระดับ";
  static final String KIND = "ประเภทแผน";
  static final String CODE = "รหัส";
  static final String PARENT = "รหัสรายการหลัก";
  static final String NAME = "ชื่อรายการ";
  static final String TARGET = "เป้าหมาย";
  static final String FIRST_YEAR = "ปีงบประมาณเริ่มต้น";
  static final String LAST_YEAR = "ปีงบประมาณสิ้นสุด";
  /** The columns in the order of the template and the export. */
  static final List<String> HEADERS = List.of(LEVEL, KIND, CODE, PARENT, NAME, TARGET, FIRST_YEAR, LAST_YEAR);
  static final List<String> REQUIRED = List.of(LEVEL, KIND, CODE, NAME);
  static final int MAX_BYTES = 2 * 1024 * 1024;

  private PlanItemFile() {
  }

  static List<PlanItems.Row> read(String fileName, byte[] content) {
    if (content == null || content.length == 0) {
      throw new UserInputException("กรุณาเลือกไฟล์รายการแผน (.xlsx หรือ .csv)");
    }
    if (content.length > MAX_BYTES) {
      throw new UserInputException("ไฟล์ใหญ่เกิน 2 MB");
    }
    String name = fileName == null ? "" : fileName.toLowerCase(Locale.ROOT).trim();
    List<Line> lines;
    if (name.endsWith(".xlsx")) {
      lines = xlsx(content);
    } else if (name.endsWith(".csv")) {
      lines = csv(content);
    } else {
      throw new UserInputException("รองรับเฉพาะไฟล์ .xlsx หรือ .csv (ไฟล์ที่ส่งมา: " + (fileName == null ? "-" : fileName) + ")");
    }
    lines = lines.stream().filter(l -> l.cells().stream().anyMatch(c -> c != null && !c.isBlank())).toList();
    if (lines.isEmpty()) {
      throw new UserInputException("ไฟล์ว่างเปล่า ไม่พบแถวหัวตาราง");
    }
    Line header = lines.get(0);
    Map<String, Integer> columns = new HashMap<>();
    for (int i = 0; i < header.cells().size(); i++) {
      String h = header.cells().get(i) == null ? "" : header.cells().get(i).replace("*", "").trim();
      if (!h.isEmpty()) {
        columns.putIfAbsent(h, i);
      }
    }
    List<String> missing = REQUIRED.stream().filter(h -> !columns.containsKey(h)).toList();
    if (!missing.isEmpty()) {
      throw new UserInputException("แถวที่ " + header.number() + ": ไม่พบคอลัมน์ " + String.join(", ", missing)
          + " (หัวตารางต้องเป็น " + String.join(", ", HEADERS) + ")");
    }
    List<PlanItems.Row> rows = new ArrayList<>();
    for (Line line : lines.subList(1, lines.size())) {
      rows.add(new PlanItems.Row(line.number(), new PlanItems.ItemInput(
          cell(line, columns, LEVEL), cell(line, columns, KIND), cell(line, columns, CODE), cell(line, columns, PARENT),
          cell(line, columns, NAME), cell(line, columns, TARGET), cell(line, columns, FIRST_YEAR),
          cell(line, columns, LAST_YEAR))));
    }
    if (rows.isEmpty()) {
      throw new UserInputException("ไฟล์มีแต่หัวตาราง ยังไม่มีรายการแผน");
    }
    return rows;
  }

  private static String cell(Line line, Map<String, Integer> columns, String header) {
    Integer index = columns.get(header);
    if (index == null || index >= line.cells().size()) {
      return null;
    }
    String value = line.cells().get(index);
    return value == null || value.isBlank() ? null : value.trim();
  }

  /** The cells of one row of the file and its number as a spreadsheet shows it (1 = the first row). */
  record Line(int number, List<String> cells) {
  }

  static List<Line> xlsx(byte[] content) {
    try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(content))) {
      if (workbook.getNumberOfSheets() == 0) {
        throw new UserInputException("ไฟล์ .xlsx ไม่มีแผ่นงาน");
      }
      Sheet sheet = workbook.getSheetAt(0);
      DataFormatter formatter = new DataFormatter(Locale.ROOT);
      FormulaEvaluator evaluator = workbook.getCreationHelper().createFormulaEvaluator();
      List<Line> lines = new ArrayList<>();
      for (Row row : sheet) {
        if (lines.size() > PlanItems.MAX_ROWS + 1) {
          break;
        }
        List<String> cells = new ArrayList<>();
        for (int c = 0; c < Math.max(0, row.getLastCellNum()); c++) {
          Cell cell = row.getCell(c);
          cells.add(cell == null ? null : text(cell, formatter, evaluator));
        }
        lines.add(new Line(row.getRowNum() + 1, cells));
      }
      return lines;
    } catch (IOException | RuntimeException e) {
      if (e instanceof UserInputException input) {
        throw input;
      }
      throw new UserInputException("อ่านไฟล์ .xlsx ไม่ได้ กรุณาบันทึกเป็น Excel Workbook (.xlsx) แล้วลองใหม่");
    }
  }

  /** Numbers as they are (a year formatted "2,571" is 2571); everything else as Excel shows it. */
  private static String text(Cell cell, DataFormatter formatter, FormulaEvaluator evaluator) {
    CellType type = cell.getCellType() == CellType.FORMULA ? evaluator.evaluateFormulaCell(cell) : cell.getCellType();
    if (type == CellType.NUMERIC && !DateUtil.isCellDateFormatted(cell)) {
      return BigDecimal.valueOf(cell.getNumericCellValue()).stripTrailingZeros().toPlainString();
    }
    return formatter.formatCellValue(cell, evaluator);
  }

  static List<Line> csv(byte[] content) {
    String text;
    try {
      text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(content)).toString();
    } catch (CharacterCodingException e) {
      throw new UserInputException("ไฟล์ .csv ต้องบันทึกเป็น UTF-8 (ใน Excel: บันทึกเป็น CSV UTF-8)");
    }
    if (text.startsWith("\uFEFF")) {
      text = text.substring(1);
    }
    // Row numbers count records as a spreadsheet shows them: a quoted cell with line breaks is one row.
    List<Line> lines = new ArrayList<>();
    List<String> cells = new ArrayList<>();
    StringBuilder cell = new StringBuilder();
    boolean quoted = false;
    boolean wasQuoted = false;
    int record = 1;
    for (int i = 0; i < text.length(); i++) {
      char ch = text.charAt(i);
      if (quoted) {
        if (ch == '"') {
          if (i + 1 < text.length() && text.charAt(i + 1) == '"') {
            cell.append('"');
            i++;
          } else {
            quoted = false;
          }
        } else {
          cell.append(ch);
        }
      } else if (ch == '"') {
        if (cell.toString().isBlank() && !wasQuoted) {
          cell.setLength(0);
          quoted = true;
          wasQuoted = true;
        } else {
          throw new UserInputException("แถวที่ " + record + ": เครื่องหมายคำพูด (\") อยู่ผิดตำแหน่ง");
        }
      } else if (ch == ',') {
        cells.add(cell.toString());
        cell.setLength(0);
        wasQuoted = false;
      } else if (ch == '\r' || ch == '\n') {
        if (ch == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
          i++;
        }
        cells.add(cell.toString());
        lines.add(new Line(record++, cells));
        cells = new ArrayList<>();
        cell.setLength(0);
        wasQuoted = false;
        if (lines.size() > PlanItems.MAX_ROWS + 1) {
          return lines;
        }
      } else if (wasQuoted && !Character.isWhitespace(ch)) {
        throw new UserInputException("แถวที่ " + record + ": มีข้อความต่อท้ายหลังเครื่องหมายคำพูดปิด");
      } else if (!wasQuoted) {
        cell.append(ch);
      }
    }
    if (quoted) {
      throw new UserInputException("แถวที่ " + record + ": เครื่องหมายคำพูด (\") ไม่ได้ปิด");
    }
    if (cell.length() > 0 || !cells.isEmpty()) {
      cells.add(cell.toString());
      lines.add(new Line(record, cells));
    }
    return lines;
  }
}
