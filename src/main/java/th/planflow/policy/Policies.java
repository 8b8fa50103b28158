package th.planflow.policy;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;
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

  /**
   * Replaces the year's list, all or nothing: any bad row and nothing changes; the Thai message lists
   * every problem with its row number.
   */
  @Transactional
  public void replace(int fiscalYear, List<Policy> rows) {
    List<String> problems = new ArrayList<>();
    Set<String> codes = new HashSet<>();
    List<Policy> clean = new ArrayList<>();
    if (rows == null || rows.isEmpty()) {
      throw new UserInputException("กรุณาระบุรายการนโยบายอย่างน้อย 1 รายการ");
    }
    for (int i = 0; i < rows.size(); i++) {
      Policy row = rows.get(i);
      String where = "แถวที่ " + (i + 1) + ": ";
      try {
        String code = FormInput.text(row.code(), "รหัสนโยบาย", 32, true);
        String name = FormInput.text(row.name(), "ชื่อนโยบาย", 1000, true);
        String indicator = FormInput.text(row.indicator(), "ตัวชี้วัด", 2000, false);
        if (!codes.add(code)) {
          problems.add(where + "รหัสนโยบาย " + code + " ซ้ำ");
        }
        clean.add(new Policy(code, name, indicator));
      } catch (UserInputException e) {
        problems.add(where + e.getMessage());
      }
    }
    if (!problems.isEmpty()) {
      throw new UserInputException("นำเข้าไม่สำเร็จ ไม่มีการบันทึกข้อมูล: " + String.join("; ", problems));
    }
    jdbc.update("delete from policy where office_code = ? and fiscal_year = ?", officeCode, fiscalYear);
    for (int i = 0; i < clean.size(); i++) {
      Policy p = clean.get(i);
      jdbc.update("insert into policy (office_code, fiscal_year, code, name_th, indicator_th, sort_order) values (?, ?, ?, ?, ?, ?)",
          officeCode, fiscalYear, p.code(), p.name(), p.indicator(), i + 1);
    }
  }
}
