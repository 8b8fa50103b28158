package th.planflow.mesystem;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.stereotype.Component;
import th.planflow.calendar.FiscalYear;
import th.planflow.calendar.PlanflowClock;
import th.planflow.process.ProcessVariables;
import th.planflow.review.FormInput;
import th.planflow.review.SubmissionHandler;
import th.planflow.web.UserInputException;

/** The small beans bpmn/me-system-development.bpmn refers to. */
@Configuration
class MeDelegates {

  static final String CURRENT_STATE_FINDINGS = "currentStateFindings";
  static final String KNOWLEDGE_NOTES = "knowledgeNotes";
  static final String KNOWLEDGE_REFERENCES = "knowledgeReferences";
  static final String FRAMEWORK_TEXT = "frameworkText";
  static final String RESEARCH_FINDINGS = "researchFindings";
  static final String CLOSE_SURVEY = "closeSurvey";

  /** Who completes the task: the engine's current user (Tasklist and REST), else the assignee. */
  static String user(DelegateTask task) {
    var auth = task.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
    return auth != null ? auth.getUserId() : task.getAssignee();
  }

  static int year(VariableScope scope) {
    return FiscalYear.parse(scope.getVariable(ProcessVariables.FISCAL_YEAR)).buddhistYear();
  }

  /**
   * The study steps and the research report keep their text in Planflow's tables (not as process
   * variables): Task_StudyCurrentState, Task_StudyKnowledge and Task_ResearchReport.
   */
  @Bean
  TaskListener meStepRecorded(MeStudyNotes notes, MeSurveys surveys, PlanflowClock clock) {
    return (DelegateTask task) -> {
      int year = year(task);
      String user = user(task);
      switch (task.getTaskDefinitionKey()) {
        case "Task_StudyCurrentState" -> {
          notes.save(year, MeStudyNotes.CURRENT_STATE, FormInput.text(task.getVariable(CURRENT_STATE_FINDINGS),
              "ผลการศึกษาสภาพการดำเนินงาน", 8000, true), null, user, clock.now());
          task.getExecution().removeVariable(CURRENT_STATE_FINDINGS);
        }
        case "Task_StudyKnowledge" -> {
          notes.save(year, MeStudyNotes.KNOWLEDGE, FormInput.text(task.getVariable(KNOWLEDGE_NOTES),
                  "ผลการศึกษาองค์ความรู้ นวัตกรรม และระบบของหน่วยงานที่เกี่ยวข้อง", 8000, true),
              FormInput.text(task.getVariable(KNOWLEDGE_REFERENCES), "เอกสารอ้างอิง", 4000, false), user, clock.now());
          task.getExecution().removeVariable(KNOWLEDGE_NOTES);
          task.getExecution().removeVariable(KNOWLEDGE_REFERENCES);
        }
        case "Task_ResearchReport" -> {
          if (surveys.find(year).map(s -> s.status() != MeSurveys.Status.CLOSED).orElse(true)) {
            throw new UserInputException("แบบสอบถามยังไม่ปิดรับคำตอบ จึงยังสรุปผลการวิจัยไม่ได้");
          }
          notes.save(year, MeStudyNotes.REPORT, FormInput.text(task.getVariable(RESEARCH_FINDINGS),
              "สรุปผลการวิจัยและข้อเสนอแนะ", 8000, true), null, user, clock.now());
          task.getExecution().removeVariable(RESEARCH_FINDINGS);
        }
        default -> throw new IllegalStateException("meStepRecorded on " + task.getTaskDefinitionKey());
      }
    };
  }

  /** Sending the questionnaire: refused (nothing sent) until it has items, respondents and a closing date ahead. */
  @Bean
  TaskListener meSurveyOpened(MeSurveys surveys) {
    return (DelegateTask task) -> surveys.open(year(task));
  }

  /** Completing the follow-up before the closing date closes the questionnaire, so it must be meant. */
  @Bean
  TaskListener meSurveyCloseConfirmed() {
    return (DelegateTask task) -> {
      if (!Boolean.TRUE.equals(task.getVariable(CLOSE_SURVEY))) {
        throw new UserInputException("กรุณายืนยันการปิดรับแบบสอบถามก่อนกำหนดก่อนบันทึก");
      }
    };
  }

  @Bean
  JavaDelegate meSurveyReminder(MeSurveys surveys) {
    return execution -> execution.setVariable("lastRemindedCount", surveys.remind(year(execution)));
  }

  @Bean
  JavaDelegate meSurveyClose(MeSurveys surveys) {
    return execution -> surveys.close(year(execution));
  }

  /** The framework submitted to the director: its text is kept in Planflow (approval by the pattern). */
  @Component("meFrameworkSubmissions")
  static class FrameworkSubmissions implements SubmissionHandler {
    private final MeStudyNotes notes;
    private final PlanflowClock clock;

    FrameworkSubmissions(MeStudyNotes notes, PlanflowClock clock) {
      this.notes = notes;
      this.clock = clock;
    }

    @Override
    public void submitted(DelegateTask submitTask) {
      notes.save(year(submitTask), MeStudyNotes.FRAMEWORK, FormInput.text(submitTask.getVariable(FRAMEWORK_TEXT),
          "กรอบแนวคิดการพัฒนาระบบการติดตาม ประเมินผล และรายงานผล", 8000, true), null, user(submitTask), clock.now());
    }
  }
}
