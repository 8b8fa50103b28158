package th.planflow.notify;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;
import th.planflow.calendar.ThaiDates;
import th.planflow.process.ProcessVariables;

/**
 * Every mail about a task goes through here: Thai subject and body with process, fiscal year, task,
 * due date in B.E. and a link to the task in Tasklist, queued in the outbox once per recipient.
 */
@Service
public class TaskMail {

  public static final Locale THAI = Locale.forLanguageTag("th-TH");

  public enum Kind { REMINDER, OVERDUE, ESCALATION, CHASE }

  private final MailOutbox outbox;
  private final ITemplateEngine templates;
  private final MessageSource messages;
  private final IdentityService identity;
  private final TaskService tasks;
  private final RuntimeService runtime;
  private final RepositoryService repository;
  private final String baseUrl;

  public TaskMail(MailOutbox outbox, ITemplateEngine templates, MessageSource messages, IdentityService identity,
      TaskService tasks, RuntimeService runtime, RepositoryService repository,
      @Value("${planflow.public-base-url}") String baseUrl) {
    this.outbox = outbox;
    this.templates = templates;
    this.messages = messages;
    this.identity = identity;
    this.tasks = tasks;
    this.runtime = runtime;
    this.repository = repository;
    this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
  }

  /**
   * Queues the mail of one deadline stage to each recipient; {@code stageKey} makes it once per task
   * and recipient. Returns the number of messages queued.
   */
  public int send(Task task, Kind kind, String stageKey, LocalDate dueDate, long daysOverdue, List<String> recipientUserIds) {
    String processName = rootProcessName(task);
    Object fiscalYear = tasks.getVariable(task.getId(), ProcessVariables.FISCAL_YEAR);
    String due = ThaiDates.full(dueDate);
    Object[] args = {task.getName(), due, processName, String.valueOf(fiscalYear), String.valueOf(daysOverdue)};
    String subject = messages.getMessage("mail.task." + kind.name().toLowerCase() + ".subject", args, THAI);

    Context context = new Context(THAI);
    context.setVariable("kind", kind.name());
    context.setVariable("intro", messages.getMessage("mail.task." + kind.name().toLowerCase() + ".intro", args, THAI));
    context.setVariable("taskName", task.getName());
    context.setVariable("processName", processName);
    context.setVariable("fiscalYear", fiscalYear);
    context.setVariable("dueDate", due);
    context.setVariable("daysOverdue", daysOverdue);
    context.setVariable("link", taskLink(task.getId()));
    int queued = 0;
    for (User user : users(recipientUserIds)) {
      if (user.getEmail() == null || user.getEmail().isBlank()) {
        continue;
      }
      context.setVariable("recipientName", (nullToEmpty(user.getFirstName()) + " " + nullToEmpty(user.getLastName())).trim());
      String body = templates.process("mail/task-deadline", context);
      if (outbox.enqueue("task:" + task.getId() + ":" + stageKey + ":" + user.getId(), user.getEmail(), subject, body)) {
        queued++;
      }
    }
    return queued;
  }

  public String taskLink(String taskId) {
    return baseUrl + "/camunda/app/tasklist/default/#/?task=" + taskId;
  }

  /** Who a task is for: its assignee, else its candidate users and the members of its candidate groups. */
  public List<String> responsibleUsers(Task task) {
    if (task.getAssignee() != null) {
      return List.of(task.getAssignee());
    }
    Set<String> users = new LinkedHashSet<>();
    for (IdentityLink link : tasks.getIdentityLinksForTask(task.getId())) {
      if (!IdentityLinkType.CANDIDATE.equals(link.getType())) {
        continue;
      }
      if (link.getUserId() != null) {
        users.add(link.getUserId());
      } else if (link.getGroupId() != null) {
        users.addAll(membersOf(link.getGroupId()));
      }
    }
    return new ArrayList<>(users);
  }

  public List<String> membersOf(String groupId) {
    return identity.createUserQuery().memberOfGroup(groupId).list().stream().map(User::getId).toList();
  }

  private List<User> users(List<String> ids) {
    if (ids.isEmpty()) {
      return List.of();
    }
    return identity.createUserQuery().userIdIn(ids.toArray(String[]::new)).list();
  }

  private String rootProcessName(Task task) {
    ProcessInstance instance = runtime.createProcessInstanceQuery().processInstanceId(task.getProcessInstanceId()).singleResult();
    ProcessInstance root = instance == null ? null
        : runtime.createProcessInstanceQuery().processInstanceId(instance.getRootProcessInstanceId()).singleResult();
    String definitionId = root != null ? root.getProcessDefinitionId() : task.getProcessDefinitionId();
    ProcessDefinition definition = repository.getProcessDefinition(definitionId);
    return definition.getName() != null ? definition.getName() : definition.getKey();
  }

  private static String nullToEmpty(String s) {
    return s == null ? "" : s;
  }
}
