package th.planflow.notify;

import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.stereotype.Component;

/** Health component "mailOutbox": the backlog of unsent mail, and failures that gave up. */
@Component("mailOutboxHealthIndicator")
class OutboxHealth implements HealthIndicator {

  private final MailOutbox outbox;

  OutboxHealth(MailOutbox outbox) {
    this.outbox = outbox;
  }

  @Override
  public Health health() {
    Health.Builder health = Health.up()
        .withDetail("backlog", outbox.backlog())
        .withDetail("failed", outbox.failed());
    outbox.oldestPending().ifPresent(oldest -> health.withDetail("oldestPending", oldest.toString()));
    return health.build();
  }
}
