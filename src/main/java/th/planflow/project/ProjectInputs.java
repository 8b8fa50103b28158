package th.planflow.project;

import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import th.planflow.calendar.FiscalYear;
import th.planflow.calendar.ThaiDates;
import th.planflow.review.FormInput;
import th.planflow.web.UserInputException;

/**
 * Reads and checks what a project owner enters (the December project data and each quarter's
 * progress) from form fields or the JSON API. Every problem is collected as a Thai sentence, so the
 * owner sees all of them at once; nothing here touches the database or the engine.
 */
final class ProjectInputs {

  /** Form field keys of the December submission (forms/project-monitoring-entry.form). */
  static final String NAME = "projectName";
  static final String RATIONALE = "rationale";
  static final String OBJECTIVES = "objectives";
  static final String OUTPUT_TARGET = "outputTarget";
  static final String OUTCOME_TARGET = "outcomeTarget";
  static final String BUDGET = "budget";
  static final String BUDGET_SOURCE = "budgetSource";
  static final String START_DATE = "startDate";
  static final String END_DATE = "endDate";
  static final String[] LINK_LEVEL = {null, "linkLevel1", "linkLevel2", "linkLevel3"};
  static final List<String> ENTRY_FIELDS = List.of(NAME, RATIONALE, OBJECTIVES, OUTPUT_TARGET, OUTCOME_TARGET, BUDGET,
      BUDGET_SOURCE, START_DATE, END_DATE, "linkLevel1", "linkLevel2", "linkLevel3");

  /** Form field keys of a quarterly report (forms/project-monitoring-progress.form). */
  static final String PROGRESS = "progressPercent";
  static final String DISBURSED = "disbursed";
  static final String ACTIVITIES = "activitiesDone";
  static final String OUTPUT_RESULT = "outputResult";
  static final String OUTCOME_RESULT = "outcomeResult";
  static final String PROBLEMS = "problems";
  static final String NEXT_STEPS = "nextSteps";
  static final String DROP_REASON = "progressDropReason";
  static final List<String> PROGRESS_FIELDS = List.of(PROGRESS, DISBURSED, ACTIVITIES, OUTPUT_RESULT, OUTCOME_RESULT,
      PROBLEMS, NEXT_STEPS, DROP_REASON);

  static final int LONG_TEXT = 3000;
  static final BigDecimal MAX_AMOUNT = new BigDecimal("9999999999.99");
  static final BigDecimal HUNDRED = new BigDecimal("100");

  private ProjectInputs() {
  }

  /** The December data; the linkage codes per level are returned in {@code links}. */
  static Projects.Entry entry(Map<String, ?> fields, FiscalYear year, Map<Integer, List<String>> links,
      List<String> problems) {
    String name = text(fields.get(NAME), "ชื่อโครงการ", 500, true, problems);
    String rationale = text(fields.get(RATIONALE), "หลักการและเหตุผล", LONG_TEXT, true, problems);
    String objectives = text(fields.get(OBJECTIVES), "วัตถุประสงค์", LONG_TEXT, true, problems);
    String output = text(fields.get(OUTPUT_TARGET), "เป้าหมายเชิงผลผลิต (Output)", LONG_TEXT, true, problems);
    String outcome = text(fields.get(OUTCOME_TARGET), "เป้าหมายเชิงผลลัพธ์ (Outcome)", LONG_TEXT, true, problems);
    BigDecimal budget = amount(fields.get(BUDGET), "งบประมาณ", problems);
    Projects.BudgetSource source = null;
    Object sourceInput = fields.get(BUDGET_SOURCE);
    if (sourceInput == null || sourceInput.toString().isBlank()) {
      problems.add("กรุณาเลือกแหล่งงบประมาณ");
    } else {
      source = Arrays.stream(Projects.BudgetSource.values())
          .filter(s -> s.name().equalsIgnoreCase(sourceInput.toString().trim()) || s.thai().equals(sourceInput.toString().trim()))
          .findFirst().orElse(null);
      if (source == null) {
        problems.add("แหล่งงบประมาณต้องเป็น " + String.join(", ",
            Arrays.stream(Projects.BudgetSource.values()).map(Projects.BudgetSource::thai).toList()));
      }
    }
    LocalDate start = date(fields.get(START_DATE), "วันเริ่มต้นโครงการ", problems);
    LocalDate end = date(fields.get(END_DATE), "วันสิ้นสุดโครงการ", problems);
    if (start != null && end != null) {
      if (end.isBefore(start)) {
        problems.add("วันสิ้นสุดโครงการ (" + ThaiDates.full(end) + ") ต้องไม่ก่อนวันเริ่มต้น (" + ThaiDates.full(start) + ")");
      } else if (end.isBefore(year.firstDay()) || start.isAfter(year.lastDay())) {
        problems.add("ระยะเวลาโครงการต้องอยู่ในปีงบประมาณ " + year + " (" + ThaiDates.full(year.firstDay()) + " - "
            + ThaiDates.full(year.lastDay()) + ") อย่างน้อยบางส่วน");
      }
    }
    for (int level = 1; level <= 3; level++) {
      links.put(level, codes(fields.get(LINK_LEVEL[level])));
    }
    return new Projects.Entry(name, rationale, objectives, output, outcome, budget, source, start, end);
  }

  /**
   * One quarter's progress of a project with {@code budget}; {@code previous} is the project's last
   * reported progress before this quarter (null when none).
   */
  static Projects.Progress progress(Map<String, ?> fields, BigDecimal budget, Previous previous, List<String> problems) {
    BigDecimal progress = decimal(fields.get(PROGRESS), "ความก้าวหน้าของโครงการ (ร้อยละ)", problems);
    if (progress != null && (progress.signum() < 0 || progress.compareTo(HUNDRED) > 0)) {
      problems.add("ความก้าวหน้าของโครงการต้องอยู่ระหว่างร้อยละ 0 ถึง 100 (กรอก " + plain(progress) + ")");
      progress = null;
    }
    BigDecimal disbursed = amount(fields.get(DISBURSED), "ผลการเบิกจ่ายงบประมาณสะสม", problems);
    if (disbursed != null && budget != null && disbursed.compareTo(budget) > 0) {
      problems.add("ผลการเบิกจ่ายสะสม (" + baht(disbursed) + " บาท) ต้องไม่เกินงบประมาณของโครงการ (" + baht(budget) + " บาท)");
    }
    String activities = text(fields.get(ACTIVITIES), "กิจกรรมที่ดำเนินการแล้ว", LONG_TEXT, true, problems);
    String output = text(fields.get(OUTPUT_RESULT), "ผลผลิตที่ได้เทียบกับเป้าหมาย", LONG_TEXT, true, problems);
    String outcome = text(fields.get(OUTCOME_RESULT), "ผลลัพธ์ที่ได้เทียบกับเป้าหมาย", LONG_TEXT, false, problems);
    String issues = text(fields.get(PROBLEMS), "ปัญหา/อุปสรรค", LONG_TEXT, false, problems);
    String next = text(fields.get(NEXT_STEPS), "แนวทางการดำเนินงานต่อไป", LONG_TEXT, false, problems);
    String reason = text(fields.get(DROP_REASON), "เหตุผลที่ความก้าวหน้าลดลง", 2000, false, problems);
    if (progress != null && previous != null && previous.progress() != null
        && progress.compareTo(previous.progress()) < 0) {
      if (reason == null) {
        problems.add("ความก้าวหน้าร้อยละ " + plain(progress) + " ต่ำกว่าไตรมาสที่ " + previous.quarter() + " (ร้อยละ "
            + plain(previous.progress()) + ") กรุณาระบุเหตุผลที่ความก้าวหน้าลดลง");
      }
    } else {
      reason = null; // only kept when progress went down
    }
    return new Projects.Progress(progress, disbursed, activities, output, outcome, issues, next, reason);
  }

  /** The last reported progress before a quarter. */
  record Previous(int quarter, BigDecimal progress, BigDecimal disbursed) {
  }

  static String text(Object value, String label, int max, boolean required, List<String> problems) {
    try {
      return FormInput.text(value == null ? null : value instanceof String ? value : value.toString(), label, max, required);
    } catch (UserInputException e) {
      problems.add(e.getMessage());
      return null;
    }
  }

  /** A sum of money in baht: required, not negative, at most 2 decimals. */
  static BigDecimal amount(Object value, String label, List<String> problems) {
    BigDecimal amount = decimal(value, label + " (บาท)", problems);
    if (amount == null) {
      return null;
    }
    if (amount.signum() < 0) {
      problems.add(label + " ต้องไม่ติดลบ");
      return null;
    }
    if (amount.compareTo(MAX_AMOUNT) > 0) {
      problems.add(label + " สูงเกินไป (ไม่เกิน 9,999,999,999.99 บาท)");
      return null;
    }
    return amount;
  }

  /** A required number with at most 2 decimals, from a number or text ("1,250,000.50"). */
  static BigDecimal decimal(Object value, String label, List<String> problems) {
    if (value == null || (value instanceof String s && s.isBlank())) {
      problems.add("กรุณากรอก" + label);
      return null;
    }
    BigDecimal number;
    try {
      if (value instanceof BigDecimal b) {
        number = b;
      } else if (value instanceof Double || value instanceof Float) {
        double d = ((Number) value).doubleValue();
        if (!Double.isFinite(d)) {
          throw new NumberFormatException();
        }
        number = BigDecimal.valueOf(d);
      } else if (value instanceof Number n) {
        number = new BigDecimal(n.toString());
      } else if (value instanceof String s) {
        String t = s.trim().replace(",", "");
        if (!t.matches("[-+]?\\d+(\\.\\d+)?")) {
          throw new NumberFormatException();
        }
        number = new BigDecimal(t);
      } else {
        throw new NumberFormatException();
      }
    } catch (NumberFormatException e) {
      problems.add(label + " ต้องเป็นตัวเลข (กรอก '" + value + "')");
      return null;
    }
    number = number.stripTrailingZeros();
    if (number.scale() > 2) {
      problems.add(label + " มีทศนิยมได้ไม่เกิน 2 ตำแหน่ง");
      return null;
    }
    return number.setScale(2);
  }

  static LocalDate date(Object value, String label, List<String> problems) {
    if (value == null || value.toString().isBlank()) {
      problems.add("กรุณาระบุ" + label);
      return null;
    }
    String text = value.toString().trim();
    try {
      return LocalDate.parse(text.length() > 10 && text.charAt(10) == 'T' ? text.substring(0, 10) : text);
    } catch (DateTimeParseException e) {
      problems.add(label + " ไม่ถูกต้อง (ใช้รูปแบบ ปี ค.ศ.-เดือน-วัน เช่น 2027-11-15)");
      return null;
    }
  }

  /** Codes separated by commas, spaces, semicolons or new lines; a JSON list is accepted too. */
  static List<String> codes(Object value) {
    List<String> codes = new ArrayList<>();
    if (value == null) {
      return codes;
    }
    if (value instanceof Iterable<?> list) {
      list.forEach(v -> codes.addAll(codes(v)));
      return codes;
    }
    for (String part : value.toString().split("[,;\\s]+")) {
      String code = part.trim();
      if (!code.isEmpty() && codes.stream().noneMatch(c -> c.equalsIgnoreCase(code))) {
        codes.add(code);
      }
    }
    return codes;
  }

  /** "1,250,000.00". */
  static String baht(BigDecimal amount) {
    DecimalFormat format = new DecimalFormat("#,##0.00", DecimalFormatSymbols.getInstance(Locale.ROOT));
    return amount == null ? "-" : format.format(amount);
  }

  /** "45.5", "100". */
  static String plain(BigDecimal number) {
    return number == null ? "-" : number.stripTrailingZeros().toPlainString();
  }

  /** The one message for a refused submission. */
  static UserInputException refusal(String what, List<String> problems) {
    StringBuilder message = new StringBuilder(what);
    for (int i = 0; i < problems.size(); i++) {
      message.append(i == 0 ? " " : " ").append(i + 1).append(") ").append(problems.get(i));
    }
    return new UserInputException(message.toString());
  }

  /** The fields of a submission from a JSON body: only the known keys; lists of codes become text. */
  static Map<String, Object> fieldsFrom(Map<String, ?> body, List<String> keys) {
    Map<String, Object> fields = new LinkedHashMap<>();
    if (body == null) {
      return fields;
    }
    for (String key : keys) {
      Object value = body.get(key);
      if (value instanceof Iterable<?>) {
        value = String.join(", ", codes(value));
      }
      if (value != null && !(value instanceof String) && !(value instanceof Number) && !(value instanceof Boolean)) {
        throw new UserInputException("ช่อง " + key + " ต้องเป็นข้อความหรือตัวเลข");
      }
      if (value != null) {
        fields.put(key, value);
      }
    }
    return fields;
  }
}
