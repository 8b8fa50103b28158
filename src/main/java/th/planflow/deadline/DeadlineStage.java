package th.planflow.deadline;

import java.time.Instant;

/** One moment in a task's life around its due date: a reminder, the overdue notice or the escalation. */
public record DeadlineStage(Kind kind, int days, Instant at) {

  public enum Kind { REMINDER, OVERDUE, ESCALATION }

  /** The key stored per task so that a stage fires once, e.g. "reminder-7", "overdue", "escalation". */
  public String key() {
    return kind == Kind.REMINDER ? "reminder-" + days : kind.name().toLowerCase();
  }
}
