package th.planflow.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import th.planflow.calendar.ThaiDates;

/**
 * Proof that the PDF documents carry correctly shaped Thai: the words come back intact, the
 * Sarabun font is embedded, and the first page looks like the reference image, in which the tone
 * marks over the upper vowels were checked by eye.
 *
 * <p>To remake the reference after a deliberate change (then look at it before committing):
 * {@code mvn test -Dtest=DocumentServiceTest -Dplanflow.document.update-reference=true}.
 */
class DocumentServiceTest {

  static final List<String> WORDS = List.of("ผู้ใหญ่", "ที่นี่", "ลิ้น", "เยิ้ม", "ปี่", "ฝั่ง", "น้ำ", "ป่า");
  static final String TITLE = "ทดสอบการแสดงผลภาษาไทย";
  static final LocalDate DATE = LocalDate.of(2025, 9, 30);
  static final String TEMPLATE = "test/thai-test-words";
  static final String REFERENCE = "document/thai-test-words.png";
  static final Path OUT = Path.of("target", "document-test");

  /**
   * Fails when any 8 x 8 window holds 8 or more pixels whose grey level (0 to 255) differs by
   * more than 128, or when the page's mean difference is over 2.0. Measured on this page at 72 dpi:
   * shifting the whole page by a quarter or half pixel makes no such pixel (page mean up to 1.4);
   * one tone mark dropped from one word makes 17 in a window, Thai marks left unshaped make 39.
   * Rendering the same PDF twice gives identical images.
   */
  static final ImageComparison COMPARISON = new ImageComparison(128, 8, 2.0);

  static DocumentService service;
  static byte[] pdf;

  @BeforeAll
  static void render() throws IOException {
    DocumentProperties properties = DocumentTestSupport.properties();
    DocumentTestSupport.requireChromium(properties);
    service = DocumentTestSupport.service(properties);
    pdf = service.pdf(TEMPLATE, model(WORDS));
    Files.createDirectories(OUT);
    Files.write(OUT.resolve("thai-test-words.pdf"), pdf);
  }

  static Map<String, Object> model(List<String> words) {
    return Map.of("title", TITLE, "date", ThaiDates.full(DATE), "words", words);
  }

  @Test
  void thaiWordsComeBackIntact() throws IOException {
    String text;
    try (PDDocument document = Loader.loadPDF(pdf)) {
      assertEquals(1, document.getNumberOfPages(), "pages");
      PDFTextStripper stripper = new PDFTextStripper();
      // Only the characters the PDF encodes (spaces are real glyphs in Chromium's PDF): no guessed
      // word gaps. Sarabun draws the marks over ฝ and ป shifted left with no advance, and the
      // default heuristic then sees a gap before the next letter and splits ฝั่ง into "ฝั่ ง".
      stripper.setWordSeparator("");
      text = stripper.getText(document);
    }
    for (String word : WORDS) {
      assertTrue(text.contains(word), "word " + word + " not found intact in the extracted text:\n" + text);
    }
    // The whole line, spaces included, in each of its three places (28 pt regular and bold, 12 pt).
    String line = String.join(" ", WORDS);
    assertEquals(3, text.split(line, -1).length - 1, "the line \"" + line + "\" 3 times in:\n" + text);
    assertThat(text).contains(TITLE).contains("30 กันยายน 2568");
  }

  @Test
  void sarabunIsEmbeddedAndNoOtherFontIsUsed() throws IOException {
    List<String> fonts = new ArrayList<>();
    try (PDDocument document = Loader.loadPDF(pdf)) {
      PDResources resources = document.getPage(0).getResources();
      for (COSName name : resources.getFontNames()) {
        PDFont font = resources.getFont(name);
        fonts.add(font.getName());
        assertTrue(font.getName().contains("Sarabun"), "font not Sarabun: " + font.getName());
        assertTrue(font.isEmbedded(), "font not embedded: " + font.getName());
      }
    }
    assertThat(fonts).as("fonts on the page").anyMatch(name -> name.endsWith("Sarabun-Regular"))
        .anyMatch(name -> name.endsWith("Sarabun-Bold"));
  }

  @Test
  void pageIsA4() throws IOException {
    try (PDDocument document = Loader.loadPDF(pdf)) {
      PDPage page = document.getPage(0);
      // A4 is 210 x 297 mm = 595.3 x 841.9 pt.
      assertEquals(595.3, page.getMediaBox().getWidth(), 1.0);
      assertEquals(841.9, page.getMediaBox().getHeight(), 1.0);
    }
  }

  @Test
  void firstPageLooksLikeTheReference() throws Exception {
    BufferedImage actual = rasterise(pdf, "thai-test-words");
    if (Boolean.getBoolean("planflow.document.update-reference")) {
      Path reference = Path.of("src", "test", "resources").resolve(REFERENCE);
      ImageIO.write(actual, "png", reference.toFile());
      System.out.println("Wrote the reference " + reference.toAbsolutePath() + ": look at it before committing");
      return;
    }
    BufferedImage expected = reference();
    ImageComparison.Result result = COMPARISON.compare(expected, actual);
    if (!COMPARISON.matches(result)) {
      Path actualPng = OUT.resolve("thai-test-words-actual.png");
      ImageIO.write(actual, "png", actualPng.toFile());
      String where = "actual page " + actualPng.toAbsolutePath();
      if (result.diff() != null) {
        Path diffPng = OUT.resolve("thai-test-words-diff.png");
        ImageIO.write(result.diff(), "png", diffPng.toFile());
        where += ", difference " + diffPng.toAbsolutePath() + " (red: ink only in the actual page, blue: only in the reference)";
      }
      fail("The rendered Thai test page differs from src/test/resources/" + REFERENCE + ": " + result.describe()
          + " (limits: " + COMPARISON.limits() + "). "
          + "Look at " + where + ". Misplaced tone marks mean Thai shaping broke; if only the renderer changed "
          + "and the marks are right, remake the reference with -Dplanflow.document.update-reference=true.");
    }
  }

  @Test
  void pdfFromHtmlAddsTheSarabunFontFaces() throws IOException {
    byte[] raw = service.pdfFromHtml("<!DOCTYPE html><html lang=\"th\"><head><meta charset=\"utf-8\"></head>"
        + "<body style=\"font-family: Sarabun\"><p>น้ำป่า <b>ผู้ใหญ่</b></p></body></html>");
    try (PDDocument document = Loader.loadPDF(raw)) {
      PDResources resources = document.getPage(0).getResources();
      for (COSName name : resources.getFontNames()) {
        PDFont font = resources.getFont(name);
        assertTrue(font.getName().contains("Sarabun") && font.isEmbedded(), "font " + font.getName());
      }
      PDFTextStripper stripper = new PDFTextStripper();
      stripper.setWordSeparator("");
      assertThat(stripper.getText(document)).contains("น้ำป่า").contains("ผู้ใหญ่");
    }
  }

  @Test
  void fontFacesGoIntoTheHeadOnce() {
    String css = "<style id=\"planflow-fonts\">";
    assertThat(DocumentService.withFonts("<html><HEAD lang=th><title>x</title></HEAD><header></header></html>"))
        .startsWith("<html><HEAD lang=th>" + css).containsOnlyOnce(css);
    assertThat(DocumentService.withFonts("<html><body>x</body></html>")).startsWith("<html><head>" + css);
    assertThat(DocumentService.withFonts("<p>x</p>")).startsWith(css).endsWith("</style><p>x</p>");
    String rendered = service.html(TEMPLATE, model(WORDS));
    assertThat(rendered).containsOnlyOnce(css).contains("@font-face{font-family:'Sarabun'");
    assertThat(DocumentService.withFonts(rendered)).isSameAs(rendered);
  }

  @Test
  void templateNamesStayInTheDocumentsFolder() {
    for (String bad : List.of("../secret", "/etc/passwd", "", "a\\b")) {
      assertThatThrownBy(() -> service.html(bad, Map.of())).isInstanceOf(IllegalArgumentException.class);
    }
  }

  /** The comparison is not vacuous: it rejects the page when Thai marks are left unshaped. */
  @Test
  void comparisonRejectsUnshapedThaiMarks() throws Exception {
    // Without the font's mark composition and positioning, tone marks collide with the upper
    // vowels and the tall consonants (ที่ ปี่ ป่า), as in renderers without Thai shaping.
    String html = service.html(TEMPLATE, model(WORDS)).replace("</head>",
        "<style>.words, .words * { font-feature-settings: \"ccmp\" 0, \"mark\" 0, \"mkmk\" 0; }</style></head>");
    assertRejected(service.pdfFromHtml(html), "unshaped-marks");
  }

  /** The comparison is sensitive enough to notice one tone mark missing from one word. */
  @Test
  void comparisonRejectsOneMissingToneMark() throws Exception {
    List<String> words = new ArrayList<>(WORDS);
    words.set(1, "ทีนี่");
    assertRejected(service.pdf(TEMPLATE, model(words)), "missing-tone-mark");
  }

  private static void assertRejected(byte[] wrongPdf, String name) throws Exception {
    ImageComparison.Result result = COMPARISON.compare(reference(), rasterise(wrongPdf, name));
    assertFalse(COMPARISON.matches(result), name + " page was not told apart from the reference: " + result.describe());
  }

  static BufferedImage reference() throws IOException {
    try (InputStream in = DocumentServiceTest.class.getClassLoader().getResourceAsStream(REFERENCE)) {
      if (in == null) {
        fail("Reference image missing: src/test/resources/" + REFERENCE);
      }
      return ImageIO.read(in);
    }
  }

  /** The first page at 72 dpi, as {@code pdftoppm -r 72 -png -singlefile} draws it. */
  static BufferedImage rasterise(byte[] pdfBytes, String name) throws Exception {
    Files.createDirectories(OUT);
    Path pdfFile = OUT.resolve(name + ".pdf");
    Files.write(pdfFile, pdfBytes);
    Path prefix = OUT.resolve(name + "-72dpi");
    DocumentTestSupport.run(List.of("pdftoppm", "-r", "72", "-png", "-singlefile",
        pdfFile.toAbsolutePath().toString(), prefix.toAbsolutePath().toString()), OUT);
    return ImageIO.read(Path.of(prefix + ".png").toFile());
  }
}
