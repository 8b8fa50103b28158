package th.planflow.project;

import static th.planflow.project.ProjectVariables.*;

import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import th.planflow.calendar.PlanflowClock;
import th.planflow.review.ReviewVariables;
import th.planflow.review.SubmissionHandler;

/**
 * The project duty's part of its reviewed submissions (th.planflow.review.SubmissionHandler): the
 * owner's December data, the owner's quarterly report, the planner's summary to the director. Each
 * checks and keeps its fields when the submit task completes (a refusal rolls the whole completion
 * back) and follows the reviewer's decision.
 */
@Configuration
class ProjectSubmissions {

  private final ProjectMonitoring monitoring;
  private final Projects projects;
  private final PlanflowClock clock;

  ProjectSubmissions(ProjectMonitoring monitoring, Projects projects, PlanflowClock clock) {
    this.monitoring = monitoring;
    this.projects = projects;
    this.clock = clock;
  }

  @Bean
  SubmissionHandler projectEntrySubmissions() {
    return new SubmissionHandler() {
      @Override
      public void submitted(DelegateTask task) {
        monitoring.submitEntry(entryProject(task), task.getVariables(), late(task));
      }

      @Override
      public void reviewed(DelegateTask task, boolean approved, String comment) {
        monitoring.reviewedEntry(entryProject(task), approved, comment, ProjectDelegates.actor(task));
      }
    };
  }

  @Bean
  SubmissionHandler projectProgressSubmissions() {
    return new SubmissionHandler() {
      @Override
      public void submitted(DelegateTask task) {
        long[] subject = reportSubject(task);
        monitoring.submitProgress(subject[0], (int) subject[1], task.getVariables(), ProjectDelegates.actor(task), late(task));
      }

      @Override
      public void reviewed(DelegateTask task, boolean approved, String comment) {
        long[] subject = reportSubject(task);
        monitoring.reviewedProgress(subject[0], (int) subject[1], approved, comment, ProjectDelegates.actor(task));
      }
    };
  }

  /** The planner's overall summary with problems and obstacles, for the director (PDF from the tables). */
  @Bean
  SubmissionHandler projectSummarySubmissions() {
    return new SubmissionHandler() {
      @Override
      public void submitted(DelegateTask task) {
        List<String> problems = new ArrayList<>();
        String overview = ProjectInputs.text(task.getVariable(SUMMARY_OVERVIEW), "สรุปผลการดำเนินงานในภาพรวม", 4000, true, problems);
        String issues = ProjectInputs.text(task.getVariable(SUMMARY_PROBLEMS), "ปัญหา/อุปสรรคการดำเนินงาน", 4000, true, problems);
        String suggestions = ProjectInputs.text(task.getVariable(SUMMARY_SUGGESTIONS), "ข้อเสนอแนะ", 4000, false, problems);
        if (!problems.isEmpty()) {
          throw ProjectInputs.refusal("ยังส่งสรุปผลการดำเนินงานไม่ได้ กรุณาแก้ไข:", problems);
        }
        projects.saveSummary(ProjectDelegates.fiscalYear(task), overview, issues, suggestions, ProjectDelegates.actor(task),
            clock.now());
      }

      @Override
      public void reviewed(DelegateTask task, boolean approved, String comment) {
        projects.setSummaryStatus(ProjectDelegates.fiscalYear(task), approved ? "APPROVED" : "RETURNED", clock.now());
      }
    };
  }

  private boolean late(DelegateTask task) {
    Date due = task.getDueDate();
    return Boolean.TRUE.equals(task.getVariable(ReviewVariables.LATE))
        || (due != null && clock.now().isAfter(due.toInstant()));
  }

  private static long entryProject(DelegateTask task) {
    String ref = (String) task.getVariable(ReviewVariables.SUBJECT_REF);
    return Long.parseLong(ref.substring(ENTRY_SUBJECT.length()));
  }

  /** {project id, quarter} from "project-report:<id>:<quarter>". */
  private static long[] reportSubject(DelegateTask task) {
    String[] parts = ((String) task.getVariable(ReviewVariables.SUBJECT_REF)).substring(REPORT_SUBJECT.length()).split(":");
    return new long[] {Long.parseLong(parts[0]), Long.parseLong(parts[1])};
  }
}
