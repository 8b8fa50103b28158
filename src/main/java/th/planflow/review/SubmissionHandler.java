package th.planflow.review;

import org.camunda.bpm.engine.delegate.DelegateTask;

/**
 * A caller's own part of a reviewed submission, for submissions with fields of their own (a result per
 * issue, an improvement with its evidence). The caller passes the bean's name as
 * {@link ReviewVariables#SUBMISSION_HANDLER} and its form as {@link ReviewVariables#SUBMIT_FORM}; the
 * pattern calls the handler in the engine's transaction, so a refusal saves nothing.
 */
public interface SubmissionHandler {

  /**
   * The submitter completes the submit task: check the caller's fields (throw
   * {@link th.planflow.web.UserInputException} with a Thai message to refuse) and keep them.
   */
  void submitted(DelegateTask submitTask);

  /** The reviewer decided: approved, or returned with {@code comment}. */
  default void reviewed(DelegateTask reviewTask, boolean approved, String comment) {
  }

  /**
   * An input the caller did not pass as a variable because it is the same for all of its submissions and
   * follows from {@code subjectRef}: {@link ReviewVariables#STEP_KEY}, {@link ReviewVariables#DUE} or
   * {@link ReviewVariables#SUBMIT_FORM}; null when the handler has none. A policy round starts one submission
   * per school, 30,000 at national scale, and each stored variable is two rows per school.
   */
  default Object input(String name, String subjectRef) {
    return null;
  }
}
