package th.planflow.deadline;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.el.ExpressionManager;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.springframework.stereotype.Component;
import th.planflow.calendar.FiscalCalendar;
import th.planflow.calendar.FiscalYear;
import th.planflow.calendar.PlanflowClock;
import th.planflow.calendar.StepDue;
import th.planflow.process.ProcessVariables;

/** Builds the create listener that sets a task's due and follow-up dates from the fiscal calendar. */
@Component
public class DeadlineTaskListenerFactory {

  /**
   * Task-local variable that lets Planflow find a task's step again (e.g. when its due date is moved):
   * "processKey/stepKey", one variable rather than two because a round creates thousands of tasks at once.
   */
  public static final String STEP_VARIABLE = "deadlineStep";
  public static final String ESCALATE_TO_VARIABLE = "escalateTo";

  /** The value of {@link #STEP_VARIABLE} for a process's step. */
  public static String stepOf(String processKey, String stepKey) {
    return processKey + "/" + stepKey;
  }

  private final FiscalCalendar calendar;
  private final DeadlineRules rules;
  private final PlanflowClock clock;
  private final org.camunda.bpm.engine.TaskService taskService;
  private ExpressionManager expressions;

  public DeadlineTaskListenerFactory(FiscalCalendar calendar, DeadlineRules rules, PlanflowClock clock,
      @org.springframework.context.annotation.Lazy org.camunda.bpm.engine.TaskService taskService) {
    this.calendar = calendar;
    this.rules = rules;
    this.clock = clock;
    this.taskService = taskService;
  }

  void useExpressionManager(ExpressionManager expressionManager) {
    this.expressions = expressionManager;
  }

  TaskListener create(DeadlineDeclaration declaration) {
    return task -> setDeadline(task, declaration);
  }

  private void setDeadline(DelegateTask task, DeadlineDeclaration declaration) {
    ExecutionEntity execution = (ExecutionEntity) task.getExecution();
    String step = declaration.step() == null ? task.getTaskDefinitionKey() : resolve(declaration.step(), task);
    String processKey = ProcessVariables.rootProcessKey(execution);
    applyDueDate(task, dueDate(execution, resolve(declaration.due(), task), step));
    task.setVariableLocal(STEP_VARIABLE, stepOf(processKey, step));
    if (declaration.escalateTo() != null) {
      task.setVariableLocal(ESCALATE_TO_VARIABLE, resolve(declaration.escalateTo(), task));
    }
  }

  /**
   * The due date of a step as the task listener will set it; also usable from BPMN timer
   * expressions, e.g. {@code ${deadlineTaskListenerFactory.dueInstant(execution, due, step)}}.
   */
  public LocalDate dueDate(ExecutionEntity execution, String dueText, String step) {
    StepDue due = StepDue.parse(dueText);
    if (due.isRelativeToCreation()) {
      return calendar.workingDayOnOrBefore(clock.today().plusDays(due.daysAfterCreation()));
    }
    FiscalYear year = FiscalYear.parse(execution.getVariable(ProcessVariables.FISCAL_YEAR));
    return calendar.dueDate(ProcessVariables.rootProcessKey(execution), step, year, due);
  }

  public Date dueInstant(org.camunda.bpm.engine.delegate.DelegateExecution execution, String dueText, String step) {
    return Date.from(rules.dueInstant(dueDate((ExecutionEntity) execution, dueText, step)));
  }

  /** Moves an open task's due date (an override saved later); reminders follow from the new date. */
  public void moveDueDate(org.camunda.bpm.engine.task.Task task, LocalDate dueDate) {
    task.setDueDate(Date.from(rules.dueInstant(dueDate)));
    task.setFollowUpDate(Date.from(rules.firstReminder(dueDate)));
    taskService.saveTask(task);
  }

  void applyDueDate(DelegateTask task, LocalDate dueDate) {
    task.setDueDate(Date.from(rules.dueInstant(dueDate)));
    Instant followUp = rules.firstReminder(dueDate);
    task.setFollowUpDate(Date.from(followUp));
  }

  private String resolve(String text, DelegateTask task) {
    if (!text.contains("${") && !text.contains("#{")) {
      return text;
    }
    Object value = expressions.createExpression(text).getValue(task);
    return value == null ? null : value.toString();
  }
}
