package th.planflow.policy;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.task.Task;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import th.planflow.calendar.FiscalYear;
import th.planflow.calendar.PlanflowClock;
import th.planflow.calendar.ThaiDates;
import th.planflow.identity.Groups;
import th.planflow.notify.TaskMail;
import th.planflow.policy.PolicyRounds.Audience;
import th.planflow.policy.PolicyRounds.Report;
import th.planflow.policy.PolicyRounds.ReportStatus;
import th.planflow.policy.PolicyRounds.Round;
import th.planflow.policy.PolicyRounds.RoundStatus;
import th.planflow.process.ProcessVariables;
import th.planflow.review.FormInput;
import th.planflow.review.ReviewVariables;
import th.planflow.web.ApiException;
import th.planflow.web.UserInputException;

/**
 * Reporting rounds of OBEC's policies: opening a round (each school gets its own reviewed submission,
 * created in bounded batches by the policyRound process), results, completeness, chasing, closing and
 * reopening for one school.
 */
@Service
public class PolicyReporting {

  public static final String ROUND_PROCESS = "policyRound";
  public static final String ROUND_ID = "roundId";
  static final String REPORT_PROCESS = "reviewedSubmission";
  static final String SUBJECT_PREFIX = "policy-round:";
  /** The Camunda Form of a school's submit task in Tasklist (forms/policy-report-submit.form). */
  static final String REPORT_FORM = "policyReportSubmit";
  static final String NOT_A_REPORTER = "ท่านไม่ได้เป็นผู้รายงานในรอบนี้";

  private final PolicyRounds rounds;
  private final Policies policies;
  private final RuntimeService runtime;
  private final RepositoryService repository;
  private final TaskService tasks;
  private final String taskTable;
  private final String identityLinkTable;
  private final ProcessEngineConfigurationImpl engine;
  private final TaskMail mail;
  private final PlanflowClock clock;
  private final int batchSize;

  public PolicyReporting(PolicyRounds rounds, Policies policies, RuntimeService runtime, RepositoryService repository,
      TaskService tasks, ProcessEngineConfigurationImpl engine, TaskMail mail, PlanflowClock clock,
      @Value("${planflow.policy.batch-size:100}") int batchSize) {
    this.rounds = rounds;
    this.policies = policies;
    this.runtime = runtime;
    this.repository = repository;
    this.tasks = tasks;
    this.taskTable = engine.getDatabaseTablePrefix() + "ACT_RU_TASK";
    this.identityLinkTable = engine.getDatabaseTablePrefix() + "ACT_RU_IDENTITYLINK";
    this.engine = engine;
    this.mail = mail;
    this.clock = clock;
    this.batchSize = batchSize;
  }

  public record OpenRound(Object fiscalYear, String name, LocalDate opensOn, LocalDate dueOn, String audience,
      List<String> policyCodes) {
  }

  /** Opens a round: its rows now, the schools' tasks in batches by the policyRound process. */
  @Transactional
  public Round open(OpenRound request, String user) {
    FiscalYear year = FiscalYear.parse(request.fiscalYear());
    String name = FormInput.text(request.name(), "ชื่อรอบการรายงาน", 300, true);
    if (request.dueOn() == null) {
      throw new UserInputException("กรุณาระบุวันครบกำหนดรายงานตามที่ สพฐ. กำหนด");
    }
    LocalDate opensOn = request.opensOn() == null ? clock.today() : request.opensOn();
    if (request.dueOn().isBefore(opensOn)) {
      throw new UserInputException("วันครบกำหนดต้องไม่ก่อนวันเปิดรอบการรายงาน");
    }
    Audience audience;
    try {
      audience = Audience.valueOf(request.audience() == null ? "SCHOOLS" : request.audience());
    } catch (IllegalArgumentException e) {
      throw new UserInputException("ผู้รายงานต้องเป็น SCHOOLS (สถานศึกษา), OFFICE (สำนักงานเขต) หรือ BOTH (ทั้งสองระดับ)");
    }
    Set<String> known = policies.ofYear(year.buddhistYear()).stream().map(Policies.Policy::code).collect(Collectors.toSet());
    List<String> codes = request.policyCodes() == null || request.policyCodes().isEmpty()
        ? new ArrayList<>(known) : request.policyCodes();
    List<String> unknown = codes.stream().filter(c -> !known.contains(c)).toList();
    if (codes.isEmpty()) {
      throw new UserInputException("ยังไม่มีรายการนโยบายของปีงบประมาณ " + year + " กรุณานำเข้ารายการนโยบายก่อนเปิดรอบการรายงาน");
    }
    if (!unknown.isEmpty()) {
      throw new UserInputException("ไม่พบนโยบายรหัส " + String.join(", ", unknown) + " ในปีงบประมาณ " + year);
    }
    long id = rounds.create(year.buddhistYear(), name, opensOn, request.dueOn(), audience, codes, user, clock.now());
    String instance = runtime.createProcessInstanceByKey(ROUND_PROCESS)
        .businessKey(ROUND_PROCESS + ":" + id)
        .setVariable(ProcessVariables.FISCAL_YEAR, year.buddhistYear())
        .setVariable(ROUND_ID, id)
        .setVariable("roundName", name)
        .setVariable("roundCloseDue", "date:" + request.dueOn().plusDays(7))
        .execute().getId();
    rounds.setProcessInstance(id, instance);
    return rounds.find(id).orElseThrow();
  }

  /** Creates the next batch of a lane's report tasks; true when every reporter of the lane has one. */
  public boolean createNextBatch(long roundId, PolicyRounds.Lane lane) {
    Round round = round(roundId);
    String definitionId = reportDefinitionId();
    Map<String, String> created = new LinkedHashMap<>();
    List<String> batch = rounds.withoutTask(roundId, lane, batchSize + 1);
    for (String reporter : batch.subList(0, Math.min(batchSize, batch.size()))) {
      created.put(reporter, startReport(definitionId, round, reporter, null));
    }
    rounds.setReportInstances(roundId, created);
    return batch.size() <= batchSize;
  }

  /** A batch starts by id: by key, every start would look the latest version up in the database again. */
  private String reportDefinitionId() {
    return repository.createProcessDefinitionQuery().processDefinitionKey(REPORT_PROCESS).latestVersion()
        .singleResult().getId();
  }

  /**
   * {@code definitionId}: of reviewedSubmission, or null for its latest version; {@code due}: null for the
   * round's due date. The step, the round's due date and the form come from {@link PolicySubmissions#input}.
   */
  private String startReport(String definitionId, Round round, String reporter, String due) {
    boolean office = PolicyRounds.OFFICE_REPORTER.equals(reporter);
    Map<String, Object> variables = new HashMap<>();
    variables.put(ProcessVariables.FISCAL_YEAR, round.fiscalYear());
    variables.put(ReviewVariables.TITLE, "รายงานผลการดำเนินงานตามนโยบาย สพฐ. " + round.name());
    if (due != null) {
      variables.put(ReviewVariables.DUE, due); // else the round's, from the handler (PolicySubmissions.input)
    }
    variables.put(ReviewVariables.SUBMITTER_GROUP, office ? Groups.PLAN_OFFICER : Groups.ofSchool(reporter));
    if (office) {
      variables.put(ReviewVariables.REVIEWER_GROUP, Groups.PLAN_HEAD); // schools: the default, plan-officer
    }
    variables.put(ReviewVariables.SUBJECT_REF, SUBJECT_PREFIX + round.id() + ":" + reporter);
    variables.put(ReviewVariables.SUBMISSION_HANDLER, "policySubmissions");
    String businessKey = ROUND_PROCESS + ":" + round.id() + ":" + reporter;
    return (definitionId == null ? runtime.startProcessInstanceByKey(REPORT_PROCESS, businessKey, variables)
        : runtime.startProcessInstanceById(definitionId, businessKey, variables)).getId();
  }

  /** Closes the round: no more submissions; what was not submitted is recorded as missing. */
  public void close(long roundId) {
    for (Report report : rounds.reports(roundId)) {
      if (report.status() == ReportStatus.PENDING || report.status() == ReportStatus.RETURNED) {
        if (report.processInstanceId() != null
            && runtime.createProcessInstanceQuery().processInstanceId(report.processInstanceId()).count() > 0) {
          runtime.deleteProcessInstance(report.processInstanceId(), "ปิดรอบการรายงาน");
        }
        rounds.setStatus(roundId, report.reporter(), ReportStatus.MISSING);
      }
    }
    rounds.close(roundId, clock.now());
  }

  /**
   * Schools added to the office after a round opened report in it too when the plan officer says so: each gets
   * its row and its own task with the round's due date. Returns how many were added.
   */
  @Transactional
  public int addNewSchools(long roundId) {
    Round round = round(roundId);
    if (round.status() != RoundStatus.OPEN) {
      throw new UserInputException("รอบการรายงานปิดแล้ว เพิ่มสถานศึกษาไม่ได้ ใช้การเปิดให้รายงานอีกครั้งรายแห่งแทน");
    }
    if (round.audience() == Audience.OFFICE) {
      throw new UserInputException("รอบนี้ให้สำนักงานเขตพื้นที่การศึกษารายงานเท่านั้น");
    }
    Map<String, String> created = new LinkedHashMap<>();
    for (String school : rounds.schoolsNotInRound(roundId)) {
      rounds.addReporter(roundId, school);
      created.put(school, startReport(null, round, school, null));
    }
    rounds.setReportInstances(roundId, created);
    return created.size();
  }

  /** How many of the office's schools a round does not have yet (added to the office after it opened). */
  public int newSchoolsCount(long roundId) {
    return rounds.schoolsNotInRound(roundId).size();
  }

  /** After closing, lets one school report again, with the reason recorded (a lock exception). */
  @Transactional
  public void reopenFor(long roundId, String reporter, String reasonInput, String user) {
    Round round = round(roundId);
    String reason = FormInput.text(reasonInput, "เหตุผลที่เปิดให้รายงานอีกครั้ง", 1000, true);
    if (round.status() != RoundStatus.CLOSED) {
      throw new UserInputException("รอบการรายงานยังเปิดอยู่ สถานศึกษายังรายงานได้ตามปกติ");
    }
    Report report = rounds.report(roundId, reporter)
        .orElseThrow(() -> ApiException.notFound("ไม่พบผู้รายงานรหัส " + reporter + " ในรอบนี้"));
    if (report.status() != ReportStatus.MISSING) {
      throw new UserInputException("เปิดให้รายงานอีกครั้งได้เฉพาะผู้ที่ยังไม่ได้รายงานเมื่อปิดรอบ");
    }
    rounds.reopen(roundId, reporter, startReport(null, round, reporter, "+7d"), reason, user);
  }

  /** Saves a reporter's results per policy, all or nothing, while the report may still change. */
  @Transactional
  public Report saveResults(long roundId, String reporter, List<PolicyRounds.Result> input, String user) {
    Report report = reportOf(roundId, reporter);
    if (report.status() != ReportStatus.PENDING && report.status() != ReportStatus.RETURNED) {
      throw new UserInputException(report.status() == ReportStatus.MISSING
          ? "รอบการรายงานปิดแล้ว กรุณาติดต่อกลุ่มนโยบายและแผนหากต้องการรายงานเพิ่มเติม"
          : "ส่งรายงานแล้ว แก้ไขได้เมื่อผู้ตรวจสอบส่งกลับให้แก้ไขเท่านั้น");
    }
    List<String> codes = rounds.policyCodes(roundId);
    if (input == null || input.isEmpty()) {
      throw new UserInputException("กรุณากรอกผลการดำเนินงานอย่างน้อย 1 นโยบาย");
    }
    List<PolicyRounds.Result> clean = new ArrayList<>();
    for (PolicyRounds.Result r : input) {
      if (r.policyCode() == null || !codes.contains(r.policyCode())) {
        throw new UserInputException("นโยบายรหัส " + r.policyCode() + " ไม่อยู่ในรอบการรายงานนี้");
      }
      if (clean.stream().anyMatch(c -> c.policyCode().equals(r.policyCode()))) {
        throw new UserInputException("นโยบายรหัส " + r.policyCode() + " มีผลการดำเนินงานซ้ำกันมากกว่า 1 รายการ");
      }
      clean.add(new PolicyRounds.Result(reporter, r.policyCode(),
          FormInput.text(r.result(), "ผลการดำเนินงานของนโยบาย " + r.policyCode(), 4000, true),
          FormInput.text(r.problems(), "ปัญหาอุปสรรคของนโยบาย " + r.policyCode(), 4000, false),
          FormInput.text(r.suggestions(), "ข้อเสนอแนะของนโยบาย " + r.policyCode(), 4000, false)));
    }
    rounds.saveResults(roundId, reporter, clean, user, clock.now());
    return report;
  }

  /**
   * A reporter's report as its page shows it: the round's policies with what was saved, the review's last
   * reason for returning it (kept on the report row), and whether it can still be changed and sent.
   */
  public record ReporterView(Round round, Report report, List<Policies.Policy> policies,
      Map<String, PolicyRounds.Result> results) {

    /** Not sent yet (or returned) and its task exists: the page lets the reporter save and send. */
    @com.fasterxml.jackson.annotation.JsonProperty("editable")
    public boolean editable() {
      return report.processInstanceId() != null
          && (report.status() == ReportStatus.PENDING || report.status() == ReportStatus.RETURNED);
    }
  }

  /** Read from Planflow's tables only: opening the page costs the engine nothing. */
  public ReporterView reporterView(long roundId, String reporter) {
    Round round = round(roundId);
    Report report = reportOf(roundId, reporter);
    Map<String, PolicyRounds.Result> results = new LinkedHashMap<>();
    rounds.results(roundId, reporter).forEach(r -> results.put(r.policyCode(), r));
    return new ReporterView(round, report, rounds.policies(roundId), results);
  }

  /** The reports a reporter has, newest round first. */
  public List<Report> reportsOf(String reporter) {
    return rounds.reportsOf(reporter);
  }

  /**
   * Saves the results and sends the report in one transaction, as the logged-in reporter (Camunda
   * authorization applies: a school can only complete its own task). Nothing is kept when it is refused.
   */
  @Transactional
  public void submitReport(long roundId, String reporter, List<PolicyRounds.Result> input, String noteInput,
      boolean confirmed, String user) {
    Report report = saveResults(roundId, reporter, input, user);
    if (!confirmed) {
      throw new UserInputException("กรุณายืนยันว่าข้อมูลที่ส่งครบถ้วนและถูกต้องก่อนส่งรายงาน");
    }
    if (report.processInstanceId() == null) {
      throw new UserInputException("ระบบกำลังสร้างงานรายงานของรอบนี้ กรุณาลองส่งอีกครั้งในอีกสักครู่");
    }
    String taskId = submitTaskId(report, reporter);
    if (taskId == null) {
      // sent a moment ago from another window, or the task is no longer offered to this reporter
      throw new UserInputException("ส่งรายงานนี้ไม่ได้: รายงานถูกส่งไปแล้ว หรืองานส่งรายงานไม่ได้มอบหมายให้หน่วยงานของท่าน");
    }
    // confirmed only for this send (transient: not stored, nothing to reset); the note only when there is one
    Map<String, Object> form = new HashMap<>();
    form.put(ReviewVariables.CONFIRMED, org.camunda.bpm.engine.variable.Variables.booleanValue(true, true));
    if (noteInput != null && !noteInput.isBlank()) {
      form.put(ReviewVariables.SUBMISSION_NOTE, noteInput);
    }
    try {
      submitAsReporter(taskId, form);
    } catch (org.camunda.bpm.engine.ProcessEngineException e) {
      UserInputException refused = UserInputException.in(e);
      if (refused != null) {
        throw refused;
      }
      if (e instanceof org.camunda.bpm.engine.OptimisticLockingException
          || tasks.createTaskQuery().taskId(taskId).count() == 0) {
        // sent a moment earlier from another window
        throw new UserInputException("รายงานนี้ถูกส่งไปแล้ว");
      }
      throw e;
    }
  }

  /**
   * The id of the open submit task of a reporter's own report, or null: the task of the instance recorded on
   * the reporter's row, offered to the reporter's group (a school's own group; the plan officers for the
   * office). Read straight from the engine's tables: the engine refuses native queries to non-admins when
   * authorization is on.
   */
  private String submitTaskId(Report report, String reporter) {
    return rounds.openTaskOfferedTo(taskTable, identityLinkTable, report.processInstanceId(), "Task_Submit",
        PolicyRounds.OFFICE_REPORTER.equals(reporter) ? Groups.PLAN_OFFICER : Groups.ofSchool(reporter));
  }

  /**
   * Completes the task as the logged-in reporter (the audit trail and the engine's operation log name them)
   * without the engine's generic permission check: {@link #submitTaskId} has just established the same right
   * Planflow grants (the candidate group's TASK_WORK on its own task), and the generic check, an SQL statement
   * of four permissions times user, groups and wildcards built anew for each call, was a seventh of the CPU of
   * a school's report. Tasklist and the REST API keep the engine's check.
   */
  private void submitAsReporter(String taskId, Map<String, Object> form) {
    engine.getCommandExecutorTxRequired().execute(context -> {
      context.disableAuthorizationCheck();
      try {
        return new org.camunda.bpm.engine.impl.cmd.SubmitTaskFormCmd(taskId, form, false, false).execute(context);
      } finally {
        context.enableAuthorizationCheck();
      }
    });
  }

  /** The policies of the round a reporter has not reported on yet. */
  public List<String> missingResults(long roundId, String reporter) {
    return rounds.policiesWithoutResult(roundId, reporter);
  }

  /**
   * {@code onTime} and {@code submittedLate} split {@code submitted} (a returned report is not submitted, however
   * early it was sent); {@code late}: every report marked late, submitted or not.
   */
  public record Progress(int expected, int submitted, int approved, int returned, int missing, int late, int onTime,
      int submittedLate, Map<String, Counts> byDistrict, Map<String, Counts> byNetwork, List<Report> notSubmitted) {

    /** CSS widths of the on-time, late and not-submitted parts of a stacked bar. */
    public String onTimeWidth() {
      return width(onTime, expected);
    }

    public String submittedLateWidth() {
      return width(submittedLate, expected);
    }
  }

  /**
   * A bar segment's width in percent, floored to two decimals: the segments of one bar are computed alike,
   * so they add up to at most 100% and match the counts they stand for.
   */
  public static String width(int part, int whole) {
    long hundredths = whole == 0 ? 0 : 10_000L * part / whole;
    return String.format(java.util.Locale.ROOT, "%d.%02d%%", hundredths / 100, hundredths % 100);
  }

  /**
   * The counts of a group of reporters (a district, a network): {@code submitted} includes the approved,
   * {@code missing} is every report not submitted yet or not at all (returned ones count as returned).
   */
  public static final class Counts {
    private int expected, submitted, approved, returned, missing, late, onTime;

    void add(Report r) {
      expected++;
      switch (r.status()) {
        case SUBMITTED -> submitted++;
        case APPROVED -> {
          submitted++;
          approved++;
        }
        case RETURNED -> returned++;
        default -> missing++;
      }
      if (r.late()) {
        late++;
      }
      if (PolicyReporting.submitted(r) && !r.late()) {
        onTime++;
      }
    }

    /** Submitted and not late; the same reports as {@link #submitted()} counts. */
    public int onTime() {
      return onTime;
    }

    public int expected() {
      return expected;
    }

    public int submitted() {
      return submitted;
    }

    public int approved() {
      return approved;
    }

    public int returned() {
      return returned;
    }

    public int missing() {
      return missing;
    }

    public int late() {
      return late;
    }

    public int submittedPercent() {
      return expected == 0 ? 0 : Math.round(100f * submitted / expected);
    }
  }

  static final String OFFICE_GROUP = "สำนักงานเขต";
  static final String NO_NETWORK = "ไม่ระบุเครือข่าย";

  /** Live completeness of a round, from Planflow's own rows, in total, per district and per school network. */
  public Progress progress(long roundId) {
    round(roundId);
    List<Report> reports = rounds.reports(roundId);
    Counts total = new Counts();
    // by name, the office's own report and schools without a network last
    Comparator<String> order = Comparator.<String, Boolean>comparing(g -> g.equals(OFFICE_GROUP) || g.equals(NO_NETWORK))
        .thenComparing(Comparator.naturalOrder());
    Map<String, Counts> byDistrict = new TreeMap<>(order);
    Map<String, Counts> byNetwork = new TreeMap<>(order);
    List<Report> notSubmitted = new ArrayList<>();
    for (Report r : reports) {
      boolean office = PolicyRounds.OFFICE_REPORTER.equals(r.reporter());
      total.add(r);
      byDistrict.computeIfAbsent(office || r.district() == null ? OFFICE_GROUP : r.district(), d -> new Counts()).add(r);
      byNetwork.computeIfAbsent(office ? OFFICE_GROUP : r.network() == null ? NO_NETWORK : r.network(), n -> new Counts())
          .add(r);
      if (!submitted(r)) {
        notSubmitted.add(r);
      }
    }
    return new Progress(total.expected(), total.submitted(), total.approved(), total.returned(), total.missing(),
        total.late(), total.onTime(), total.submitted() - total.onTime(), byDistrict, byNetwork, notSubmitted);
  }

  /** A report counts as submitted once sent and not returned: waiting for review or approved. */
  static boolean submitted(Report r) {
    return r.status() == ReportStatus.SUBMITTED || r.status() == ReportStatus.APPROVED;
  }

  /** Reminds the schools that have not submitted, at most once a day each; returns how many got a mail. */
  public int chase(long roundId, List<String> only) {
    Round round = round(roundId);
    if (round.status() != RoundStatus.OPEN) {
      throw new UserInputException("รอบการรายงานปิดแล้ว");
    }
    LocalDate today = clock.today();
    int chased = 0;
    for (Report report : progress(roundId).notSubmitted()) {
      if ((only != null && !only.isEmpty() && !only.contains(report.reporter())) || today.equals(report.lastChasedOn())
          || report.processInstanceId() == null) {
        continue;
      }
      Task task = tasks.createTaskQuery().processInstanceId(report.processInstanceId()).taskDefinitionKey("Task_Submit")
          .singleResult();
      if (task == null) {
        continue;
      }
      mail.send(task, TaskMail.Kind.CHASE, "chase-" + today, round.dueOn(), 0, mail.responsibleUsers(task));
      rounds.markChased(roundId, report.reporter(), today);
      chased++;
    }
    return chased;
  }

  /** Approves every submitted report at once (submission already required every policy's result). */
  public int approveAllSubmitted(long roundId) {
    int approved = 0;
    for (Report report : rounds.reports(roundId)) {
      if (report.status() != ReportStatus.SUBMITTED) {
        continue;
      }
      Task review = tasks.createTaskQuery().processInstanceId(report.processInstanceId())
          .taskDefinitionKey("Task_Review").singleResult();
      if (review != null) {
        tasks.complete(review.getId(), Map.of(ReviewVariables.DECISION, ReviewVariables.APPROVE));
        approved++;
      }
    }
    return approved;
  }

  /** The step of a round's reports, for due-date overrides and the audit trail. */
  static String stepKey(long roundId) {
    return "policyRound-" + roundId;
  }

  /** A reporter's report in a round: not found when the round does not exist, forbidden when it is not theirs. */
  private Report reportOf(long roundId, String reporter) {
    return rounds.report(roundId, reporter).orElseThrow(() -> {
      round(roundId);
      return ApiException.forbidden(NOT_A_REPORTER);
    });
  }

  public Round round(long roundId) {
    return rounds.find(roundId).orElseThrow(() -> ApiException.notFound("ไม่พบรอบการรายงานรหัส " + roundId));
  }

  static String dueText(Round round) {
    return ThaiDates.full(round.dueOn());
  }
}
