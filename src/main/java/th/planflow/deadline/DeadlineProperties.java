package th.planflow.deadline;

import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The one place that defines reminders and escalation for every user task (planflow.deadlines.*):
 * reminders N days before the due date, an overdue notice, escalation to the supervisor group.
 */
@ConfigurationProperties("planflow.deadlines")
public record DeadlineProperties(
    List<Integer> reminderDaysBefore,
    int overdueDaysAfter,
    int escalateDaysAfter,
    LocalTime notifyAt,
    LocalTime dueAt,
    String sweepCycle,
    String defaultEscalationGroup,
    Map<String, String> escalationGroups) {

  public DeadlineProperties {
    reminderDaysBefore = reminderDaysBefore == null ? List.of(7, 1) : List.copyOf(reminderDaysBefore);
    notifyAt = notifyAt == null ? LocalTime.of(8, 0) : notifyAt;
    dueAt = dueAt == null ? LocalTime.of(16, 30) : dueAt;
    sweepCycle = sweepCycle == null ? "R/PT15M" : sweepCycle;
    defaultEscalationGroup = defaultEscalationGroup == null ? "plan-head" : defaultEscalationGroup;
    escalationGroups = escalationGroups == null ? Map.of() : Map.copyOf(escalationGroups);
    if (escalateDaysAfter < overdueDaysAfter) {
      throw new IllegalArgumentException("planflow.deadlines.escalate-days-after must not be before overdue-days-after");
    }
  }

  public int longestReminder() {
    return reminderDaysBefore.stream().mapToInt(Integer::intValue).max().orElse(0);
  }
}
