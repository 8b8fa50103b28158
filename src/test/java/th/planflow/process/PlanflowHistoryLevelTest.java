package th.planflow.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import th.planflow.PlanflowTest;
import th.planflow.review.ReviewVariables;

/**
 * Full history, except the logs of variable writes, submitted forms, job creations and candidate links; the
 * database keeps calling it "full" (id 3).
 */
@PlanflowTest
class PlanflowHistoryLevelTest {

  @Autowired
  ProcessEngine engine;
  @Autowired
  RuntimeService runtime;
  @Autowired
  HistoryService history;
  @Autowired
  TaskService tasks;
  @Autowired
  FormService forms;
  @Autowired
  ManagementService management;

  @Test
  void variablesKeepTheirLastValueButNotEveryWrite() {
    var level = ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getHistoryLevel();
    assertThat(level.getName()).isEqualTo(PlanflowHistoryLevel.NAME);
    assertThat(level.getId()).isEqualTo(3);

    ProcessInstance instance = runtime.startProcessInstanceByKey("reviewedSubmission", Map.of(
        "fiscalYear", 2570, ReviewVariables.TITLE, "ทดสอบประวัติตัวแปร", ReviewVariables.STEP_KEY, "historyLevelTest",
        ReviewVariables.DUE, "+7d", ReviewVariables.SUBMITTER_GROUP, "plan-officer"));
    try {
      runtime.setVariable(instance.getId(), ReviewVariables.TITLE, "ทดสอบประวัติตัวแปร (แก้ไข)");
      assertThat(history.createHistoricVariableInstanceQuery().processInstanceId(instance.getId())
          .variableName(ReviewVariables.TITLE).singleResult().getValue()).isEqualTo("ทดสอบประวัติตัวแปร (แก้ไข)");
      assertThat(history.createHistoricDetailQuery().processInstanceId(instance.getId()).count()).isZero();
      assertThat(history.createHistoricActivityInstanceQuery().processInstanceId(instance.getId()).count()).isPositive();
      assertThat(history.createHistoricTaskInstanceQuery().processInstanceId(instance.getId()).count()).isEqualTo(1);

      // the deadline timer's creation and the task's candidate group are not logged
      String submit = tasks.createTaskQuery().processInstanceId(instance.getId()).singleResult().getId();
      assertThat(management.createJobQuery().processInstanceId(instance.getId()).timers().count()).isEqualTo(1);
      assertThat(history.createHistoricJobLogQuery().processInstanceId(instance.getId()).count()).isZero();
      assertThat(tasks.getIdentityLinksForTask(submit)).isNotEmpty();
      assertThat(history.createHistoricIdentityLinkLogQuery().taskId(submit).count()).isZero();

      // a submitted form is not logged field by field either; its variables keep their last value
      forms.submitTaskForm(submit, Map.of(ReviewVariables.CONFIRMED, true, ReviewVariables.SUBMISSION_NOTE, "ส่งแล้ว"));
      assertThat(history.createHistoricDetailQuery().processInstanceId(instance.getId()).count()).isZero();
      assertThat(history.createHistoricVariableInstanceQuery().processInstanceId(instance.getId())
          .variableName(ReviewVariables.SUBMISSION_NOTE).singleResult().getValue()).isEqualTo("ส่งแล้ว");
    } finally {
      runtime.deleteProcessInstance(instance.getId(), "test done");
    }
  }
}
