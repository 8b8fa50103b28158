package th.planflow.deadline;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import th.planflow.calendar.PlanflowClock;
import th.planflow.notify.TaskMail;
import th.planflow.office.OfficeProperties;

/**
 * Looks at every open task near or past its due date and fires the stage it has reached, once:
 * a reminder, the overdue notice, or escalation to the supervisor group. It runs as an engine job
 * (the deadlineWatch process), so it survives restarts, runs on one node at a time, and the
 * deadline_event key keeps a stage from firing twice even if a job is retried.
 */
@Service
public class DeadlineSweep {

  private static final Logger LOG = LoggerFactory.getLogger(DeadlineSweep.class);

  private final TaskService tasks;
  private final IdentityService identity;
  private final DeadlineRules rules;
  private final TaskMail mail;
  private final JdbcTemplate jdbc;
  private final PlanflowClock clock;
  private final String officeCode;

  public DeadlineSweep(TaskService tasks, IdentityService identity, DeadlineRules rules, TaskMail mail,
      JdbcTemplate jdbc, PlanflowClock clock, OfficeProperties office) {
    this.tasks = tasks;
    this.identity = identity;
    this.rules = rules;
    this.mail = mail;
    this.jdbc = jdbc;
    this.clock = clock;
    this.officeCode = office.code();
  }

  /** Returns how many stages fired. */
  public int sweep() {
    Instant now = clock.now();
    Date horizon = Date.from(now.plus(Duration.ofDays(rules.longestReminder() + 1L)));
    List<Task> open = tasks.createTaskQuery().active().dueBefore(horizon).list();
    Set<String> fired = firedStages(open);
    int count = 0;
    for (Task task : open) {
      LocalDate due = rules.dueDateOf(task.getDueDate());
      var stage = rules.currentStage(due, now);
      if (stage.isEmpty() || fired.contains(task.getId() + "/" + stage.get().key())) {
        continue;
      }
      fire(task, due, stage.get(), now);
      count++;
    }
    return count;
  }

  /** Forgets the stages a task has had, so a moved due date gets its reminders again. */
  public void restart(String taskId) {
    jdbc.update("delete from deadline_event where task_id = ?", taskId);
  }

  private void fire(Task task, LocalDate due, DeadlineStage stage, Instant now) {
    jdbc.update("insert into deadline_event (task_id, stage, office_code, process_instance_id, fired_at) values (?, ?, ?, ?, ?)",
        task.getId(), stage.key(), officeCode, task.getProcessInstanceId(), Timestamp.from(now));
    long daysOverdue = Math.max(0, java.time.temporal.ChronoUnit.DAYS.between(due, clock.today()));
    List<String> responsible = mail.responsibleUsers(task);
    switch (stage.kind()) {
      case REMINDER -> mail.send(task, TaskMail.Kind.REMINDER, stage.key(), due, 0, responsible);
      case OVERDUE -> mail.send(task, TaskMail.Kind.OVERDUE, stage.key(), due, daysOverdue, responsible);
      case ESCALATION -> {
        String supervisors = supervisorGroup(task, responsible);
        tasks.addCandidateGroup(task.getId(), supervisors);
        List<String> recipients = new ArrayList<>(responsible);
        mail.membersOf(supervisors).stream().filter(u -> !recipients.contains(u)).forEach(recipients::add);
        mail.send(task, TaskMail.Kind.ESCALATION, stage.key(), due, daysOverdue, recipients);
        LOG.info("Task {} ({}) escalated to {}", task.getId(), task.getName(), supervisors);
      }
    }
  }

  private String supervisorGroup(Task task, List<String> responsible) {
    Object declared = tasks.getVariableLocal(task.getId(), DeadlineTaskListenerFactory.ESCALATE_TO_VARIABLE);
    if (declared != null) {
      return declared.toString();
    }
    List<String> groups = new ArrayList<>();
    for (IdentityLink link : tasks.getIdentityLinksForTask(task.getId())) {
      if (IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null) {
        groups.add(link.getGroupId());
      }
    }
    if (groups.isEmpty() && task.getAssignee() != null) {
      identity.createGroupQuery().groupMember(task.getAssignee()).list().stream().map(Group::getId).forEach(groups::add);
    }
    return rules.supervisorGroupFor(groups);
  }

  private Set<String> firedStages(List<Task> open) {
    Set<String> fired = new HashSet<>();
    List<String> ids = open.stream().map(Task::getId).toList();
    for (int from = 0; from < ids.size(); from += 500) {
      List<String> chunk = ids.subList(from, Math.min(ids.size(), from + 500));
      String marks = String.join(",", chunk.stream().map(id -> "?").toList());
      jdbc.query("select task_id, stage from deadline_event where task_id in (" + marks + ")",
          rs -> {
            fired.add(rs.getString(1) + "/" + rs.getString(2));
          }, chunk.toArray());
    }
    return fired;
  }
}
