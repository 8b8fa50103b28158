package th.planflow.web;

import java.nio.charset.StandardCharsets;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** A file for the browser to save; Thai file names survive (RFC 5987 filename*). */
public final class Downloads {

  private Downloads() {
  }

  public static ResponseEntity<byte[]> attachment(byte[] content, String fileName, String contentType) {
    return ResponseEntity.ok()
        .header(HttpHeaders.CONTENT_DISPOSITION,
            ContentDisposition.attachment().filename(fileName, StandardCharsets.UTF_8).build().toString())
        .contentType(MediaType.parseMediaType(contentType))
        .body(content);
  }
}
