package th.planflow.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import th.planflow.PlanflowTest;

/** A new task's candidate group gets its grant without a search; an existing task's grant is updated, not doubled. */
@PlanflowTest
class NewTaskAuthorizationsTest {

  static final String SCHOOL = "school-10010006";

  @Autowired
  ProcessEngine engine;
  @Autowired
  RuntimeService runtime;
  @Autowired
  TaskService tasks;
  @Autowired
  AuthorizationService authorizations;

  long grants(String taskId, String group) {
    return authorizations.createAuthorizationQuery().resourceType(Resources.TASK).resourceId(taskId).groupIdIn(group)
        .authorizationType(Authorization.AUTH_TYPE_GRANT).count();
  }

  @Test
  void eachCandidateGroupHasOneGrantOnItsTask() {
    assertThat(((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getResourceAuthorizationProvider())
        .isInstanceOf(NewTaskAuthorizations.Provider.class);
    ProcessInstance instance = runtime.startProcessInstanceByKey("reviewedSubmission", Map.of("fiscalYear", 2570,
        "title", "ทดสอบสิทธิ์งานใหม่", "stepKey", "newTaskGrant", "due", "+7d", "submitterGroup", SCHOOL));
    try {
      Task task = tasks.createTaskQuery().processInstanceId(instance.getId()).singleResult();
      assertThat(grants(task.getId(), SCHOOL)).isEqualTo(1);
      Authorization grant = authorizations.createAuthorizationQuery().resourceType(Resources.TASK)
          .resourceId(task.getId()).groupIdIn(SCHOOL).singleResult();
      assertThat(grant.isPermissionGranted(Permissions.READ)).isTrue();

      // the task exists now: adding the group again finds its grant instead of adding a second one
      tasks.addCandidateGroup(task.getId(), SCHOOL);
      assertThat(grants(task.getId(), SCHOOL)).isEqualTo(1);
      tasks.addCandidateGroup(task.getId(), Groups.PLAN_OFFICER);
      assertThat(grants(task.getId(), Groups.PLAN_OFFICER)).isEqualTo(1);
    } finally {
      runtime.deleteProcessInstance(instance.getId(), "test done");
    }
  }
}
