package th.planflow.strategy;

import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import th.planflow.calendar.FiscalYear;
import th.planflow.calendar.ThaiDates;
import th.planflow.review.FormInput;
import th.planflow.web.UserInputException;

/**
 * Reads what people type into the duty's forms and API: numbers, dates and the lists entered one line
 * per entry (columns separated by "|" or by tabs when pasted from Excel). Every refusal is a
 * {@link UserInputException} with a Thai message naming the field and, for lists, the line.
 */
public final class StrategyInput {

  /** numeric(16, 2): at most 14 digits before the point and 2 after. */
  static final BigDecimal MAX_AMOUNT = new BigDecimal("99999999999999.99");
  static final int MAX_ITEMS = 100;
  static final int MAX_PEOPLE = 100;
  static final int NAME_MAX = 500;
  static final int UNIT_MAX = 100;
  static final int PROJECTS_MAX = 2000;
  static final int PERSON_MAX = 300;
  static final int ROLE_MAX = 200;
  /** At most this many line errors are listed in one message. */
  static final int ERRORS_SHOWN = 10;

  private static final Pattern CODE = Pattern.compile("[0-9A-Za-z\\u0E00-\\u0E7F.()\\-]{1,20}");
  private static final Pattern NUMBER = Pattern.compile("\\d+(\\.\\d+)?");

  private StrategyInput() {
  }

  /** One line of a list: its number as the person sees it (1-based) and its trimmed cells. */
  record Line(int number, List<String> cells) {

    String cell(int i) {
      return i < cells.size() ? cells.get(i) : "";
    }
  }

  /** A working-group line: who (a user name or a Thai full name) and their duty in the group. */
  public record MemberInput(String person, String role) {
  }

  /**
   * A non-negative amount with at most two decimals (targets, results, baht), from a form number
   * (Integer, Long, Double), JSON or text with thousands separators ("1,250.50").
   */
  public static BigDecimal amount(Object value, String label) {
    if (value == null || (value instanceof String s && s.isBlank())) {
      throw new UserInputException("กรุณากรอก" + label);
    }
    BigDecimal number = toDecimal(value, label);
    checkAmount(number, label);
    return number;
  }

  private static BigDecimal toDecimal(Object value, String label) {
    if (value instanceof BigDecimal decimal) {
      return decimal;
    }
    if (value instanceof Integer || value instanceof Long || value instanceof Short) {
      return BigDecimal.valueOf(((Number) value).longValue());
    }
    if (value instanceof Double || value instanceof Float) {
      double d = ((Number) value).doubleValue();
      if (!Double.isFinite(d)) {
        throw notANumber(label, value);
      }
      return BigDecimal.valueOf(d);
    }
    if (value instanceof String s) {
      String digits = s.trim().replace(",", "");
      boolean negative = digits.startsWith("-");
      String unsigned = negative ? digits.substring(1).trim() : digits;
      if (!NUMBER.matcher(unsigned).matches()) {
        throw notANumber(label, value);
      }
      BigDecimal parsed = new BigDecimal(unsigned);
      return negative ? parsed.negate() : parsed;
    }
    throw notANumber(label, value);
  }

  private static void checkAmount(BigDecimal number, String label) {
    if (number.signum() < 0) {
      throw new UserInputException(label + " ต้องไม่ติดลบ (ได้รับ " + number.toPlainString() + ")");
    }
    if (number.stripTrailingZeros().scale() > 2) {
      throw new UserInputException(label + " มีทศนิยมได้ไม่เกิน 2 ตำแหน่ง (ได้รับ " + number.toPlainString() + ")");
    }
    if (number.compareTo(MAX_AMOUNT) > 0) {
      throw new UserInputException(label + " มากเกินไป (ไม่เกิน " + money(MAX_AMOUNT) + ")");
    }
  }

  private static UserInputException notANumber(String label, Object value) {
    return new UserInputException(label + " ต้องเป็นตัวเลขไม่ติดลบ เช่น 80 หรือ 1,250.50 (ได้รับ '" + value + "')");
  }

  /** A date of the fiscal year, from a form date field ("2028-02-12"), JSON or a Date. */
  public static LocalDate date(Object value, String label, FiscalYear year) {
    if (value == null || (value instanceof String s && s.isBlank())) {
      throw new UserInputException("กรุณาระบุ" + label);
    }
    LocalDate date;
    if (value instanceof LocalDate d) {
      date = d;
    } else if (value instanceof Date d) {
      date = d.toInstant().atZone(ThaiDates.BANGKOK).toLocalDate();
    } else if (value instanceof String s) {
      try {
        date = LocalDate.parse(s.trim().length() > 10 ? s.trim().substring(0, 10) : s.trim());
      } catch (DateTimeParseException e) {
        throw new UserInputException(label + " ต้องเป็นวันที่ในรูปแบบ ปปปป-ดด-วว (ค.ศ.) จากช่องเลือกวันที่ (ได้รับ '" + s + "')");
      }
    } else {
      throw new UserInputException(label + " ต้องเป็นวันที่ (ได้รับ '" + value + "')");
    }
    if (!year.contains(date)) {
      throw new UserInputException(label + " ต้องอยู่ในปีงบประมาณ " + year + " (" + ThaiDates.full(year.firstDay())
          + " ถึง " + ThaiDates.full(year.lastDay()) + ") ได้รับ " + ThaiDates.full(date));
    }
    return date;
  }

  /**
   * The strategy items of the study, one per line: {@code รหัส | ยุทธศาสตร์/ตัวชี้วัด | ค่าเป้าหมาย |
   * หน่วยนับ | โครงการที่เกี่ยวข้อง}; a first line starting with "รหัส" is a header and skipped.
   */
  public static List<StrategyItem> items(Object value) {
    String label = "รายการยุทธศาสตร์/ตัวชี้วัด";
    List<Line> lines = lines(value, label, MAX_ITEMS);
    List<StrategyItem> items = new ArrayList<>();
    List<String> errors = new ArrayList<>();
    for (Line line : lines) {
      if (line.cells().size() < 4 || line.cells().size() > 5) {
        errors.add("บรรทัดที่ " + line.number() + ": ต้องมี 4 หรือ 5 ช่อง (รหัส | ยุทธศาสตร์/ตัวชี้วัด | ค่าเป้าหมาย"
            + " | หน่วยนับ | โครงการที่เกี่ยวข้อง) แต่มี " + line.cells().size() + " ช่อง");
        continue;
      }
      try {
        items.add(item(line.cell(0), line.cell(1), line.cell(2), line.cell(3), line.cell(4), null));
      } catch (UserInputException e) {
        errors.add("บรรทัดที่ " + line.number() + ": " + e.getMessage());
      }
    }
    refuse(label, errors);
    checkItems(items);
    return items;
  }

  /** One item from its parts (a line of the form or an API call), checked. */
  public static StrategyItem item(Object code, Object name, Object target, Object unit, Object projects,
      String responsibleUserId) {
    String checkedCode = code(code);
    String checkedName = FormInput.text(name, "ชื่อยุทธศาสตร์/ตัวชี้วัด", NAME_MAX, true);
    BigDecimal checkedTarget = amount(target, "ค่าเป้าหมาย");
    String checkedUnit = FormInput.text(unit, "หน่วยนับ", UNIT_MAX, true);
    String checkedProjects = FormInput.text(projects, "โครงการที่เกี่ยวข้อง", PROJECTS_MAX, false);
    return new StrategyItem(checkedCode, checkedName, checkedTarget, checkedUnit, checkedProjects, responsibleUserId);
  }

  /** The list as a whole: at least one item, codes unique. */
  public static void checkItems(List<StrategyItem> items) {
    if (items.isEmpty()) {
      throw new UserInputException("กรุณาบันทึกรายการยุทธศาสตร์/ตัวชี้วัดที่เกี่ยวข้องอย่างน้อย 1 รายการ");
    }
    Set<String> seen = new HashSet<>();
    List<String> duplicates = new ArrayList<>();
    for (StrategyItem item : items) {
      if (!seen.add(item.code()) && !duplicates.contains(item.code())) {
        duplicates.add(item.code());
      }
    }
    if (!duplicates.isEmpty()) {
      throw new UserInputException("รหัสรายการซ้ำกัน: " + String.join(", ", duplicates) + " (แต่ละรายการต้องมีรหัสไม่ซ้ำ)");
    }
  }

  static String code(Object value) {
    String code = FormInput.text(value, "รหัสรายการ", 20, true);
    if (!CODE.matcher(code).matches()) {
      throw new UserInputException("รหัสรายการ '" + code + "' ใช้ได้เฉพาะตัวเลข ตัวอักษร จุด วงเล็บ และขีด"
          + " ไม่มีช่องว่าง ไม่เกิน 20 ตัวอักษร เช่น 1.1");
    }
    return code;
  }

  /**
   * The responsible person of each item, one per line: {@code รหัสรายการ | ชื่อผู้ใช้}; a third column
   * (the item's name, shown for reading) is ignored. An empty user name leaves the item unassigned.
   */
  public static Map<String, String> assignments(Object value) {
    String label = "ผู้รับผิดชอบรายการ";
    List<Line> lines = lines(value, label, MAX_ITEMS);
    Map<String, String> assigned = new LinkedHashMap<>();
    List<String> errors = new ArrayList<>();
    for (Line line : lines) {
      String code = line.cell(0);
      if (assigned.containsKey(code)) {
        errors.add("บรรทัดที่ " + line.number() + ": รหัส " + code + " ซ้ำกับบรรทัดก่อนหน้า");
        continue;
      }
      String user = line.cell(1);
      assigned.put(code, user.isEmpty() ? null : user);
    }
    refuse(label, errors);
    return assigned;
  }

  /** The working group, one person per line: {@code ชื่อผู้ใช้ หรือ ชื่อ-สกุล | หน้าที่ในคณะทำงาน}. */
  public static List<MemberInput> members(Object value) {
    String label = "คณะทำงาน";
    List<Line> lines = lines(value, label, MAX_PEOPLE);
    List<MemberInput> members = new ArrayList<>();
    List<String> errors = new ArrayList<>();
    for (Line line : lines) {
      if (line.cell(1).isEmpty()) {
        errors.add("บรรทัดที่ " + line.number() + ": กรุณาระบุหน้าที่ในคณะทำงานหลังเครื่องหมาย | เช่น ประธานคณะทำงาน");
        continue;
      }
      members.add(new MemberInput(line.cell(0), line.cell(1)));
    }
    refuse(label, errors);
    return members;
  }

  /** People, one per line: a user name or a Thai full name; anything after "|" is for reading only. */
  public static List<String> people(Object value, String label) {
    return lines(value, label, MAX_PEOPLE).stream().map(line -> line.cell(0)).toList();
  }

  /** Non-empty lines split into cells; at least one line, at most {@code max}. */
  static List<Line> lines(Object value, String label, int max) {
    String text = FormInput.text(value, label, 20_000, true);
    List<Line> lines = new ArrayList<>();
    String[] raw = text.split("\\r?\\n|\\r");
    for (int i = 0; i < raw.length; i++) {
      String line = raw[i].strip();
      if (line.isEmpty()) {
        continue;
      }
      String[] parts = line.contains("\t") ? line.split("\t", -1) : line.split("\\|", -1);
      List<String> cells = new ArrayList<>();
      for (String part : parts) {
        cells.add(part.strip());
      }
      while (cells.size() > 1 && cells.get(cells.size() - 1).isEmpty()) {
        cells.remove(cells.size() - 1);
      }
      if (lines.isEmpty() && cells.get(0).startsWith("รหัส")) {
        continue; // a header row pasted from a spreadsheet
      }
      lines.add(new Line(i + 1, cells));
    }
    if (lines.isEmpty()) {
      throw new UserInputException("กรุณากรอก" + label + " อย่างน้อย 1 บรรทัด");
    }
    if (lines.size() > max) {
      throw new UserInputException(label + " มีได้ไม่เกิน " + max + " บรรทัด (มี " + lines.size() + " บรรทัด)");
    }
    return lines;
  }

  static void refuse(String label, List<String> errors) {
    if (errors.isEmpty()) {
      return;
    }
    List<String> shown = errors.subList(0, Math.min(ERRORS_SHOWN, errors.size()));
    String more = errors.size() > shown.size() ? "; และอีก " + (errors.size() - shown.size()) + " บรรทัด" : "";
    throw new UserInputException(label + "ไม่ถูกต้อง: " + String.join("; ", shown) + more);
  }

  /** "1,250.5" / "80": a number as people write it, without needless decimals. */
  public static String plain(BigDecimal number) {
    return number == null ? "" : format("#,##0.##", number);
  }

  /** "1,250.50": baht. */
  public static String money(BigDecimal number) {
    return number == null ? "" : format("#,##0.00", number);
  }

  private static String format(String pattern, BigDecimal number) {
    return new DecimalFormat(pattern, DecimalFormatSymbols.getInstance(Locale.ROOT)).format(number);
  }
}
