package th.planflow.document;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.stereotype.Service;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

/**
 * PDF documents from the Thymeleaf templates in {@code templates/documents/}.
 *
 * <p>A template gets the A4 page, margins and Sarabun font from the shared fragment:
 * <pre>{@code
 * <!DOCTYPE html>
 * <html lang="th" xmlns:th="http://www.thymeleaf.org">
 * <head th:replace="~{documents/fragments/page :: head('ชื่อเอกสาร')}"></head>
 * <body>...</body>
 * </html>
 * }</pre>
 * The fragment reads the font CSS from the model variable {@value #FONT_CSS_VARIABLE}, which this
 * service always sets. Chromium lays the page out, so Thai marks are shaped correctly.
 */
@Service
public class DocumentService {

  /** Folder, under the template resolver's prefix ({@code templates/}), that holds the documents. */
  public static final String TEMPLATE_DIR = "documents/";
  /** Model variable carrying {@link SarabunFont#fontFaceCss()} for the shared page fragment. */
  public static final String FONT_CSS_VARIABLE = "planflowFontFaceCss";
  /** Locale of every document (Thymeleaf messages and formatting). */
  public static final Locale THAI = Locale.forLanguageTag("th-TH");

  private static final String FONT_STYLE_ID = "planflow-fonts";
  private static final Pattern HEAD = Pattern.compile("<head(\\s[^>]*)?>", Pattern.CASE_INSENSITIVE);
  private static final Pattern HTML = Pattern.compile("<html(\\s[^>]*)?>", Pattern.CASE_INSENSITIVE);

  private final ITemplateEngine templateEngine;
  private final ChromiumPdfRenderer renderer;

  public DocumentService(ITemplateEngine templateEngine, ChromiumPdfRenderer renderer) {
    this.templateEngine = templateEngine;
    this.renderer = renderer;
  }

  /**
   * Renders {@code templates/documents/<templateName>.html} with the model and prints it to PDF.
   *
   * @param templateName name relative to {@code templates/documents/}, without ".html", e.g. "report/summary"
   * @throws PdfRendererUnavailableException when Chromium is not installed on the server
   * @throws PdfRenderException when the PDF cannot be produced
   */
  public byte[] pdf(String templateName, Map<String, ?> model) {
    return pdfFromHtml(html(templateName, model));
  }

  /** The HTML that {@link #pdf(String, Map)} prints, e.g. for a preview in the browser. */
  public String html(String templateName, Map<String, ?> model) {
    Context context = new Context(THAI);
    if (model != null) {
      context.setVariables(new HashMap<>(model));
    }
    context.setVariable(FONT_CSS_VARIABLE, SarabunFont.fontFaceCss());
    return templateEngine.process(TEMPLATE_DIR + checkName(templateName), context);
  }

  /**
   * Prints a complete HTML page to PDF. The Sarabun {@code @font-face} rules are added to its
   * {@code <head>} unless the page already has them (from the shared fragment); the page still
   * has to ask for {@code font-family: 'Sarabun'} itself. Nothing is fetched from the network,
   * so images and styles must be inline.
   */
  public byte[] pdfFromHtml(String html) {
    return renderer.render(withFonts(html));
  }

  static String withFonts(String html) {
    if (html.contains("id=\"" + FONT_STYLE_ID + "\"")) {
      return html;
    }
    String style = "<style id=\"" + FONT_STYLE_ID + "\">\n" + SarabunFont.fontFaceCss() + "</style>";
    Matcher head = HEAD.matcher(html);
    if (head.find()) {
      return html.substring(0, head.end()) + style + html.substring(head.end());
    }
    Matcher root = HTML.matcher(html);
    if (root.find()) {
      return html.substring(0, root.end()) + "<head>" + style + "</head>" + html.substring(root.end());
    }
    return style + html;
  }

  private static String checkName(String templateName) {
    if (templateName == null || templateName.isBlank() || templateName.startsWith("/")
        || templateName.contains("..") || templateName.contains("\\")) {
      throw new IllegalArgumentException("Bad document template name: " + templateName);
    }
    return templateName.endsWith(".html") ? templateName.substring(0, templateName.length() - 5) : templateName;
  }
}
