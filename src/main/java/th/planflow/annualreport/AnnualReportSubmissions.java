package th.planflow.annualreport;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import th.planflow.calendar.FiscalYear;
import th.planflow.calendar.PlanflowClock;
import th.planflow.process.ProcessVariables;
import th.planflow.review.FormInput;
import th.planflow.review.ReviewVariables;
import th.planflow.review.SubmissionHandler;

/**
 * The annual report's parts of its three reviewed submissions: each group's contribution, the working
 * group's appointment and the publication (the director's foreword). Fields are checked and kept when the
 * submit task completes; a refusal saves nothing.
 */
@Configuration
class AnnualReportSubmissions {

  static final int TEXT_MAX = 8000;

  /** A group's contribution: quantity, quality, efficiency, achievements (photos come through the API). */
  @Bean
  SubmissionHandler annualReportContributions(AnnualReports reports, PlanflowClock clock) {
    return new SubmissionHandler() {
      @Override
      public void submitted(DelegateTask task) {
        AnnualReportProcess.Subject subject = AnnualReportProcess.Subject.of(task.getVariable(ReviewVariables.SUBJECT_REF));
        String quantity = FormInput.text(task.getVariable("quantity"), "ผลการดำเนินงานด้านปริมาณ", TEXT_MAX, true);
        String quality = FormInput.text(task.getVariable("quality"), "ผลการดำเนินงานด้านคุณภาพ", TEXT_MAX, true);
        String efficiency = FormInput.text(task.getVariable("efficiency"), "ผลการดำเนินงานด้านประสิทธิภาพ", TEXT_MAX, true);
        String achievements = FormInput.text(task.getVariable("achievements"), "ผลงานที่ประสบความสำเร็จ", TEXT_MAX, true);
        var auth = task.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
        String by = auth != null ? auth.getUserId() : task.getAssignee();
        reports.saveContribution(subject.year(), subject.sectionCode(), quantity, quality, efficiency, achievements, by,
            clock.now());
      }

      @Override
      public void reviewed(DelegateTask task, boolean approved, String comment) {
        AnnualReportProcess.Subject subject = AnnualReportProcess.Subject.of(task.getVariable(ReviewVariables.SUBJECT_REF));
        reports.setContributionStatus(subject.year(), subject.sectionCode(),
            approved ? AnnualReports.ContributionStatus.APPROVED : AnnualReports.ContributionStatus.RETURNED, clock.now());
      }
    };
  }

  /** The working group's members and roles, as appointed (คำสั่งแต่งตั้งคณะทำงาน). */
  @Bean
  SubmissionHandler annualReportWorkingGroup(AnnualReports reports) {
    return task -> reports.setWorkingGroup(year(task),
        FormInput.text(task.getVariable("workingGroup"), "รายชื่อคณะทำงานและหน้าที่", 4000, true));
  }

  /** The publication: the director's foreword printed after the cover. */
  @Bean
  SubmissionHandler annualReportPublication(AnnualReports reports) {
    return task -> reports.setForeword(year(task),
        FormInput.text(task.getVariable("foreword"), "คำนำ (สารจากผู้อำนวยการ)", TEXT_MAX, true));
  }

  private static int year(DelegateTask task) {
    return FiscalYear.parse(task.getVariable(ProcessVariables.FISCAL_YEAR)).buddhistYear();
  }
}
