package th.planflow.review;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;

/** For tests of a review: a school's reviewedSubmission, submitted by the school and waiting at Task_Review. */
public final class SchoolSubmission {

  private SchoolSubmission() {
  }

  /** {@code schoolCode} e.g. "10010003": its user school&lt;code&gt; submits for its group school-&lt;code&gt;. */
  public static ProcessInstance waitingForReview(ProcessEngine engine, String schoolCode, String title, String stepKey,
      String reviewerGroup, String note) {
    ProcessInstance instance = engine.getRuntimeService().startProcessInstanceByKey("reviewedSubmission", Map.of(
        "fiscalYear", 2570, "title", title, "stepKey", stepKey, "due", "4",
        "submitterGroup", "school-" + schoolCode, "reviewerGroup", reviewerGroup));
    IdentityService identity = engine.getIdentityService();
    TaskService tasks = engine.getTaskService();
    identity.setAuthentication("school" + schoolCode, List.of("school", "school-" + schoolCode));
    try {
      String submit = tasks.createTaskQuery().processInstanceId(instance.getId()).singleResult().getId();
      tasks.complete(submit, Map.of("confirmed", true, "submissionNote", note));
    } finally {
      identity.clearAuthentication();
    }
    return instance;
  }
}
