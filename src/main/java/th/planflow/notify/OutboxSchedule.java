package th.planflow.notify;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Runs the outbox sender on every node; claiming keeps the nodes from sending a message twice. */
@Component
@ConditionalOnProperty(name = "planflow.mail.sender-enabled", havingValue = "true")
class OutboxSchedule {

  private final OutboxSender sender;

  OutboxSchedule(OutboxSender sender) {
    this.sender = sender;
  }

  @Scheduled(fixedDelayString = "${planflow.mail.sender-interval}", initialDelayString = "PT20S")
  void run() {
    sender.sendDue();
  }
}
