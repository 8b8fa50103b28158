package th.planflow.review;

import static th.planflow.review.ReviewVariables.*;

import java.util.Date;
import th.planflow.web.UserInputException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import th.planflow.calendar.PlanflowClock;
import th.planflow.identity.Groups;
import th.planflow.process.ProcessVariables;

/**
 * The listeners and delegate of bpmn/reviewed-submission.bpmn (submit, review, approve or return),
 * each a small bean referenced by delegateExpression.
 */
@Configuration
class ReviewedSubmission {

  static final int NOTE_MAX = 2000;
  static final int COMMENT_MAX = 4000;

  private final ReviewAudit audit;
  private final PlanflowClock clock;
  private final BeanFactory beans;
  private final ReviewInputs inputs;

  ReviewedSubmission(ReviewAudit audit, PlanflowClock clock, BeanFactory beans) {
    this.audit = audit;
    this.clock = clock;
    this.beans = beans;
    this.inputs = new ReviewInputs(beans);
  }

  /** Start: checks what the caller passed (defaults are read where needed, see ReviewInputs). */
  @Bean
  ExecutionListener reviewedSubmissionStart() {
    return execution -> {
      requireText(execution, TITLE);
      requireText(STEP_KEY, inputs.stepKey(execution));
      requireText(DUE, inputs.due(execution));
      Object submitter = execution.getVariable(SUBMITTER);
      Object group = execution.getVariable(SUBMITTER_GROUP);
      if (submitter == null && group == null) {
        throw new UserInputException("reviewedSubmission ต้องระบุผู้ส่งงาน (submitter หรือ submitterGroup)");
      }
      Object handler = execution.getVariable(SUBMISSION_HANDLER);
      if (handler != null && !beans.containsBean(handler.toString())) {
        throw new UserInputException("reviewedSubmission ไม่พบ submissionHandler '" + handler + "'");
      }
      // reviewerGroup, submitForm and submissionDue have defaults (ReviewInputs); submissionLate is set when true
    };
  }

  /** End: a caller's out-mapping gets submissionLate = false when the submission was never late. */
  @Bean
  ExecutionListener reviewedSubmissionEnd() {
    return execution -> {
      if (!execution.isCanceled() && execution.getSuperExecution() != null && execution.getVariable(LATE) == null) {
        execution.setVariable(LATE, false);
      }
    };
  }

  /**
   * Inputs with defaults or from the caller's handler, read where the BPMN needs them so that no instance has
   * to store them: the variable when the caller passed one, else the handler's {@code input}, else the default.
   */
  @Bean
  ReviewInputs reviewInputs() {
    return inputs;
  }

  public static final class ReviewInputs {
    private final BeanFactory beans;

    ReviewInputs(BeanFactory beans) {
      this.beans = beans;
    }

    public Object stepKey(DelegateExecution execution) {
      return input(execution, STEP_KEY);
    }

    public Object due(DelegateExecution execution) {
      return input(execution, DUE);
    }

    /** The due rule of the current submit task: "+7d" after a return, else the caller's due. */
    public Object submissionDue(DelegateExecution execution) {
      Object due = execution.getVariable(SUBMISSION_DUE);
      return due != null ? due : due(execution);
    }

    public Object reviewerGroup(DelegateExecution execution) {
      Object group = execution.getVariable(REVIEWER_GROUP);
      return group != null ? group : Groups.PLAN_OFFICER;
    }

    public Object submitForm(DelegateExecution execution) {
      Object form = input(execution, SUBMIT_FORM);
      return form != null ? form : DEFAULT_SUBMIT_FORM;
    }

    private Object input(DelegateExecution execution, String name) {
      Object value = execution.getVariable(name);
      if (value != null) {
        return value;
      }
      Object handler = execution.getVariable(SUBMISSION_HANDLER);
      Object subject = execution.getVariable(SUBJECT_REF);
      return handler == null || subject == null ? null
          : beans.getBean(handler.toString(), SubmissionHandler.class).input(name, subject.toString());
    }
  }

  /** Submit task: create gives it to the submitter; complete checks the note and records the submission. */
  @Bean
  TaskListener submitTaskListener() {
    return task -> {
      if (TaskListener.EVENTNAME_CREATE.equals(task.getEventName())) {
        Object submitter = task.getVariable(SUBMITTER);
        Object group = task.getVariable(SUBMITTER_GROUP);
        if (submitter != null) {
          task.setAssignee(submitter.toString());
        }
        if (group != null) {
          task.addCandidateGroup(group.toString());
        }
        return;
      }
      SubmissionHandler handler = handler(task);
      if (handler != null) {
        handler.submitted(task);
      }
      if (!Boolean.TRUE.equals(task.getVariable(CONFIRMED))) {
        throw new UserInputException("กรุณายืนยันว่าข้อมูลที่ส่งครบถ้วนและถูกต้องก่อนส่งงาน");
      }
      Object typedNote = task.getVariable(SUBMISSION_NOTE);
      String note = FormInput.text(typedNote, "สรุปสิ่งที่ส่ง / หมายเหตุ", NOTE_MAX, false);
      // only what changes is written: each variable write is two rows with history
      if (!java.util.Objects.equals(note, typedNote)) {
        task.setVariable(SUBMISSION_NOTE, note);
      }
      TypedValue confirmed = task.getVariableTyped(CONFIRMED);
      if (confirmed != null && !confirmed.isTransient()) {
        task.setVariable(CONFIRMED, false); // a resubmission is confirmed again
      }
      if (task.getVariable(COMMENT) != null) {
        task.setVariable(COMMENT, null); // a new review round begins
      }
      boolean late = isLate(task);
      if (late) {
        task.setVariable(LATE, true);
      }
      record(task, ReviewAudit.Action.SUBMIT, note, late);
    };
  }

  /** Review task complete: a decision is required, a return needs its reason. */
  @Bean
  TaskListener reviewTaskListener() {
    return task -> {
      Object decision = task.getVariable(DECISION);
      if (!APPROVE.equals(decision) && !RETURN.equals(decision)) {
        throw new UserInputException("กรุณาเลือกผลการพิจารณา: อนุมัติ หรือ ส่งกลับแก้ไข");
      }
      boolean approve = APPROVE.equals(decision);
      String comment = FormInput.text(task.getVariable(COMMENT), "เหตุผลหรือสิ่งที่ต้องแก้ไข", COMMENT_MAX, !approve);
      task.setVariable(COMMENT, comment);
      task.setVariable(APPROVED, approve);
      if (!approve) {
        task.setVariable(SUBMISSION_DUE, RESUBMISSION_DUE);
        task.setVariable(RETURN_COMMENT, comment);
      }
      SubmissionHandler handler = handler(task);
      if (handler != null) {
        handler.reviewed(task, approve, comment);
      }
      record(task, approve ? ReviewAudit.Action.APPROVE : ReviewAudit.Action.RETURN, comment, false);
    };
  }

  /** Task_Review, as Cockpit's "รออนุมัติ" tab decides it: the same variables as the review form sets. */
  @Bean
  ApprovalStep reviewedSubmissionApproval() {
    return new ApprovalStep("reviewedSubmission", "Task_Review", DECISION, APPROVE, RETURN, COMMENT, TITLE,
        java.util.List.of(SUBMISSION_NOTE), java.util.List.of(SUBMITTER, SUBMITTER_GROUP));
  }

  /** The submit task's due date passed without a submission: noted for completeness counts. */
  @Bean
  JavaDelegate missedDeadlineDelegate() {
    return execution -> {
      execution.setVariable(LATE, true);
      ExecutionEntity entity = (ExecutionEntity) execution;
      ExecutionEntity root = ProcessVariables.rootInstance(entity);
      audit.record(new ReviewAudit.Entry(root.getProcessDefinition().getKey(), root.getBusinessKey(),
          execution.getProcessInstanceId(), (String) inputs.stepKey(execution),
          (String) execution.getVariable(SUBJECT_REF), "-", ReviewAudit.Action.MISSED_DEADLINE, null, null, true));
    };
  }

  private SubmissionHandler handler(DelegateTask task) {
    Object name = task.getVariable(SUBMISSION_HANDLER);
    return name == null ? null : beans.getBean(name.toString(), SubmissionHandler.class);
  }

  private boolean isLate(DelegateTask task) {
    Date due = task.getDueDate();
    return due != null && clock.now().isAfter(due.toInstant());
  }

  private void record(DelegateTask task, ReviewAudit.Action action, String comment, boolean late) {
    ExecutionEntity root = ProcessVariables.rootInstance((ExecutionEntity) task.getExecution());
    Authentication current = task.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
    String actor = current != null ? current.getUserId() : task.getAssignee();
    audit.record(new ReviewAudit.Entry(root.getProcessDefinition().getKey(), root.getBusinessKey(),
        task.getProcessInstanceId(), (String) inputs.stepKey(task.getExecution()),
        (String) task.getVariable(SUBJECT_REF),
        task.getId(), action, actor, comment, late));
  }

  private static void requireText(DelegateExecution execution, String name) {
    requireText(name, execution.getVariable(name));
  }

  private static void requireText(String name, Object value) {
    if (value == null || value.toString().isBlank()) {
      throw new UserInputException("reviewedSubmission ต้องระบุตัวแปร '" + name + "'");
    }
  }
}
