package th.planflow.notify;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import th.planflow.testsupport.TestSmtp;
import java.util.Arrays;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import th.planflow.EngineClock;
import th.planflow.PlanflowTest;

/** With SMTP down a message waits and is sent once when SMTP returns; nothing lost, nothing twice. */
@PlanflowTest
class MailOutboxTest {

  @RegisterExtension
  static GreenMailExtension smtp = new GreenMailExtension(TestSmtp.SETUP);

  @Autowired
  MailOutbox outbox;
  @Autowired
  OutboxSender sender;
  @Autowired
  JdbcTemplate jdbc;

  @AfterEach
  void resetClock() {
    EngineClock.reset();
  }

  Map<String, Object> row(String key) {
    return jdbc.queryForMap("select status, attempts, last_error, next_attempt_at from mail_outbox where dedup_key = ?", key);
  }

  long receivedWithSubject(String subject) {
    return Arrays.stream(smtp.getReceivedMessages()).filter(m -> {
      try {
        return subject.equals(m.getSubject());
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    }).count();
  }

  /** Sends the whole outbox, also what other tests left in it. */
  void sendAll() {
    while (sender.sendDue() > 0) {
      // next batch
    }
  }

  @Test
  void waitsWhileSmtpIsDownAndSendsOnceWhenItReturns() {
    EngineClock.setTo("2027-04-23T09:00");
    String key = "test:" + UUID.randomUUID();
    String subject = "[Planflow] ทดสอบ " + key;
    assertThat(outbox.enqueue(key, "planner@esa1001.planflow.test", subject, "<p>ทดสอบภาษาไทย</p>")).isTrue();
    assertThat(outbox.enqueue(key, "planner@esa1001.planflow.test", subject, "<p>ซ้ำ</p>")).isFalse();

    smtp.stop();
    sendAll();
    Map<String, Object> failed = row(key);
    assertThat(failed.get("status")).isEqualTo("PENDING");
    assertThat(((Number) failed.get("attempts")).intValue()).isEqualTo(1);
    assertThat(failed.get("last_error")).isNotNull();
    assertThat(outbox.backlog()).isPositive();

    smtp.start();
    sendAll(); // back-off: not yet
    assertThat(receivedWithSubject(subject)).isZero();

    EngineClock.setTo("2027-04-23T09:02");
    sendAll();
    sendAll();
    assertThat(receivedWithSubject(subject)).isEqualTo(1);
    assertThat(row(key).get("status")).isEqualTo("SENT");
    assertThat(((Number) row(key).get("attempts")).intValue()).isEqualTo(2);

    assertThat(outbox.purgeSent(EngineClock.at("2027-04-23T09:00").toInstant())).isZero();
    outbox.purgeSent(EngineClock.at("2027-04-23T09:03").toInstant());
    assertThat(jdbc.queryForList("select id from mail_outbox where dedup_key = ?", key)).isEmpty();
  }

  @Test
  void backOffGrowsAndIsCapped() {
    assertThat(sender.backoff(1)).hasMinutes(1);
    assertThat(sender.backoff(2)).hasMinutes(2);
    assertThat(sender.backoff(4)).hasMinutes(8);
    assertThat(sender.backoff(30)).hasHours(1);
  }
}
