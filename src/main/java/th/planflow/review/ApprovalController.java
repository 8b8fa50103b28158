package th.planflow.review;

import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * "Approvals waiting for me" for Cockpit's "รออนุมัติ" tab (webjars/camunda/app/cockpit/scripts/planflow-approvals.js).
 * The engine authorizes every call as the logged-in user.
 */
@RestController
class ApprovalController {

  /** The body of a decision: the reason of a return, an optional remark of an approval. */
  record Decision(String comment) {
  }

  private final Approvals approvals;

  ApprovalController(Approvals approvals) {
    this.approvals = approvals;
  }

  @GetMapping("/api/approvals")
  List<Approvals.Approval> waiting(@RequestParam(required = false) String processInstanceId) {
    return approvals.waiting(processInstanceId == null || processInstanceId.isBlank() ? null : processInstanceId);
  }

  @PostMapping("/api/approvals/{taskId}/approve")
  Approvals.Outcome approve(@PathVariable String taskId, @RequestBody(required = false) Decision decision) {
    return approvals.approve(taskId, decision == null ? null : decision.comment());
  }

  @PostMapping("/api/approvals/{taskId}/return")
  Approvals.Outcome sendBack(@PathVariable String taskId, @RequestBody(required = false) Decision decision) {
    return approvals.sendBack(taskId, decision == null ? null : decision.comment());
  }
}
