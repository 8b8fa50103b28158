package th.planflow.document;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A small RFC 4180 reader for the CSV files people save from Excel or Google Sheets: UTF-8 with or
 * without a byte-order mark, comma (or semicolon / tab when the header has no comma), quoted fields
 * with doubled quotes and line breaks inside, CRLF, LF or CR line ends.
 */
public final class CsvReader {

  /** A record and the line of the file it starts on (1 = the first line). */
  public record Line(int number, List<String> fields) {
  }

  private CsvReader() {
  }

  /**
   * @throws IllegalArgumentException with a Thai message when the bytes are not UTF-8 or a quote is
   *     never closed
   */
  public static List<Line> read(byte[] bytes) {
    String text = decode(bytes);
    if (!text.isEmpty() && text.charAt(0) == '\uFEFF') {
      text = text.substring(1);
    }
    char delimiter = delimiter(text);
    List<Line> lines = new ArrayList<>();
    List<String> fields = new ArrayList<>();
    StringBuilder field = new StringBuilder();
    boolean quoted = false;
    boolean fieldStarted = false;
    int line = 1;
    int recordLine = 1;
    int quoteLine = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (quoted) {
        if (c == '"') {
          if (i + 1 < text.length() && text.charAt(i + 1) == '"') {
            field.append('"');
            i++;
          } else {
            quoted = false;
          }
        } else {
          if (c == '\n' || (c == '\r' && (i + 1 >= text.length() || text.charAt(i + 1) != '\n'))) {
            line++;
          }
          field.append(c);
        }
      } else if (c == '"' && field.toString().isBlank()) {
        quoted = true;
        quoteLine = line;
        field.setLength(0);
        fieldStarted = true;
      } else if (c == delimiter) {
        fields.add(field.toString());
        field.setLength(0);
        fieldStarted = true;
      } else if (c == '\r' || c == '\n') {
        if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
          i++;
        }
        if (fieldStarted || field.length() > 0) {
          fields.add(field.toString());
          lines.add(new Line(recordLine, fields));
        }
        fields = new ArrayList<>();
        field.setLength(0);
        fieldStarted = false;
        line++;
        recordLine = line;
      } else {
        field.append(c);
        fieldStarted = true;
      }
    }
    if (quoted) {
      throw new IllegalArgumentException("ไฟล์ CSV ไม่ถูกต้อง: เครื่องหมายคำพูด (\") ที่เปิดในบรรทัดที่ " + quoteLine + " ไม่ได้ปิด");
    }
    if (fieldStarted || field.length() > 0) {
      fields.add(field.toString());
      lines.add(new Line(recordLine, fields));
    }
    return lines;
  }

  private static String decode(byte[] bytes) {
    try {
      return StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes)).toString();
    } catch (CharacterCodingException e) {
      throw new IllegalArgumentException("ไฟล์ CSV ต้องเข้ารหัสแบบ UTF-8 (ใน Excel เลือกบันทึกเป็น \"CSV UTF-8\")");
    }
  }

  private static char delimiter(String text) {
    int end = text.indexOf('\n');
    String header = end < 0 ? text : text.substring(0, end);
    if (header.indexOf(',') >= 0) {
      return ',';
    }
    if (header.indexOf(';') >= 0) {
      return ';';
    }
    return header.indexOf('\t') >= 0 ? '\t' : ',';
  }
}
