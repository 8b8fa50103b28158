package th.planflow.notify;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import th.planflow.calendar.PlanflowClock;
import th.planflow.office.OfficeProperties;

/**
 * The persistent outbox. Messages are inserted in the caller's transaction (the engine's, for
 * reminders), so a mail exists exactly when the work that caused it commits. Rows are claimed with a
 * conditional update, so several nodes can send without sending a message twice.
 */
@Repository
public class MailOutbox {

  public enum Status { PENDING, SENDING, SENT, FAILED }

  public record Message(long id, String recipient, String subject, String bodyHtml, int attempts) {
  }

  private static final Duration CLAIM = Duration.ofMinutes(5);

  private final JdbcTemplate jdbc;
  private final PlanflowClock clock;
  private final String officeCode;

  public MailOutbox(JdbcTemplate jdbc, PlanflowClock clock, OfficeProperties office) {
    this.jdbc = jdbc;
    this.clock = clock;
    this.officeCode = office.code();
  }

  /** Queues a message unless one with the same key exists; returns whether it was queued. */
  public boolean enqueue(String dedupKey, String recipient, String subject, String bodyHtml) {
    Integer existing = jdbc.queryForObject("select count(*) from mail_outbox where dedup_key = ?", Integer.class, dedupKey);
    if (existing != null && existing > 0) {
      return false;
    }
    Timestamp now = Timestamp.from(clock.now());
    jdbc.update("insert into mail_outbox (office_code, dedup_key, recipient, subject, body_html, status, attempts,"
            + " next_attempt_at, created_at) values (?, ?, ?, ?, ?, ?, 0, ?, ?)",
        officeCode, dedupKey, recipient, subject, bodyHtml, Status.PENDING.name(), now, now);
    return true;
  }

  List<Long> dueIds(int limit) {
    Timestamp now = Timestamp.from(clock.now());
    return jdbc.queryForList("select id from mail_outbox where (status = 'PENDING' and next_attempt_at <= ?)"
        + " or (status = 'SENDING' and locked_until < ?) order by id", Long.class, now, now)
        .stream().limit(limit).toList();
  }

  /** Takes a message for sending; empty when another node was faster. */
  Optional<Message> claim(long id) {
    Instant now = clock.now();
    int claimed = jdbc.update("update mail_outbox set status = 'SENDING', locked_until = ? where id = ?"
            + " and ((status = 'PENDING' and next_attempt_at <= ?) or (status = 'SENDING' and locked_until < ?))",
        Timestamp.from(now.plus(CLAIM)), id, Timestamp.from(now), Timestamp.from(now));
    if (claimed == 0) {
      return Optional.empty();
    }
    return jdbc.query("select id, recipient, subject, body_html, attempts from mail_outbox where id = ?",
        (rs, i) -> new Message(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getInt(5)), id)
        .stream().findFirst();
  }

  void markSent(long id) {
    jdbc.update("update mail_outbox set status = 'SENT', sent_at = ?, attempts = attempts + 1, locked_until = null,"
        + " last_error = null where id = ?", Timestamp.from(clock.now()), id);
  }

  void markFailed(long id, int attempts, String error, Instant nextAttempt, boolean giveUp) {
    jdbc.update("update mail_outbox set status = ?, attempts = ?, last_error = ?, next_attempt_at = ?,"
            + " locked_until = null where id = ?",
        giveUp ? Status.FAILED.name() : Status.PENDING.name(), attempts,
        error == null ? null : error.substring(0, Math.min(error.length(), 2000)), Timestamp.from(nextAttempt), id);
  }

  /** Deletes sent messages older than {@code before}; failed ones stay for the administrator. */
  public int purgeSent(Instant before) {
    return jdbc.update("delete from mail_outbox where status = 'SENT' and sent_at < ?", Timestamp.from(before));
  }

  /** Messages not yet sent (pending or being sent): the backlog shown in health. */
  public long backlog() {
    Long n = jdbc.queryForObject("select count(*) from mail_outbox where status in ('PENDING', 'SENDING')", Long.class);
    return n == null ? 0 : n;
  }

  public long failed() {
    Long n = jdbc.queryForObject("select count(*) from mail_outbox where status = 'FAILED'", Long.class);
    return n == null ? 0 : n;
  }

  public Optional<Instant> oldestPending() {
    return Optional.ofNullable(jdbc.queryForObject(
        "select min(created_at) from mail_outbox where status in ('PENDING', 'SENDING')", Timestamp.class))
        .map(Timestamp::toInstant);
  }
}
