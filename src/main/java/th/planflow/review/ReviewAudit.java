package th.planflow.review;

import java.sql.Timestamp;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import th.planflow.calendar.PlanflowClock;
import th.planflow.office.OfficeProperties;

/** The audit trail of reviewed submissions: who submitted, approved or returned what, and when. */
@Repository
public class ReviewAudit {

  public enum Action { SUBMIT, APPROVE, RETURN, MISSED_DEADLINE }

  public record Entry(String processKey, String businessKey, String processInstanceId, String stepKey,
      String subjectRef, String taskId, Action action, String actor, String comment, boolean late) {
  }

  private final JdbcTemplate jdbc;
  private final PlanflowClock clock;
  private final String officeCode;

  public ReviewAudit(JdbcTemplate jdbc, PlanflowClock clock, OfficeProperties office) {
    this.jdbc = jdbc;
    this.clock = clock;
    this.officeCode = office.code();
  }

  public void record(Entry e) {
    jdbc.update("insert into review_audit (office_code, process_key, business_key, process_instance_id, step_key,"
            + " subject_ref, task_id, action, actor, comment_text, late, acted_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        officeCode, e.processKey(), e.businessKey(), e.processInstanceId(), e.stepKey(), e.subjectRef(), e.taskId(),
        e.action().name(), e.actor(), e.comment(), e.late(), Timestamp.from(clock.now()));
  }

  /** The latest submission in a reviewedSubmission instance: who and when, if any. */
  public java.util.Optional<Submission> lastSubmission(String processInstanceId) {
    return jdbc.query("select actor, acted_at from review_audit where office_code = ? and process_instance_id = ?"
            + " and action = ? order by id desc", (rs, row) -> new Submission(rs.getString("actor"),
            rs.getTimestamp("acted_at").toInstant()), officeCode, processInstanceId, Action.SUBMIT.name())
        .stream().findFirst();
  }

  public record Submission(String actor, java.time.Instant at) {
  }

  /** One line of the trail; named fields so the JSON is the same on every database. */
  public record TrailEntry(String action, String actor, String comment, boolean late, java.time.Instant actedAt,
      String actedAtThai, String stepKey) {
  }

  public List<TrailEntry> ofProcessInstance(String processInstanceId) {
    return jdbc.query("select action, actor, comment_text, late, acted_at, step_key from review_audit"
        + " where office_code = ? and process_instance_id = ? order by id", (rs, row) -> {
          java.time.Instant at = rs.getTimestamp("acted_at").toInstant();
          return new TrailEntry(rs.getString("action"), rs.getString("actor"), rs.getString("comment_text"),
              rs.getBoolean("late"), at, th.planflow.calendar.ThaiDates.dateTime(at), rs.getString("step_key"));
        }, officeCode, processInstanceId);
  }
}
