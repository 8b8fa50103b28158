package th.planflow.inspection;

import static th.planflow.inspection.InspectionVariables.*;

import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import th.planflow.calendar.FiscalYear;
import th.planflow.calendar.PlanflowClock;
import th.planflow.process.ProcessVariables;
import th.planflow.review.ApprovalStep;
import th.planflow.review.SubmissionHandler;
import th.planflow.web.UserInputException;

/**
 * The listeners of bpmn/inspection.bpmn, each a small bean referenced by delegateExpression: they read
 * the form's variables, hand them to {@link InspectionService} and put overviews into the forms.
 */
@Configuration
class InspectionListeners {

  private final InspectionService service;
  private final PlanflowClock clock;
  private final String baseUrl;

  InspectionListeners(InspectionService service, PlanflowClock clock, @Value("${planflow.public-base-url}") String baseUrl) {
    this.service = service;
    this.clock = clock;
    this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
  }

  /** Task_StudyIssues: shows the units; on completion records the year's issues. */
  @Bean
  TaskListener inspectionStudyIssues() {
    return task -> {
      if (created(task)) {
        task.setVariableLocal(UNIT_CHOICES, service.unitChoices());
        return;
      }
      task.setVariable(ISSUE_COUNT, service.recordIssues(year(task), task.getVariable(ISSUES_TEXT)).size());
    };
  }

  /** Task_CoordinatePlan: shows the issues; on completion records the visits. */
  @Bean
  TaskListener inspectionCoordinatePlan() {
    return task -> {
      if (created(task)) {
        task.setVariableLocal(ISSUES_OVERVIEW, service.issuesOverview(year(task)));
        task.setVariableLocal(UNIT_CHOICES, service.unitChoices());
        return;
      }
      service.recordPlan(year(task), task.getVariable(VISITS_TEXT));
    };
  }

  /** A unit's inspection form for one issue in a round, submitted and reviewed through reviewedSubmission. */
  @Bean
  SubmissionHandler inspectionResultHandler() {
    return new SubmissionHandler() {
      @Override
      public void submitted(DelegateTask task) {
        boolean late = task.getDueDate() != null && clock.now().isAfter(task.getDueDate().toInstant());
        service.submitResult(year(task), round(task), issueId(task),
            form(task, RESULT_TEXT, PROBLEMS_TEXT, SUGGESTIONS_TEXT, EVIDENCE_TEXT), actor(task), late);
      }

      @Override
      public void reviewed(DelegateTask task, boolean approved, String comment) {
        service.reviewResult(year(task), round(task), issueId(task), approved, comment, actor(task));
      }
    };
  }

  /** Task_ConsolidateRound1/2: shows what the units reported; on completion keeps the planner's consolidation. */
  @Bean
  TaskListener inspectionConsolidateRound() {
    return task -> {
      if (created(task)) {
        task.setVariableLocal(ROUND_OVERVIEW, service.roundOverview(year(task), round(task)));
        return;
      }
      service.saveRoundSummary(year(task), round(task), task.getVariable(ROUND_SUMMARY));
    };
  }

  /** The September summary: the planner writes it, the director approves or returns it. */
  @Bean
  SubmissionHandler inspectionSummaryHandler() {
    return new SubmissionHandler() {
      @Override
      public void submitted(DelegateTask task) {
        service.submitSummary(year(task), task.getVariable(SUMMARY_TEXT));
      }

      @Override
      public void reviewed(DelegateTask task, boolean approved, String comment) {
        service.reviewSummary(year(task), approved, actor(task));
      }
    };
  }

  /** Task_RecordRecommendation: one recommendation a time, then the next one or the proposal to the director. */
  @Bean
  TaskListener inspectionRecordRecommendation() {
    return task -> {
      int year = year(task);
      if (created(task)) {
        task.setVariableLocal(UNIT_CHOICES, service.unitChoices());
        task.setVariableLocal(ISSUES_OVERVIEW, service.issuesOverview(year));
        task.setVariableLocal(RECOMMENDATIONS_SO_FAR, service.recommendationsOverview(year));
        return;
      }
      Object action = task.getVariable(RECORD_ACTION);
      if (PROPOSE.equals(action)) {
        if (task.getVariable(RECOMMENDATION_TEXT) instanceof String text && !text.isBlank()) {
          throw new UserInputException("ท่านกรอกข้อเสนอแนะไว้แต่เลือกไม่บันทึก กรุณาเลือก \"บันทึกข้อนี้\" หรือลบข้อความข้อเสนอแนะออก");
        }
        return;
      }
      if (!SAVE_NEXT.equals(action) && !SAVE_PROPOSE.equals(action)) {
        throw new UserInputException("กรุณาเลือกว่าจะบันทึกข้อเสนอแนะข้อถัดไป หรือเสนอผู้อำนวยการสำนักงานเขตพื้นที่การศึกษาพิจารณา");
      }
      service.propose(year, form(task, RECOMMENDATION_TEXT, ANALYSIS_TEXT, UNIT_CODE, ISSUE_SEQ), actor(task));
      for (String field : new String[] {RECOMMENDATION_TEXT, ANALYSIS_TEXT, UNIT_CODE, ISSUE_SEQ}) {
        task.setVariable(field, null); // the next recommendation starts from an empty form
      }
    };
  }

  /** Start of SubProcess_Recommendation: the recommendation's fields, local to its instance. */
  @Bean
  ExecutionListener inspectionRecommendationScope() {
    return execution -> {
      execution.setVariableLocal(DECISION, null);
      execution.setVariableLocal(DECISION_REASON, null);
      showRecommendation(execution, recommendationId(execution));
    };
  }

  /** Task_DecideRecommendation: the director approves, returns or drops, with the reason. */
  @Bean
  TaskListener inspectionDecideRecommendation() {
    return task -> service.decide(recommendationId(task), task.getVariable(DECISION), task.getVariable(DECISION_REASON),
        actor(task));
  }

  /** Task_DecideRecommendation in Cockpit's "รออนุมัติ" tab: approve or return; dropping stays in Tasklist. */
  @Bean
  ApprovalStep inspectionRecommendationApproval() {
    return new ApprovalStep("inspection", "Task_DecideRecommendation", DECISION, InspectionService.Decision.APPROVE.value(),
        InspectionService.Decision.RETURN.value(), DECISION_REASON,
        RECOMMENDATION_LABEL, java.util.List.of(RECOMMENDATION_TEXT, ANALYSIS_TEXT), java.util.List.of(UNIT_NAME));
  }

  /** Task_ReviseRecommendation: the planner revises what the director returned. */
  @Bean
  TaskListener inspectionReviseRecommendation() {
    return task -> {
      long id = recommendationId(task);
      service.revise(id, form(task, RECOMMENDATION_TEXT, ANALYSIS_TEXT, UNIT_CODE, ISSUE_SEQ), actor(task));
      DelegateExecution scope = task.getExecution();
      scope.setVariable(DECISION, null);
      scope.setVariable(DECISION_REASON, null);
      showRecommendation(scope, id);
    };
  }

  /** Start of Call_FollowUp: the approved recommendation goes to its unit. */
  @Bean
  ExecutionListener inspectionFollowUpStart() {
    return execution -> service.assignFollowUp(recommendationId(execution));
  }

  /** The unit's improvement (actions, evidence, completion date), verified or returned by the planner. */
  @Bean
  SubmissionHandler inspectionFollowUpHandler() {
    return new SubmissionHandler() {
      @Override
      public void submitted(DelegateTask task) {
        service.submitFollowUp(recommendationId(task),
            form(task, IMPROVEMENT_ACTIONS, IMPROVEMENT_EVIDENCE, COMPLETION_DATE), actor(task));
      }

      @Override
      public void reviewed(DelegateTask task, boolean approved, String comment) {
        service.reviewFollowUp(recommendationId(task), approved, comment, actor(task));
      }
    };
  }

  /** Task_FinalReport: links to the report files; on completion keeps the summary and who it went to. */
  @Bean
  TaskListener inspectionFinalReport() {
    return task -> {
      int year = year(task);
      if (created(task)) {
        String base = baseUrl + "/api/inspection/" + year + "/report";
        task.setVariableLocal(REPORT_LINKS, "PDF: " + base + ".pdf\nExcel: " + base + ".xlsx");
        return;
      }
      service.finalReport(year, task.getVariable(FINAL_SUMMARY), task.getVariable(REPORTED_TO), actor(task));
    };
  }

  private void showRecommendation(VariableScope scope, long id) {
    Recommendation r = service.recommendation(id);
    scope.setVariableLocal(RECOMMENDATION_LABEL, r.label() + " (" + service.unitName(r.unitCode()) + ")");
    scope.setVariableLocal(RECOMMENDATION_TEXT, r.text());
    scope.setVariableLocal(ANALYSIS_TEXT, r.analysis());
    scope.setVariableLocal(UNIT_CODE, r.unitCode());
    scope.setVariableLocal(UNIT_NAME, service.unitName(r.unitCode()));
    InspectionIssue issue = r.issueId() == null ? null : service.issue(r.issueId());
    scope.setVariableLocal(ISSUE_SEQ, issue == null ? null : (Object) issue.seq());
    scope.setVariableLocal(ISSUE_LABEL, issue == null ? "-" : issue.label());
  }

  private static boolean created(DelegateTask task) {
    return TaskListener.EVENTNAME_CREATE.equals(task.getEventName());
  }

  private static Map<String, Object> form(DelegateTask task, String... fields) {
    Map<String, Object> values = new HashMap<>();
    for (String field : fields) {
      values.put(field, task.getVariable(field));
    }
    return values;
  }

  private static int year(VariableScope scope) {
    return FiscalYear.parse(scope.getVariable(ProcessVariables.FISCAL_YEAR)).buddhistYear();
  }

  private static int round(VariableScope scope) {
    return Integer.parseInt(String.valueOf(scope.getVariable(ROUND)).strip());
  }

  private static long issueId(VariableScope scope) {
    return ((Number) scope.getVariable(ISSUE_ID)).longValue();
  }

  private static long recommendationId(VariableScope scope) {
    return ((Number) scope.getVariable(RECOMMENDATION_ID)).longValue();
  }

  private static String actor(DelegateTask task) {
    Authentication current = task.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
    return current != null ? current.getUserId() : task.getAssignee();
  }
}
