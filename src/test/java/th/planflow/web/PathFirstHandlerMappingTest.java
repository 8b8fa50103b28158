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

  @Autowired
  org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerAdapter adapter;

  @Test
  void theApplicationUsesIt() {
    assertThat(mappings).isInstanceOf(PathFirstHandlerMapping.Mapping.class);
    assertThat(adapter).isInstanceOf(PathFirstHandlerMapping.Adapter.class);
  }

  /** What a lookup checks first for each mapping it finds filed under the path (Candidate.fits). */
  static boolean literalStartFits(String pattern, String path) {
    return path.startsWith(PathFirstHandlerMapping.Mapping.literalStart(pattern));
  }

  @Test
  void aPathIsRuledOutOnlyWhereItDiffersBeforeThePatternsFirstVariable() {
    assertThat(literalStartFits("/api/policy/rounds/{id}/report",
        "/api/policy/rounds/7/report")).isTrue();
    assertThat(literalStartFits("/api/policy/rounds/{id}/report",
        "/api/policy/rounds/7/anything")).isTrue(); // left to the full check
    assertThat(literalStartFits("/api/policy/rounds/{id}", "/api/kpi/2570")).isFalse();
    assertThat(literalStartFits("/api/policy/rounds", "/api/policy")).isFalse();
    assertThat(literalStartFits("/css/**", "/css/planflow.css")).isTrue();
    assertThat(literalStartFits("/file?.txt", "/file1.txt")).isTrue();
    assertThat(literalStartFits("", "/anything")).isTrue();
    assertThat(literalStartFits("/css/**", "/css")).isTrue(); // ** matches no segment
    assertThat(literalStartFits("/{*path}", "/")).isTrue();
  }

  @Test
  void aMappingIsFiledUnderItsCompleteLiteralSegmentsAndAPathLooksUnderItsOwn() {
    assertThat(PathFirstHandlerMapping.Mapping.keyOf("/api/policy/rounds/{id}/report")).isEqualTo("/api/policy");
    assertThat(PathFirstHandlerMapping.Mapping.keyOf("/api/policy")).isEqualTo("/api/policy");
    assertThat(PathFirstHandlerMapping.Mapping.keyOf("/api/{year}")).isEqualTo("/api");
    assertThat(PathFirstHandlerMapping.Mapping.keyOf("/api/po{x}")).isEqualTo("/api"); // "po" is not a whole segment
    assertThat(PathFirstHandlerMapping.Mapping.keyOf("/css/**")).isEqualTo("/css");
    assertThat(PathFirstHandlerMapping.Mapping.keyOf("/login")).isEqualTo("/login");
    assertThat(PathFirstHandlerMapping.Mapping.keyOf("/")).isEqualTo("/");
    assertThat(PathFirstHandlerMapping.Mapping.keyOf("/{*path}")).isEqualTo("");
    assertThat(PathFirstHandlerMapping.Mapping.keyOf("")).isEqualTo("");

    assertThat(PathFirstHandlerMapping.Mapping.key("/api/policy/rounds/7", 0)).isEqualTo("");
    assertThat(PathFirstHandlerMapping.Mapping.key("/api/policy/rounds/7", 1)).isEqualTo("/api");
    assertThat(PathFirstHandlerMapping.Mapping.key("/api/policy/rounds/7", 2)).isEqualTo("/api/policy");
    assertThat(PathFirstHandlerMapping.Mapping.key("/api", 2)).isNull();
    assertThat(PathFirstHandlerMapping.Mapping.key("/", 1)).isEqualTo("/");
  }

  @Autowired
  java.util.List<org.springframework.web.servlet.HandlerMapping> handlerMappings;

  @Test
  void actuatorIsAskedAfterTheApplicationsMappingsAndStillAnswers() {
    int application = mappings.getOrder();
    assertThat(handlerMappings).filteredOn(m -> m instanceof
            org.springframework.boot.actuate.endpoint.web.servlet.AbstractWebMvcEndpointHandlerMapping)
        .isNotEmpty().allSatisfy(m -> assertThat(((org.springframework.core.Ordered) m).getOrder()).isGreaterThan(application));
    ResponseEntity<String> health = http.getForEntity("/actuator/health", String.class);
    assertThat(health.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(health.getBody()).contains("\"status\":\"UP\"");
  }

  static class Handlers {
    public String plain(String reporter) {
      return reporter;
    }

    public String constrained(@jakarta.validation.constraints.Size(max = 3) String reporter) {
      return reporter;
    }
  }

  @Test
  void onlyHandlersWithAConstraintGetTheMethodValidator() throws Exception {
    java.util.List<String> asked = new java.util.ArrayList<>();
    org.springframework.validation.method.MethodValidator validator = new org.springframework.validation.method.MethodValidator() {
      @Override
      public Class<?>[] determineValidationGroups(Object target, java.lang.reflect.Method method) {
        asked.add(method.getName());
        return new Class<?>[0];
      }

      @Override
      public org.springframework.validation.method.MethodValidationResult validateArguments(Object target,
          java.lang.reflect.Method method, org.springframework.core.MethodParameter[] parameters, Object[] arguments,
          Class<?>[] groups) {
        throw new UnsupportedOperationException("not validated here");
      }

      @Override
      public org.springframework.validation.method.MethodValidationResult validateReturnValue(Object target,
          java.lang.reflect.Method method, org.springframework.core.MethodParameter returnType, Object returnValue,
          Class<?>[] groups) {
        throw new UnsupportedOperationException("not validated here");
      }
    };
    PathFirstHandlerMapping.Adapter adapter = new PathFirstHandlerMapping.Adapter();
    for (String name : new String[] {"plain", "constrained"}) {
      org.springframework.web.method.HandlerMethod method = new org.springframework.web.method.HandlerMethod(
          new Handlers(), Handlers.class.getMethod(name, String.class)).createWithValidateFlags(); // as registered
      adapter.createInvocableHandlerMethod(method).setMethodValidator(validator);
    }
    assertThat(asked).containsExactly("constrained");
  }

  @Test
  void aPathTwoMappingsFitGoesToTheOneSpringPrefers() {
    TestRestTemplate planner = http.withBasicAuth("planner", "demo");
    // "/policy/rounds/new" fits both "/policy/rounds/new" and "/policy/rounds/{id}": the literal one wins
    ResponseEntity<String> form = planner.getForEntity("/policy/rounds/new", String.class);
    assertThat(form.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(form.getBody()).contains("เปิดรอบการรายงานผลตามนโยบาย สพฐ. ปีงบประมาณ");
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
