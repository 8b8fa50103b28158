package th.planflow.document;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Import files as people keep them in Excel: a title row above the headers, and rows below the data that
 * were only formatted (filled, bordered) and hold nothing, which Excel saves as rows all the same.
 */
public final class ImportSheets {

  private ImportSheets() {
  }

  /**
   * Row 1 the title, row 3 the headers, the data from row 4, then {@code formattedRows} empty formatted rows
   * and, after them, {@code lastRow} (if not null).
   */
  public static byte[] xlsx(String title, List<String> headers, List<List<String>> rows, int formattedRows,
      List<String> lastRow) {
    try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      XSSFSheet sheet = workbook.createSheet("รายการ");
      sheet.createRow(0).createCell(0).setCellValue(title);
      fill(sheet.createRow(2), headers);
      int next = 3;
      for (List<String> row : rows) {
        fill(sheet.createRow(next++), row);
      }
      CellStyle filled = workbook.createCellStyle();
      filled.setFillForegroundColor(IndexedColors.LIGHT_YELLOW.getIndex());
      filled.setFillPattern(FillPatternType.SOLID_FOREGROUND);
      for (int i = 0; i < formattedRows; i++) {
        Row row = sheet.createRow(next++);
        for (int c = 0; c < headers.size(); c++) {
          row.createCell(c).setCellStyle(filled);
        }
      }
      if (lastRow != null) {
        fill(sheet.createRow(next), lastRow);
      }
      workbook.write(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void fill(Row row, List<String> values) {
    for (int c = 0; c < values.size(); c++) {
      if (values.get(c) != null && !values.get(c).isEmpty()) {
        row.createCell(c).setCellValue(values.get(c));
      }
    }
  }
}
