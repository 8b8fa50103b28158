package th.planflow.document;

/**
 * A PDF could not be produced. {@link #getMessage()} is in Thai and may be shown to the user;
 * {@link #getDetail()} is the technical reason, for logs and administrators.
 */
public class PdfRenderException extends RuntimeException {

  private final String detail;

  public PdfRenderException(String thaiMessage, String detail) {
    this(thaiMessage, detail, null);
  }

  public PdfRenderException(String thaiMessage, String detail, Throwable cause) {
    super(thaiMessage, cause);
    this.detail = detail;
  }

  /** The technical reason (English), e.g. the exit code and the tail of Chromium's log. */
  public String getDetail() {
    return detail;
  }

  @Override
  public String toString() {
    return getClass().getName() + ": " + getMessage() + (detail == null ? "" : " [" + detail + "]");
  }
}
