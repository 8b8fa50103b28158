package th.planflow.strategy;

import static th.planflow.strategy.StrategyVariables.*;

import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import th.planflow.calendar.FiscalYear;
import th.planflow.calendar.PlanflowClock;
import th.planflow.process.ProcessVariables;
import th.planflow.strategy.ProvincialStrategy.AppointmentInput;
import th.planflow.strategy.ProvincialStrategy.ReportInput;
import th.planflow.strategy.StrategyRecords.Appointment;
import th.planflow.strategy.StrategyRecords.Plan;
import th.planflow.web.UserInputException;

/**
 * The listeners and delegates of bpmn/provincial-strategy.bpmn. A form task's listener fills the
 * form on create (from the duty's tables) and on complete takes the fields, hands them to
 * {@link ProvincialStrategy} and removes them; a refusal rolls the whole completion back.
 */
@Configuration
class StrategyProcess {

  private final ProvincialStrategy strategy;
  private final PlanflowClock clock;

  StrategyProcess(ProvincialStrategy strategy, PlanflowClock clock) {
    this.strategy = strategy;
    this.clock = clock;
  }

  /** 1. January: the strategies, targets and projects concerning the office. */
  @Bean
  TaskListener strategyStudyForm() {
    return task -> {
      FiscalYear year = year(task);
      if (isCreate(task)) {
        Plan plan = strategy.plan(year).orElse(null);
        prefill(task, PLAN_NAME, plan == null ? null : plan.nameTh());
        prefill(task, ITEMS_TEXT, strategy.itemsText(year));
        prefill(task, STUDY_NOTE, plan == null ? null : plan.studyNote());
        return;
      }
      Map<String, Object> in = take(task, STUDY_FIELDS);
      strategy.study(year, in.get(PLAN_NAME), in.get(ITEMS_TEXT), in.get(STUDY_NOTE), actor(task));
    };
  }

  /** 2. February: the province's briefing. */
  @Bean
  TaskListener strategyBriefingForm() {
    return task -> {
      Map<String, Object> in = take(task, BRIEFING_FIELDS);
      strategy.briefing(year(task), in.get(BRIEFING_DATE), in.get(BRIEFING_PLACE), in.get(BRIEFING_GUIDANCE),
          in.get(REPORTING_SCHEDULE), actor(task));
    };
  }

  /** 3. March: the draft order, its working group and a responsible person for every item. */
  @Bean
  TaskListener strategyAppointmentForm() {
    return task -> {
      FiscalYear year = year(task);
      if (isCreate(task)) {
        Appointment saved = strategy.appointment(year).orElse(null);
        prefill(task, ORDER_NUMBER, saved == null ? null : saved.orderNo());
        prefill(task, ORDER_DATE, saved == null ? null : saved.orderDate().toString());
        prefill(task, WORKING_GROUP_TEXT, strategy.membersText(year));
        prefill(task, RESPONSIBLE_TEXT, strategy.assignmentsText(year));
        prefill(task, STAFF_LIST, strategy.staffText());
        return;
      }
      Map<String, Object> in = take(task, APPOINTMENT_FIELDS);
      AppointmentInput input = new AppointmentInput(in.get(ORDER_NUMBER), in.get(ORDER_DATE),
          StrategyInput.members(in.get(WORKING_GROUP_TEXT)), StrategyInput.assignments(in.get(RESPONSIBLE_TEXT)));
      strategy.appoint(year, input, actor(task));
    };
  }

  /** The director approved the order. */
  @Bean
  JavaDelegate strategyIssueAppointmentOrder() {
    return execution -> strategy.approveAppointment(FiscalYear.parse(execution.getVariable(ProcessVariables.FISCAL_YEAR)));
  }

  /** 4. March: the meeting of the working group and the responsible persons. */
  @Bean
  TaskListener strategyMeetingForm() {
    return task -> {
      FiscalYear year = year(task);
      if (isCreate(task)) {
        prefill(task, MEETING_ATTENDEES, strategy.attendeesText(year));
        return;
      }
      Map<String, Object> in = take(task, MEETING_FIELDS);
      strategy.meeting(year, in.get(MEETING_DATE), in.get(MEETING_AGENDA), in.get(MEETING_MINUTES),
          in.get(MEETING_ATTENDEES), actor(task));
    };
  }

  /**
   * 5. July, start of one item's report: who reports, on what, and the form's fields declared in this
   * instance's scope so that parallel reports never share them.
   */
  @Bean
  ExecutionListener strategyReportStart() {
    return execution -> {
      FiscalYear year = FiscalYear.parse(execution.getVariable(ProcessVariables.FISCAL_YEAR));
      StrategyItem item = strategy.item(year, (String) execution.getVariable(ITEM_CODE));
      if (item.responsibleUserId() == null) {
        throw new UserInputException("รายการ " + item.code() + " ยังไม่มีผู้รับผิดชอบ กรุณาแก้คำสั่งแต่งตั้ง");
      }
      execution.setVariableLocal(ITEM_OWNER, item.responsibleUserId());
      execution.setVariableLocal(ITEM_TITLE, item.title());
      execution.setVariableLocal(ITEM_TARGET, item.targetText());
      REPORT_FIELDS.forEach(field -> execution.setVariableLocal(field, null));
      execution.setVariableLocal(REPORT_SUBMISSION_LATE, false);
    };
  }

  /** 5. The responsible person's report on the province's form; late when after the task's due date. */
  @Bean
  TaskListener strategyReportForm() {
    return task -> {
      Map<String, Object> in = take(task, REPORT_FIELDS);
      Date due = task.getDueDate();
      boolean late = due != null && clock.now().isAfter(due.toInstant());
      strategy.report(year(task), (String) task.getVariable(ITEM_CODE), new ReportInput(in.get(RESULT_VALUE),
          in.get(RESULT_TEXT), in.get(BUDGET_USED), in.get(PROBLEMS), in.get(SUGGESTIONS)), actor(task), late);
    };
  }

  /** The plan officer approved the item's report. */
  @Bean
  JavaDelegate strategyAcceptReport() {
    return execution -> strategy.approveReport(FiscalYear.parse(execution.getVariable(ProcessVariables.FISCAL_YEAR)),
        (String) execution.getVariable(ITEM_CODE), Boolean.TRUE.equals(execution.getVariable(REPORT_SUBMISSION_LATE)));
  }

  /** 6. September: the overall summary, with the reported problems as its starting point. */
  @Bean
  TaskListener strategySummaryForm() {
    return task -> {
      FiscalYear year = year(task);
      if (isCreate(task)) {
        prefill(task, RESULTS_OVERVIEW, strategy.resultsText(year));
        prefill(task, OVERALL_PROBLEMS, strategy.reportedProblemsText(year));
        return;
      }
      Map<String, Object> in = take(task, SUMMARY_FIELDS);
      strategy.summarize(year, in.get(OVERALL_RESULT), in.get(OVERALL_PROBLEMS), in.get(OVERALL_SUGGESTIONS), actor(task));
    };
  }

  /** 6. The director acknowledges the summary. */
  @Bean
  TaskListener strategyAcknowledgeForm() {
    return task -> {
      FiscalYear year = year(task);
      if (isCreate(task)) {
        prefill(task, SUMMARY_OVERVIEW, strategy.summary(year)
            .map(s -> "สรุปผลในภาพรวม: " + s.overallTh() + "\n\nปัญหา/อุปสรรค: " + s.problemsTh()).orElse(null));
        return;
      }
      Map<String, Object> in = take(task, ACKNOWLEDGE_FIELDS);
      strategy.acknowledge(year, in.get(ACKNOWLEDGED), in.get(DIRECTOR_COMMENT), actor(task));
    };
  }

  private static boolean isCreate(DelegateTask task) {
    return TaskListener.EVENTNAME_CREATE.equals(task.getEventName());
  }

  private static FiscalYear year(VariableScope scope) {
    return FiscalYear.parse(scope.getVariable(ProcessVariables.FISCAL_YEAR));
  }

  /**
   * Puts a field's starting value where the form's answer will land: on the task's execution (not
   * the task), so that Tasklist's submit and TaskService.complete write the same variable.
   */
  private static void prefill(DelegateTask task, String name, String value) {
    if (value != null && !value.isBlank()) {
      task.getExecution().setVariable(name, value);
    }
  }

  /** Reads the form's fields and removes them from the instance: the duty's tables keep the data. */
  private static Map<String, Object> take(DelegateTask task, List<String> names) {
    Map<String, Object> values = new LinkedHashMap<>();
    for (String name : names) {
      values.put(name, task.getVariable(name));
      task.getExecution().removeVariable(name);
    }
    return values;
  }

  private static String actor(DelegateTask task) {
    Authentication current = task.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
    return current != null ? current.getUserId() : task.getAssignee();
  }
}
