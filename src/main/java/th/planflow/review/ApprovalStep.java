package th.planflow.review;

import java.util.List;

/**
 * An approval user task that supervisors may also decide from Cockpit's "รออนุมัติ" tab: which task it is,
 * the form variables its Tasklist form sets (the decision with its approve / return values, and the reason),
 * and the variables that tell what is being approved. The reviewedSubmission pattern declares its review
 * task; a duty with an approval task of its own declares that one as a bean too.
 *
 * @param subjectVariable what is submitted, in Thai (e.g. "title")
 * @param detailVariables the submitter's own words about it, shown under the subject
 * @param ownerVariables who submitted it: a user id, a group id or a Thai name, the first one set wins
 */
public record ApprovalStep(String processKey, String taskKey, String decisionVariable, String approveValue,
    String returnValue, String commentVariable, String subjectVariable, List<String> detailVariables,
    List<String> ownerVariables) {
}
