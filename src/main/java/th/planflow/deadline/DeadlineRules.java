package th.planflow.deadline;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;
import th.planflow.calendar.ThaiDates;

/** Pure timing rules: when a due date falls and which deadline stage applies at a given moment. */
@Component
public class DeadlineRules {

  private final DeadlineProperties properties;

  public DeadlineRules(DeadlineProperties properties) {
    this.properties = properties;
  }

  /** A due date means the end of the office day in Bangkok. */
  public Instant dueInstant(LocalDate dueDate) {
    return dueDate.atTime(properties.dueAt()).atZone(ThaiDates.BANGKOK).toInstant();
  }

  public List<DeadlineStage> stages(LocalDate dueDate) {
    List<DeadlineStage> stages = new ArrayList<>();
    for (int days : properties.reminderDaysBefore()) {
      stages.add(new DeadlineStage(DeadlineStage.Kind.REMINDER, days, notifyOn(dueDate.minusDays(days))));
    }
    stages.add(new DeadlineStage(DeadlineStage.Kind.OVERDUE, properties.overdueDaysAfter(),
        notifyOn(dueDate.plusDays(properties.overdueDaysAfter()))));
    stages.add(new DeadlineStage(DeadlineStage.Kind.ESCALATION, properties.escalateDaysAfter(),
        notifyOn(dueDate.plusDays(properties.escalateDaysAfter()))));
    stages.sort(Comparator.comparing(DeadlineStage::at));
    return stages;
  }

  /**
   * The latest stage that has begun at {@code now}. Earlier stages are superseded: a task created two
   * days before its due date gets the one-day reminder, not the seven-day one as well.
   */
  public Optional<DeadlineStage> currentStage(LocalDate dueDate, Instant now) {
    DeadlineStage current = null;
    for (DeadlineStage stage : stages(dueDate)) {
      if (!stage.at().isAfter(now)) {
        current = stage;
      }
    }
    return Optional.ofNullable(current);
  }

  /** The first reminder: Tasklist's follow-up date. */
  public Instant firstReminder(LocalDate dueDate) {
    return stages(dueDate).get(0).at();
  }

  public LocalDate dueDateOf(java.util.Date taskDueDate) {
    return ZonedDateTime.ofInstant(taskDueDate.toInstant(), ThaiDates.BANGKOK).toLocalDate();
  }

  private Instant notifyOn(LocalDate day) {
    return day.atTime(properties.notifyAt()).atZone(ThaiDates.BANGKOK).toInstant();
  }

  public String supervisorGroupFor(Iterable<String> groups) {
    for (String group : groups) {
      String key = group.startsWith("school-") ? "school" : group;
      String supervisor = properties.escalationGroups().get(key);
      if (supervisor != null) {
        return supervisor;
      }
    }
    return properties.defaultEscalationGroup();
  }

  /** ISO 8601 repetition of the deadline sweep, e.g. R/PT15M; used by bpmn/deadline-watch.bpmn. */
  public String sweepCycle() {
    return properties.sweepCycle();
  }

  public int longestReminder() {
    return properties.longestReminder();
  }
}
