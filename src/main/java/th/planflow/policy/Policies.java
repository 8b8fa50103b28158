package th.planflow.policy;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;
import th.planflow.document.ImportException;
import th.planflow.document.ImportException.Problem;
import th.planflow.document.ImportFile;
import th.planflow.document.XlsxWriter;
import th.planflow.office.OfficeProperties;
import th.planflow.review.FormInput;
import th.planflow.web.UserInputException;

/** OBEC's policies of a fiscal year, as the planner imports or enters them in December. */
@Repository
public class Policies {

  public record Policy(String code, String name, String indicator) {
  }

  private final JdbcTemplate jdbc;
  private final String officeCode;

  public Policies(JdbcTemplate jdbc, OfficeProperties office) {
    this.jdbc = jdbc;
    this.officeCode = office.code();
  }

  public List<Policy> ofYear(int fiscalYear) {
    return jdbc.query("select code, name_th, indicator_th from policy where office_code = ? and fiscal_year = ?"
        + " order by sort_order", (rs, i) -> new Policy(rs.getString(1), rs.getString(2), rs.getString(3)),
        officeCode, fiscalYear);
  }

  /** The columns of a policy list file (.xlsx or .csv). */
  enum Column implements ImportFile.Column {
    CODE(ImportFile.required("รหัสนโยบาย", "รหัส")),
    NAME(ImportFile.required("ชื่อนโยบาย", "นโยบาย")),
    INDICATOR(ImportFile.optional("ตัวชี้วัด", "ตัวชี้วัดของนโยบาย"));

    private final ImportFile.Spec spec;

    Column(ImportFile.Spec spec) {
      this.spec = spec;
    }

    @Override
    public ImportFile.Spec spec() {
      return spec;
    }
  }

  static final String ITEMS = "รายการนโยบาย";

  /**
   * Replaces the year's list, all or nothing: any bad row and nothing changes; the Thai message lists
   * every problem with its row number.
   */
  @Transactional
  public void replace(int fiscalYear, List<Policy> rows) {
    if (rows == null || rows.isEmpty()) {
      throw new UserInputException("กรุณาระบุรายการนโยบายอย่างน้อย 1 รายการ");
    }
    refuseOnceRoundsExist(fiscalYear);
    List<Line> lines = new ArrayList<>();
    for (int i = 0; i < rows.size(); i++) {
      lines.add(new Line(i + 1, rows.get(i), false));
    }
    save(fiscalYear, check(lines));
  }

  /** The same from an .xlsx or .csv file, with the file's row numbers and columns in the problems. */
  @Transactional
  public int importFile(int fiscalYear, String fileName, byte[] bytes) {
    refuseOnceRoundsExist(fiscalYear);
    List<Line> lines = new ArrayList<>();
    for (ImportFile.Row<Column> row : ImportFile.read(fileName, bytes, Column.class, ITEMS, 500)) {
      lines.add(new Line(row.number(), new Policy(row.text(Column.CODE), row.text(Column.NAME),
          row.text(Column.INDICATOR)), true));
    }
    List<Policy> clean = check(lines);
    save(fiscalYear, clean);
    return clean.size();
  }

  /**
   * Rounds keep their policies and results by code: replacing the list under them would leave the
   * round page, the results and the November summary pointing at codes that are gone.
   */
  private void refuseOnceRoundsExist(int fiscalYear) {
    Integer rounds = jdbc.queryForObject("select count(*) from policy_round where office_code = ? and fiscal_year = ?",
        Integer.class, officeCode, fiscalYear);
    if (rounds != null && rounds > 0) {
      throw new UserInputException("ปีงบประมาณ " + fiscalYear + " เปิดรอบรายงานนโยบายแล้ว " + rounds
          + " รอบ จึงนำเข้ารายการนโยบายใหม่ทั้งชุดไม่ได้ (รอบและผลการรายงานอ้างอิงรหัสนโยบายเดิม)");
    }
  }

  /** A row to check: from JSON (row = position, no columns) or from a file. */
  private record Line(int row, Policy policy, boolean fromFile) {
    Problem problem(Column column, String message) {
      return new Problem(row, fromFile ? column.header() : null, message);
    }
  }

  private static List<Policy> check(List<Line> lines) {
    List<Problem> problems = new ArrayList<>();
    Set<String> codes = new HashSet<>();
    List<Policy> clean = new ArrayList<>();
    for (Line line : lines) {
      Policy row = line.policy();
      int before = problems.size();
      String code = text(line, Column.CODE, row.code(), "รหัสนโยบาย", 32, true, problems);
      String name = text(line, Column.NAME, row.name(), "ชื่อนโยบาย", 1000, true, problems);
      String indicator = text(line, Column.INDICATOR, row.indicator(), "ตัวชี้วัด", 2000, false, problems);
      if (code != null && !codes.add(code)) {
        problems.add(line.problem(Column.CODE, "รหัสนโยบาย " + code + " ซ้ำ"));
      }
      if (problems.size() == before) {
        clean.add(new Policy(code, name, indicator));
      }
    }
    if (!problems.isEmpty()) {
      throw new ImportException(ITEMS, problems);
    }
    return clean;
  }

  private static String text(Line line, Column column, String value, String label, int max, boolean required,
      List<Problem> problems) {
    try {
      return FormInput.text(value, label, max, required);
    } catch (UserInputException e) {
      problems.add(line.problem(column, e.getMessage()));
      return null;
    }
  }

  /** The header row and an example row, for the planner to fill. */
  static byte[] template() {
    try (XlsxWriter xlsx = new XlsxWriter()) {
      xlsx.sheet("นโยบาย", Column.CODE.header(), Column.NAME.header(), Column.INDICATOR.header())
          .row("P01", "ความปลอดภัยของผู้เรียน ครู และบุคลากรทางการศึกษา", "ร้อยละของสถานศึกษาที่มีระบบดูแลความปลอดภัย");
      return xlsx.toBytes();
    }
  }

  private void save(int fiscalYear, List<Policy> clean) {
    jdbc.update("delete from policy where office_code = ? and fiscal_year = ?", officeCode, fiscalYear);
    for (int i = 0; i < clean.size(); i++) {
      Policy p = clean.get(i);
      jdbc.update("insert into policy (office_code, fiscal_year, code, name_th, indicator_th, sort_order) values (?, ?, ?, ?, ?, ?)",
          officeCode, fiscalYear, p.code(), p.name(), p.indicator(), i + 1);
    }
  }
}
