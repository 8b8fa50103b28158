package th.planflow.inspection;

/** Names of the inspection process's variables and form fields (bpmn/inspection.bpmn, forms/inspection-*.form). */
final class InspectionVariables {

  /** Task_StudyIssues: the issues, a line each. */
  static final String ISSUES_TEXT = "issuesText";
  /** Out of Task_StudyIssues: how many issues were recorded. */
  static final String ISSUE_COUNT = "issueCount";
  /** Task_CoordinatePlan: the visits, a line each. */
  static final String VISITS_TEXT = "visitsText";
  /** Shown in forms (task-local): the office's units, the year's issues, what was reported. */
  static final String UNIT_CHOICES = "unitChoices";
  static final String ISSUES_OVERVIEW = "issuesOverview";
  static final String ROUND_OVERVIEW = "roundOverview";
  static final String SUMMARY_OVERVIEW = "summaryOverview";
  static final String ISSUE_OVERVIEW = "issueOverview";
  static final String RECOMMENDATIONS_SO_FAR = "recommendationsSoFar";
  static final String RECOMMENDATION_OVERVIEW = "recommendationOverview";
  static final String REPORT_LINKS = "reportLinks";

  /** A round's number: the unit's report (call input) and the consolidation task (input parameter). */
  static final String ROUND = "inspectionRound";
  /** Multi-instance elements. */
  static final String ISSUE_ID = "issueId";
  static final String RECOMMENDATION_ID = "recommendationId";

  /** The unit's inspection form (forms/inspection-round-report.form). */
  static final String RESULT_TEXT = "resultText";
  static final String PROBLEMS_TEXT = "problemsText";
  static final String SUGGESTIONS_TEXT = "suggestionsText";
  static final String EVIDENCE_TEXT = "evidenceText";
  /** The planner's consolidation of a round and the September summary. */
  static final String ROUND_SUMMARY = "roundSummary";
  static final String SUMMARY_TEXT = "summaryText";

  /** A recommendation as the planner records or revises it. */
  static final String RECOMMENDATION_TEXT = "recommendationText";
  static final String ANALYSIS_TEXT = "analysisText";
  static final String UNIT_CODE = "unitCode";
  static final String ISSUE_SEQ = "issueSeq";
  /** After recording one: record the next, or propose all to the director. */
  static final String RECORD_ACTION = "recordAction";
  static final String SAVE_NEXT = "saveNext";
  static final String SAVE_PROPOSE = "savePropose";
  static final String PROPOSE = "propose";

  /** The director's decision on a recommendation: approve / return / drop, with the reason. */
  static final String DECISION = "recommendationDecision";
  static final String DECISION_REASON = "decisionReason";
  /** Shown in the director's and the planner's forms (local to each recommendation). */
  static final String RECOMMENDATION_LABEL = "recommendationLabel";
  static final String UNIT_NAME = "unitName";
  static final String ISSUE_LABEL = "issueLabel";

  /** The unit's improvement on an approved recommendation (forms/inspection-follow-up.form). */
  static final String IMPROVEMENT_ACTIONS = "improvementActions";
  static final String IMPROVEMENT_EVIDENCE = "improvementEvidence";
  static final String COMPLETION_DATE = "completionDate";

  /** Task_FinalReport. */
  static final String FINAL_SUMMARY = "finalSummary";
  static final String REPORTED_TO = "reportedTo";

  private InspectionVariables() {
  }
}
