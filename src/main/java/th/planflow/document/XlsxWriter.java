package th.planflow.document;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.WorkbookUtil;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import th.planflow.calendar.ThaiDates;

/**
 * Writes XLSX workbooks: each sheet has a bold header row (frozen, with filter buttons), rows of
 * typed cells ({@link XlsxCell}) and column widths fitted to the content.
 *
 * <pre>{@code
 * try (XlsxWriter xlsx = new XlsxWriter()) {
 *   xlsx.sheet("ผลการประเมิน", "โรงเรียน", "จำนวนนักเรียน", "ร้อยละที่ผ่าน", "วันที่ประเมิน")
 *       .row("โรงเรียนบ้านหนองน้ำใส", 245, XlsxCell.percent(0.8571), LocalDate.of(2025, 9, 30));
 *   byte[] bytes = xlsx.toBytes();
 * }
 * }</pre>
 *
 * Dates are written as Thai text with B.E. years ("30 กันยายน 2568"), as people read them in the
 * office. Column widths are computed from the text, not from AWT font metrics, so they need no
 * fonts on the server: Thai vowel and tone marks above and below the line take no width.
 * Not thread-safe; one writer per workbook.
 */
public final class XlsxWriter implements AutoCloseable {

  /** Media type of an XLSX file, for HTTP responses and mail attachments. */
  public static final String CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

  /** Excel's limit on a sheet name. */
  public static final int MAX_SHEET_NAME = 31;

  private static final int MIN_WIDTH_CHARS = 6;
  private static final int MAX_WIDTH_CHARS = 80;

  private final XSSFWorkbook workbook = new XSSFWorkbook();
  private final Map<String, CellStyle> styles = new HashMap<>();
  private final List<Sheet> sheets = new ArrayList<>();

  /** Adds a sheet whose first row holds the headers. */
  public Sheet sheet(String name, String... headers) {
    return sheet(name, Arrays.asList(headers));
  }

  /**
   * Adds a sheet whose first row holds the headers. The name may be Thai; characters Excel
   * forbids ({@code \ / ? * [ ] :}) become spaces and it is cut to {@value #MAX_SHEET_NAME}
   * characters without splitting a Thai letter from its marks.
   *
   * @throws IllegalArgumentException when the workbook already has a sheet of that name
   */
  public Sheet sheet(String name, List<String> headers) {
    String safe = sheetName(name);
    if (headers.isEmpty()) {
      throw new IllegalArgumentException("A sheet needs at least one header");
    }
    if (workbook.getSheet(safe) != null) {
      throw new IllegalArgumentException("The workbook already has a sheet named " + safe);
    }
    Sheet sheet = new Sheet(workbook.createSheet(safe), headers);
    sheets.add(sheet);
    return sheet;
  }

  /** The workbook as XLSX bytes. */
  public byte[] toBytes() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    writeTo(out);
    return out.toByteArray();
  }

  /** Writes the workbook as XLSX; the stream is left open. */
  public void writeTo(OutputStream out) {
    if (sheets.isEmpty()) {
      throw new IllegalStateException("A workbook needs at least one sheet");
    }
    sheets.forEach(Sheet::finish);
    try {
      workbook.write(out);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write the workbook", e);
    }
  }

  @Override
  public void close() {
    try {
      workbook.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** One sheet: add rows with {@link #row(Object...)}. */
  public final class Sheet {

    private final XSSFSheet sheet;
    private final int columns;
    private final double[] widths;
    private int nextRow;

    private Sheet(XSSFSheet sheet, List<String> headers) {
      this.sheet = sheet;
      this.columns = headers.size();
      this.widths = new double[columns];
      Row row = sheet.createRow(nextRow++);
      CellStyle header = style("header", 0);
      for (int c = 0; c < columns; c++) {
        String text = headers.get(c) == null ? "" : headers.get(c);
        Cell cell = row.createCell(c);
        cell.setCellValue(text);
        cell.setCellStyle(header);
        // Bold text is about a tenth wider.
        widths[c] = displayWidth(text) * 1.1;
      }
      sheet.createFreezePane(0, 1);
    }

    public String name() {
      return sheet.getSheetName();
    }

    /** Rows written so far, not counting the header. */
    public int rowCount() {
      return nextRow - 1;
    }

    /**
     * Adds a row. Each value is an {@link XlsxCell} or a plain value turned into one by
     * {@link XlsxCell#of(Object)}; a row may be shorter than the headers, not longer.
     */
    public Sheet row(Object... values) {
      return row(Arrays.asList(values));
    }

    public Sheet row(List<?> values) {
      if (values.size() > columns) {
        throw new IllegalArgumentException("Row of " + values.size() + " values on a sheet of " + columns + " columns");
      }
      Row row = sheet.createRow(nextRow++);
      for (int c = 0; c < values.size(); c++) {
        write(row, c, XlsxCell.of(values.get(c)));
      }
      return this;
    }

    private void write(Row row, int column, XlsxCell value) {
      String shown;
      if (value instanceof XlsxCell.Text text) {
        Cell cell = row.createCell(column);
        cell.setCellValue(text.value());
        cell.setCellStyle(style("text", 0));
        shown = text.value();
      } else if (value instanceof XlsxCell.Numeric number) {
        if (!Double.isFinite(number.value())) {
          return;
        }
        Cell cell = row.createCell(column);
        cell.setCellValue(number.value());
        cell.setCellStyle(style("number", number.decimals()));
        shown = String.format(Locale.ROOT, "%,." + number.decimals() + "f", number.value());
      } else if (value instanceof XlsxCell.Percent percent) {
        if (!Double.isFinite(percent.fraction())) {
          return;
        }
        Cell cell = row.createCell(column);
        cell.setCellValue(percent.fraction());
        cell.setCellStyle(style("percent", percent.decimals()));
        shown = String.format(Locale.ROOT, "%." + percent.decimals() + "f%%", percent.fraction() * 100);
      } else if (value instanceof XlsxCell.ThaiDate date) {
        shown = date.abbreviated() ? ThaiDates.abbreviated(date.date()) : ThaiDates.full(date.date());
        Cell cell = row.createCell(column);
        cell.setCellValue(shown);
        cell.setCellStyle(style("date", 0));
      } else {
        return;
      }
      widths[column] = Math.max(widths[column], displayWidth(shown));
    }

    private void finish() {
      for (int c = 0; c < columns; c++) {
        double chars = Math.min(MAX_WIDTH_CHARS, Math.max(MIN_WIDTH_CHARS, widths[c] + 2));
        sheet.setColumnWidth(c, (int) Math.round(chars * 256));
      }
      sheet.setAutoFilter(new CellRangeAddress(0, Math.max(0, nextRow - 1), 0, columns - 1));
    }
  }

  private CellStyle style(String kind, int decimals) {
    return styles.computeIfAbsent(kind + decimals, key -> {
      CellStyle style = workbook.createCellStyle();
      style.setVerticalAlignment(VerticalAlignment.TOP);
      switch (kind) {
        case "header" -> {
          Font bold = workbook.createFont();
          bold.setBold(true);
          style.setFont(bold);
          style.setAlignment(HorizontalAlignment.CENTER);
          style.setVerticalAlignment(VerticalAlignment.CENTER);
          style.setWrapText(true);
          style.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
          style.setFillPattern(FillPatternType.SOLID_FOREGROUND);
          style.setBorderBottom(BorderStyle.THIN);
        }
        case "number" -> style.setDataFormat(workbook.createDataFormat()
            .getFormat(decimals == 0 ? "#,##0" : "#,##0." + "0".repeat(decimals)));
        case "percent" -> style.setDataFormat(workbook.createDataFormat()
            .getFormat(decimals == 0 ? "0%" : "0." + "0".repeat(decimals) + "%"));
        case "date" -> style.setAlignment(HorizontalAlignment.LEFT);
        default -> {
          // text: the workbook's default
        }
      }
      return style;
    });
  }

  /** Width of text in average characters: Thai marks above and below the line take none. */
  static double displayWidth(String text) {
    double width = 0;
    double line = 0;
    for (int i = 0; i < text.length(); ) {
      int cp = text.codePointAt(i);
      i += Character.charCount(cp);
      if (cp == '\n') {
        width = Math.max(width, line);
        line = 0;
      } else if (isThaiMark(cp) || Character.getType(cp) == Character.NON_SPACING_MARK
          || Character.getType(cp) == Character.FORMAT) {
        // no advance
      } else if (cp >= 0x0E00 && cp <= 0x0E7F) {
        // Thai letters are a little wider than the average Latin character.
        line += 1.1;
      } else if (Character.isIdeographic(cp)) {
        line += 2;
      } else {
        line += 1;
      }
    }
    return Math.max(width, line);
  }

  /** Thai vowels and tone marks written above or below the consonant (no width of their own). */
  static boolean isThaiMark(int cp) {
    return cp == 0x0E31 || (cp >= 0x0E34 && cp <= 0x0E3A) || (cp >= 0x0E47 && cp <= 0x0E4E);
  }

  /**
   * Excel-safe sheet name: forbidden characters become spaces, runs of spaces one space, quotes
   * at the ends go, and the name is cut at 31 characters without leaving a Thai mark separated
   * from its letter.
   */
  static String sheetName(String name) {
    String safe = name == null ? "" : name
        .replaceAll("[\\\\/?*\\[\\]:\\p{Cntrl}]", " ")
        .replaceAll("\\s+", " ")
        .strip()
        .replaceAll("^'+|'+$", "")
        .strip();
    if (safe.isEmpty()) {
      throw new IllegalArgumentException("A sheet needs a name: \"" + name + "\"");
    }
    if (safe.length() > MAX_SHEET_NAME) {
      // If the next character is a mark, the cut falls inside a Thai cluster: step back before
      // that cluster's letter.
      int cut = MAX_SHEET_NAME;
      while (cut > 1 && isThaiMark(safe.charAt(cut))) {
        cut--;
      }
      safe = safe.substring(0, cut).strip();
    }
    WorkbookUtil.validateSheetName(safe);
    return safe;
  }
}
