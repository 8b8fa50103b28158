package th.planflow.calendar;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

/**
 * "Now" for Planflow. It follows the engine clock so that tests which move the engine clock move
 * deadlines, reminders and the mail outbox with it.
 */
@Component
public class PlanflowClock {

  public Instant now() {
    return ClockUtil.getCurrentTime().toInstant();
  }

  public ZonedDateTime nowInBangkok() {
    return now().atZone(ThaiDates.BANGKOK);
  }

  public LocalDate today() {
    return nowInBangkok().toLocalDate();
  }
}
