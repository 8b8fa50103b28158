package th.planflow.deadline;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.el.ExpressionManager;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.impl.task.TaskDefinition;
import org.springframework.stereotype.Component;
import th.planflow.calendar.FiscalCalendar;
import th.planflow.calendar.FiscalYear;
import th.planflow.calendar.PlanflowClock;
import th.planflow.calendar.StepDue;
import th.planflow.process.ProcessVariables;

/** Builds the create listener that sets a task's due and follow-up dates from the fiscal calendar. */
@Component
public class DeadlineTaskListenerFactory {

  public static final String ESCALATE_TO_VARIABLE = "escalateTo";

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

  /** The create listener of a user task with a deadline; its declaration says which step a task is. */
  record DeadlineListener(DeadlineTaskListenerFactory factory, DeadlineDeclaration declaration) implements TaskListener {
    @Override
    public void notify(DelegateTask task) {
      factory.setDeadline(task, declaration);
    }
  }

  TaskListener create(DeadlineDeclaration declaration) {
    return new DeadlineListener(this, declaration);
  }

  private void setDeadline(DelegateTask task, DeadlineDeclaration declaration) {
    ExecutionEntity execution = (ExecutionEntity) task.getExecution();
    applyDueDate(task, dueDate(execution, resolve(declaration.due(), task), step(task, declaration)));
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

  private String step(DelegateTask task, DeadlineDeclaration declaration) {
    return declaration.step() == null ? task.getTaskDefinitionKey() : resolve(declaration.step(), task);
  }

  /**
   * Whether an open task is the given step of a duty (the process at the top of its call chain), as its create
   * listener computed it. Steps are worked out again rather than stored with each task: a round opens tens of
   * thousands of tasks, and moving a step's due date is rare. The cheap checks come first: a task without a
   * deadline, a step key that differs, or one whose literal parts cannot match the step's expression.
   * Runs inside an engine command.
   */
  boolean isStep(TaskEntity task, String processKey, String stepKey) {
    DeadlineDeclaration declaration = declarationOf(task);
    if (declaration == null) {
      return false;
    }
    String declared = declaration.step();
    if (declared == null ? !stepKey.equals(task.getTaskDefinitionKey())
        : !literalPartsFit(declared, stepKey) || !stepKey.equals(resolve(declared, task))) {
      return false;
    }
    return processKey.equals(ProcessVariables.rootProcessKey(task.getExecution()));
  }

  private static DeadlineDeclaration declarationOf(TaskEntity task) {
    TaskDefinition definition = task.getTaskDefinition();
    if (definition == null) {
      return null; // a task created through the API, outside any process
    }
    for (TaskListener listener : definition.getTaskListenersForEvent(TaskListener.EVENTNAME_CREATE)) {
      if (listener instanceof DeadlineListener deadline) {
        return deadline.declaration();
      }
    }
    return null;
  }

  /**
   * Whether a step key can come from a step expression: it must begin with the text before the expression's
   * first {@code ${} and end with the text after its last brace ("${reviewInputs.stepKey(execution)}-review"
   * only gives keys ending in "-review").
   */
  static boolean literalPartsFit(String expression, String stepKey) {
    int dollar = expression.indexOf("${");
    int hash = expression.indexOf("#{");
    int first = dollar < 0 ? hash : hash < 0 ? dollar : Math.min(dollar, hash);
    if (first < 0) {
      return expression.equals(stepKey);
    }
    String prefix = expression.substring(0, first);
    String suffix = expression.substring(expression.lastIndexOf('}') + 1);
    return stepKey.length() >= prefix.length() + suffix.length() && stepKey.startsWith(prefix) && stepKey.endsWith(suffix);
  }

  private String resolve(String text, DelegateTask task) {
    if (!text.contains("${") && !text.contains("#{")) {
      return text;
    }
    Object value = expressions.createExpression(text).getValue(task);
    return value == null ? null : value.toString();
  }
}
