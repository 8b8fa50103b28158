package th.planflow.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.PaneInformation;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

class XlsxWriterTest {

  private static final DataFormatter SHOWN = new DataFormatter();

  private static XSSFWorkbook readBack(byte[] bytes) throws IOException {
    return new XSSFWorkbook(new ByteArrayInputStream(bytes));
  }

  @Test
  void writesThaiHeadersTypedCellsAndBuddhistEraDates() throws IOException {
    byte[] bytes;
    try (XlsxWriter xlsx = new XlsxWriter()) {
      XlsxWriter.Sheet sheet = xlsx.sheet("ผลการประเมิน", "โรงเรียน", "จำนวนนักเรียน", "คะแนนเฉลี่ย", "ร้อยละที่ผ่าน",
              "วันที่ประเมิน", "กำหนดส่ง")
          .row("โรงเรียนบ้านหนองน้ำใส", 1245, new BigDecimal("78.50"), XlsxCell.percent(0.8571),
              LocalDate.of(2025, 9, 30), XlsxCell.dateAbbreviated(LocalDate.of(2026, 1, 15)))
          .row("โรงเรียนวัดป่าเลไลยก์", 87L, 66.666, XlsxCell.percent(1.0, 0), null, XlsxCell.blank())
          .row(XlsxCell.text("รวม"), XlsxCell.integer(1332), XlsxCell.number(72.58333, 1));
      assertThat(sheet.rowCount()).isEqualTo(3);
      assertThat(sheet.name()).isEqualTo("ผลการประเมิน");
      bytes = xlsx.toBytes();
    }

    try (XSSFWorkbook workbook = readBack(bytes)) {
      assertThat(workbook.getNumberOfSheets()).isEqualTo(1);
      XSSFSheet sheet = workbook.getSheet("ผลการประเมิน");
      assertThat(sheet).as("the Thai sheet name").isNotNull();

      Row header = sheet.getRow(0);
      assertThat(header.getLastCellNum()).isEqualTo((short) 6);
      assertThat(header.getCell(0).getStringCellValue()).isEqualTo("โรงเรียน");
      assertThat(header.getCell(4).getStringCellValue()).isEqualTo("วันที่ประเมิน");
      for (Cell cell : header) {
        assertThat(workbook.getFontAt(cell.getCellStyle().getFontIndex()).getBold())
            .as("header %s bold", cell.getStringCellValue()).isTrue();
      }

      PaneInformation pane = sheet.getPaneInformation();
      assertThat(pane).isNotNull();
      assertThat(pane.isFreezePane()).isTrue();
      assertThat(pane.getHorizontalSplitTopRow()).isEqualTo((short) 1);
      assertThat(pane.getVerticalSplitLeftColumn()).isEqualTo((short) 0);
      assertThat(sheet.getCTWorksheet().getAutoFilter().getRef()).isEqualTo("A1:F4");

      Row first = sheet.getRow(1);
      assertThat(first.getCell(0).getStringCellValue()).isEqualTo("โรงเรียนบ้านหนองน้ำใส");
      assertThat(first.getCell(1).getCellType()).isEqualTo(CellType.NUMERIC);
      assertThat(first.getCell(1).getNumericCellValue()).isEqualTo(1245.0);
      assertThat(SHOWN.formatCellValue(first.getCell(1))).isEqualTo("1,245");
      assertThat(SHOWN.formatCellValue(first.getCell(2))).isEqualTo("78.50");
      assertThat(first.getCell(3).getNumericCellValue()).isCloseTo(0.8571, within(1e-9));
      assertThat(first.getCell(3).getCellStyle().getDataFormatString()).isEqualTo("0.00%");
      assertThat(SHOWN.formatCellValue(first.getCell(3))).isEqualTo("85.71%");
      assertThat(first.getCell(4).getCellType()).isEqualTo(CellType.STRING);
      assertThat(first.getCell(4).getStringCellValue()).isEqualTo("30 กันยายน 2568");
      assertThat(first.getCell(5).getStringCellValue()).isEqualTo("15 ม.ค. 69");

      Row second = sheet.getRow(2);
      assertThat(SHOWN.formatCellValue(second.getCell(1))).isEqualTo("87");
      assertThat(SHOWN.formatCellValue(second.getCell(2))).isEqualTo("66.67");
      assertThat(SHOWN.formatCellValue(second.getCell(3))).isEqualTo("100%");
      assertThat(second.getCell(4)).as("null is an empty cell").isNull();
      assertThat(second.getCell(5)).isNull();

      Row total = sheet.getRow(3);
      assertThat(total.getCell(0).getStringCellValue()).isEqualTo("รวม");
      assertThat(SHOWN.formatCellValue(total.getCell(1))).isEqualTo("1,332");
      assertThat(SHOWN.formatCellValue(total.getCell(2))).isEqualTo("72.6");
      assertThat(total.getCell(3)).as("a short row leaves the rest empty").isNull();

      // Widths fit the longest text: the school name (21 characters, 18 without its marks)
      // makes column A wider than column B, sized by its header; neither is the default.
      int a = sheet.getColumnWidth(0);
      int b = sheet.getColumnWidth(1);
      assertThat(a).isGreaterThan(b).isBetween(20 * 256, 23 * 256);
      assertThat(b).isNotEqualTo(sheet.getDefaultColumnWidth() * 256);
    }
  }

  @Test
  void severalSheetsAndNamesExcelAccepts() throws IOException {
    byte[] bytes;
    try (XlsxWriter xlsx = new XlsxWriter()) {
      xlsx.sheet("สรุป", "รายการ").row("ก");
      xlsx.sheet("ไตรมาส 1/2568: ผล [ร่าง]", "รายการ").row("ข");
      assertThatThrownBy(() -> xlsx.sheet("สรุป", "อื่น")).isInstanceOf(IllegalArgumentException.class);
      assertThatThrownBy(() -> xlsx.sheet("ว่าง")).isInstanceOf(IllegalArgumentException.class);
      assertThatThrownBy(() -> xlsx.sheet("x", "a").row(1, 2)).isInstanceOf(IllegalArgumentException.class);
      bytes = xlsx.toBytes();
    }
    try (XSSFWorkbook workbook = readBack(bytes)) {
      assertThat(workbook.getSheetName(0)).isEqualTo("สรุป");
      assertThat(workbook.getSheetName(1)).isEqualTo("ไตรมาส 1 2568 ผล ร่าง");
      assertThat(workbook.getSheetName(2)).isEqualTo("x");
      assertThat(workbook.getSheetAt(1).getRow(1).getCell(0).getStringCellValue()).isEqualTo("ข");
    }
  }

  @Test
  void longThaiSheetNamesAreCutBetweenLettersNotInsideThem() {
    // 30 characters, then น followed by its tone mark: a cut at 31 would split น้ from ้.
    String name = "ก".repeat(30) + "น้ำ";
    assertThat(name.charAt(31)).isEqualTo('\u0E49');
    assertThat(XlsxWriter.sheetName(name)).isEqualTo("ก".repeat(30));
    assertThat(XlsxWriter.sheetName("ก".repeat(40))).hasSize(31);
    assertThat(XlsxWriter.sheetName("  สรุปผล  ")).isEqualTo("สรุปผล");
    assertThat(XlsxWriter.sheetName("'ผล/รวม'")).isEqualTo("ผล รวม");
    assertThatThrownBy(() -> XlsxWriter.sheetName(" ")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void thaiMarksTakeNoWidth() {
    // ผู้ใหญ่: ผ ใ ห ญ have width; ู ้ ่ do not.
    assertThat(XlsxWriter.displayWidth("ผู้ใหญ่")).isCloseTo(4 * 1.1, within(1e-9));
    assertThat(XlsxWriter.displayWidth("น้ำ")).isCloseTo(2 * 1.1, within(1e-9));
    assertThat(XlsxWriter.displayWidth("abc\nde")).isEqualTo(3.0);
  }

  @Test
  void plainValuesBecomeTypedCells() {
    assertThat(XlsxCell.of(null)).isInstanceOf(XlsxCell.Blank.class);
    assertThat(XlsxCell.of(5)).isEqualTo(new XlsxCell.Numeric(5, 0));
    assertThat(XlsxCell.of(2.5)).isEqualTo(new XlsxCell.Numeric(2.5, 2));
    assertThat(XlsxCell.of(new BigDecimal("1.250"))).isEqualTo(new XlsxCell.Numeric(1.25, 3));
    assertThat(XlsxCell.of(LocalDate.of(2025, 10, 1))).isEqualTo(new XlsxCell.ThaiDate(LocalDate.of(2025, 10, 1), false));
    assertThat(XlsxCell.of(new StringBuilder("ข้อความ"))).isEqualTo(new XlsxCell.Text("ข้อความ"));
    assertThatThrownBy(() -> XlsxCell.number(1, 11)).isInstanceOf(IllegalArgumentException.class);
  }
}
