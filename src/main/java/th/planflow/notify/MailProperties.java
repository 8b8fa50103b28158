package th.planflow.notify;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** planflow.mail.*: sender address and how the outbox retries. */
@ConfigurationProperties("planflow.mail")
public record MailProperties(String from, boolean senderEnabled, Duration senderInterval, int batchSize,
    int maxAttempts, Duration firstRetry, Duration maxRetry) {
}
