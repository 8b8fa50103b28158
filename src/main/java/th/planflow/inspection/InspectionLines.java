package th.planflow.inspection;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import th.planflow.calendar.ThaiDates;
import th.planflow.office.OfficeUnit;
import th.planflow.review.FormInput;
import th.planflow.web.UserInputException;

/**
 * Reads the lists the planner types or pastes from Excel into one text box: one item a line, columns
 * separated by a Tab (Excel) or "|". Every mistake is reported with its line number, in Thai.
 */
final class InspectionLines {

  static final int MAX_ITEMS = 50;
  private static final int MAX_ERRORS = 8;
  private static final Pattern SLASH_DATE = Pattern.compile("(\\d{1,2})/(\\d{1,2})/(\\d{2}|\\d{4})");
  private static final Pattern ISO_DATE = Pattern.compile("(\\d{4})-(\\d{1,2})-(\\d{1,2})");
  private static final Pattern THAI_DATE = Pattern.compile("(\\d{1,2})\\s*([ก-๙.]+)\\s*(\\d{2}|\\d{4})");
  private static final Pattern RANGE = Pattern.compile("(\\d{1,3})\\s*-\\s*(\\d{1,3})");

  record IssueLine(int seq, IssueSource source, String title, String indicators, String unitCode) {
  }

  private InspectionLines() {
  }

  /** "แหล่งที่มา | ประเด็น | ตัวชี้วัด | กลุ่มงานที่รับผิดชอบ", e.g. "ศธ | การลดความเหลื่อมล้ำ | ร้อยละ... | นโยบายและแผน". */
  static List<IssueLine> issues(String text, Function<String, Optional<OfficeUnit>> units) {
    Errors errors = new Errors();
    List<IssueLine> issues = new ArrayList<>();
    for (Line line : lines(text, "แหล่งที่มา")) {
      List<String> cells = withoutClosingSeparator(line.cells(), 4);
      if (cells.size() != 4) {
        errors.add(line, "ต้องมี 4 ช่อง คือ แหล่งที่มา | ประเด็น | ตัวชี้วัด | กลุ่มงานที่รับผิดชอบ (พบ " + cells.size() + " ช่อง)");
        continue;
      }
      Optional<IssueSource> source = IssueSource.parse(cells.get(0));
      if (source.isEmpty()) {
        errors.add(line, "แหล่งที่มา '" + cells.get(0) + "' ไม่ถูกต้อง ใช้ ศธ (กระทรวงศึกษาธิการ) หรือ นร (สำนักนายกรัฐมนตรี แบบบูรณาการ)");
        continue;
      }
      String title = errors.text(line, cells.get(1), "ประเด็นการตรวจราชการ", 1000, true);
      String indicators = errors.text(line, cells.get(2), "ตัวชี้วัด", 2000, false);
      String unitCode = errors.unit(line, cells.get(3), units);
      if (title != null && unitCode != null) {
        issues.add(new IssueLine(issues.size() + 1, source.get(), title, indicators, unitCode));
      }
    }
    errors.throwIfAny();
    if (issues.isEmpty()) {
      throw new UserInputException("กรุณากรอกประเด็นการตรวจราชการอย่างน้อย 1 ประเด็น");
    }
    if (issues.size() > MAX_ITEMS) {
      throw new UserInputException("ประเด็นการตรวจราชการมีได้ไม่เกิน " + MAX_ITEMS + " ประเด็น");
    }
    return issues;
  }

  /**
   * "วันที่ | ผู้ตรวจราชการ | ประเด็นที่ตรวจ | กลุ่มงานที่เกี่ยวข้อง | หมายเหตุ": the last two may be left out;
   * without units, the units responsible for the issues covered take part.
   */
  static List<InspectionVisit> visits(String text, List<InspectionIssue> issues, Function<String, Optional<OfficeUnit>> units) {
    Errors errors = new Errors();
    List<InspectionVisit> visits = new ArrayList<>();
    for (Line line : lines(text, "วันที่")) {
      List<String> cells = withoutClosingSeparator(line.cells(), 5);
      if (cells.size() < 3 || cells.size() > 5) {
        errors.add(line, "ต้องมี 3 ถึง 5 ช่อง คือ วันที่ | ผู้ตรวจราชการ | ประเด็นที่ตรวจ | กลุ่มงานที่เกี่ยวข้อง | หมายเหตุ (พบ "
            + cells.size() + " ช่อง)");
        continue;
      }
      LocalDate date = date(cells.get(0));
      if (date == null) {
        errors.add(line, "วันที่ '" + cells.get(0) + "' ไม่ถูกต้อง ใช้รูปแบบ วัน/เดือน/ปี พ.ศ. เช่น 15/3/2570");
      }
      String inspector = errors.text(line, cells.get(1), "ผู้ตรวจราชการ", 300, true);
      List<Integer> seqs = errors.issueSeqs(line, cells.get(2), issues);
      Set<String> unitCodes = new LinkedHashSet<>();
      String unitCell = cells.size() > 3 ? cells.get(3) : "";
      if (unitCell.isBlank() && seqs != null) {
        issues.stream().filter(i -> seqs.contains(i.seq())).map(InspectionIssue::unitCode).forEach(unitCodes::add);
      }
      for (String name : unitCell.split("[,،]")) {
        if (!name.isBlank()) {
          String code = errors.unit(line, name, units);
          if (code != null) {
            unitCodes.add(code);
          }
        }
      }
      String note = cells.size() > 4 ? errors.text(line, cells.get(4), "หมายเหตุ", 1000, false) : null;
      if (date != null && inspector != null && seqs != null) {
        visits.add(new InspectionVisit(visits.size() + 1, date, inspector, seqs, List.copyOf(unitCodes), note));
      }
    }
    errors.throwIfAny();
    if (visits.isEmpty()) {
      throw new UserInputException("กรุณากรอกกำหนดการตรวจราชการอย่างน้อย 1 รายการ");
    }
    if (visits.size() > MAX_ITEMS) {
      throw new UserInputException("กำหนดการตรวจราชการมีได้ไม่เกิน " + MAX_ITEMS + " รายการ");
    }
    return visits;
  }

  /** "15/3/2570", "15/03/70", "2027-03-15", "15 มี.ค. 2570", "15 มีนาคม 2570"; null when not a date. */
  static LocalDate date(String text) {
    String s = text.strip();
    try {
      Matcher m = SLASH_DATE.matcher(s);
      if (m.matches()) {
        return LocalDate.of(christianYear(m.group(3)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(1)));
      }
      m = ISO_DATE.matcher(s);
      if (m.matches()) {
        return LocalDate.of(christianYear(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
      }
      m = THAI_DATE.matcher(s);
      if (m.matches()) {
        int month = thaiMonth(m.group(2));
        return month == 0 ? null : LocalDate.of(christianYear(m.group(3)), month, Integer.parseInt(m.group(1)));
      }
    } catch (DateTimeException e) {
      return null;
    }
    return null;
  }

  /** Years are B.E. ("2570", "70"); a C.E. year ("2027") is taken as it is. */
  private static int christianYear(String year) {
    int y = Integer.parseInt(year);
    if (year.length() == 2) {
      y += 2500;
    }
    return y > 2400 ? ThaiDates.toChristianYear(y) : y;
  }

  private static int thaiMonth(String name) {
    String wanted = name.replace(".", "");
    for (int m = 1; m <= 12; m++) {
      if (ThaiDates.monthName(m).equals(wanted) || ThaiDates.monthAbbreviation(m).replace(".", "").equals(wanted)) {
        return m;
      }
    }
    return 0;
  }

  private record Line(int number, List<String> cells) {
  }

  /** "a | b | c | d |": a "|" closing the line adds an empty cell past the last column. */
  private static List<String> withoutClosingSeparator(List<String> cells, int columns) {
    return cells.size() == columns + 1 && cells.get(columns).isEmpty() ? cells.subList(0, columns) : cells;
  }

  /** The non-empty lines, without a header line pasted from Excel (one whose first cell is {@code header}). */
  private static List<Line> lines(String text, String header) {
    List<Line> lines = new ArrayList<>();
    if (text == null) {
      return lines;
    }
    String[] raw = text.split("\\r?\\n|\\r");
    for (int i = 0; i < raw.length; i++) {
      if (raw[i].isBlank()) {
        continue;
      }
      String separator = raw[i].contains("\t") ? "\t" : "\\|";
      List<String> cells = new ArrayList<>();
      for (String cell : raw[i].split(separator, -1)) {
        cells.add(cell.strip());
      }
      if (lines.isEmpty() && cells.get(0).equals(header)) {
        continue;
      }
      lines.add(new Line(i + 1, cells));
    }
    return lines;
  }

  /** Collects the mistakes of all lines, so the planner can fix them at once. */
  private static final class Errors {
    private final List<String> messages = new ArrayList<>();
    private int count;

    void add(Line line, String message) {
      count++;
      if (messages.size() < MAX_ERRORS) {
        messages.add("บรรทัดที่ " + line.number() + ": " + message);
      }
    }

    String text(Line line, String value, String label, int max, boolean required) {
      try {
        return FormInput.text(value, label, max, required);
      } catch (UserInputException e) {
        add(line, e.getMessage());
        return null;
      }
    }

    String unit(Line line, String name, Function<String, Optional<OfficeUnit>> units) {
      if (name.isBlank()) {
        add(line, "ยังไม่ได้ระบุกลุ่มงานที่รับผิดชอบ");
        return null;
      }
      Optional<OfficeUnit> unit = units.apply(name.strip());
      if (unit.isEmpty()) {
        add(line, "ไม่พบกลุ่มงาน '" + name.strip() + "' ใช้รหัสหรือชื่อกลุ่มงานตามรายการกลุ่มงานในสำนักงาน");
        return null;
      }
      if (unit.get().headUserId() == null) {
        add(line, unit.get().nameTh() + " ยังไม่ได้กำหนดหัวหน้ากลุ่มงานในระบบ กรุณาแจ้งผู้ดูแลระบบ");
        return null;
      }
      return unit.get().code();
    }

    List<Integer> issueSeqs(Line line, String cell, List<InspectionIssue> issues) {
      String s = cell.replace(" ", "");
      if (s.equals("ทุกประเด็น") || s.equals("ทั้งหมด")) {
        return issues.stream().map(InspectionIssue::seq).toList();
      }
      Set<Integer> seqs = new LinkedHashSet<>();
      for (String part : s.split("[,،]")) {
        Matcher range = RANGE.matcher(part);
        if (range.matches()) {
          for (int n = Integer.parseInt(range.group(1)); n <= Integer.parseInt(range.group(2)); n++) {
            seqs.add(n);
          }
        } else if (part.matches("\\d{1,3}")) {
          seqs.add(Integer.valueOf(part));
        } else {
          add(line, "ประเด็นที่ตรวจ '" + cell + "' ไม่ถูกต้อง ใช้ลำดับประเด็น เช่น 1,2,5 หรือ 1-3 หรือ ทุกประเด็น");
          return null;
        }
      }
      for (Integer seq : seqs) {
        if (issues.stream().noneMatch(i -> i.seq() == seq)) {
          add(line, "ไม่มีประเด็นที่ " + seq + " ในประเด็นการตรวจราชการของปีนี้");
          return null;
        }
      }
      return List.copyOf(seqs);
    }

    void throwIfAny() {
      if (count > 0) {
        String more = count > messages.size() ? "\nและอีก " + (count - messages.size()) + " รายการ" : "";
        throw new UserInputException("ข้อมูลไม่ถูกต้อง กรุณาแก้ไขแล้วส่งอีกครั้ง\n" + String.join("\n", messages) + more);
      }
    }
  }
}
