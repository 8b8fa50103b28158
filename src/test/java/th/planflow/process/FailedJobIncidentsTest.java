package th.planflow.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import th.planflow.PlanflowTest;

/** A job with retries left is deleted without looking for its incident; a failed job's incident goes as before. */
@PlanflowTest
class FailedJobIncidentsTest {

  static final String KEY = "failedJobIncidentsTest";

  @Autowired
  RepositoryService repository;
  @Autowired
  RuntimeService runtime;
  @Autowired
  TaskService tasks;
  @Autowired
  ManagementService management;

  String deployment;

  @BeforeEach
  void deploy() {
    BpmnModelInstance model = Bpmn.createExecutableProcess(KEY).name("ทดสอบงานเบื้องหลังที่ล้มเหลว")
        .camundaHistoryTimeToLive(1)
        .startEvent()
        .userTask("Task_Wait").name("รอ").camundaCandidateGroups("plan-officer")
        .boundaryEvent("Timer_Due").cancelActivity(false).timerWithDuration("P30D").endEvent()
        .moveToActivity("Task_Wait")
        .serviceTask("Task_Fail").name("ล้มเหลว").camundaAsyncBefore().camundaExpression("${noSuchBean.call()}")
        .endEvent().done();
    deployment = repository.createDeployment().addModelInstance(KEY + ".bpmn", model).deploy().getId();
  }

  @AfterEach
  void cleanUp() {
    runtime.createProcessInstanceQuery().processDefinitionKey(KEY).list()
        .forEach(pi -> runtime.deleteProcessInstance(pi.getId(), "test done"));
    repository.deleteDeployment(deployment, true);
  }

  @Test
  void aTimerThatNeverRanGoesWithItsTaskAndAFailedJobsIncidentIsResolvedAndRemovedAsBefore() {
    String instance = runtime.startProcessInstanceByKey(KEY).getId();
    Job timer = management.createJobQuery().processInstanceId(instance).timers().singleResult();
    assertThat(timer.getRetries()).isEqualTo(3);

    // the task is done: its timer is deleted with retries left, no incident involved
    tasks.complete(tasks.createTaskQuery().processInstanceId(instance).singleResult().getId());
    assertThat(management.createJobQuery().jobId(timer.getId()).count()).isZero();

    // the async step fails until its retries are used up: a failed-job incident
    Job failing = management.createJobQuery().processInstanceId(instance).singleResult();
    for (int attempt = 0; attempt < 3; attempt++) {
      assertThatThrownBy(() -> management.executeJob(failing.getId())).isInstanceOf(RuntimeException.class);
    }
    assertThat(management.createJobQuery().jobId(failing.getId()).singleResult().getRetries()).isZero();
    assertThat(runtime.createIncidentQuery().processInstanceId(instance).count()).isEqualTo(1);

    // retries given back: the incident is resolved
    management.setJobRetries(failing.getId(), 1);
    assertThat(runtime.createIncidentQuery().processInstanceId(instance).count()).isZero();

    // fails again, and the instance is deleted with its failed job: the incident goes too
    assertThatThrownBy(() -> management.executeJob(failing.getId())).isInstanceOf(RuntimeException.class);
    assertThat(runtime.createIncidentQuery().processInstanceId(instance).count()).isEqualTo(1);
    runtime.deleteProcessInstance(instance, "test");
    assertThat(runtime.createIncidentQuery().processInstanceId(instance).count()).isZero();
  }
}
