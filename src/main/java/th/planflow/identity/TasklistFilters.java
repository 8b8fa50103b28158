package th.planflow.identity;

import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GLOBAL;

import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.task.TaskQuery;
import org.camunda.bpm.spring.boot.starter.event.PostDeployEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** Tasklist's default filters in Thai, created once for everybody. */
@Component
class TasklistFilters {

  static final String MY_TASKS = "งานของฉัน";
  static final String GROUP_TASKS = "งานของกลุ่มฉัน";
  static final String OVERDUE = "งานเลยกำหนด";
  static final String DUE_SOON = "ครบกำหนดภายใน 7 วัน";

  private final FilterService filters;
  private final TaskService tasks;
  private final AuthorizationService authorizations;

  TasklistFilters(FilterService filters, TaskService tasks, AuthorizationService authorizations) {
    this.filters = filters;
    this.tasks = tasks;
    this.authorizations = authorizations;
  }

  @EventListener(PostDeployEvent.class)
  @Order(2)
  public void create() {
    ensure(MY_TASKS, 10, "งานที่มอบหมายให้ฉันโดยตรง", "#1f6feb",
        tasks.createTaskQuery().taskAssigneeExpression("${currentUser()}"));
    ensure(GROUP_TASKS, 20, "งานที่รอผู้รับผิดชอบในกลุ่มของฉัน", "#2da44e",
        tasks.createTaskQuery().taskCandidateGroupInExpression("${currentUserGroups()}").includeAssignedTasks());
    ensure(OVERDUE, 30, "งานที่เลยวันครบกำหนดแล้ว", "#cf222e",
        tasks.createTaskQuery().dueBeforeExpression("${now()}"));
    ensure(DUE_SOON, 40, "งานที่ครบกำหนดภายใน 7 วันข้างหน้า", "#bf8700",
        tasks.createTaskQuery().dueAfterExpression("${now()}").dueBeforeExpression("${dateTime().plusDays(7).toDate()}"));
  }

  private void ensure(String name, int priority, String description, String color, TaskQuery query) {
    if (filters.createFilterQuery().filterName(name).count() > 0) {
      return;
    }
    Map<String, Object> properties = new LinkedHashMap<>();
    properties.put("priority", priority);
    properties.put("description", description);
    properties.put("color", color);
    properties.put("refresh", true);
    Filter filter = filters.newTaskFilter(name).setQuery(query).setProperties(properties);
    filters.saveFilter(filter);
    Authorization everyone = authorizations.createNewAuthorization(AUTH_TYPE_GLOBAL);
    everyone.setResource(Resources.FILTER);
    everyone.setResourceId(filter.getId());
    everyone.addPermission(Permissions.READ);
    authorizations.saveAuthorization(everyone);
  }
}
