package th.planflow.strategy;

import java.util.List;

/**
 * Process variables of bpmn/provincial-strategy.bpmn. Form fields are read once, saved to the
 * duty's tables and removed again: the instance keeps only the fiscal year, per-item keys and decisions.
 */
final class StrategyVariables {

  static final String PROCESS_KEY = "provincialStrategy";

  // 1. study (forms/provincial-strategy-study.form)
  static final String PLAN_NAME = "planName";
  static final String ITEMS_TEXT = "strategyItemsText";
  static final String STUDY_NOTE = "studyNote";
  static final List<String> STUDY_FIELDS = List.of(PLAN_NAME, ITEMS_TEXT, STUDY_NOTE);

  // 2. briefing
  static final String BRIEFING_DATE = "briefingDate";
  static final String BRIEFING_PLACE = "briefingPlace";
  static final String BRIEFING_GUIDANCE = "briefingGuidance";
  static final String REPORTING_SCHEDULE = "reportingSchedule";
  static final List<String> BRIEFING_FIELDS = List.of(BRIEFING_DATE, BRIEFING_PLACE, BRIEFING_GUIDANCE, REPORTING_SCHEDULE);

  // 3. appointment
  static final String ORDER_NUMBER = "orderNumber";
  static final String ORDER_DATE = "orderDate";
  static final String WORKING_GROUP_TEXT = "workingGroupText";
  static final String RESPONSIBLE_TEXT = "responsibleText";
  /** Read-only on the form: who may be named responsible. */
  static final String STAFF_LIST = "staffList";
  static final List<String> APPOINTMENT_FIELDS = List.of(ORDER_NUMBER, ORDER_DATE, WORKING_GROUP_TEXT, RESPONSIBLE_TEXT, STAFF_LIST);
  /** Out of the director's review. */
  static final String APPOINTMENT_APPROVED = "appointmentApproved";

  // 4. meeting
  static final String MEETING_DATE = "meetingDate";
  static final String MEETING_AGENDA = "meetingAgenda";
  static final String MEETING_MINUTES = "meetingMinutes";
  static final String MEETING_ATTENDEES = "meetingAttendees";
  static final List<String> MEETING_FIELDS = List.of(MEETING_DATE, MEETING_AGENDA, MEETING_MINUTES, MEETING_ATTENDEES);

  // 5. one report per item (local to each instance of the multi-instance subprocess)
  static final String ITEM_CODE = "itemCode";
  static final String ITEM_OWNER = "itemOwner";
  static final String ITEM_TITLE = "itemTitle";
  static final String ITEM_TARGET = "itemTarget";
  static final String RESULT_VALUE = "resultValue";
  static final String RESULT_TEXT = "resultText";
  static final String BUDGET_USED = "budgetUsed";
  static final String PROBLEMS = "problems";
  static final String SUGGESTIONS = "suggestions";
  static final List<String> REPORT_FIELDS = List.of(RESULT_VALUE, RESULT_TEXT, BUDGET_USED, PROBLEMS, SUGGESTIONS);
  /** Out of the report's review: the submission missed its due date. */
  static final String REPORT_SUBMISSION_LATE = "reportSubmissionLate";

  // 6. summary and acknowledgement
  static final String RESULTS_OVERVIEW = "resultsOverview";
  static final String OVERALL_RESULT = "overallResult";
  static final String OVERALL_PROBLEMS = "overallProblems";
  static final String OVERALL_SUGGESTIONS = "overallSuggestions";
  static final List<String> SUMMARY_FIELDS = List.of(RESULTS_OVERVIEW, OVERALL_RESULT, OVERALL_PROBLEMS, OVERALL_SUGGESTIONS);
  static final String SUMMARY_OVERVIEW = "summaryOverview";
  static final String ACKNOWLEDGED = "acknowledged";
  static final String DIRECTOR_COMMENT = "directorComment";
  static final List<String> ACKNOWLEDGE_FIELDS = List.of(SUMMARY_OVERVIEW, ACKNOWLEDGED, DIRECTOR_COMMENT);

  private StrategyVariables() {
  }
}
