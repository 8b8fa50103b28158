package th.planflow.notify;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Runs the outbox sender on every node; claiming keeps the nodes from sending a message twice. */
@Component
@ConditionalOnProperty(name = "planflow.mail.sender-enabled", havingValue = "true")
class OutboxSchedule {

  /** Sent mail is kept this long for questions like "did the school get the reminder?". */
  static final java.time.Duration KEEP_SENT = java.time.Duration.ofDays(400);

  private final OutboxSender sender;
  private final MailOutbox outbox;
  private final th.planflow.calendar.PlanflowClock clock;

  OutboxSchedule(OutboxSender sender, MailOutbox outbox, th.planflow.calendar.PlanflowClock clock) {
    this.sender = sender;
    this.outbox = outbox;
    this.clock = clock;
  }

  @Scheduled(cron = "0 30 2 * * *", zone = "Asia/Bangkok")
  void purge() {
    outbox.purgeSent(clock.now().minus(KEEP_SENT));
  }

  @Scheduled(fixedDelayString = "${planflow.mail.sender-interval}", initialDelayString = "PT20S")
  void run() {
    sender.sendDue();
  }
}
