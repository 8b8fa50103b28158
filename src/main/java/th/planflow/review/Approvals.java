package th.planflow.review;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Service;
import th.planflow.calendar.PlanflowClock;
import th.planflow.calendar.ThaiDates;
import th.planflow.identity.UserNames;
import th.planflow.process.ProcessVariables;
import th.planflow.web.ApiException;
import th.planflow.web.UserInputException;

/**
 * The approvals waiting for the logged-in user, and their decision outside Tasklist (Cockpit's "รออนุมัติ" tab).
 * Everything runs as the user the engine knows from {@code IdentityService}: the engine decides what they
 * may read and complete, and a decision completes the task with the variables its Tasklist form sets, so
 * the same listeners validate it and write the same audit trail.
 */
@Service
public class Approvals {

  static final String NOT_FOUND = "ไม่พบงานรออนุมัตินี้ อาจมีผู้พิจารณาไปแล้ว หรือท่านไม่มีสิทธิ์พิจารณา";
  static final String NOT_AN_APPROVAL = "งานนี้ไม่ใช่งานอนุมัติ กรุณาดำเนินการใน Tasklist";
  static final String CLAIMED_BY_OTHER = "งานนี้มีผู้รับไปพิจารณาแล้ว (%s) กรุณาติดต่อผู้รับงาน หรือให้คืนงานก่อน";
  /** The most approvals one list shows; the tab says so when there are more to work through. */
  public static final int MAX_LISTED = 200;

  /** One approval with the facts a supervisor decides on. Dates are Thai with B.E. years. */
  public record Approval(String taskId, String taskName, String processInstanceId, String rootProcessInstanceId,
      String processName, Integer fiscalYear, String subject, String detail, String owner, String submittedBy,
      String submittedAt, String due, boolean overdue) {
  }

  public record Outcome(String taskId, boolean approved, String message) {
  }

  private final TaskService tasks;
  private final FormService forms;
  private final HistoryService history;
  private final RepositoryService repository;
  private final IdentityService identity;
  private final AuthorizationService authorizations;
  private final ReviewAudit audit;
  private final PlanflowClock clock;
  private final List<ApprovalStep> steps;

  Approvals(TaskService tasks, FormService forms, HistoryService history, RepositoryService repository,
      IdentityService identity, AuthorizationService authorizations, ReviewAudit audit, PlanflowClock clock,
      List<ApprovalStep> steps) {
    this.tasks = tasks;
    this.forms = forms;
    this.history = history;
    this.repository = repository;
    this.identity = identity;
    this.authorizations = authorizations;
    this.audit = audit;
    this.clock = clock;
    this.steps = steps;
  }

  /**
   * The approval tasks the current user may complete: assigned to them, or offered to one of their groups
   * and not yet claimed. A plan officer who may read a director's approval does not see it here.
   *
   * @param processInstanceId only the approvals of this instance and of the instances it called; null for all
   */
  public List<Approval> waiting(String processInstanceId) {
    Authentication user = current();
    Map<String, String> names = new HashMap<>();
    List<String> groups = user.getGroupIds() == null ? List.of() : user.getGroupIds();
    var query = tasks.createTaskQuery().active()
        .taskDefinitionKeyIn(steps.stream().map(ApprovalStep::taskKey).distinct().toArray(String[]::new));
    if (groups.isEmpty()) {
      query.taskAssignee(user.getUserId());
    } else {
      query.or().taskAssignee(user.getUserId()).taskCandidateGroupIn(groups).endOr();
    }
    if (processInstanceId != null) {
      // only the instance's own tree: its root and every instance under it, not every approval of the office
      HistoricProcessInstance given = history.createHistoricProcessInstanceQuery().processInstanceId(processInstanceId)
          .singleResult();
      if (given == null) {
        return List.of();
      }
      String root = given.getRootProcessInstanceId() == null ? given.getId() : given.getRootProcessInstanceId();
      query.processInstanceIdIn(history.createHistoricProcessInstanceQuery().rootProcessInstanceId(root).unfinished()
          .list().stream().map(HistoricProcessInstance::getId).toArray(String[]::new));
    }
    Map<String, HistoricProcessInstance> instances = new HashMap<>();
    List<Approval> found = new ArrayList<>();
    // a plan officer may have a whole policy round of school reports waiting: the oldest due first, a page of them
    for (Task task : query.orderByDueDate().asc().orderByTaskCreateTime().asc().listPage(0, MAX_LISTED)) {
      Optional<ApprovalStep> step = stepOf(task);
      if (step.isEmpty() || !mayComplete(user, task, step.get())) {
        continue;
      }
      List<HistoricProcessInstance> chain = chain(task.getProcessInstanceId(), instances);
      if (processInstanceId != null && chain.stream().noneMatch(i -> i.getId().equals(processInstanceId))) {
        continue;
      }
      found.add(describe(task, step.get(), chain, names));
    }
    return found;
  }

  /** Approves the task as its Tasklist form would; a comment is optional. */
  public Outcome approve(String taskId, String comment) {
    return decide(taskId, true, comment);
  }

  /** Returns the submission to its author; the task's listener refuses it without a reason. */
  public Outcome sendBack(String taskId, String comment) {
    return decide(taskId, false, comment);
  }

  private Outcome decide(String taskId, boolean approve, String comment) {
    Authentication user = current();
    Task task = tasks.createTaskQuery().taskId(taskId).active().singleResult();
    if (task == null) {
      throw ApiException.notFound(NOT_FOUND);
    }
    if (task.getAssignee() != null && !task.getAssignee().equals(user.getUserId())) {
      // the same courtesy as Tasklist: a task someone has claimed is theirs until they give it back
      throw new ApiException(org.springframework.http.HttpStatus.CONFLICT, String.format(CLAIMED_BY_OTHER,
          displayName(task.getAssignee())));
    }
    ApprovalStep step = stepOf(task).orElseThrow(() -> ApiException.badRequest(NOT_AN_APPROVAL));
    Map<String, Object> variables = new LinkedHashMap<>();
    variables.put(step.decisionVariable(), approve ? step.approveValue() : step.returnValue());
    if (comment != null) {
      variables.put(step.commentVariable(), comment);
    }
    try {
      forms.submitTaskForm(taskId, variables);
    } catch (org.camunda.bpm.engine.OptimisticLockingException | org.camunda.bpm.engine.exception.NullValueException e) {
      // someone decided the same task a moment earlier
      throw ApiException.notFound(NOT_FOUND);
    } catch (ProcessEngineException e) {
      // a listener's refusal reaches us wrapped by the engine; the user gets its Thai message
      UserInputException input = UserInputException.in(e);
      if (input != null) {
        throw input;
      }
      if (tasks.createTaskQuery().taskId(taskId).count() == 0) {
        throw ApiException.notFound(NOT_FOUND);
      }
      throw e;
    }
    return new Outcome(taskId, approve, approve ? "อนุมัติเรียบร้อยแล้ว" : "ส่งกลับแก้ไขเรียบร้อยแล้ว");
  }

  private Authentication current() {
    Authentication user = identity.getCurrentAuthentication();
    if (user == null || user.getUserId() == null) {
      throw ApiException.forbidden("กรุณาเข้าสู่ระบบก่อน");
    }
    return user;
  }

  private Optional<ApprovalStep> stepOf(Task task) {
    String processKey = repository.getProcessDefinition(task.getProcessDefinitionId()).getKey();
    return steps.stream()
        .filter(s -> s.processKey().equals(processKey) && s.taskKey().equals(task.getTaskDefinitionKey()))
        .findFirst();
  }

  /** Completing needs UPDATE or TASK_WORK on the task (the engine grants it to candidates) or on its process. */
  private boolean mayComplete(Authentication user, Task task, ApprovalStep step) {
    String processKey = step.processKey();
    return user.getUserId().equals(task.getAssignee())
        || authorizations.isUserAuthorized(user.getUserId(), user.getGroupIds(), Permissions.UPDATE, Resources.TASK, task.getId())
        || authorizations.isUserAuthorized(user.getUserId(), user.getGroupIds(), Permissions.TASK_WORK, Resources.TASK, task.getId())
        || authorizations.isUserAuthorized(user.getUserId(), user.getGroupIds(), Permissions.UPDATE_TASK,
            Resources.PROCESS_DEFINITION, processKey)
        || authorizations.isUserAuthorized(user.getUserId(), user.getGroupIds(), Permissions.TASK_WORK,
            Resources.PROCESS_DEFINITION, processKey);
  }

  /** The task's process instance, the instance that called it, and so on up to the duty. */
  private List<HistoricProcessInstance> chain(String processInstanceId, Map<String, HistoricProcessInstance> known) {
    List<HistoricProcessInstance> chain = new ArrayList<>();
    for (String id = processInstanceId; id != null; ) {
      String wanted = id;
      HistoricProcessInstance instance = known.computeIfAbsent(wanted,
          key -> history.createHistoricProcessInstanceQuery().processInstanceId(key).singleResult());
      if (instance == null) {
        break;
      }
      chain.add(instance);
      id = instance.getSuperProcessInstanceId();
    }
    return chain;
  }

  private Approval describe(Task task, ApprovalStep step, List<HistoricProcessInstance> chain,
      Map<String, String> displayNames) {
    List<String> names = new ArrayList<>();
    names.add(ProcessVariables.FISCAL_YEAR);
    names.add(step.subjectVariable());
    names.addAll(step.detailVariables());
    names.addAll(step.ownerVariables());
    Map<String, Object> variables = tasks.getVariables(task.getId(), names);
    HistoricProcessInstance root = chain.isEmpty() ? null : chain.get(chain.size() - 1);
    String detail = step.detailVariables().stream().map(variables::get).filter(Objects::nonNull).map(Object::toString)
        .filter(text -> !text.isBlank()).reduce((a, b) -> a + "\n\n" + b).orElse(null);
    String owner = step.ownerVariables().stream().map(variables::get).filter(Objects::nonNull)
        .map(value -> displayNames.computeIfAbsent(value.toString(), this::displayName)).findFirst().orElse(null);
    Optional<ReviewAudit.Submission> submission = audit.lastSubmission(task.getProcessInstanceId());
    Instant submittedAt = submission.map(ReviewAudit.Submission::at).orElse(task.getCreateTime().toInstant());
    String submittedBy = submission.map(ReviewAudit.Submission::actor)
        .map(actor -> displayNames.computeIfAbsent(actor, this::displayName)).orElse(null);
    Date due = task.getDueDate();
    Object year = variables.get(ProcessVariables.FISCAL_YEAR);
    return new Approval(task.getId(), task.getName(), task.getProcessInstanceId(),
        root == null ? task.getProcessInstanceId() : root.getId(),
        root == null ? null : root.getProcessDefinitionName(), year instanceof Integer y ? y : null,
        Objects.toString(variables.get(step.subjectVariable()), task.getName()), detail, owner, submittedBy,
        thai(submittedAt), due == null ? null : thai(due.toInstant()),
        due != null && clock.now().isAfter(due.toInstant()));
  }

  /** A user's full name or a group's Thai name when the user may see them, otherwise the value itself. */
  private String displayName(String idOrName) {
    User user = identity.createUserQuery().userId(idOrName).singleResult();
    if (user != null) {
      return UserNames.fullName(user);
    }
    Group group = identity.createGroupQuery().groupId(idOrName).singleResult();
    return group != null && group.getName() != null ? group.getName() : idOrName;
  }

  private static String thai(Instant instant) {
    LocalDate date = instant.atZone(ThaiDates.BANGKOK).toLocalDate();
    return ThaiDates.full(date);
  }
}
