package th.planflow.project;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import th.planflow.calendar.FiscalYear;
import th.planflow.document.XlsxWriter;
import th.planflow.project.Projects.Project;
import th.planflow.review.ReviewVariables;
import th.planflow.web.ApiException;
import th.planflow.web.CurrentUser;
import th.planflow.web.Downloads;
import th.planflow.web.UserInputException;

/**
 * The project duty's API. The planner registers projects (October), records eMENSCR entries and gets
 * the exports; each owner reads and submits only their own projects (the same checks as the Tasklist
 * form, because the submission completes the owner's task); the head and the director read everything.
 */
@RestController
class ProjectController {

  private final ProjectMonitoring monitoring;
  private final Projects projects;
  private final ProjectDocuments documents;
  private final TaskService tasks;

  ProjectController(ProjectMonitoring monitoring, Projects projects, ProjectDocuments documents, TaskService tasks) {
    this.monitoring = monitoring;
    this.projects = projects;
    this.documents = documents;
    this.tasks = tasks;
  }

  record Registration(Object fiscalYear, String name, String owner, Object links) {
  }

  @PostMapping("/api/projects")
  ResponseEntity<Map<String, Object>> register(@RequestBody Registration body) {
    CurrentUser.requirePlanOfficer();
    Project p = monitoring.register(body.fiscalYear(), body.name(), body.owner(), body.links(), CurrentUser.id());
    Map<String, Object> answer = view(p, true);
    answer.put("message", "ลงทะเบียนโครงการ " + p.code() + " " + p.name() + " ผู้รับผิดชอบ " + p.owner() + " แล้ว");
    return ResponseEntity.status(201).body(answer);
  }

  @PutMapping("/api/projects/{id}")
  Map<String, Object> update(@PathVariable long id, @RequestBody Registration body) {
    CurrentUser.requirePlanOfficer();
    Project p = monitoring.update(id, body.name(), body.owner(), body.links());
    Map<String, Object> answer = view(p, true);
    answer.put("message", "แก้ไขโครงการ " + p.code() + " แล้ว");
    return answer;
  }

  @DeleteMapping("/api/projects/{id}")
  Map<String, Object> delete(@PathVariable long id) {
    CurrentUser.requirePlanOfficer();
    Project p = monitoring.project(id);
    monitoring.delete(id);
    return Map.of("message", "ลบโครงการ " + p.code() + " " + p.name() + " แล้ว");
  }

  /** The year's projects: all of them for the planning group and the director, one's own for an owner. */
  @GetMapping("/api/projects")
  List<Map<String, Object>> list(@RequestParam String fiscalYear) {
    int year = FiscalYear.parse(fiscalYear).buddhistYear();
    boolean all = seesAll();
    List<Map<String, Object>> list = new ArrayList<>();
    for (Project p : projects.ofYear(year)) {
      if (all || p.owner().equals(CurrentUser.id())) {
        list.add(view(p, false));
      }
    }
    return list;
  }

  @GetMapping("/api/projects/{id}")
  Map<String, Object> detail(@PathVariable long id) {
    Project p = readable(id);
    Map<String, Object> body = view(p, true);
    List<Map<String, Object>> reports = new ArrayList<>();
    for (Projects.Report r : projects.reports(id)) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("quarter", r.quarter());
      m.put("status", r.status().name());
      m.put("statusText", r.status().thai());
      m.put("progressPercent", r.progress());
      m.put("disbursed", r.disbursed());
      m.put("activitiesDone", r.activities());
      m.put("outputResult", r.outputResult());
      m.put("outcomeResult", r.outcomeResult());
      m.put("problems", r.problems());
      m.put("nextSteps", r.nextSteps());
      m.put("progressDropReason", r.dropReason());
      m.put("late", r.late());
      m.put("returnComment", r.returnComment());
      m.put("enteredInEmenscr", r.emenscrEnteredAt() != null);
      reports.add(m);
    }
    body.put("reports", reports);
    return body;
  }

  /** The owner's December submission (the fields of forms/project-monitoring-entry.form). */
  @PostMapping("/api/projects/{id}/submit")
  Map<String, Object> submitEntry(@PathVariable long id, @RequestBody(required = false) Map<String, Object> body) {
    Project p = ownProject(id);
    Task task = openSubmitTask(ProjectVariables.ENTRY_SUBJECT + id,
        "ยังไม่มีงานกรอกข้อมูลโครงการ " + p.code() + " ที่เปิดอยู่ (เปิดในเดือนธันวาคม หรือส่งแล้ว/ตรวจสอบแล้ว)");
    complete(task, ProjectInputs.fieldsFrom(body, ProjectInputs.ENTRY_FIELDS), body);
    return Map.of("message", "ส่งข้อมูลโครงการ " + p.code() + " แล้ว รอนักวิเคราะห์นโยบายและแผนตรวจสอบความครบถ้วน");
  }

  /** The owner's report of a quarter (the fields of forms/project-monitoring-progress.form). */
  @PostMapping("/api/projects/{id}/quarters/{quarter}/submit")
  Map<String, Object> submitProgress(@PathVariable long id, @PathVariable int quarter,
      @RequestBody(required = false) Map<String, Object> body) {
    Project p = ownProject(id);
    Task task = openSubmitTask(ProjectVariables.REPORT_SUBJECT + id + ":" + quarter,
        "ยังไม่มีงานรายงานความก้าวหน้าไตรมาสที่ " + quarter + " ของโครงการ " + p.code() + " ที่เปิดอยู่");
    complete(task, ProjectInputs.fieldsFrom(body, ProjectInputs.PROGRESS_FIELDS), body);
    return Map.of("message", "ส่งรายงานความก้าวหน้าไตรมาสที่ " + quarter + " ของโครงการ " + p.code()
        + " แล้ว รอนักวิเคราะห์นโยบายและแผนตรวจสอบ");
  }

  record EmenscrFlag(Integer quarter, Boolean entered) {
  }

  /** The planner records that a project, or one quarter's report, was entered in eMENSCR. */
  @PutMapping("/api/projects/{id}/emenscr")
  Map<String, Object> emenscr(@PathVariable long id, @RequestBody EmenscrFlag body) {
    CurrentUser.requirePlanOfficer();
    boolean entered = body.entered() == null || body.entered();
    monitoring.markEmenscr(id, body.quarter(), entered, CurrentUser.id());
    String what = body.quarter() == null ? "ข้อมูลโครงการ" : "รายงานไตรมาสที่ " + body.quarter();
    return Map.of("message", entered ? "บันทึกว่านำเข้า" + what + "ในระบบ eMENSCR แล้ว" : "ยกเลิกการบันทึกการนำเข้า" + what);
  }

  @GetMapping("/api/projects/year/{fiscalYear}/progress")
  ProjectMonitoring.PeriodProgress progress(@PathVariable String fiscalYear,
      @RequestParam(defaultValue = ProjectMonitoring.ENTRY) String period) {
    CurrentUser.requirePlanningOrSupervisor();
    return monitoring.progress(FiscalYear.parse(fiscalYear).buddhistYear(), period);
  }

  @GetMapping("/api/projects/year/{fiscalYear}/briefing")
  Projects.Briefing briefing(@PathVariable String fiscalYear) {
    CurrentUser.requirePlanningOrSupervisor();
    int year = FiscalYear.parse(fiscalYear).buddhistYear();
    return projects.briefing(year).orElseThrow(() -> ApiException.notFound("ยังไม่ได้บันทึกการประชุมชี้แจงของปีงบประมาณ " + year));
  }

  @GetMapping("/api/projects/year/{fiscalYear}/emenscr.xlsx")
  ResponseEntity<byte[]> emenscrExport(@PathVariable String fiscalYear) {
    CurrentUser.requirePlanningOrSupervisor();
    int year = FiscalYear.parse(fiscalYear).buddhistYear();
    return Downloads.attachment(documents.emenscrExport(year), "emenscr-" + year + ".xlsx", XlsxWriter.CONTENT_TYPE);
  }

  @GetMapping("/api/projects/year/{fiscalYear}/summary.pdf")
  ResponseEntity<byte[]> summaryPdf(@PathVariable String fiscalYear) {
    CurrentUser.requirePlanningOrSupervisor();
    int year = FiscalYear.parse(fiscalYear).buddhistYear();
    return Downloads.attachment(documents.summaryPdf(year), "project-summary-" + year + ".pdf", "application/pdf");
  }

  @GetMapping("/api/projects/year/{fiscalYear}/summary.xlsx")
  ResponseEntity<byte[]> summaryXlsx(@PathVariable String fiscalYear) {
    CurrentUser.requirePlanningOrSupervisor();
    int year = FiscalYear.parse(fiscalYear).buddhistYear();
    return Downloads.attachment(documents.summaryXlsx(year), "project-summary-" + year + ".xlsx", XlsxWriter.CONTENT_TYPE);
  }

  private Task openSubmitTask(String subjectRef, String none) {
    Task task = tasks.createTaskQuery().processVariableValueEquals(ReviewVariables.SUBJECT_REF, subjectRef)
        .taskDefinitionKey("Task_Submit").active().singleResult();
    if (task == null) {
      throw new ApiException(HttpStatus.CONFLICT, none);
    }
    return task;
  }

  /** Completes the owner's submit task: the handler checks everything, a refusal is a Thai 400 and saves nothing. */
  private void complete(Task task, Map<String, Object> fields, Map<String, Object> body) {
    Map<String, Object> variables = new LinkedHashMap<>(fields);
    Object note = body == null ? null : body.get(ReviewVariables.SUBMISSION_NOTE);
    if (note != null) {
      variables.put(ReviewVariables.SUBMISSION_NOTE, note.toString());
    }
    variables.put(ReviewVariables.CONFIRMED, true);
    try {
      tasks.complete(task.getId(), variables);
    } catch (ProcessEngineException e) {
      UserInputException input = UserInputException.in(e);
      throw input != null ? input : e;
    }
  }

  private Project ownProject(long id) {
    Project p = monitoring.project(id);
    if (!p.owner().equals(CurrentUser.id())) {
      throw ApiException.forbidden("ท่านไม่ได้เป็นผู้รับผิดชอบโครงการ " + p.code());
    }
    return p;
  }

  private Project readable(long id) {
    Project p = monitoring.project(id);
    if (!seesAll() && !p.owner().equals(CurrentUser.id())) {
      throw ApiException.forbidden("ท่านไม่ได้เป็นผู้รับผิดชอบโครงการ " + p.code());
    }
    return p;
  }

  private static boolean seesAll() {
    return CurrentUser.isPlanningOrSupervisor();
  }

  private Map<String, Object> view(Project p, boolean details) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", p.id());
    m.put("code", p.code());
    m.put("fiscalYear", p.fiscalYear());
    m.put("name", p.name());
    m.put("owner", p.owner());
    m.put("status", p.status().name());
    m.put("statusText", p.status().thai());
    m.put("budget", p.budget());
    m.put("enteredInEmenscr", p.emenscrEnteredAt() != null);
    List<Map<String, Object>> links = new ArrayList<>();
    for (Projects.Link link : projects.links(null, p.id())) {
      Map<String, Object> l = new LinkedHashMap<>();
      l.put("level", link.item().level());
      l.put("code", link.item().code());
      l.put("name", link.item().name());
      l.put("kindName", link.item().kind().thaiName());
      links.add(l);
    }
    m.put("links", links);
    if (details) {
      m.put("rationale", p.rationale());
      m.put("objectives", p.objectives());
      m.put("outputTarget", p.outputTarget());
      m.put("outcomeTarget", p.outcomeTarget());
      m.put("budgetSource", p.budgetSource() == null ? null : p.budgetSource().name());
      m.put("startDate", p.startsOn());
      m.put("endDate", p.endsOn());
      m.put("late", p.late());
      m.put("returnComment", p.returnComment());
    }
    return m;
  }

}
