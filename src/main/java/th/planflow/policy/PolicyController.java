package th.planflow.policy;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import th.planflow.document.ImportException;
import th.planflow.calendar.FiscalYear;
import th.planflow.calendar.ThaiDates;
import th.planflow.identity.Groups;
import th.planflow.web.ApiException;
import th.planflow.web.CurrentUser;
import th.planflow.web.Downloads;

/** The planner's and the schools' API of the policy reporting duty. */
@RestController
class PolicyController {

  private final Policies policies;
  private final PolicyReporting reporting;
  private final PolicyRounds rounds;
  private final PolicyDocuments documents;
  private final TaskService tasks;
  private final th.planflow.calendar.PlanflowClock clock;

  PolicyController(Policies policies, PolicyReporting reporting, PolicyRounds rounds, PolicyDocuments documents,
      TaskService tasks, th.planflow.calendar.PlanflowClock clock) {
    this.clock = clock;
    this.policies = policies;
    this.reporting = reporting;
    this.rounds = rounds;
    this.documents = documents;
    this.tasks = tasks;
  }

  @GetMapping("/api/policy/{fiscalYear}/policies")
  List<Policies.Policy> policies(@PathVariable String fiscalYear) {
    return policies.ofYear(FiscalYear.parse(fiscalYear).buddhistYear());
  }

  @PutMapping("/api/policy/{fiscalYear}/policies")
  Map<String, Object> replacePolicies(@PathVariable String fiscalYear, @RequestBody List<Policies.Policy> rows) {
    CurrentUser.requirePlanOfficer();
    FiscalYear year = FiscalYear.parse(fiscalYear);
    policies.replace(year.buddhistYear(), rows);
    return Map.of("message", "บันทึกรายการนโยบายปีงบประมาณ " + year + " จำนวน " + rows.size() + " รายการแล้ว");
  }

  @PostMapping(path = "/api/policy/{fiscalYear}/policies/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  Map<String, Object> importPolicies(@PathVariable String fiscalYear,
      @RequestParam(name = "file", required = false) MultipartFile file) throws IOException {
    CurrentUser.requirePlanOfficer();
    FiscalYear year = FiscalYear.parse(fiscalYear);
    if (file == null || file.isEmpty()) {
      throw new ImportException(Policies.ITEMS, "กรุณาแนบไฟล์รายการนโยบาย (.xlsx หรือ .csv) ในช่อง file");
    }
    int imported = policies.importFile(year.buddhistYear(), file.getOriginalFilename(), file.getBytes());
    return Map.of("imported", imported, "message", "บันทึกรายการนโยบายปีงบประมาณ " + year + " จำนวน " + imported + " รายการแล้ว");
  }

  @GetMapping("/api/policy/policies-template.xlsx")
  ResponseEntity<byte[]> policiesTemplate() {
    return Downloads.attachment(Policies.template(), "แบบฟอร์มนำเข้านโยบาย.xlsx", th.planflow.document.XlsxWriter.CONTENT_TYPE);
  }

  @PostMapping("/api/policy/rounds")
  ResponseEntity<Map<String, Object>> open(@RequestBody PolicyReporting.OpenRound request) {
    CurrentUser.requirePlanOfficer();
    PolicyRounds.Round round = reporting.open(request, CurrentUser.id());
    return ResponseEntity.status(201).body(Map.of("id", round.id(), "processInstanceId", round.processInstanceId(),
        "message", "เปิดรอบการรายงาน \"" + round.name() + "\" แล้ว ครบกำหนด " + ThaiDates.full(round.dueOn())
            + " ระบบกำลังสร้างงานให้ผู้รายงานทุกหน่วย"));
  }

  @GetMapping("/api/policy/rounds")
  List<PolicyRounds.Round> rounds(@RequestParam String fiscalYear) {
    CurrentUser.requirePlanningOrSupervisor();
    return rounds.ofYear(FiscalYear.parse(fiscalYear).buddhistYear());
  }

  @GetMapping("/api/policy/rounds/{id}/progress")
  Map<String, Object> progress(@PathVariable long id) {
    CurrentUser.requirePlanningOrSupervisor();
    PolicyReporting.Progress p = reporting.progress(id);
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("expected", p.expected());
    body.put("submitted", p.submitted());
    body.put("approved", p.approved());
    body.put("returned", p.returned());
    body.put("missing", p.missing());
    body.put("late", p.late());
    body.put("onTime", p.onTime());
    body.put("submittedLate", p.submittedLate());
    body.put("byDistrict", groups("district", p.byDistrict()));
    body.put("byNetwork", groups("network", p.byNetwork()));
    body.put("notSubmitted", p.notSubmitted().stream().map(r -> {
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("code", r.reporter());
      row.put("name", r.reporterName() == null ? "" : r.reporterName());
      row.put("district", r.district());
      row.put("network", r.network());
      row.put("contactName", r.contactName());
      row.put("email", r.email());
      row.put("status", r.status().name());
      // a chase is allowed once a day: the planner sees who was already reminded today
      row.put("chasedToday", clock.today().equals(r.lastChasedOn()));
      row.put("lastChasedOn", r.lastChasedOn() == null ? null : th.planflow.calendar.ThaiDates.full(r.lastChasedOn()));
      return row;
    }).toList());
    return body;
  }

  private static List<Map<String, Object>> groups(String key, Map<String, PolicyReporting.Counts> groups) {
    return groups.entrySet().stream().map(e -> {
      PolicyReporting.Counts c = e.getValue();
      Map<String, Object> row = new LinkedHashMap<>();
      row.put(key, e.getKey());
      row.put("expected", c.expected());
      row.put("submitted", c.submitted());
      row.put("approved", c.approved());
      row.put("returned", c.returned());
      row.put("missing", c.missing());
      row.put("late", c.late());
      return row;
    }).toList();
  }

  @PostMapping("/api/policy/rounds/{id}/chase")
  Map<String, Object> chase(@PathVariable long id, @RequestBody(required = false) Map<String, List<String>> body) {
    CurrentUser.requirePlanOfficer();
    int chased = reporting.chase(id, body == null ? null : body.get("schools"));
    return Map.of("chased", chased, "message", "ส่งอีเมลติดตามแล้ว " + chased + " แห่ง (ติดตามได้วันละครั้งต่อแห่ง)");
  }

  @PostMapping("/api/policy/rounds/{id}/approve-submitted")
  Map<String, Object> approveSubmitted(@PathVariable long id) {
    CurrentUser.requirePlanOfficer();
    int approved = reporting.approveAllSubmitted(id);
    return Map.of("approved", approved, "message", "อนุมัติรายงานที่ส่งครบถ้วนแล้ว " + approved + " รายการ");
  }

  @PostMapping("/api/policy/rounds/{id}/close")
  Map<String, Object> close(@PathVariable long id) {
    CurrentUser.requirePlanOfficer();
    PolicyRounds.Round round = reporting.round(id);
    Task followUp = round.processInstanceId() == null ? null
        : tasks.createTaskQuery().processInstanceId(round.processInstanceId()).taskDefinitionKey("Task_FollowUp").singleResult();
    if (followUp == null) {
      throw new ApiException(org.springframework.http.HttpStatus.CONFLICT,
          round.status() == PolicyRounds.RoundStatus.CLOSED ? "รอบการรายงานนี้ปิดไปแล้ว" : "ระบบยังสร้างงานให้ผู้รายงานไม่ครบ กรุณาลองใหม่ในอีกสักครู่");
    }
    tasks.complete(followUp.getId(), Map.of("closeRound", true));
    return Map.of("message", "ปิดรอบการรายงานแล้ว ผู้ที่ยังไม่ได้รายงานถูกบันทึกว่าไม่ส่งรายงาน");
  }

  /** Schools added to the office after the round opened get their report task in it too. */
  @PostMapping("/api/policy/rounds/{id}/add-new-schools")
  Map<String, Object> addNewSchools(@PathVariable long id) {
    CurrentUser.requirePlanOfficer();
    int added = reporting.addNewSchools(id);
    return Map.of("added", added, "message", "เพิ่มสถานศึกษา " + added + " แห่งเข้ารอบนี้แล้ว");
  }

  @PostMapping("/api/policy/rounds/{id}/reporters/{reporter}/reopen")
  Map<String, Object> reopen(@PathVariable long id, @PathVariable String reporter,
      @RequestBody(required = false) Map<String, String> body) {
    CurrentUser.requirePlanOfficer();
    reporting.reopenFor(id, reporter, body == null ? null : body.get("reason"), CurrentUser.id());
    return Map.of("message", "เปิดให้ " + reporter + " รายงานได้อีกครั้ง ภายใน 7 วัน");
  }

  @GetMapping("/api/policy/rounds/{id}/results")
  List<PolicyRounds.Result> results(@PathVariable long id, @RequestParam(required = false) String reporter) {
    if (reporter == null && CurrentUser.isMemberOf(Groups.PLAN_OFFICER)) {
      return rounds.results(id, null);
    }
    return rounds.results(id, reporterOfCurrentUser(reporter));
  }

  @PutMapping("/api/policy/rounds/{id}/results")
  Map<String, Object> saveResults(@PathVariable long id, @RequestParam(required = false) String reporter,
      @RequestBody List<PolicyRounds.Result> results) {
    String me = reporterOfCurrentUser(reporter);
    reporting.saveResults(id, me, results, CurrentUser.id());
    List<String> missing = reporting.missingResults(id, me);
    return Map.of("message", missing.isEmpty() ? "บันทึกแล้ว กรอกครบทุกนโยบาย ส่งรายงานได้"
        : "บันทึกแล้ว ยังขาดนโยบาย: " + String.join(", ", missing), "missing", missing);
  }

  /** The reporter's report page, as JSON: policies, what was saved, the last return's reason, whether it can be sent. */
  @GetMapping("/api/policy/rounds/{id}/report")
  PolicyReporting.ReporterView report(@PathVariable long id, @RequestParam(required = false) String reporter) {
    return reporting.reporterView(id, reporterOfCurrentUser(reporter));
  }

  public record ReportSubmission(List<PolicyRounds.Result> results, String note, boolean confirmed) {
  }

  /** Saves the results and sends the report in one step (the report page's "ส่งรายงาน"). */
  @PostMapping("/api/policy/rounds/{id}/report")
  Map<String, Object> submitReport(@PathVariable long id, @RequestParam(required = false) String reporter,
      @RequestBody ReportSubmission body) {
    reporting.submitReport(id, reporterOfCurrentUser(reporter), body.results(), body.note(), body.confirmed(),
        CurrentUser.id());
    return Map.of("message", PolicyReportPage.SENT);
  }

  @GetMapping("/api/policy/rounds/{id}/export.xlsx")
  ResponseEntity<byte[]> export(@PathVariable long id) {
    CurrentUser.requirePlanningOrSupervisor();
    return Downloads.attachment(documents.roundExport(id), "policy-round-" + id + ".xlsx", th.planflow.document.XlsxWriter.CONTENT_TYPE);
  }

  @GetMapping("/api/policy/{fiscalYear}/summary.pdf")
  ResponseEntity<byte[]> summaryPdf(@PathVariable String fiscalYear) {
    CurrentUser.requirePlanningOrSupervisor();
    int year = FiscalYear.parse(fiscalYear).buddhistYear();
    return Downloads.attachment(documents.summaryPdf(year), "policy-summary-" + year + ".pdf", "application/pdf");
  }

  @GetMapping("/api/policy/{fiscalYear}/summary.xlsx")
  ResponseEntity<byte[]> summaryXlsx(@PathVariable String fiscalYear) {
    CurrentUser.requirePlanningOrSupervisor();
    int year = FiscalYear.parse(fiscalYear).buddhistYear();
    return Downloads.attachment(documents.summaryXlsx(year), "policy-summary-" + year + ".xlsx", th.planflow.document.XlsxWriter.CONTENT_TYPE);
  }


  /** A school reports for itself; the plan officer reports for the office (reporter=OFFICE). */
  static String reporterOfCurrentUser(String requested) {
    if (PolicyRounds.OFFICE_REPORTER.equals(requested) && CurrentUser.isMemberOf(Groups.PLAN_OFFICER)) {
      return PolicyRounds.OFFICE_REPORTER;
    }
    return CurrentUser.groups().stream().filter(g -> g.startsWith(Groups.SCHOOL + "-"))
        .map(g -> g.substring(Groups.SCHOOL.length() + 1)).findFirst()
        .orElseThrow(() -> ApiException.forbidden("บัญชีนี้ไม่ได้เป็นผู้รายงานของสถานศึกษาใด"));
  }
}
