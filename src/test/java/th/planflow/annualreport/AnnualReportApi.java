package th.planflow.annualreport;

import java.util.Map;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** Calls the REST APIs as a demo user, the way Tasklist and the planner's tools do. */
record AnnualReportApi(TestRestTemplate http) {

  ResponseEntity<Map> send(HttpMethod method, String user, String path, String json) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    return http.withBasicAuth(user, "demo").exchange(path, method, new HttpEntity<>(json, headers), Map.class);
  }

  ResponseEntity<Map> post(String user, String path, String json) {
    return send(HttpMethod.POST, user, path, json);
  }

  ResponseEntity<Map> put(String user, String path, String json) {
    return send(HttpMethod.PUT, user, path, json);
  }

  /** Uploads a photo the way the contributor's page does: the file itself as the body. */
  ResponseEntity<Map> upload(String user, String path, byte[] file, String contentType) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.parseMediaType(contentType));
    return http.withBasicAuth(user, "demo").exchange(path, HttpMethod.POST, new HttpEntity<>(file, headers), Map.class);
  }

  /** Tasklist's way of completing a task with a Camunda Form. */
  ResponseEntity<Map> submitForm(String user, String taskId, String variablesJson) {
    return post(user, "/engine-rest/task/" + taskId + "/submit-form", "{\"variables\": " + variablesJson + "}");
  }

  static String vars(Object... keyValues) {
    StringBuilder json = new StringBuilder("{");
    for (int i = 0; i < keyValues.length; i += 2) {
      if (i > 0) {
        json.append(", ");
      }
      Object v = keyValues[i + 1];
      String value = v instanceof String s ? "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\""
          : String.valueOf(v);
      json.append('"').append(keyValues[i]).append("\": {\"value\": ").append(value).append('}');
    }
    return json.append('}').toString();
  }
}
