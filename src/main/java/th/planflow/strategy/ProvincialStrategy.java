package th.planflow.strategy;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import th.planflow.calendar.FiscalYear;
import th.planflow.identity.Groups;
import th.planflow.review.FormInput;
import th.planflow.strategy.StrategyInput.MemberInput;
import th.planflow.strategy.StrategyRecords.Appointment;
import th.planflow.strategy.StrategyRecords.Briefing;
import th.planflow.strategy.StrategyRecords.Meeting;
import th.planflow.strategy.StrategyRecords.Member;
import th.planflow.strategy.StrategyRecords.Plan;
import th.planflow.strategy.StrategyRecords.Report;
import th.planflow.strategy.StrategyRecords.ReportStatus;
import th.planflow.strategy.StrategyRecords.Summary;
import th.planflow.web.UserInputException;

/**
 * The work of the duty, step by step, without the engine: every step checks all its input first
 * (Thai messages) and only then writes, in the caller's transaction (the engine's, for a task).
 */
@Service
public class ProvincialStrategy {

  static final int TEXT_MAX = 4000;
  static final int MINUTES_MAX = 10_000;
  private static final Pattern ORDER_NO = Pattern.compile("\\d{1,5}/\\d{4}");

  /** One item's line in the summary: the item, who answers for it, and its report if there is one. */
  public record ItemResult(StrategyItem item, String responsibleName, Report report) {

    /** Result as a percentage of the target (2 decimals); null without report or with a zero target. */
    public BigDecimal percentOfTarget() {
      if (report == null || item.target().signum() == 0) {
        return null;
      }
      return report.resultValue().multiply(BigDecimal.valueOf(100)).divide(item.target(), 2, RoundingMode.HALF_UP);
    }

    /** Whether the result reached the target; null without report. */
    public Boolean achieved() {
      return report == null ? null : report.resultValue().compareTo(item.target()) >= 0;
    }

    public String achievedText() {
      Boolean achieved = achieved();
      return achieved == null ? "ยังไม่รายงาน" : achieved ? "บรรลุเป้าหมาย" : "ไม่บรรลุเป้าหมาย";
    }
  }

  private final StrategyRepository repository;
  private final StaffDirectory staff;

  ProvincialStrategy(StrategyRepository repository, StaffDirectory staff) {
    this.repository = repository;
    this.staff = staff;
  }

  // --- 1. January: study the provincial development strategy

  /** Records the plan studied and its items; responsible persons already set for a code are kept. */
  @Transactional
  public void study(FiscalYear year, Object planName, Object itemsText, Object studyNote, String by) {
    String name = FormInput.text(planName, "ชื่อแผนพัฒนาจังหวัดที่ศึกษา", StrategyInput.NAME_MAX, true);
    List<StrategyItem> items = StrategyInput.items(itemsText);
    String note = FormInput.text(studyNote, "สรุปผลการศึกษา วิเคราะห์", TEXT_MAX, false);
    Map<String, String> responsible = new LinkedHashMap<>();
    repository.items(year.buddhistYear()).forEach(i -> responsible.put(i.code(), i.responsibleUserId()));
    List<StrategyItem> kept = items.stream().map(i -> i.withResponsible(responsible.get(i.code()))).toList();
    repository.saveStudy(year.buddhistYear(), new Plan(name, note), kept, by);
  }

  public Optional<Plan> plan(FiscalYear year) {
    return repository.plan(year.buddhistYear());
  }

  public List<StrategyItem> items(FiscalYear year) {
    return repository.items(year.buddhistYear());
  }

  public StrategyItem item(FiscalYear year, String code) {
    return items(year).stream().filter(i -> i.code().equals(code)).findFirst()
        .orElseThrow(() -> new UserInputException("ไม่พบรายการรหัส " + code + " ของปีงบประมาณ " + year));
  }

  /** The year's items as the study form writes them, one per line. */
  public String itemsText(FiscalYear year) {
    return items(year).stream().map(i -> String.join(" | ", i.code(), i.nameTh(), StrategyInput.plain(i.target()),
        i.unitTh(), i.projectsTh() == null ? "" : i.projectsTh())).collect(Collectors.joining("\n"));
  }

  // --- 2. February: the province's briefing

  @Transactional
  public void briefing(FiscalYear year, Object date, Object place, Object guidance, Object schedule, String by) {
    Briefing briefing = new Briefing(
        StrategyInput.date(date, "วันที่ประชุมชี้แจง", year),
        FormInput.text(place, "สถานที่/รูปแบบการประชุม", 500, false),
        FormInput.text(guidance, "คำชี้แจงและแนวปฏิบัติที่ได้รับ", TEXT_MAX, true),
        FormInput.text(schedule, "กำหนดการรายงานผลต่อจังหวัด", 2000, true));
    repository.saveBriefing(year.buddhistYear(), briefing, by);
  }

  public Optional<Briefing> briefing(FiscalYear year) {
    return repository.briefing(year.buddhistYear());
  }

  // --- 3. March: appoint the working group and one responsible person per item

  /** The appointment as entered on the form or sent to the API, not yet checked. */
  public record AppointmentInput(Object orderNumber, Object orderDate, List<MemberInput> members,
      Map<String, String> responsible) {
  }

  /**
   * Saves the draft order, its working group and the responsible person of every item. Refused while
   * any item has nobody: the meeting of the responsible persons (step 4) cannot happen without them.
   */
  @Transactional
  public void appoint(FiscalYear year, AppointmentInput input, String by) {
    int fy = year.buddhistYear();
    if (repository.appointment(fy).map(Appointment::approved).orElse(false)) {
      throw new UserInputException("คำสั่งแต่งตั้งปีงบประมาณ " + year + " ได้รับอนุมัติแล้ว แก้ไขไม่ได้");
    }
    String orderNo = FormInput.text(input.orderNumber(), "เลขที่คำสั่ง", 30, true);
    if (!ORDER_NO.matcher(orderNo).matches()) {
      throw new UserInputException("เลขที่คำสั่งต้องอยู่ในรูปแบบ เลขที่/ปี พ.ศ. เช่น 125/" + year + " (ได้รับ '" + orderNo + "')");
    }
    LocalDate orderDate = StrategyInput.date(input.orderDate(), "วันที่ของคำสั่ง", year);
    List<MemberInput> memberInputs = input.members() == null ? List.of() : input.members();
    if (memberInputs.isEmpty()) {
      throw new UserInputException("กรุณาระบุคณะทำงานอย่างน้อย 1 คน");
    }
    if (memberInputs.size() > StrategyInput.MAX_PEOPLE) {
      throw new UserInputException("คณะทำงานมีได้ไม่เกิน " + StrategyInput.MAX_PEOPLE + " คน");
    }
    List<Member> members = new ArrayList<>();
    for (int i = 0; i < memberInputs.size(); i++) {
      String label = "คณะทำงานคนที่ " + (i + 1);
      MemberInput m = memberInputs.get(i);
      Person person = staff.named(FormInput.text(m.person(), label, StrategyInput.PERSON_MAX, true), label);
      members.add(new Member(person, FormInput.text(m.role(), label + ": หน้าที่ในคณะทำงาน", StrategyInput.ROLE_MAX, true)));
    }
    Map<String, String> responsible = checkedAssignments(year, input.responsible() == null ? Map.of() : input.responsible());
    repository.saveAppointment(fy, orderNo, orderDate, members, by);
    repository.assign(fy, responsible);
  }

  private Map<String, String> checkedAssignments(FiscalYear year, Map<String, String> requested) {
    List<StrategyItem> items = items(year);
    if (items.isEmpty()) {
      throw new UserInputException("ยังไม่มีรายการยุทธศาสตร์/ตัวชี้วัดของปีงบประมาณ " + year + " (บันทึกในขั้นตอนศึกษา วิเคราะห์)");
    }
    Set<String> known = items.stream().map(StrategyItem::code).collect(Collectors.toSet());
    List<String> unknown = requested.keySet().stream().filter(code -> !known.contains(code)).toList();
    if (!unknown.isEmpty()) {
      throw new UserInputException("ไม่พบรายการรหัส " + String.join(", ", unknown) + " ในรายการยุทธศาสตร์/ตัวชี้วัดของปีงบประมาณ " + year);
    }
    Map<String, String> assigned = new LinkedHashMap<>();
    List<String> gaps = new ArrayList<>();
    for (StrategyItem item : items) {
      String user = requested.get(item.code());
      if (user == null || user.isBlank()) {
        gaps.add(item.title());
      } else {
        assigned.put(item.code(), staff.responsible(user.trim(), item.code()).userId());
      }
    }
    if (!gaps.isEmpty()) {
      throw new UserInputException("ยังไม่ได้กำหนดผู้รับผิดชอบ " + gaps.size() + " รายการ จึงยังประชุมผู้รับผิดชอบไม่ได้"
          + " กรุณากำหนดให้ครบทุกรายการ: " + String.join("; ", gaps));
    }
    return assigned;
  }

  /** The director approved the order: it is issued and can no longer change. */
  @Transactional
  public void approveAppointment(FiscalYear year) {
    if (!repository.approveAppointment(year.buddhistYear())) {
      throw new IllegalStateException("No draft appointment order for fiscal year " + year);
    }
  }

  public Optional<Appointment> appointment(FiscalYear year) {
    return repository.appointment(year.buddhistYear());
  }

  public List<Member> members(FiscalYear year) {
    return repository.members(year.buddhistYear());
  }

  /** The responsible person of each item, one per line, with the item's name to read. */
  public String assignmentsText(FiscalYear year) {
    return items(year).stream().map(i -> i.code() + " | " + (i.responsibleUserId() == null ? "" : i.responsibleUserId())
        + " | " + i.nameTh()).collect(Collectors.joining("\n"));
  }

  /**
   * The working group as the form shows it: the saved one, else a proposal: the director chairs, the
   * head of the group is deputy, the responsible persons are members, a plan officer is secretary.
   */
  public String membersText(FiscalYear year) {
    List<Member> saved = members(year);
    if (!saved.isEmpty()) {
      return saved.stream().map(m -> personToken(m.person()) + " | " + m.roleTh()).collect(Collectors.joining("\n"));
    }
    List<String> lines = new ArrayList<>();
    staff.firstMemberOf(Groups.DIRECTOR).ifPresent(p -> lines.add(p.userId() + " | ประธานคณะทำงาน"));
    staff.firstMemberOf(Groups.PLAN_HEAD).ifPresent(p -> lines.add(p.userId() + " | รองประธานคณะทำงาน"));
    responsibleUsers(year).forEach(u -> lines.add(u + " | คณะทำงาน"));
    staff.firstMemberOf(Groups.PLAN_OFFICER).ifPresent(p -> lines.add(p.userId() + " | คณะทำงานและเลขานุการ"));
    return String.join("\n", lines);
  }

  /** Who may be named responsible: "staff1 | อรุณี ศึกษานิเทศก์", one per line. */
  public String staffText() {
    return staff.membersOf(StaffDirectory.OFFICE_STAFF).stream().map(p -> p.userId() + " | " + p.nameTh())
        .collect(Collectors.joining("\n"));
  }

  private List<String> responsibleUsers(FiscalYear year) {
    return items(year).stream().map(StrategyItem::responsibleUserId).filter(Objects::nonNull).distinct().toList();
  }

  public String displayName(String userId) {
    return userId == null ? "" : staff.displayName(userId);
  }

  // --- 4. March: the meeting of the working group and the responsible persons

  @Transactional
  public void meeting(FiscalYear year, Object date, Object agenda, Object minutes, Object attendeesText, String by) {
    Meeting meeting = new Meeting(
        StrategyInput.date(date, "วันที่ประชุม", year),
        FormInput.text(agenda, "ระเบียบวาระการประชุม", TEXT_MAX, true),
        FormInput.text(minutes, "สรุปรายงานการประชุม", MINUTES_MAX, true));
    List<String> tokens = StrategyInput.people(attendeesText, "ผู้เข้าร่วมประชุม");
    List<Person> attendees = new ArrayList<>();
    for (int i = 0; i < tokens.size(); i++) {
      attendees.add(staff.named(tokens.get(i), "ผู้เข้าร่วมประชุมคนที่ " + (i + 1)));
    }
    repository.saveMeeting(year.buddhistYear(), meeting, attendees, by);
  }

  public Optional<Meeting> meeting(FiscalYear year) {
    return repository.meeting(year.buddhistYear());
  }

  public List<Person> attendees(FiscalYear year) {
    return repository.attendees(year.buddhistYear());
  }

  /** Whom the meeting invites: the working group and the responsible persons, one per line. */
  public String attendeesText(FiscalYear year) {
    Map<String, String> people = new LinkedHashMap<>();
    members(year).forEach(m -> people.putIfAbsent(personToken(m.person()), m.person().nameTh()));
    responsibleUsers(year).forEach(u -> people.putIfAbsent(u, displayName(u)));
    return people.entrySet().stream()
        .map(e -> e.getKey().equals(e.getValue()) ? e.getKey() : e.getKey() + " | " + e.getValue())
        .collect(Collectors.joining("\n"));
  }

  private static String personToken(Person person) {
    return person.userId() != null ? person.userId() : person.nameTh();
  }

  // --- 5. July: each responsible person reports on the province's form

  /** The report fields as entered, not yet checked. */
  public record ReportInput(Object resultValue, Object resultText, Object budgetUsed, Object problems,
      Object suggestions) {
  }

  public List<String> itemCodes(FiscalYear year) {
    return items(year).stream().map(StrategyItem::code).toList();
  }

  /** The responsible person's report of an item: saved as submitted for review. */
  @Transactional
  public void report(FiscalYear year, String itemCode, ReportInput input, String by, boolean late) {
    StrategyItem item = item(year, itemCode);
    repository.saveReport(year.buddhistYear(), checkedReport(item, input, by, late));
  }

  /** A correction after the reviewer returned the report; an approved report stays as it is. */
  @Transactional
  public void correctReport(FiscalYear year, String itemCode, ReportInput input, String by) {
    StrategyItem item = item(year, itemCode);
    Report current = report(year, itemCode).orElseThrow(() -> new UserInputException(
        "รายการ " + itemCode + " ยังไม่มีแบบรายงานผล กรุณากรอกแบบรายงานใน Tasklist ก่อน"));
    if (current.status() == ReportStatus.APPROVED) {
      throw new UserInputException("แบบรายงานผลรายการ " + itemCode + " ผ่านการตรวจสอบแล้ว แก้ไขไม่ได้");
    }
    repository.saveReport(year.buddhistYear(), checkedReport(item, input, by, current.late()));
  }

  private static Report checkedReport(StrategyItem item, ReportInput input, String by, boolean late) {
    return new Report(item.code(),
        StrategyInput.amount(input.resultValue(), "ผลการดำเนินงาน"),
        FormInput.text(input.resultText(), "รายละเอียดผลการดำเนินงาน", TEXT_MAX, true),
        StrategyInput.amount(input.budgetUsed(), "งบประมาณที่ใช้"),
        FormInput.text(input.problems(), "ปัญหา/อุปสรรค", TEXT_MAX, false),
        FormInput.text(input.suggestions(), "ข้อเสนอแนะ", TEXT_MAX, false),
        ReportStatus.SUBMITTED, late, by, null);
  }

  @Transactional
  public void approveReport(FiscalYear year, String itemCode, boolean late) {
    repository.approveReport(year.buddhistYear(), itemCode, late);
  }

  public Optional<Report> report(FiscalYear year, String itemCode) {
    return repository.report(year.buddhistYear(), itemCode);
  }

  /** Every item with its responsible person and report, in the order of the study. */
  public List<ItemResult> results(FiscalYear year) {
    Map<String, Report> reports = repository.reports(year.buddhistYear()).stream()
        .collect(Collectors.toMap(Report::itemCode, Function.identity()));
    return items(year).stream()
        .map(i -> new ItemResult(i, displayName(i.responsibleUserId()), reports.get(i.code()))).toList();
  }

  // --- 6. September: the overall summary for the director

  /** One line per item: target, result, whether it was reached, budget used. */
  public String resultsText(FiscalYear year) {
    return results(year).stream().map(r -> {
      String line = r.item().title() + ": เป้าหมาย " + r.item().targetText();
      if (r.report() == null) {
        return line + " — ยังไม่รายงาน";
      }
      return line + " ผล " + StrategyInput.plain(r.report().resultValue()) + " " + r.item().unitTh()
          + " (" + r.achievedText() + ") งบประมาณที่ใช้ " + StrategyInput.money(r.report().budgetUsed()) + " บาท"
          + (r.report().late() ? " [รายงานล่าช้า]" : "");
    }).collect(Collectors.joining("\n"));
  }

  /** The problems the responsible persons reported, item by item: the start of the summary's. */
  public String reportedProblemsText(FiscalYear year) {
    return results(year).stream().filter(r -> r.report() != null && r.report().problemsTh() != null)
        .map(r -> r.item().code() + ": " + r.report().problemsTh()).collect(Collectors.joining("\n"));
  }

  @Transactional
  public void summarize(FiscalYear year, Object overall, Object problems, Object suggestions, String by) {
    String overallText = FormInput.text(overall, "สรุปผลการดำเนินงานในภาพรวม", TEXT_MAX, true);
    String problemsText = FormInput.text(problems, "ปัญหา/อุปสรรคการดำเนินงาน", TEXT_MAX, true);
    String suggestionsText = FormInput.text(suggestions, "ข้อเสนอแนะ", TEXT_MAX, false);
    repository.saveSummary(year.buddhistYear(), overallText, problemsText, suggestionsText, by);
  }

  @Transactional
  public void acknowledge(FiscalYear year, Object acknowledged, Object comment, String by) {
    if (!Boolean.TRUE.equals(acknowledged)) {
      throw new UserInputException("กรุณาทำเครื่องหมายรับทราบสรุปผลการดำเนินงานก่อนบันทึก");
    }
    String commentText = FormInput.text(comment, "ข้อสั่งการ/ความเห็นเพิ่มเติม", TEXT_MAX, false);
    if (!repository.acknowledgeSummary(year.buddhistYear(), by, commentText)) {
      throw new IllegalStateException("No summary for fiscal year " + year);
    }
  }

  public Optional<Summary> summary(FiscalYear year) {
    return repository.summary(year.buddhistYear());
  }
}
