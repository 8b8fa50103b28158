package th.planflow.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.Status;

/** The Chromium process around the rendering: missing program, health, limits, clean-up. */
class ChromiumPdfRendererTest {

  @TempDir
  Path temp;

  private DocumentProperties properties(String chromium) throws IOException {
    DocumentProperties properties = new DocumentProperties();
    properties.setChromiumPath(chromium);
    properties.setTempDir(Files.createDirectories(temp.resolve("work")).toString());
    return properties;
  }

  /** A stand-in for Chromium: a shell script that sleeps, then writes a fake PDF (or fails). */
  private String fakeChromium(String body) throws IOException {
    Path script = temp.resolve("fake-chromium");
    Files.writeString(script, "#!/bin/sh\n"
        + "for a in \"$@\"; do case \"$a\" in --print-to-pdf=*) out=\"${a#--print-to-pdf=}\";; esac; done\n"
        + body + "\n", StandardCharsets.UTF_8);
    Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
    return script.toString();
  }

  private long workDirsLeft() throws IOException {
    try (Stream<Path> left = Files.list(temp.resolve("work"))) {
      return left.count();
    }
  }

  @Test
  void missingChromiumGivesTheThaiMessageAndHealthDown() throws IOException {
    ChromiumPdfRenderer renderer = new ChromiumPdfRenderer(properties("/nonexistent/chromium"));

    assertThatThrownBy(() -> renderer.render("<html><body>ทดสอบ</body></html>"))
        .isInstanceOf(PdfRendererUnavailableException.class)
        .hasMessage("ไม่พบโปรแกรมสร้างไฟล์ PDF (Chromium) บนเครื่องแม่ข่าย กรุณาติดต่อผู้ดูแลระบบ")
        .satisfies(e -> assertThat(((PdfRenderException) e).getDetail()).contains("/nonexistent/chromium"));

    Health health = new PdfRendererHealthIndicator(renderer).health();
    assertThat(health.getStatus()).isEqualTo(Status.DOWN);
    assertThat(health.getDetails()).containsEntry("error", PdfRendererUnavailableException.MESSAGE);
  }

  @Test
  void healthIsUpWithTheChromiumVersionAndTheCheckIsCached() throws IOException {
    DocumentProperties properties = properties(DocumentTestSupport.properties().getChromiumPath());
    DocumentTestSupport.requireChromium(properties);
    ChromiumPdfRenderer renderer = new ChromiumPdfRenderer(properties);
    PdfRendererHealthIndicator indicator = new PdfRendererHealthIndicator(renderer);

    Health health = indicator.health();
    assertThat(health.getStatus()).isEqualTo(Status.UP);
    assertThat((String) health.getDetails().get("chromium")).startsWith("Chromium ");

    // Within the cache's lifetime the answer is not checked again, even though the path changed.
    properties.setChromiumPath("/nonexistent/chromium");
    assertThat(indicator.health().getStatus()).isEqualTo(Status.UP);
    // Once it has expired, it is.
    properties.setVersionCheckTtl(Duration.ZERO);
    assertThat(indicator.health().getStatus()).isEqualTo(Status.DOWN);
  }

  @Test
  void rendersAndDeletesItsTemporaryFolder() throws IOException {
    DocumentProperties properties = properties(DocumentTestSupport.properties().getChromiumPath());
    DocumentTestSupport.requireChromium(properties);

    byte[] pdf = new ChromiumPdfRenderer(properties).render(
        "<!DOCTYPE html><html lang=\"th\"><head><meta charset=\"utf-8\"></head><body>ทดสอบ</body></html>");

    assertThat(new String(pdf, 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
    assertThat(workDirsLeft()).isZero();
  }

  @Test
  void aRenderThatTakesTooLongIsKilled() throws IOException {
    DocumentProperties properties = properties(fakeChromium("sleep 30; printf '%%PDF-fake' > \"$out\""));
    properties.setRenderTimeout(Duration.ofMillis(300));
    ChromiumPdfRenderer renderer = new ChromiumPdfRenderer(properties);

    long started = System.nanoTime();
    assertThatThrownBy(() -> renderer.render("<html></html>"))
        .isInstanceOf(PdfRenderException.class)
        .hasMessage(ChromiumPdfRenderer.MESSAGE_TIMEOUT);
    assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(10));
    assertThat(workDirsLeft()).isZero();
  }

  @Test
  void aFailingChromiumGivesItsExitCodeAndLog() throws IOException {
    ChromiumPdfRenderer renderer = new ChromiumPdfRenderer(properties(fakeChromium("echo 'something broke' >&2; exit 3")));

    assertThatThrownBy(() -> renderer.render("<html></html>"))
        .isInstanceOf(PdfRenderException.class)
        .hasMessage(ChromiumPdfRenderer.MESSAGE_FAILED)
        .satisfies(e -> assertThat(((PdfRenderException) e).getDetail())
            .contains("exited with 3").contains("something broke"));
    assertThat(workDirsLeft()).isZero();
  }

  @Test
  void rendersBeyondTheLimitWaitThenGiveUp() throws Exception {
    DocumentProperties properties = properties(fakeChromium("sleep 1.5; printf '%%PDF-fake' > \"$out\""));
    properties.setMaxConcurrentRenders(1);
    properties.setQueueTimeout(Duration.ofMillis(200));
    ChromiumPdfRenderer renderer = new ChromiumPdfRenderer(properties);

    CompletableFuture<byte[]> first = CompletableFuture.supplyAsync(() -> renderer.render("<html></html>"));
    Thread.sleep(300);
    assertThatThrownBy(() -> renderer.render("<html></html>"))
        .isInstanceOf(PdfRenderException.class)
        .hasMessage(ChromiumPdfRenderer.MESSAGE_BUSY);
    assertThat(new String(first.get(10, TimeUnit.SECONDS), StandardCharsets.US_ASCII)).isEqualTo("%PDF-fake");
    // The slot is free again.
    properties.setQueueTimeout(Duration.ofSeconds(5));
    assertThat(renderer.render("<html></html>")).isNotEmpty();
  }
}
