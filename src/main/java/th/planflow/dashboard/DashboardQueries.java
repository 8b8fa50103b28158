package th.planflow.dashboard;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.CallActivity;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.springframework.stereotype.Service;
import th.planflow.calendar.PlanflowClock;
import th.planflow.calendar.ThaiDates;
import th.planflow.process.Duty;
import th.planflow.process.ProcessVariables;

/**
 * The dashboard's numbers, read from the engine (runtime and history) and the duties' own tables; the
 * exports read the same services, so the page and the Excel files do not disagree.
 */
@Service
public class DashboardQueries {

  public record DutyStatus(String key, String name, String state, List<String> currentSteps, int stepsDone,
      int stepsTotal, String nextDue, int overdueTasks) {
  }

  public record OverdueTask(String taskId, String name, String process, String assignee, String groups,
      String dueDate, long daysOverdue) {
  }

  private final RuntimeService runtime;
  private final HistoryService history;
  private final RepositoryService repository;
  private final TaskService tasks;
  private final PlanflowClock clock;
  private final java.util.Map<String, Set<String>> stepsByDefinition = new java.util.concurrent.ConcurrentHashMap<>();

  public DashboardQueries(RuntimeService runtime, HistoryService history, RepositoryService repository,
      TaskService tasks, PlanflowClock clock) {
    this.runtime = runtime;
    this.history = history;
    this.repository = repository;
    this.tasks = tasks;
    this.clock = clock;
  }

  public List<DutyStatus> duties(int fiscalYear) {
    List<DutyStatus> rows = new ArrayList<>();
    for (Duty duty : Duty.values()) {
      rows.add(duty(duty, fiscalYear));
    }
    return rows;
  }

  private DutyStatus duty(Duty duty, int fiscalYear) {
    ProcessDefinition definition = repository.createProcessDefinitionQuery().processDefinitionKey(duty.processKey())
        .latestVersion().singleResult();
    if (definition == null) {
      return new DutyStatus(duty.processKey(), duty.thaiName(), "ยังไม่ได้ติดตั้ง", List.of(), 0, 0, "-", 0);
    }
    String businessKey = ProcessVariables.businessKey(duty.processKey(), fiscalYear);
    HistoricProcessInstance instance = history.createHistoricProcessInstanceQuery()
        .processDefinitionKey(duty.processKey()).processInstanceBusinessKey(businessKey).orderByProcessInstanceStartTime()
        .desc().list().stream().findFirst().orElse(null);
    Set<String> steps = steps(definition);
    if (instance == null) {
      return new DutyStatus(duty.processKey(), duty.thaiName(), "ยังไม่เริ่ม", List.of(), 0, steps.size(), "-", 0);
    }
    Set<String> done = new HashSet<>();
    for (HistoricActivityInstance a : history.createHistoricActivityInstanceQuery().processInstanceId(instance.getId())
        .finished().list()) {
      if (steps.contains(a.getActivityId())) {
        done.add(a.getActivityId());
      }
    }
    List<Task> open = openTasksOf(instance.getId());
    List<String> current = open.stream().map(Task::getName).distinct().limit(5).toList();
    Date now = Date.from(clock.now());
    Date nextDue = open.stream().map(Task::getDueDate).filter(d -> d != null && d.after(now)).min(Date::compareTo)
        .orElse(null);
    int overdue = (int) open.stream().filter(t -> t.getDueDate() != null && t.getDueDate().before(now)).count();
    String state = instance.getEndTime() != null ? "เสร็จสิ้น" : open.isEmpty() ? "รอถึงกำหนดขั้นตอนถัดไป" : "กำลังดำเนินการ";
    return new DutyStatus(duty.processKey(), duty.thaiName(), state, current, done.size(), steps.size(),
        nextDue == null ? "-" : ThaiDates.full(local(nextDue.toInstant())), overdue);
  }

  /**
   * Open tasks of a duty instance and of the reviewed submissions it called, in two queries however deep
   * the calls go (the dashboard's cost is mostly the number of engine commands).
   */
  private List<Task> openTasksOf(String processInstanceId) {
    Set<String> ids = new java.util.LinkedHashSet<>();
    ids.add(processInstanceId);
    runtime.createProcessInstanceQuery().rootProcessInstanceId(processInstanceId).list()
        .forEach(instance -> ids.add(instance.getId()));
    return tasks.createTaskQuery().processInstanceIdIn(ids.toArray(String[]::new)).list();
  }

  /** The steps of a duty: its user tasks and call activities; a deployed definition never changes. */
  private Set<String> steps(ProcessDefinition definition) {
    return stepsByDefinition.computeIfAbsent(definition.getId(), id -> {
      BpmnModelInstance model = repository.getBpmnModelInstance(id);
      Set<String> ids = new HashSet<>();
      model.getModelElementsByType(UserTask.class).forEach(t -> ids.add(t.getId()));
      model.getModelElementsByType(CallActivity.class).forEach(c -> ids.add(c.getId()));
      return Set.copyOf(ids);
    });
  }

  /** Every overdue task in the office, longest overdue first. */
  public List<OverdueTask> overdueTasks() {
    Date now = Date.from(clock.now());
    LocalDate today = clock.today();
    List<OverdueTask> rows = new ArrayList<>();
    for (Task task : tasks.createTaskQuery().active().dueBefore(now).orderByDueDate().asc().listPage(0, 500)) {
      List<String> groups = tasks.getIdentityLinksForTask(task.getId()).stream()
          .filter(l -> IdentityLinkType.CANDIDATE.equals(l.getType()) && l.getGroupId() != null)
          .map(IdentityLink::getGroupId).toList();
      ProcessDefinition definition = repository.getProcessDefinition(task.getProcessDefinitionId());
      LocalDate due = local(task.getDueDate().toInstant());
      rows.add(new OverdueTask(task.getId(), task.getName(), definition.getName(),
          task.getAssignee() == null ? "-" : task.getAssignee(), String.join(", ", groups), ThaiDates.full(due),
          ChronoUnit.DAYS.between(due, today)));
    }
    rows.sort(Comparator.comparingLong(OverdueTask::daysOverdue).reversed());
    return rows;
  }

  private static LocalDate local(Instant instant) {
    return instant.atZone(ThaiDates.BANGKOK).toLocalDate();
  }
}
