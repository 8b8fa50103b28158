package th.planflow;

import java.time.LocalDateTime;
import java.util.Date;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import th.planflow.calendar.ThaiDates;

/** Moves the engine clock (which Planflow's own clock follows) to a Bangkok wall-clock time. */
public final class EngineClock {

  private EngineClock() {
  }

  public static void setTo(String bangkokDateTime) {
    ClockUtil.setCurrentTime(at(bangkokDateTime));
  }

  public static Date at(String bangkokDateTime) {
    return Date.from(LocalDateTime.parse(bangkokDateTime).atZone(ThaiDates.BANGKOK).toInstant());
  }

  public static void reset() {
    ClockUtil.reset();
  }
}
