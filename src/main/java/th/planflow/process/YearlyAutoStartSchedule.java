package th.planflow.process;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Runs the yearly auto-start every morning (planflow.autostart.enabled, off in tests). */
@Component
@ConditionalOnProperty(name = "planflow.autostart.enabled", havingValue = "true")
class YearlyAutoStartSchedule {

  private final YearlyAutoStart autoStart;

  YearlyAutoStartSchedule(YearlyAutoStart autoStart) {
    this.autoStart = autoStart;
  }

  @Scheduled(cron = "${planflow.autostart.cron}", zone = "Asia/Bangkok")
  void run() {
    autoStart.startDueDuties();
  }
}
