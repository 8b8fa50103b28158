package th.planflow.annualreport;

import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import th.planflow.calendar.FiscalYear;
import th.planflow.calendar.PlanflowClock;
import th.planflow.process.ProcessVariables;
import th.planflow.review.FormInput;
import th.planflow.web.UserInputException;

/** The small beans bpmn/annual-report.bpmn refers to. */
@Configuration
class AnnualReportDelegates {

  static final String FEEDBACK = "feedback";
  static final String VERSION = "publishedVersion";

  /** Process start: the year's report row (a draft, not public). */
  @Bean
  ExecutionListener annualReportOpened(AnnualReports reports, PlanflowClock clock) {
    return execution -> reports.open(year(execution.getVariable(ProcessVariables.FISCAL_YEAR)),
        execution.getProcessInstanceId(), clock.now());
  }

  /** An executive's feedback is kept as its own row, to be handled by the planner. */
  @Bean
  TaskListener annualReportFeedbackGiven(AnnualReports reports, PlanflowClock clock) {
    return (DelegateTask task) -> {
      String text = FormInput.text(task.getVariable(FEEDBACK), "ข้อเสนอแนะ", 4000, true);
      reports.addFeedback(year(task.getVariable(ProcessVariables.FISCAL_YEAR)), task.getAssignee(), text, clock.now());
      task.removeVariable(FEEDBACK); // the next executive's form starts empty
    };
  }

  /** The revision is done only when every piece of feedback is marked handled. */
  @Bean
  TaskListener annualReportRevised(AnnualReports reports) {
    return (DelegateTask task) -> {
      int year = year(task.getVariable(ProcessVariables.FISCAL_YEAR));
      List<String> open = reports.feedback(year).stream().filter(f -> !f.handled())
          .map(f -> "ข้อที่ " + f.id() + " ของ " + f.executive()).toList();
      if (!Boolean.TRUE.equals(task.getVariable("revised"))) {
        throw new UserInputException("กรุณายืนยันว่าปรับปรุงรายงานตามข้อเสนอแนะครบทุกข้อแล้ว");
      }
      if (!open.isEmpty()) {
        throw new UserInputException("ยังมีข้อเสนอแนะของทีมบริหารที่ยังไม่ได้ดำเนินการ " + open.size() + " รายการ ("
            + String.join(", ", open) + ") กรุณาบันทึกการดำเนินการให้ครบก่อน");
      }
    };
  }

  /** After the director's approval: the PDF and QR code, kept as a new version; the public page opens. */
  @Bean
  JavaDelegate annualReportPublish(AnnualReportDocuments documents) {
    return execution -> execution.setVariable(VERSION,
        documents.publish(year(execution.getVariable(ProcessVariables.FISCAL_YEAR)), "director"));
  }

  private static int year(Object value) {
    return FiscalYear.parse(value).buddhistYear();
  }
}
