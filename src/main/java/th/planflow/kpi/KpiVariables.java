package th.planflow.kpi;

/** Variables of the kpiReporting process and its forms; the data itself lives in the kpi tables. */
final class KpiVariables {

  /** Input parameter of the round's service and user tasks: "Q2", "Q3" or "Q4". */
  static final String ROUND = "kpiRound";

  /** Briefing form. */
  static final String MEETING_DATE = "meetingDate";
  static final String MEETING_ATTENDEES = "meetingAttendees";
  static final String MEETING_MINUTES = "meetingMinutes";

  /** e-MES entry form: mark every approved result as keyed in, on this day (default today). */
  static final String EMES_ENTERED_ALL = "emesEnteredAll";
  static final String EMES_ENTERED_ON = "emesEnteredOn";

  /** Summary form. */
  static final String SUMMARY_OVERVIEW = "summaryOverview";
  static final String SUMMARY_PROBLEMS = "summaryProblems";
  static final String SUMMARY_SUGGESTIONS = "summarySuggestions";

  /** Director's acknowledgement form. */
  static final String ACKNOWLEDGED = "summaryAcknowledged";
  static final String DIRECTOR_COMMENT = "directorComment";

  /** subjectRef of the reviewed submissions this process calls. */
  static final String OWNER_SUBJECT = "kpi-owner";
  static final String APPOINTMENT_SUBJECT = "kpi-appointment";

  private KpiVariables() {
  }
}
