package th.planflow.mesystem;

import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.TaskService;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import th.planflow.calendar.PlanflowClock;
import th.planflow.identity.AsSystem;
import th.planflow.office.OfficeProperties;
import th.planflow.process.Duty;

/**
 * Facts Planflow already holds about the office's monitoring and evaluation, for the study of its current
 * state: open and overdue tasks per duty (from the engine) and the completeness and timeliness of the
 * policy reporting rounds (from Planflow's tables).
 */
@Service
public class MeFacts {

  public record DutyTasks(String processKey, String duty, long open, long overdue) {
  }

  public record RoundTimeliness(String round, int expected, int submitted, int onTime, String submittedPercent,
      String onTimePercent) {
  }

  public record Facts(List<DutyTasks> tasks, List<RoundTimeliness> policyRounds) {
  }

  private final TaskService tasks;
  private final JdbcTemplate jdbc;
  private final PlanflowClock clock;
  private final AsSystem asSystem;
  private final String officeCode;

  MeFacts(TaskService tasks, JdbcTemplate jdbc, PlanflowClock clock, AsSystem asSystem, OfficeProperties office) {
    this.tasks = tasks;
    this.jdbc = jdbc;
    this.clock = clock;
    this.asSystem = asSystem;
    this.officeCode = office.code();
  }

  /** The facts of a fiscal year (B.E.). Task counts are of all open tasks, whoever may see them. */
  public Facts of(int fiscalYear) {
    Date now = Date.from(clock.now());
    List<DutyTasks> perDuty = new ArrayList<>();
    asSystem.run(() -> {
      for (Duty duty : Duty.values()) {
        // the duty's own tasks; those of the submissions it calls are in the total below
        perDuty.add(new DutyTasks(duty.processKey(), duty.thaiName(),
            tasks.createTaskQuery().processDefinitionKey(duty.processKey()).active().count(),
            tasks.createTaskQuery().processDefinitionKey(duty.processKey()).active().dueBefore(now).count()));
      }
      perDuty.add(new DutyTasks("all", "งานทั้งหมดในระบบ (รวมงานส่งและตรวจสอบ)", tasks.createTaskQuery().active().count(),
          tasks.createTaskQuery().active().dueBefore(now).count()));
    });
    List<RoundTimeliness> rounds = jdbc.query("select r.name_th, count(p.reporter),"
            // submitted and on time as the policy round page counts them: a returned report is not in
            + " sum(case when p.status in ('SUBMITTED', 'APPROVED') then 1 else 0 end),"
            + " sum(case when p.status in ('SUBMITTED', 'APPROVED') and p.late = false then 1 else 0 end)"
            + " from policy_round r left join policy_report p on p.round_id = r.id and p.office_code = r.office_code"
            + " where r.office_code = ? and r.fiscal_year = ? group by r.id, r.name_th order by r.id",
        (rs, i) -> {
          int expected = rs.getInt(2);
          int submitted = rs.getInt(3);
          int onTime = rs.getInt(4);
          return new RoundTimeliness(rs.getString(1), expected, submitted, onTime,
              SurveyStatistics.format(SurveyStatistics.percent(submitted, expected)),
              SurveyStatistics.format(SurveyStatistics.percent(onTime, expected)));
        }, officeCode, fiscalYear);
    return new Facts(perDuty, rounds);
  }

}
