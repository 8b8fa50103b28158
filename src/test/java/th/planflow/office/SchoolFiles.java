package th.planflow.office;

import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import th.planflow.document.XlsxWriter;

/** School list files as the plan officer makes them, their upload, and removing test schools again. */
public final class SchoolFiles {

  public static final List<String> HEADERS = List.of("รหัสโรงเรียน", "ชื่อโรงเรียน", "อำเภอ", "เครือข่าย", "ขนาดโรงเรียน",
      "อีเมล", "ผู้ประสานงาน");

  private SchoolFiles() {
  }

  public static byte[] csv(List<List<String>> rows) {
    StringBuilder csv = new StringBuilder("\uFEFF").append(String.join(",", HEADERS)).append("\r\n");
    rows.forEach(r -> csv.append(String.join(",", r)).append("\r\n"));
    return csv.toString().getBytes(StandardCharsets.UTF_8);
  }

  /** An .xlsx: the headers in row 1, then the rows. */
  public static byte[] xlsx(List<List<String>> rows) {
    try (XlsxWriter xlsx = new XlsxWriter()) {
      XlsxWriter.Sheet sheet = xlsx.sheet("โรงเรียน", HEADERS);
      rows.forEach(r -> sheet.row(r.toArray()));
      return xlsx.toBytes();
    }
  }

  public static ResponseEntity<String> upload(TestRestTemplate http, String user, String path, String fileName,
      byte[] bytes) {
    return upload(http, user, path, fileName, bytes, null, null);
  }

  /** The same from a page's form: with the CSRF token it carried and the cookie of its session. */
  public static ResponseEntity<String> upload(TestRestTemplate http, String user, String path, String fileName,
      byte[] bytes, String csrfToken, String sessionCookie) {
    MultiValueMap<String, Object> form = new LinkedMultiValueMap<>();
    if (csrfToken != null) {
      form.add("_csrf", csrfToken);
    }
    form.add("file", new ByteArrayResource(bytes) {
      @Override
      public String getFilename() {
        return fileName;
      }
    });
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.MULTIPART_FORM_DATA);
    if (sessionCookie != null) {
      headers.add(HttpHeaders.COOKIE, sessionCookie);
    }
    return http.withBasicAuth(user, "demo").postForEntity(path, new HttpEntity<>(form, headers), String.class);
  }

  /** Removes schools a test added, with their accounts, so the shared context keeps its 12 demo schools. */
  public static void remove(JdbcTemplate jdbc, IdentityService identity, Collection<String> codes) {
    for (String code : codes) {
      jdbc.update("delete from school where code = ?", code);
      if (identity.createUserQuery().userId("school" + code).count() > 0) {
        identity.deleteUser("school" + code);
      }
      if (identity.createGroupQuery().groupId("school-" + code).count() > 0) {
        identity.deleteGroup("school-" + code);
      }
    }
  }
}
