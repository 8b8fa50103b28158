package th.planflow.review;

import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import th.planflow.web.ApiException;
import th.planflow.web.CurrentUser;

/** Who submitted, approved or returned what and when, for the planner and the supervisors. */
@RestController
class ReviewAuditController {

  private final ReviewAudit audit;

  ReviewAuditController(ReviewAudit audit) {
    this.audit = audit;
  }

  @GetMapping("/api/reviews/audit")
  List<ReviewAudit.TrailEntry> trail(@RequestParam String processInstanceId) {
    if (!CurrentUser.isPlanningOrSupervisor()) {
      throw ApiException.forbidden("ท่านไม่มีสิทธิ์ดูประวัติการอนุมัติ");
    }
    return audit.ofProcessInstance(processInstanceId);
  }
}
