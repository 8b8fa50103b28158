package th.planflow.document;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** {@code planflow.documents.*}: how PDF documents are rendered. */
@ConfigurationProperties("planflow.documents")
public class DocumentProperties {

  /** Debian's Chromium; installed with {@code apt-get install chromium}. Never downloaded. */
  private String chromiumPath = "/usr/bin/chromium";

  /** Longest time one Chromium run may take before it is killed. */
  private Duration renderTimeout = Duration.ofSeconds(60);

  /** Chromium processes allowed at once (each takes about 150 MB of memory). */
  private int maxConcurrentRenders = 2;

  /** Longest time a request waits for a free render slot. */
  private Duration queueTimeout = Duration.ofSeconds(120);

  /** How long the result of {@code chromium --version} (or its absence) is remembered. */
  private Duration versionCheckTtl = Duration.ofMinutes(10);

  /** Where the temporary working folders go; the JVM's temporary folder when unset. */
  private String tempDir;

  public String getChromiumPath() {
    return chromiumPath;
  }

  public void setChromiumPath(String chromiumPath) {
    this.chromiumPath = chromiumPath;
  }

  public Duration getRenderTimeout() {
    return renderTimeout;
  }

  public void setRenderTimeout(Duration renderTimeout) {
    this.renderTimeout = renderTimeout;
  }

  public int getMaxConcurrentRenders() {
    return maxConcurrentRenders;
  }

  public void setMaxConcurrentRenders(int maxConcurrentRenders) {
    this.maxConcurrentRenders = maxConcurrentRenders;
  }

  public Duration getQueueTimeout() {
    return queueTimeout;
  }

  public void setQueueTimeout(Duration queueTimeout) {
    this.queueTimeout = queueTimeout;
  }

  public Duration getVersionCheckTtl() {
    return versionCheckTtl;
  }

  public void setVersionCheckTtl(Duration versionCheckTtl) {
    this.versionCheckTtl = versionCheckTtl;
  }

  public String getTempDir() {
    return tempDir;
  }

  public void setTempDir(String tempDir) {
    this.tempDir = tempDir;
  }
}
