package th.planflow.kpi;

import java.util.List;
import java.util.stream.Collectors;

/** A KPI file that cannot be imported: every problem found, with its row, in Thai. Nothing was saved. */
public class KpiImportException extends RuntimeException {

  /** One problem; row 0 is about the whole file, row 1 is the header row. */
  public record Problem(int row, String message) {
    public String text() {
      return row > 0 ? "แถวที่ " + row + ": " + message : message;
    }
  }

  private final transient List<Problem> problems;

  KpiImportException(List<Problem> problems) {
    super(summary(problems));
    this.problems = List.copyOf(problems);
  }

  KpiImportException(String message) {
    this(List.of(new Problem(0, message)));
  }

  public List<Problem> problems() {
    return problems;
  }

  private static String summary(List<Problem> problems) {
    return "นำเข้ารายการตัวชี้วัดไม่สำเร็จ ไม่มีรายการใดถูกบันทึก พบข้อผิดพลาด " + problems.size() + " รายการ: "
        + problems.stream().map(Problem::text).collect(Collectors.joining("; "));
  }
}
