package th.planflow.document;

/** Chromium, the program that makes the PDF files, is not installed (or not runnable) on the server. */
public class PdfRendererUnavailableException extends PdfRenderException {

  public static final String MESSAGE =
      "ไม่พบโปรแกรมสร้างไฟล์ PDF (Chromium) บนเครื่องแม่ข่าย กรุณาติดต่อผู้ดูแลระบบ";

  public PdfRendererUnavailableException(String detail) {
    super(MESSAGE, detail);
  }

  public PdfRendererUnavailableException(String detail, Throwable cause) {
    super(MESSAGE, detail, cause);
  }
}
