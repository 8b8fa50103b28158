package th.planflow.document;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Turns a complete HTML page into PDF with Debian's Chromium in headless print-to-PDF mode.
 *
 * <p>Each render runs one Chromium process in a fresh temporary folder (page, profile, output
 * and log), which is deleted afterwards. At most {@link DocumentProperties#getMaxConcurrentRenders()}
 * run at once; a run that exceeds {@link DocumentProperties#getRenderTimeout()} is killed with its
 * child processes. Chromium is never downloaded and is kept off the network: host names resolve
 * to nothing, so a page can only use what it carries inline (see {@link SarabunFont}).
 */
@Component
public class ChromiumPdfRenderer {

  static final String MESSAGE_TIMEOUT = "การสร้างไฟล์ PDF ใช้เวลานานเกินกำหนด กรุณาลองใหม่อีกครั้ง";
  static final String MESSAGE_BUSY = "ระบบกำลังสร้างเอกสารอื่นอยู่จำนวนมาก กรุณาลองใหม่อีกครั้งในภายหลัง";
  static final String MESSAGE_FAILED = "สร้างไฟล์ PDF ไม่สำเร็จ กรุณาลองใหม่อีกครั้งหรือติดต่อผู้ดูแลระบบ";
  static final String MESSAGE_INTERRUPTED = "การสร้างไฟล์ PDF ถูกยกเลิก";

  private static final Logger log = LoggerFactory.getLogger(ChromiumPdfRenderer.class);
  private static final Duration VERSION_TIMEOUT = Duration.ofSeconds(20);
  private static final int LOG_TAIL_CHARS = 2_000;

  private final DocumentProperties properties;
  private final Semaphore slots;
  private volatile Probe probe;

  public ChromiumPdfRenderer(DocumentProperties properties) {
    if (properties.getMaxConcurrentRenders() < 1) {
      throw new IllegalArgumentException("planflow.documents.max-concurrent-renders must be at least 1");
    }
    this.properties = properties;
    this.slots = new Semaphore(properties.getMaxConcurrentRenders(), true);
  }

  /** What the health check reports: whether Chromium can be run, and its version. */
  public record Status(boolean available, String chromiumPath, String version, String problem) {
  }

  /**
   * Renders a complete HTML document (UTF-8) to PDF bytes.
   *
   * @throws PdfRendererUnavailableException when Chromium is not installed at the configured path
   * @throws PdfRenderException when Chromium fails, times out, or no render slot frees in time
   */
  public byte[] render(String html) {
    Path chromium = requireChromium();
    acquireSlot();
    try {
      Path work = createWorkDir();
      try {
        return renderIn(work, chromium, html);
      } finally {
        deleteRecursively(work);
      }
    } finally {
      slots.release();
    }
  }

  /**
   * Whether Chromium is installed and answers {@code --version}. The answer is remembered for
   * {@link DocumentProperties#getVersionCheckTtl()}, so health checks stay cheap.
   */
  public Status status() {
    Probe current = probe;
    long now = System.nanoTime();
    if (current == null || now - current.checkedAt() > properties.getVersionCheckTtl().toNanos()) {
      synchronized (this) {
        current = probe;
        if (current == null || now - current.checkedAt() > properties.getVersionCheckTtl().toNanos()) {
          current = new Probe(System.nanoTime(), checkVersion());
          probe = current;
        }
      }
    }
    return current.status();
  }

  /** The Chromium version line, e.g. "Chromium 141.0.7390.122 built on Debian ...", if available. */
  public Optional<String> version() {
    Status status = status();
    return status.available() ? Optional.of(status.version()) : Optional.empty();
  }

  private record Probe(long checkedAt, Status status) {
  }

  private Path requireChromium() {
    Path chromium = Path.of(properties.getChromiumPath());
    if (!Files.isRegularFile(chromium) || !Files.isExecutable(chromium)) {
      throw new PdfRendererUnavailableException("Chromium not found or not executable at " + chromium
          + " (install it with: apt-get install -y chromium; or set planflow.documents.chromium-path)");
    }
    return chromium;
  }

  private void acquireSlot() {
    try {
      if (!slots.tryAcquire(properties.getQueueTimeout().toMillis(), TimeUnit.MILLISECONDS)) {
        throw failure(MESSAGE_BUSY, "no free render slot within " + properties.getQueueTimeout(), null);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw failure(MESSAGE_INTERRUPTED, "interrupted while waiting for a render slot", e);
    }
  }

  private Path createWorkDir() {
    try {
      String base = properties.getTempDir();
      return base == null || base.isBlank()
          ? Files.createTempDirectory("planflow-pdf-")
          : Files.createTempDirectory(Files.createDirectories(Path.of(base)), "planflow-pdf-");
    } catch (IOException e) {
      throw failure(MESSAGE_FAILED, "cannot create a temporary folder: " + e, e);
    }
  }

  private byte[] renderIn(Path work, Path chromium, String html) {
    Path page = work.resolve("document.html");
    Path pdf = work.resolve("document.pdf");
    Path logFile = work.resolve("chromium.log");
    try {
      Files.writeString(page, html, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw failure(MESSAGE_FAILED, "cannot write the page to " + page + ": " + e, e);
    }

    ProcessBuilder builder = new ProcessBuilder(command(chromium, work.resolve("profile"), pdf, page))
        .directory(work.toFile())
        .redirectErrorStream(true)
        .redirectOutput(logFile.toFile())
        .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
    isolate(builder.environment(), work);

    long started = System.nanoTime();
    Process process;
    try {
      process = builder.start();
    } catch (IOException e) {
      throw new PdfRendererUnavailableException("cannot start " + chromium + ": " + e, e);
    }
    try {
      if (!process.waitFor(properties.getRenderTimeout().toMillis(), TimeUnit.MILLISECONDS)) {
        kill(process);
        throw failure(MESSAGE_TIMEOUT, "Chromium did not finish within " + properties.getRenderTimeout()
            + "; log: " + tail(logFile), null);
      }
    } catch (InterruptedException e) {
      kill(process);
      Thread.currentThread().interrupt();
      throw failure(MESSAGE_INTERRUPTED, "interrupted while Chromium was rendering", e);
    }

    int exit = process.exitValue();
    try {
      if (exit == 0 && Files.isRegularFile(pdf) && Files.size(pdf) > 0) {
        byte[] bytes = Files.readAllBytes(pdf);
        log.debug("Rendered PDF of {} bytes in {} ms", bytes.length, (System.nanoTime() - started) / 1_000_000);
        return bytes;
      }
    } catch (IOException e) {
      throw failure(MESSAGE_FAILED, "cannot read " + pdf + ": " + e, e);
    }
    throw failure(MESSAGE_FAILED, "Chromium exited with " + exit
        + (Files.exists(pdf) ? "" : " and wrote no PDF") + "; log: " + tail(logFile), null);
  }

  static List<String> command(Path chromium, Path profile, Path pdf, Path page) {
    List<String> command = new ArrayList<>();
    command.add(chromium.toString());
    command.add("--headless");
    command.add("--no-sandbox");
    command.add("--disable-gpu");
    command.add("--disable-dev-shm-usage");
    command.add("--no-first-run");
    command.add("--no-default-browser-check");
    command.add("--disable-background-networking");
    command.add("--disable-component-update");
    command.add("--disable-sync");
    command.add("--disable-quic");
    command.add("--disable-extensions");
    command.add("--disable-crash-reporter");
    command.add("--mute-audio");
    // Keep the page off the network: no host name resolves, so only inline content can load.
    command.add("--host-resolver-rules=MAP * ~NOTFOUND");
    command.add("--no-pdf-header-footer");
    command.add("--user-data-dir=" + profile);
    command.add("--print-to-pdf=" + pdf);
    command.add(page.toUri().toString());
    return command;
  }

  /** Keeps Chromium's caches and config inside the work folder, whatever the service user's home. */
  private static void isolate(Map<String, String> env, Path work) {
    env.put("HOME", work.toString());
    env.put("XDG_CONFIG_HOME", work.resolve("config").toString());
    env.put("XDG_CACHE_HOME", work.resolve("cache").toString());
    env.put("XDG_DATA_HOME", work.resolve("data").toString());
    env.put("DBUS_SESSION_BUS_ADDRESS", "disabled:");
    env.remove("DISPLAY");
    env.remove("WAYLAND_DISPLAY");
  }

  private Status checkVersion() {
    Path chromium = Path.of(properties.getChromiumPath());
    if (!Files.isRegularFile(chromium) || !Files.isExecutable(chromium)) {
      return new Status(false, chromium.toString(), null, PdfRendererUnavailableException.MESSAGE);
    }
    Path out = null;
    try {
      out = Files.createTempFile("planflow-chromium-version-", ".txt");
      ProcessBuilder builder = new ProcessBuilder(chromium.toString(), "--version")
          .redirectOutput(out.toFile())
          .redirectError(ProcessBuilder.Redirect.DISCARD)
          .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
      Process process = builder.start();
      if (!process.waitFor(VERSION_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
        kill(process);
        return new Status(false, chromium.toString(), null,
            PdfRendererUnavailableException.MESSAGE + " (chromium --version did not answer in time)");
      }
      String version = Files.readString(out, StandardCharsets.UTF_8).lines()
          .map(String::strip).filter(line -> line.toLowerCase().contains("chromium"))
          .findFirst().orElse(null);
      if (process.exitValue() != 0 || version == null) {
        return new Status(false, chromium.toString(), null,
            PdfRendererUnavailableException.MESSAGE + " (chromium --version exited with " + process.exitValue() + ")");
      }
      return new Status(true, chromium.toString(), version, null);
    } catch (IOException e) {
      return new Status(false, chromium.toString(), null, PdfRendererUnavailableException.MESSAGE + " (" + e + ")");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new Status(false, chromium.toString(), null, MESSAGE_INTERRUPTED);
    } finally {
      if (out != null) {
        try {
          Files.deleteIfExists(out);
        } catch (IOException ignored) {
          // a few bytes in the temporary folder
        }
      }
    }
  }

  private static void kill(Process process) {
    try (Stream<ProcessHandle> descendants = process.descendants()) {
      descendants.forEach(ProcessHandle::destroyForcibly);
    }
    process.destroyForcibly();
    try {
      process.waitFor(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static PdfRenderException failure(String thaiMessage, String detail, Throwable cause) {
    log.warn("PDF rendering failed: {}", detail);
    return new PdfRenderException(thaiMessage, detail, cause);
  }

  private static String tail(Path logFile) {
    try {
      String text = Files.readString(logFile, StandardCharsets.UTF_8);
      return text.length() <= LOG_TAIL_CHARS ? text.strip() : "..." + text.substring(text.length() - LOG_TAIL_CHARS).strip();
    } catch (IOException e) {
      return "(no log: " + e.getMessage() + ")";
    }
  }

  private static void deleteRecursively(Path dir) {
    // Chromium's helper processes may still be closing files; try twice before giving up.
    for (int attempt = 0; attempt < 2; attempt++) {
      try (Stream<Path> paths = Files.walk(dir)) {
        paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
      } catch (IOException | java.io.UncheckedIOException e) {
        // retried below
      }
      if (!Files.exists(dir)) {
        return;
      }
      try {
        Thread.sleep(200);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
    }
    log.warn("Could not delete the temporary folder {}", dir);
  }
}
