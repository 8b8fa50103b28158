package th.planflow.testsupport;

import com.icegreen.greenmail.util.ServerSetup;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.List;
import java.util.Map;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.MergedContextConfiguration;

/**
 * The SMTP port of this test JVM: free when the JVM started, so two test runs on one machine do not
 * fight over GreenMail's fixed 3025. Tests start GreenMail with {@link #SETUP}; every Spring test
 * context sends to it (registered as a context customizer in META-INF/spring.factories).
 */
public class TestSmtp implements ContextCustomizerFactory {

  public static final int PORT = freePort();
  public static final ServerSetup SETUP = new ServerSetup(PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP);

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public ContextCustomizer createContextCustomizer(Class<?> testClass,
      List<ContextConfigurationAttributes> configAttributes) {
    return new SmtpPort();
  }

  /** No state: all instances are equal, so the context cache is unaffected. */
  record SmtpPort() implements ContextCustomizer {
    @Override
    public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration mergedConfig) {
      context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("planflowTestSmtp",
          Map.of("spring.mail.host", "127.0.0.1", "spring.mail.port", PORT)));
    }
  }
}
