package th.planflow.kpi;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import th.planflow.calendar.PlanflowClock;
import th.planflow.document.ImportFile;
import th.planflow.document.ImportException.Problem;
import th.planflow.kpi.KpiImportFile.Column;
import th.planflow.review.FormInput;
import th.planflow.web.UserInputException;

/**
 * Imports the year's KPI list from .xlsx or .csv, all or nothing: every row is checked first and a
 * single bad row means nothing is saved and the plan officer gets the whole list of problems.
 */
@Service
class KpiImporter {

  static final int CODE_MAX = 50;
  private static final BigDecimal TARGET_LIMIT = new BigDecimal("100000000000000");

  private final KpiStore store;
  private final KpiStaff staff;
  private final PlanflowClock clock;

  KpiImporter(KpiStore store, KpiStaff staff, PlanflowClock clock) {
    this.store = store;
    this.staff = staff;
    this.clock = clock;
  }

  /** Replaces the year's KPI list with the file's; refused once owners have reported results. */
  @Transactional
  List<Kpi> importFile(int year, String fileName, byte[] bytes, String importedBy) {
    if (store.hasResults(year)) {
      throw new KpiImportException("ปีงบประมาณ " + year
          + " มีผลการดำเนินงานที่ผู้รับผิดชอบรายงานแล้ว จึงนำเข้ารายการตัวชี้วัดใหม่ทั้งชุดไม่ได้ (เปลี่ยนผู้รับผิดชอบรายตัวได้)");
    }
    List<Kpi> kpis = check(KpiImportFile.read(fileName, bytes));
    store.replaceKpis(year, kpis, importedBy, clock.now());
    return kpis;
  }

  /** The KPIs of the rows, or every problem of every row. */
  List<Kpi> check(List<ImportFile.Row<Column>> rows) {
    Map<String, String> staffIds = staff.staff();
    List<Problem> problems = new ArrayList<>();
    Map<String, Integer> firstRowOfCode = new HashMap<>();
    List<Kpi> kpis = new ArrayList<>();
    int seq = 0;
    for (ImportFile.Row<Column> row : rows) {
      List<String> rowProblems = new ArrayList<>();
      String code = row.text(Column.CODE);
      if (code == null) {
        rowProblems.add("ไม่มีรหัสตัวชี้วัด");
      } else if (code.length() > CODE_MAX) {
        rowProblems.add("รหัสตัวชี้วัด '" + code + "' ยาวเกิน " + CODE_MAX + " ตัวอักษร");
      } else if (!code.matches("[\\p{L}\\p{M}\\p{N}._/()\\-]+")) {
        rowProblems.add("รหัสตัวชี้วัด '" + code + "' มีอักขระที่ใช้ไม่ได้ (ใช้ตัวอักษร ตัวเลข . - _ / เท่านั้น ไม่เว้นวรรค)");
      } else if (firstRowOfCode.containsKey(code)) {
        rowProblems.add("รหัสตัวชี้วัด '" + code + "' ซ้ำกับแถวที่ " + firstRowOfCode.get(code));
      } else {
        firstRowOfCode.put(code, row.number());
      }
      String name = text(row, Column.NAME, "ชื่อตัวชี้วัด", 1000, rowProblems);
      String strategy = text(row, Column.STRATEGY, "กลยุทธ์", 500, rowProblems);
      String unit = text(row, Column.UNIT, "หน่วยนับ", 100, rowProblems);
      BigDecimal target = target(row, rowProblems);
      Direction direction = Direction.parse(row.text(Column.DIRECTION));
      if (direction == null) {
        rowProblems.add("ทิศทาง '" + row.text(Column.DIRECTION) + "' ไม่ถูกต้อง (ใช้ มากกว่าดี หรือ น้อยกว่าดี)");
      }
      String owner = row.text(Column.OWNER);
      if (owner == null) {
        rowProblems.add("ไม่มีผู้รับผิดชอบ");
      } else if (!staffIds.containsKey(owner)) {
        rowProblems.add("ไม่พบผู้รับผิดชอบ '" + owner + "' ในกลุ่มบุคลากรในสำนักงานเขต (esa-staff) กรุณาใช้ชื่อผู้ใช้ในระบบ เช่น staff1");
      }
      if (rowProblems.isEmpty()) {
        kpis.add(new Kpi(code, ++seq, name, strategy, target, unit, direction, owner));
      } else {
        rowProblems.forEach(p -> problems.add(new Problem(row.number(), p)));
      }
    }
    if (!problems.isEmpty()) {
      throw new KpiImportException(problems);
    }
    return kpis;
  }

  private static String text(ImportFile.Row<Column> row, Column column, String label, int max, List<String> problems) {
    String value = row.text(column);
    if (value == null) {
      problems.add("ไม่มี" + label);
      return null;
    }
    try {
      return FormInput.text(value.replaceAll("\\s+", " "), label, max, true);
    } catch (UserInputException e) {
      problems.add(e.getMessage());
      return null;
    }
  }

  private static BigDecimal target(ImportFile.Row<Column> row, List<String> problems) {
    Object raw = row.raw(Column.TARGET);
    if (raw instanceof BigDecimal number) {
      return checkRange(number, problems);
    }
    String text = row.text(Column.TARGET);
    if (text == null) {
      problems.add("ไม่มีค่าเป้าหมาย");
      return null;
    }
    BigDecimal number = number(text);
    if (number == null) {
      problems.add("ค่าเป้าหมาย '" + text + "' ไม่ใช่ตัวเลข");
      return null;
    }
    return checkRange(number, problems);
  }

  private static BigDecimal checkRange(BigDecimal number, List<String> problems) {
    if (number.abs().compareTo(TARGET_LIMIT) >= 0) {
      problems.add("ค่าเป้าหมาย " + number.toPlainString() + " มากเกินไป");
      return null;
    }
    return number.setScale(Math.min(4, Math.max(0, number.stripTrailingZeros().scale())), RoundingMode.HALF_UP)
        .stripTrailingZeros();
  }

  /**
   * A number as people type it: Thai or Arabic digits, thousands separators, "ร้อยละ 80" or "80%".
   *
   * @return null when it is not a number
   */
  static BigDecimal number(String text) {
    StringBuilder digits = new StringBuilder();
    for (char c : text.trim().toCharArray()) {
      digits.append(c >= '๐' && c <= '๙' ? (char) ('0' + (c - '๐')) : c);
    }
    String s = digits.toString().replaceFirst("^ร้อยละ", "").replaceAll("[\\s,]", "").replaceFirst("%$", "");
    if (!s.matches("[-+]?(\\d+(\\.\\d*)?|\\.\\d+)")) {
      return null;
    }
    return new BigDecimal(s);
  }
}
