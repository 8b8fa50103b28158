package th.planflow.document;

import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * Actuator health {@code pdfRenderer}: UP with the Chromium version, DOWN with a Thai message when
 * Chromium is missing. Backed by {@link ChromiumPdfRenderer#status()}, which caches the check.
 */
@Component("pdfRenderer")
public class PdfRendererHealthIndicator implements HealthIndicator {

  private final ChromiumPdfRenderer renderer;

  public PdfRendererHealthIndicator(ChromiumPdfRenderer renderer) {
    this.renderer = renderer;
  }

  @Override
  public Health health() {
    ChromiumPdfRenderer.Status status = renderer.status();
    if (status.available()) {
      return Health.up()
          .withDetail("chromium", status.version())
          .withDetail("path", status.chromiumPath())
          .build();
    }
    return Health.down()
        .withDetail("error", status.problem())
        .withDetail("path", status.chromiumPath())
        .build();
  }
}
