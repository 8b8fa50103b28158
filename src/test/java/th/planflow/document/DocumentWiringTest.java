package th.planflow.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.actuate.health.Status;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.thymeleaf.ThymeleafAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** The beans wire up with Spring Boot's own Thymeleaf engine, without the whole application. */
class DocumentWiringTest {

  private final ApplicationContextRunner context = new ApplicationContextRunner()
      .withConfiguration(AutoConfigurations.of(ThymeleafAutoConfiguration.class))
      .withUserConfiguration(DocumentConfiguration.class, ChromiumPdfRenderer.class, DocumentService.class,
          PdfRendererHealthIndicator.class);

  @Test
  void propertiesBindAndTheBootTemplateEngineRendersTheDocuments() {
    context.withPropertyValues(
            "planflow.documents.chromium-path=/opt/missing/chromium",
            "planflow.documents.render-timeout=90s",
            "planflow.documents.max-concurrent-renders=3")
        .run(ctx -> {
          DocumentProperties properties = ctx.getBean(DocumentProperties.class);
          assertThat(properties.getChromiumPath()).isEqualTo("/opt/missing/chromium");
          assertThat(properties.getRenderTimeout()).isEqualTo(Duration.ofSeconds(90));
          assertThat(properties.getMaxConcurrentRenders()).isEqualTo(3);

          String html = ctx.getBean(DocumentService.class).html(DocumentServiceTest.TEMPLATE,
              Map.of("title", "หัวเรื่อง", "date", "30 กันยายน 2568", "words", DocumentServiceTest.WORDS));
          assertThat(html).contains("<html lang=\"th\">").contains("@font-face{font-family:'Sarabun'")
              .contains("size: A4").contains("<h1>หัวเรื่อง</h1>").contains("ผู้ใหญ่");

          HealthIndicator health = ctx.getBean("pdfRenderer", HealthIndicator.class);
          assertThat(health.health().getStatus()).isEqualTo(Status.DOWN);
        });
  }

  @Test
  void chromiumPathDefaultsToDebians() {
    assumeTrue(System.getProperty("planflow.documents.chromium-path") == null, "path set on the command line");
    context.run(ctx -> assertThat(ctx.getBean(DocumentProperties.class).getChromiumPath()).isEqualTo("/usr/bin/chromium"));
  }
}
