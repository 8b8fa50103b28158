package th.planflow.deadline;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import th.planflow.testsupport.TestSmtp;
import jakarta.mail.internet.MimeMessage;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import th.planflow.EngineClock;
import th.planflow.PlanflowTest;
import th.planflow.notify.OutboxSender;

/** Reminders, overdue notice and escalation of a school's task, with the engine clock moved. */
@PlanflowTest
class DeadlineSweepTest {

  @RegisterExtension
  static GreenMailExtension smtp = new GreenMailExtension(TestSmtp.SETUP);

  @Autowired
  RuntimeService runtime;
  @Autowired
  TaskService tasks;
  @Autowired
  ManagementService management;
  @Autowired
  DeadlineSweep sweep;
  @Autowired
  OutboxSender sender;
  @Autowired
  JdbcTemplate jdbc;

  Task task;

  @BeforeEach
  void startASchoolSubmission() {
    EngineClock.setTo("2027-04-01T09:00");
    String instance = runtime.startProcessInstanceByKey("reviewedSubmission", Map.of(
        "fiscalYear", 2570, "title", "รายงานผลการดำเนินงานตามนโยบาย รอบที่ 1", "stepKey", "sweepTest", "due", "4",
        "submitterGroup", "school-10010003")).getId();
    task = tasks.createTaskQuery().processInstanceId(instance).singleResult();
  }

  @AfterEach
  void tearDown() {
    runtime.deleteProcessInstance(task.getProcessInstanceId(), "test done");
    EngineClock.reset();
  }

  List<String> queuedFor(String stage) {
    return jdbc.queryForList("select recipient from mail_outbox where dedup_key like ? order by recipient", String.class,
        "task:" + task.getId() + ":" + stage + ":%");
  }

  List<MimeMessage> received(String subjectPart) {
    return Arrays.stream(smtp.getReceivedMessages()).filter(m -> {
      try {
        return m.getSubject().contains(subjectPart) && body(m).contains(task.getId());
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    }).toList();
  }

  static String body(MimeMessage message) {
    try {
      return (String) message.getContent();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** Sends the whole outbox, also what other tests left in it. */
  void sendAll() {
    while (sender.sendDue() > 0) {
      // next batch
    }
  }

  @Test
  void remindsBeforeTheDueDateOnceAndInThai() throws Exception {
    EngineClock.setTo("2027-04-22T09:00");
    sweep.sweep();
    assertThat(queuedFor("reminder-7")).isEmpty();

    EngineClock.setTo("2027-04-23T09:00");
    sweep.sweep();
    sweep.sweep();
    assertThat(queuedFor("reminder-7")).containsExactly("school10010003@esa1001.planflow.test");

    sendAll();
    sendAll();
    List<MimeMessage> mails = received("แจ้งเตือน");
    assertThat(mails).hasSize(1);
    MimeMessage mail = mails.get(0);
    assertThat(mail.getSubject())
        .isEqualTo("[Planflow] แจ้งเตือน: ส่งงาน: รายงานผลการดำเนินงานตามนโยบาย รอบที่ 1 ครบกำหนด 30 เมษายน 2570");
    String body = body(mail);
    assertThat(body).contains("ปีงบประมาณ", "2570", "30 เมษายน 2570", "ส่งงานและตรวจสอบอนุมัติ")
        .contains("https://planflow.example.test/camunda/app/tasklist/default/#/?task=" + task.getId());

    EngineClock.setTo("2027-04-29T09:00");
    sweep.sweep();
    assertThat(queuedFor("reminder-1")).hasSize(1);
  }

  @Test
  void overdueNoticeThenEscalationToTheSupervisorGroup() {
    EngineClock.setTo("2027-05-01T09:00");
    sweep.sweep();
    assertThat(queuedFor("overdue")).containsExactly("school10010003@esa1001.planflow.test");
    assertThat(queuedFor("reminder-1")).isEmpty(); // superseded: the task is already late

    EngineClock.setTo("2027-05-03T09:00");
    sweep.sweep();
    sweep.sweep();

    assertThat(tasks.getIdentityLinksForTask(task.getId())).extracting(IdentityLink::getGroupId)
        .contains("school-10010003", "plan-officer");
    assertThat(queuedFor("escalation"))
        .containsExactly("planner@esa1001.planflow.test", "school10010003@esa1001.planflow.test");
    sendAll();
    assertThat(received("แจ้งผู้บังคับบัญชา")).hasSize(2)
        .allSatisfy(m -> assertThat(m.getSubject()).endsWith("เลยกำหนด 3 วัน"));
  }

  @Test
  void theEngineRunsTheSweepAsAJob() {
    Job watch = management.createJobQuery().processDefinitionKey("deadlineWatch").timers().singleResult();
    assertThat(watch).isNotNull();

    EngineClock.setTo("2027-04-23T09:00");
    management.executeJob(watch.getId());

    assertThat(queuedFor("reminder-7")).hasSize(1);
    assertThat(management.createJobQuery().processDefinitionKey("deadlineWatch").timers().count()).isEqualTo(1);
  }
}
