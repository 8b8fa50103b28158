package th.planflow.document;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/** Builds the document service without a Spring context, the way Spring Boot configures Thymeleaf. */
final class DocumentTestSupport {

  static final String INSTALL_HINT =
      "install it with: apt-get update && apt-get install -y chromium poppler-utils";

  private DocumentTestSupport() {
  }

  static SpringTemplateEngine templateEngine() {
    ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
    resolver.setPrefix("templates/");
    resolver.setSuffix(".html");
    resolver.setTemplateMode(TemplateMode.HTML);
    resolver.setCharacterEncoding("UTF-8");
    resolver.setCacheable(false);
    SpringTemplateEngine engine = new SpringTemplateEngine();
    engine.setTemplateResolver(resolver);
    engine.setEnableSpringELCompiler(true);
    return engine;
  }

  /** Defaults, with the Chromium path from -Dplanflow.documents.chromium-path when given. */
  static DocumentProperties properties() {
    DocumentProperties properties = new DocumentProperties();
    String chromium = System.getProperty("planflow.documents.chromium-path");
    if (chromium != null && !chromium.isBlank()) {
      properties.setChromiumPath(chromium);
    }
    return properties;
  }

  static DocumentService service(DocumentProperties properties) {
    return new DocumentService(templateEngine(), new ChromiumPdfRenderer(properties));
  }

  /** Fails the test, saying how to install it, when Chromium is not where the service looks. */
  static void requireChromium(DocumentProperties properties) {
    Path chromium = Path.of(properties.getChromiumPath());
    if (!Files.isExecutable(chromium)) {
      fail("Chromium is needed to render PDF documents and was not found at " + chromium + "; " + INSTALL_HINT);
    }
  }

  /** Runs a command (pdftoppm, pdffonts) and returns its standard output; fails when it is missing. */
  static String run(List<String> command, Path workDir) throws IOException, InterruptedException {
    Path out = Files.createTempFile(workDir, "out-", ".txt");
    Process process;
    try {
      process = new ProcessBuilder(new ArrayList<>(command))
          .directory(workDir.toFile())
          .redirectErrorStream(true)
          .redirectOutput(out.toFile())
          .start();
    } catch (IOException e) {
      fail("Cannot run " + command.get(0) + " (poppler-utils); " + INSTALL_HINT + " [" + e.getMessage() + "]");
      throw e;
    }
    if (!process.waitFor(60, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      fail(command.get(0) + " did not finish within 60 s");
    }
    String output = Files.readString(out, StandardCharsets.UTF_8);
    Files.deleteIfExists(out);
    if (process.exitValue() != 0) {
      fail(command + " exited with " + process.exitValue() + ": " + output);
    }
    return output;
  }
}
