package th.planflow.web;

import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.BadUserRequestException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import th.planflow.calendar.InvalidFiscalYearException;
import th.planflow.document.ImportException;
import th.planflow.process.DuplicateRunException;

/** Every error of Planflow's own API as {"status", "message"} with a Thai message. */
@RestControllerAdvice(basePackages = "th.planflow")
class ApiErrors {

  private static final Logger LOG = LoggerFactory.getLogger(ApiErrors.class);

  @ExceptionHandler(ApiException.class)
  ResponseEntity<Map<String, Object>> api(ApiException e) {
    return body(e.status(), e.getMessage());
  }

  /** A file import refused as a whole: the summary and every problem with its row and column. */
  @ExceptionHandler(ImportException.class)
  ResponseEntity<Map<String, Object>> importFailed(ImportException e) {
    ResponseEntity<Map<String, Object>> response = body(HttpStatus.BAD_REQUEST, e.getMessage());
    response.getBody().put("errors", e.problems().stream().map(p -> {
      Map<String, Object> error = new LinkedHashMap<>();
      error.put("row", p.row());
      error.put("column", p.column());
      error.put("message", p.message());
      return error;
    }).toList());
    return response;
  }

  @ExceptionHandler(DuplicateRunException.class)
  ResponseEntity<Map<String, Object>> duplicate(DuplicateRunException e) {
    return body(HttpStatus.CONFLICT, e.getMessage());
  }

  @ExceptionHandler({InvalidFiscalYearException.class, BadUserRequestException.class})
  ResponseEntity<Map<String, Object>> badInput(RuntimeException e) {
    return body(HttpStatus.BAD_REQUEST, e.getMessage());
  }

  @ExceptionHandler(MethodArgumentNotValidException.class)
  ResponseEntity<Map<String, Object>> invalid(MethodArgumentNotValidException e) {
    StringBuilder message = new StringBuilder("ข้อมูลไม่ถูกต้อง:");
    e.getBindingResult().getFieldErrors()
        .forEach(error -> message.append(' ').append(error.getDefaultMessage()).append(';'));
    return body(HttpStatus.BAD_REQUEST, message.toString());
  }

  @ExceptionHandler({HttpMessageNotReadableException.class, HttpMediaTypeNotSupportedException.class})
  ResponseEntity<Map<String, Object>> unreadable(Exception e) {
    return body(HttpStatus.BAD_REQUEST, "ข้อมูลที่ส่งมาไม่ใช่ JSON ที่ถูกต้อง");
  }

  @ExceptionHandler(AuthorizationException.class)
  ResponseEntity<Map<String, Object>> denied(AuthorizationException e) {
    LOG.info("Denied: {}", e.getMessage());
    return body(HttpStatus.FORBIDDEN, "ท่านไม่มีสิทธิ์ดำเนินการนี้");
  }

  private static ResponseEntity<Map<String, Object>> body(HttpStatus status, String message) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("status", status.value());
    body.put("message", message);
    return ResponseEntity.status(status).body(body);
  }
}
