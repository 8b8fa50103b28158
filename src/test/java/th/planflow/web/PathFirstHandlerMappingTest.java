package th.planflow.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import th.planflow.PlanflowTest;

/** The path-first handler lookup finds what Spring's own finds, and says what Spring says when nothing fits. */
@PlanflowTest
class PathFirstHandlerMappingTest {

  @Autowired
  TestRestTemplate http;
  @Autowired
  @Qualifier("requestMappingHandlerMapping")
  RequestMappingHandlerMapping mappings;

  @Test
  void theApplicationUsesIt() {
    assertThat(mappings).isInstanceOf(PathFirstHandlerMapping.Mapping.class);
  }

  @Test
  void aPathIsRuledOutOnlyWhereItDiffersBeforeThePatternsFirstVariable() {
    assertThat(PathFirstHandlerMapping.Mapping.literalStartFits("/api/policy/rounds/{id}/report",
        "/api/policy/rounds/7/report")).isTrue();
    assertThat(PathFirstHandlerMapping.Mapping.literalStartFits("/api/policy/rounds/{id}/report",
        "/api/policy/rounds/7/anything")).isTrue(); // left to the full check
    assertThat(PathFirstHandlerMapping.Mapping.literalStartFits("/api/policy/rounds/{id}", "/api/kpi/2570")).isFalse();
    assertThat(PathFirstHandlerMapping.Mapping.literalStartFits("/api/policy/rounds", "/api/policy")).isFalse();
    assertThat(PathFirstHandlerMapping.Mapping.literalStartFits("/css/**", "/css/planflow.css")).isTrue();
    assertThat(PathFirstHandlerMapping.Mapping.literalStartFits("/file?.txt", "/file1.txt")).isTrue();
    assertThat(PathFirstHandlerMapping.Mapping.literalStartFits("", "/anything")).isTrue();
  }

  @Test
  void urlsWithIdsReachTheirHandlerAndTheWrongMethodOrBodyIsStillRefusedAsBefore() {
    TestRestTemplate planner = http.withBasicAuth("planner", "demo");
    ResponseEntity<String> overview = planner.getForEntity("/api/strategy/2570", String.class);
    assertThat(overview.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(overview.getBody()).contains("\"fiscalYear\":2570");

    // the path matches, the method does not: 405 with the methods that do
    ResponseEntity<String> delete = planner.exchange("/api/strategy/2570", HttpMethod.DELETE, null, String.class);
    assertThat(delete.getStatusCode()).isEqualTo(HttpStatus.METHOD_NOT_ALLOWED);
    assertThat(delete.getHeaders().getAllow()).contains(HttpMethod.GET);

    // an escaped character: compared decoded, by Spring's own matching, as before
    ResponseEntity<String> escaped = planner.getForEntity(URI.create(http.getRootUri() + "/api/strat%65gy/2570"),
        String.class);
    assertThat(escaped.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(escaped.getBody()).isEqualTo(overview.getBody());

    // a path no mapping has
    assertThat(planner.getForEntity("/api/strategy/2570/no-such-thing", String.class).getStatusCode())
        .isEqualTo(HttpStatus.NOT_FOUND);

    // the same path with another method reaches the other handler: PUT reads a JSON body, GET would list
    HttpHeaders xml = new HttpHeaders();
    xml.setContentType(MediaType.APPLICATION_XML);
    ResponseEntity<String> wrongBody = planner.exchange("/api/calendar/overrides?fiscalYear=2570", HttpMethod.PUT,
        new HttpEntity<>("<x/>", xml), String.class);
    assertThat(wrongBody.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(wrongBody.getBody()).contains("ข้อมูลที่ส่งมาไม่ใช่ JSON ที่ถูกต้อง");
  }
}
