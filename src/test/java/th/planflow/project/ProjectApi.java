package th.planflow.project;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** Calls the REST APIs as a demo user, the way Tasklist and the planner's tools do. */
record ProjectApi(TestRestTemplate http) {

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

  Map<String, Object> get(String user, String path) {
    return http.withBasicAuth(user, "demo").getForObject(path, Map.class);
  }

  List<Map<String, Object>> list(String user, String path) {
    return http.withBasicAuth(user, "demo").exchange(path, HttpMethod.GET, null,
        new ParameterizedTypeReference<List<Map<String, Object>>>() { }).getBody();
  }

  byte[] bytes(String user, String path) {
    return http.withBasicAuth(user, "demo").getForObject(path, byte[].class);
  }

  /** Tasklist's way of completing a task with a Camunda Form. */
  ResponseEntity<Map> submitForm(String user, String taskId, String variablesJson) {
    return post(user, "/engine-rest/task/" + taskId + "/submit-form", "{\"variables\": " + variablesJson + "}");
  }

  /** The cells of a sheet as text; numbers without trailing zeros ("350000", "0.9957"). */
  static List<List<String>> rows(Sheet sheet) {
    List<List<String>> rows = new ArrayList<>();
    for (Row row : sheet) {
      List<String> cells = new ArrayList<>();
      for (int c = 0; c < row.getLastCellNum(); c++) {
        Cell cell = row.getCell(c);
        cells.add(cell == null ? "" : cell.getCellType() == CellType.NUMERIC
            ? BigDecimal.valueOf(cell.getNumericCellValue()).stripTrailingZeros().toPlainString() : cell.getStringCellValue());
      }
      rows.add(cells);
    }
    return rows;
  }

  static String message(ResponseEntity<Map> response) {
    return String.valueOf(response.getBody() == null ? null : response.getBody().get("message"));
  }
}
