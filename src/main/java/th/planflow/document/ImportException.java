package th.planflow.document;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A file that cannot be imported: every problem found, with its row and column, in Thai. Nothing was
 * saved. Planflow's API answers it with HTTP 400 and the list under {@code errors}.
 */
public class ImportException extends RuntimeException {

  /** One problem; row 0 is about the whole file, row 1 is the header row; column is null when about the row. */
  public record Problem(int row, String column, String message) {

    public Problem(int row, String message) {
      this(row, null, message);
    }

    public String text() {
      String where = (row > 0 ? "แถวที่ " + row : "") + (column != null ? (row > 0 ? " " : "") + "คอลัมน์ " + column : "");
      return where.isEmpty() ? message : where + ": " + message;
    }
  }

  private final transient List<Problem> problems;

  /** @param items what the file lists, e.g. "รายการตัวชี้วัด", for the summary message */
  public ImportException(String items, List<Problem> problems) {
    super(summary(items, problems));
    this.problems = List.copyOf(problems);
  }

  public ImportException(String items, String message) {
    this(items, List.of(new Problem(0, message)));
  }

  public List<Problem> problems() {
    return problems;
  }

  private static String summary(String items, List<Problem> problems) {
    return "นำเข้า" + items + "ไม่สำเร็จ ไม่มีรายการใดถูกบันทึก พบข้อผิดพลาด " + problems.size() + " รายการ: "
        + problems.stream().map(Problem::text).collect(Collectors.joining("; "));
  }
}
