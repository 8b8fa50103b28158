package th.planflow.kpi;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import th.planflow.review.ReviewVariables;

/**
 * What kpiReporting adds to the reviewedSubmission tasks it calls (found by their subjectRef, see
 * {@link KpiSubject}): an owner's submission is refused while one of their KPIs has no result, and the
 * results follow the review (submitted, approved, returned); the appointment is checked and stamped.
 * Submissions of other duties are left alone.
 */
@Component
class KpiReviewHooks {

  private final KpiResults results;
  private final KpiAppointment appointment;
  private final String baseUrl;

  KpiReviewHooks(KpiResults results, KpiAppointment appointment,
      @Value("${planflow.public-base-url:http://localhost:8080}") String baseUrl) {
    this.results = results;
    this.appointment = appointment;
    this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
  }

  /** Creation of Task_Submit: tells the submitter where the data of the submission is filled in. */
  void created(DelegateTask task) {
    KpiSubject subject = KpiSubject.parse(task.getVariable(ReviewVariables.SUBJECT_REF));
    if (subject == null) {
      return;
    }
    if (subject.isAppointment()) {
      task.setDescription("ตรวจสอบให้ตัวชี้วัดทุกตัวมีผู้รับผิดชอบจากบุคลากรในสำนักงานเขต และกำหนดคณะทำงาน ("
          + baseUrl + "/api/kpi/" + subject.year() + "/working-group) แล้วส่งให้ผู้อำนวยการ สพป. อนุมัติ");
    } else {
      task.setDescription("กรอกผลการดำเนินงาน ปัญหาอุปสรรค ข้อเสนอแนะ และแนบหลักฐานของตัวชี้วัดที่ท่านรับผิดชอบที่ "
          + baseUrl + KpiResultsPage.path(subject.year(), subject.round())
          + " ให้ครบทุกตัวชี้วัด แล้วกลับมายืนยันและส่งงาน");
    }
  }

  /** Completion of reviewedSubmission's Task_Submit (after its own checks). */
  void submitted(DelegateTask task) {
    KpiSubject subject = KpiSubject.parse(task.getVariable(ReviewVariables.SUBJECT_REF));
    if (subject == null) {
      return;
    }
    if (subject.isAppointment()) {
      appointment.submitted(subject.year(), actor(task));
    } else {
      results.submit(subject.year(), subject.round(), subject.owner(), actor(task));
    }
  }

  /** Completion of reviewedSubmission's Task_Review (after its own checks set reviewApproved). */
  void reviewed(DelegateTask task) {
    KpiSubject subject = KpiSubject.parse(task.getVariable(ReviewVariables.SUBJECT_REF));
    if (subject == null) {
      return;
    }
    boolean approved = Boolean.TRUE.equals(task.getVariable(ReviewVariables.APPROVED));
    if (subject.isAppointment()) {
      if (approved) {
        appointment.approved(subject.year(), actor(task));
      }
    } else {
      results.review(subject.year(), subject.round(), subject.owner(), approved, actor(task),
          (String) task.getVariable(ReviewVariables.COMMENT));
    }
  }

  static String actor(DelegateTask task) {
    Authentication current = task.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
    if (current != null && current.getUserId() != null) {
      return current.getUserId();
    }
    return task.getAssignee() != null ? task.getAssignee() : "system";
  }
}
