package th.planflow.project;

/** Names of the projectMonitoring process variables and of its own form fields. */
final class ProjectVariables {

  /** Multi-instance element variable: the project of one submission (Long). */
  static final String PROJECT_ID = "projectId";
  /** The quarter being reported (Integer 1..4), with its month, due rule and automatic close. */
  static final String QUARTER = "quarter";
  static final String QUARTER_MONTH = "quarterMonth";
  static final String QUARTER_DUE = "quarterDue";
  static final String QUARTER_CLOSE_MONTH = "quarterCloseMonth";
  /** Who closed the current period; unset when it closed by itself. */
  static final String CLOSED_BY = "periodClosedBy";

  /** Form fields of the planner's tasks. */
  static final String LINKAGE_STUDIED = "linkageStudied";
  static final String STUDY_NOTES = "studyNotes";
  static final String MEETING_DATE = "meetingDate";
  static final String MINUTES = "briefingMinutes";
  static final String ATTENDEES = "attendees";
  static final String CLOSE_ENTRY = "closeEntry";
  static final String CLOSE_QUARTER = "closeQuarter";
  static final String ALL_ENTERED = "allEnteredInEmenscr";
  static final String SUMMARY_OVERVIEW = "summaryOverview";
  static final String SUMMARY_PROBLEMS = "summaryProblems";
  static final String SUMMARY_SUGGESTIONS = "summarySuggestions";

  /** subjectRef of the submissions: project-entry:<id>, project-report:<id>:<quarter>, project-summary:<year>. */
  static final String ENTRY_SUBJECT = "project-entry:";
  static final String REPORT_SUBJECT = "project-report:";

  static final String ENTRY_FORM = "projectMonitoringEntry";
  static final String PROGRESS_FORM = "projectMonitoringProgress";
  static final String ENTRY_HANDLER = "projectEntrySubmissions";
  static final String PROGRESS_HANDLER = "projectProgressSubmissions";

  /** The months of the quarterly reports: opens, due, closes by itself if the planner has not closed it. */
  static final String[] QUARTER_MONTHS = {null, "1", "4", "7", "next:10"};
  static final String[] QUARTER_CLOSE_MONTHS = {null, "4", "7", "next:10", "next:11"};

  private ProjectVariables() {
  }
}
