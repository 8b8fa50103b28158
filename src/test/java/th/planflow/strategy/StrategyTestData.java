package th.planflow.strategy;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.springframework.jdbc.core.JdbcTemplate;

/** What the duty's tests share: removing a test year's rows and reading a PDF's text back. */
final class StrategyTestData {

  private static final String[] TABLES = {"strategy_report", "strategy_item", "strategy_plan", "strategy_briefing",
      "strategy_working_group_member", "strategy_appointment", "strategy_meeting_attendee", "strategy_meeting",
      "strategy_summary"};

  private StrategyTestData() {
  }

  static void delete(JdbcTemplate jdbc, int fiscalYear) {
    for (String table : TABLES) {
      jdbc.update("delete from " + table + " where fiscal_year = ?", fiscalYear);
    }
  }

  /**
   * The text of a PDF as Chromium encoded it (real spaces, no guessed word gaps, see DocumentServiceTest),
   * with line breaks turned into spaces.
   */
  static String pdfText(byte[] pdf) {
    try (PDDocument document = Loader.loadPDF(pdf)) {
      PDFTextStripper stripper = new PDFTextStripper();
      stripper.setWordSeparator("");
      return stripper.getText(document).replaceAll("\\s*\\R\\s*", " ");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Text without any white space, to find sentences that the page wraps: Thai lines break between words
   * that have no space between them, so a line break reads back as a space that was never written.
   */
  static String compact(String text) {
    return text.replaceAll("\\s+", "");
  }

  static String[] compact(String... phrases) {
    String[] compacted = new String[phrases.length];
    for (int i = 0; i < phrases.length; i++) {
      compacted[i] = compact(phrases[i]);
    }
    return compacted;
  }
}
