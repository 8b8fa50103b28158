package th.planflow.review;

/** The contract of the reviewedSubmission call activity: what a caller passes in and gets back. */
public final class ReviewVariables {

  /** In: what is submitted, in Thai, shown in task names (e.g. "รายงานผลตัวชี้วัด ไตรมาส 2"). */
  public static final String TITLE = "title";
  /** In: the step's key for due-date overrides and the audit trail (e.g. "kpiRoundQ2"). */
  public static final String STEP_KEY = "stepKey";
  /** In: when the submission is due ("4", "11-10", "next:10", "+7d"); see StepDue. */
  public static final String DUE = "due";
  /** In: the user who submits, or the group whose members may submit (e.g. "school-10010001"). */
  public static final String SUBMITTER = "submitter";
  public static final String SUBMITTER_GROUP = "submitterGroup";
  /** In, optional: who reviews; default plan-officer. */
  public static final String REVIEWER_GROUP = "reviewerGroup";
  /** In, optional: the business record under review, e.g. "kpi-owner:staff1:Q2". */
  public static final String SUBJECT_REF = "subjectRef";
  /**
   * In, optional: the Camunda Form of the submit task when the caller's submission has fields of its own
   * (e.g. a result per issue); it must carry the {@link #CONFIRMED} checkbox. Default the generic form.
   */
  public static final String SUBMIT_FORM = "submitForm";
  /** In, optional: the bean name of the caller's {@link SubmissionHandler}, which checks and keeps those fields. */
  public static final String SUBMISSION_HANDLER = "submissionHandler";
  /** The generic submit form (forms/reviewed-submission-submit.form). */
  public static final String DEFAULT_SUBMIT_FORM = "reviewedSubmissionSubmit";

  /** Working variable: the due rule of the current submit task (the original, then "+7d" after a return). */
  public static final String SUBMISSION_DUE = "submissionDue";
  /** Form fields. */
  public static final String SUBMISSION_NOTE = "submissionNote";
  public static final String CONFIRMED = "confirmed";
  /** The reason of the last return, shown on the submit form. */
  public static final String RETURN_COMMENT = "returnComment";
  public static final String DECISION = "reviewDecision";
  public static final String COMMENT = "reviewComment";
  /** Out: whether the last review approved. */
  public static final String APPROVED = "reviewApproved";
  /** Out: whether the submission missed its due date at least once. */
  public static final String LATE = "submissionLate";

  public static final String APPROVE = "approve";
  public static final String RETURN = "return";
  /** A returned submission is due again this many days later. */
  public static final String RESUBMISSION_DUE = "+7d";

  private ReviewVariables() {
  }
}
