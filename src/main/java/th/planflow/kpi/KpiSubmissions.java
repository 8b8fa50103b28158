package th.planflow.kpi;

import java.time.LocalDate;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;
import th.planflow.review.FormInput;
import th.planflow.review.ReviewVariables;
import th.planflow.review.SubmissionHandler;

/**
 * kpiReporting's part of the reviewed submissions it calls ({@code submissionHandler = kpiSubmissions}),
 * told apart by their subjectRef ({@link KpiSubject}):
 * <ul>
 * <li>an owner's results of a round: refused while one of the owner's KPIs has no result; the results
 * then follow the review (submitted, approved, returned with the comment);</li>
 * <li>the working group's appointment: the order number and date of its own form are kept, every KPI
 * must have an owner in esa-staff, and the director's approval is stamped.</li>
 * </ul>
 */
@Component("kpiSubmissions")
class KpiSubmissions implements SubmissionHandler {

  static final String ORDER_NO = "appointmentOrderNo";
  static final String ORDER_DATE = "appointmentOrderDate";

  private final KpiResults results;
  private final KpiAppointment appointment;

  KpiSubmissions(KpiResults results, KpiAppointment appointment) {
    this.results = results;
    this.appointment = appointment;
  }

  @Override
  public void submitted(DelegateTask submitTask) {
    KpiSubject subject = subject(submitTask);
    if (subject.isAppointment()) {
      String orderNo = FormInput.text(submitTask.getVariable(ORDER_NO), "เลขที่คำสั่งแต่งตั้ง", 100, true);
      LocalDate orderDate = KpiProcess.date(submitTask.getVariable(ORDER_DATE), "วันที่ของคำสั่งแต่งตั้ง", false);
      appointment.submitted(subject.year(), orderNo, orderDate, actor(submitTask));
    } else {
      results.submit(subject.year(), subject.round(), subject.owner(), actor(submitTask));
    }
  }

  @Override
  public void reviewed(DelegateTask reviewTask, boolean approved, String comment) {
    KpiSubject subject = subject(reviewTask);
    if (subject.isAppointment()) {
      if (approved) {
        appointment.approved(subject.year(), actor(reviewTask));
      }
    } else {
      results.review(subject.year(), subject.round(), subject.owner(), approved, actor(reviewTask), comment);
    }
  }

  private static KpiSubject subject(DelegateTask task) {
    KpiSubject subject = KpiSubject.parse(task.getVariable(ReviewVariables.SUBJECT_REF));
    if (subject == null) {
      throw new IllegalStateException("kpiSubmissions handles kpiReporting's submissions only, not subjectRef "
          + task.getVariable(ReviewVariables.SUBJECT_REF));
    }
    return subject;
  }

  /** Who completes the task: the authenticated user (Tasklist, REST), else its assignee. */
  static String actor(DelegateTask task) {
    Authentication current = task.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
    if (current != null && current.getUserId() != null) {
      return current.getUserId();
    }
    return task.getAssignee() != null ? task.getAssignee() : "system";
  }
}
