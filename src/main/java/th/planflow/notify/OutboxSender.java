package th.planflow.notify;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;
import th.planflow.calendar.PlanflowClock;

/** Sends what the outbox holds, with exponential back-off on failure. */
@Component
public class OutboxSender {

  private static final Logger LOG = LoggerFactory.getLogger(OutboxSender.class);

  private final MailOutbox outbox;
  private final JavaMailSender mail;
  private final MailProperties properties;
  private final PlanflowClock clock;

  public OutboxSender(MailOutbox outbox, JavaMailSender mail, MailProperties properties, PlanflowClock clock) {
    this.outbox = outbox;
    this.mail = mail;
    this.properties = properties;
    this.clock = clock;
  }

  /** One pass over the due messages; returns how many were sent. */
  public int sendDue() {
    int sent = 0;
    for (long id : outbox.dueIds(properties.batchSize())) {
      var claimed = outbox.claim(id);
      if (claimed.isEmpty()) {
        continue;
      }
      MailOutbox.Message message = claimed.get();
      try {
        send(message);
        outbox.markSent(message.id());
        sent++;
      } catch (MailException | MessagingException e) {
        int attempts = message.attempts() + 1;
        boolean giveUp = attempts >= properties.maxAttempts();
        Instant next = clock.now().plus(backoff(attempts));
        outbox.markFailed(message.id(), attempts, e.getMessage(), next, giveUp);
        LOG.warn("Mail {} to {} failed (attempt {}{}): {}", message.id(), message.recipient(), attempts,
            giveUp ? ", giving up" : "", e.getMessage());
      }
    }
    return sent;
  }

  Duration backoff(int attempts) {
    Duration delay = properties.firstRetry().multipliedBy(1L << Math.min(attempts - 1, 20));
    return delay.compareTo(properties.maxRetry()) > 0 ? properties.maxRetry() : delay;
  }

  private void send(MailOutbox.Message message) throws MessagingException {
    MimeMessage mime = mail.createMimeMessage();
    MimeMessageHelper helper = new MimeMessageHelper(mime, false, "UTF-8");
    helper.setFrom(properties.from());
    helper.setTo(message.recipient());
    helper.setSubject(message.subject());
    helper.setText(message.bodyHtml(), true);
    mail.send(mime);
  }
}
