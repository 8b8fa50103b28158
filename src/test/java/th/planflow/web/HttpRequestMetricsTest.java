package th.planflow.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import th.planflow.PlanflowTest;

/** Requests are not timed into the in-memory meter registry: nothing reads it (see application.yaml). */
@PlanflowTest
class HttpRequestMetricsTest {

  @Autowired
  TestRestTemplate http;
  @Autowired
  MeterRegistry meters;

  @Test
  void requestsAreServedWithoutTimingThem() {
    assertThat(http.withBasicAuth("planner", "demo").getForEntity("/api/strategy/2570", String.class).getStatusCode())
        .isEqualTo(HttpStatus.OK);
    assertThat(meters.find("http.server.requests").meters()).isEmpty();
  }
}
