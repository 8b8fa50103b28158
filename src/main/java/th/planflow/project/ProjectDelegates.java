package th.planflow.project;

import static th.planflow.project.ProjectVariables.*;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.DelegateVariableMapping;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.variable.VariableMap;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import th.planflow.calendar.FiscalYear;
import th.planflow.calendar.PlanflowClock;
import th.planflow.calendar.ThaiDates;
import th.planflow.identity.Groups;
import th.planflow.process.ProcessVariables;
import th.planflow.project.Projects.Project;
import th.planflow.review.ReviewVariables;
import th.planflow.web.UserInputException;

/** The small beans bpmn/project-monitoring.bpmn refers to; the rules live in {@link ProjectMonitoring}. */
@Configuration
class ProjectDelegates {

  private final ProjectMonitoring monitoring;
  private final Projects projects;
  private final PlanItems planItems;
  private final PlanflowClock clock;

  ProjectDelegates(ProjectMonitoring monitoring, Projects projects, PlanItems planItems, PlanflowClock clock) {
    this.monitoring = monitoring;
    this.projects = projects;
    this.planItems = planItems;
    this.clock = clock;
  }

  static int fiscalYear(VariableScope scope) {
    return FiscalYear.parse(scope.getVariable(ProcessVariables.FISCAL_YEAR)).buddhistYear();
  }

  static int quarter(VariableScope scope) {
    return ((Number) scope.getVariable(QUARTER)).intValue();
  }

  /** Who acts in a task listener: the logged-in user of the request, else the assignee. */
  static String actor(DelegateTask task) {
    Authentication current = task.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
    if (current != null) {
      return current.getUserId();
    }
    return task.getAssignee() != null ? task.getAssignee() : Groups.PLAN_OFFICER;
  }

  /** October: the study may be recorded once the year's projects and owners are registered. */
  @Bean
  TaskListener projectsStudied() {
    return (DelegateTask task) -> {
      int year = fiscalYear(task);
      List<String> problems = new ArrayList<>();
      if (projects.ofYear(year).isEmpty()) {
        problems.add("ยังไม่มีโครงการ/กิจกรรมของปีงบประมาณ " + year
            + " กรุณาลงทะเบียนโครงการและผู้รับผิดชอบ (POST /api/projects) ก่อนบันทึกว่าศึกษาแล้ว");
      }
      if (!Boolean.TRUE.equals(task.getVariable(LINKAGE_STUDIED))) {
        problems.add("กรุณายืนยันว่าได้ศึกษาความเชื่อมโยงของโครงการกับแผน ๓ ระดับแล้ว");
      }
      ProjectInputs.text(task.getVariable(STUDY_NOTES), "ผลการศึกษา วิเคราะห์", 4000, false, problems);
      if (!problems.isEmpty()) {
        throw new UserInputException(String.join(" ", problems));
      }
    };
  }

  /** November: the briefing's date, minutes and attendees are kept in project_briefing. */
  @Bean
  TaskListener briefingRecorded() {
    return (DelegateTask task) -> {
      int year = fiscalYear(task);
      List<String> problems = new ArrayList<>();
      LocalDate date = ProjectInputs.date(task.getVariable(MEETING_DATE), "วันที่ประชุมชี้แจง", problems);
      if (date != null && date.isAfter(clock.today())) {
        problems.add("วันที่ประชุมชี้แจงต้องไม่เป็นวันในอนาคต (" + ThaiDates.full(date) + ")");
      } else if (date != null && !FiscalYear.of(year).contains(date)) {
        problems.add("วันที่ประชุมชี้แจงต้องอยู่ในปีงบประมาณ " + year);
      }
      String minutes = ProjectInputs.text(task.getVariable(MINUTES), "สรุปการประชุม", 4000, true, problems);
      String attendees = ProjectInputs.text(task.getVariable(ATTENDEES), "รายชื่อผู้เข้าร่วมประชุม", 4000, true, problems);
      if (!problems.isEmpty()) {
        throw ProjectInputs.refusal("ยังบันทึกการประชุมชี้แจงไม่ได้ กรุณาแก้ไข:", problems);
      }
      int count = (int) attendees.lines().filter(l -> !l.isBlank()).count();
      projects.saveBriefing(new Projects.Briefing(year, date, minutes, attendees, count, actor(task)), clock.now());
      // the record is in the table; the variables keep only the date
      task.getExecution().removeVariable(MINUTES);
      task.getExecution().removeVariable(ATTENDEES);
    };
  }

  @Bean
  JavaDelegate projectEntryOpen() {
    return execution -> monitoring.openEntry(fiscalYear(execution));
  }

  /** The planner closes the December step: nothing may wait for review, and it must be meant. */
  @Bean
  TaskListener projectEntryCloseConfirmed() {
    return (DelegateTask task) -> {
      int year = fiscalYear(task);
      if (!Boolean.TRUE.equals(task.getVariable(CLOSE_ENTRY))) {
        throw new UserInputException("กรุณายืนยันการปิดขั้นตอนนำเข้าข้อมูลโครงการก่อนบันทึก");
      }
      monitoring.checkEntryCanClose(year);
      String user = actor(task);
      if (Boolean.TRUE.equals(task.getVariable(ALL_ENTERED))) {
        monitoring.markAllEntered(year, user);
      }
      task.setVariable(CLOSED_BY, user);
      task.setVariable(CLOSE_ENTRY, false);
      task.setVariable(ALL_ENTERED, false);
    };
  }

  @Bean
  JavaDelegate projectEntryClose() {
    return execution -> monitoring.closeEntry(fiscalYear(execution), (String) execution.getVariable(CLOSED_BY));
  }

  /** The next quarter's months: opens, due, closes by itself. */
  @Bean
  JavaDelegate projectNextQuarter() {
    return execution -> {
      Object current = execution.getVariable(QUARTER);
      int next = current == null ? 1 : ((Number) current).intValue() + 1;
      execution.setVariable(QUARTER, next);
      execution.setVariable(QUARTER_MONTH, QUARTER_MONTHS[next]);
      execution.setVariable(QUARTER_DUE, QUARTER_MONTHS[next]);
      execution.setVariable(QUARTER_CLOSE_MONTH, QUARTER_CLOSE_MONTHS[next]);
      execution.setVariable(CLOSED_BY, null);
    };
  }

  @Bean
  JavaDelegate projectQuarterOpen() {
    return execution -> monitoring.openQuarter(fiscalYear(execution), quarter(execution));
  }

  @Bean
  TaskListener projectQuarterCloseConfirmed() {
    return (DelegateTask task) -> {
      int year = fiscalYear(task);
      int quarter = quarter(task);
      if (!Boolean.TRUE.equals(task.getVariable(CLOSE_QUARTER))) {
        throw new UserInputException("กรุณายืนยันการปิดรอบรายงานไตรมาสที่ " + quarter + " ก่อนบันทึก");
      }
      monitoring.checkQuarterCanClose(year, quarter);
      String user = actor(task);
      if (Boolean.TRUE.equals(task.getVariable(ALL_ENTERED))) {
        monitoring.markAllReportsEntered(year, quarter, user);
      }
      task.setVariable(CLOSED_BY, user);
      task.setVariable(CLOSE_QUARTER, false);
      task.setVariable(ALL_ENTERED, false);
    };
  }

  @Bean
  JavaDelegate projectQuarterClose() {
    return execution -> monitoring.closeQuarter(fiscalYear(execution), quarter(execution),
        (String) execution.getVariable(CLOSED_BY));
  }

  /** Inputs of one owner's December submission: the pattern's variables and the form's current values. */
  @Bean
  DelegateVariableMapping projectEntryInputs() {
    return new DelegateVariableMapping() {
      @Override
      public void mapInputVariables(DelegateExecution superExecution, VariableMap sub) {
        long id = ((Number) superExecution.getVariable(PROJECT_ID)).longValue();
        Project p = monitoring.project(id);
        sub.put(ProcessVariables.FISCAL_YEAR, p.fiscalYear());
        sub.put(ReviewVariables.TITLE, "ข้อมูลโครงการ/กิจกรรมเพื่อนำเข้าระบบ eMENSCR: " + p.name());
        sub.put(ReviewVariables.STEP_KEY, "projectEntry");
        sub.put(ReviewVariables.DUE, "12");
        sub.put(ReviewVariables.SUBMITTER, p.owner());
        sub.put(ReviewVariables.REVIEWER_GROUP, Groups.PLAN_OFFICER);
        sub.put(ReviewVariables.SUBJECT_REF, ENTRY_SUBJECT + id);
        sub.put(ReviewVariables.SUBMIT_FORM, ENTRY_FORM);
        sub.put(ReviewVariables.SUBMISSION_HANDLER, ENTRY_HANDLER);
        sub.put("projectCode", p.code());
        sub.put(ProjectInputs.NAME, p.name());
        sub.put(ProjectInputs.RATIONALE, p.rationale());
        sub.put(ProjectInputs.OBJECTIVES, p.objectives());
        sub.put(ProjectInputs.OUTPUT_TARGET, p.outputTarget());
        sub.put(ProjectInputs.OUTCOME_TARGET, p.outcomeTarget());
        sub.put(ProjectInputs.BUDGET, p.budget() == null ? null : p.budget().doubleValue());
        sub.put(ProjectInputs.BUDGET_SOURCE, p.budgetSource() == null ? null : p.budgetSource().name());
        sub.put(ProjectInputs.START_DATE, p.startsOn() == null ? null : p.startsOn().toString());
        sub.put(ProjectInputs.END_DATE, p.endsOn() == null ? null : p.endsOn().toString());
        List<Projects.Link> links = projects.links(null, id);
        Map<Integer, String> choices = planItems.choices(p.fiscalYear());
        for (int level = 1; level <= 3; level++) {
          int l = level;
          sub.put(ProjectInputs.LINK_LEVEL[level], links.stream().filter(k -> k.item().level() == l)
              .map(k -> k.item().code()).collect(Collectors.joining(", ")));
          sub.put("planChoicesLevel" + level, choices.get(level));
        }
      }

      @Override
      public void mapOutputVariables(DelegateExecution superExecution, VariableScope subInstance) {
        // the submission is kept in Planflow's tables by the handler
      }
    };
  }

  /** Inputs of one owner's quarterly report: the pattern's variables and what the form shows. */
  @Bean
  DelegateVariableMapping projectProgressInputs() {
    return new DelegateVariableMapping() {
      @Override
      public void mapInputVariables(DelegateExecution superExecution, VariableMap sub) {
        long id = ((Number) superExecution.getVariable(PROJECT_ID)).longValue();
        int quarter = quarter(superExecution);
        Project p = monitoring.project(id);
        FiscalYear year = FiscalYear.of(p.fiscalYear());
        sub.put(ProcessVariables.FISCAL_YEAR, p.fiscalYear());
        sub.put(ReviewVariables.TITLE, "รายงานความก้าวหน้าโครงการ ไตรมาสที่ " + quarter + " ปีงบประมาณ " + year + ": " + p.name());
        sub.put(ReviewVariables.STEP_KEY, "projectReportQ" + quarter);
        sub.put(ReviewVariables.DUE, superExecution.getVariable(QUARTER_DUE));
        sub.put(ReviewVariables.SUBMITTER, p.owner());
        sub.put(ReviewVariables.REVIEWER_GROUP, Groups.PLAN_OFFICER);
        sub.put(ReviewVariables.SUBJECT_REF, REPORT_SUBJECT + id + ":" + quarter);
        sub.put(ReviewVariables.SUBMIT_FORM, PROGRESS_FORM);
        sub.put(ReviewVariables.SUBMISSION_HANDLER, PROGRESS_HANDLER);
        sub.put("projectCode", p.code());
        sub.put(ProjectInputs.NAME, p.name());
        sub.put("quarterLabel", quarterLabel(year, quarter));
        sub.put("budgetText", ProjectInputs.baht(p.budget()) + " บาท (" + (p.budgetSource() == null ? "-"
            : p.budgetSource().thai()) + ")");
        sub.put(ProjectInputs.OUTPUT_TARGET, p.outputTarget());
        sub.put(ProjectInputs.OUTCOME_TARGET, p.outcomeTarget());
        ProjectInputs.Previous previous = monitoring.previous(id, quarter);
        sub.put("previousText", previous == null ? "ยังไม่มีรายงานก่อนหน้า"
            : "ไตรมาสที่ " + previous.quarter() + ": ความก้าวหน้าร้อยละ " + ProjectInputs.plain(previous.progress())
                + " เบิกจ่ายสะสม " + ProjectInputs.baht(previous.disbursed()) + " บาท");
      }

      @Override
      public void mapOutputVariables(DelegateExecution superExecution, VariableScope subInstance) {
        // the report is kept in Planflow's tables by the handler
      }
    };
  }

  /** "ไตรมาสที่ 2 (1 มกราคม 2571 - 31 มีนาคม 2571)". */
  static String quarterLabel(FiscalYear year, int quarter) {
    return "ไตรมาสที่ " + quarter + " (" + ThaiDates.full(year.quarterStart(quarter)) + " - "
        + ThaiDates.full(year.quarterEnd(quarter)) + ")";
  }
}
