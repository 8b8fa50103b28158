package th.planflow.calendar;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import th.planflow.office.OfficeProperties;

/** The plan officer's per-year due dates of steps (OBEC and NESDC move dates every year). */
@Repository
public class DueDateOverrides {

  public record Override(String processKey, String stepKey, int fiscalYear, LocalDate dueDate, String note,
      String updatedBy) {
  }

  private final JdbcTemplate jdbc;
  private final PlanflowClock clock;
  private final String officeCode;

  public DueDateOverrides(JdbcTemplate jdbc, PlanflowClock clock, OfficeProperties office) {
    this.jdbc = jdbc;
    this.clock = clock;
    this.officeCode = office.code();
  }

  public List<Override> ofYear(int fiscalYear) {
    return jdbc.query("select process_key, step_key, fiscal_year, due_date, note, updated_by from due_date_override"
            + " where office_code = ? and fiscal_year = ? order by due_date, process_key, step_key",
        (rs, i) -> new Override(rs.getString(1), rs.getString(2), rs.getInt(3), rs.getObject(4, LocalDate.class),
            rs.getString(5), rs.getString(6)), officeCode, fiscalYear);
  }

  public void save(Override o) {
    TransactionMemo.forget();
    Timestamp now = Timestamp.from(clock.now());
    int updated = jdbc.update("update due_date_override set due_date = ?, note = ?, updated_by = ?, updated_at = ?"
            + " where office_code = ? and process_key = ? and step_key = ? and fiscal_year = ?",
        o.dueDate(), o.note(), o.updatedBy(), now, officeCode, o.processKey(), o.stepKey(), o.fiscalYear());
    if (updated == 0) {
      jdbc.update("insert into due_date_override (office_code, process_key, step_key, fiscal_year, due_date, note,"
              + " updated_by, updated_at) values (?, ?, ?, ?, ?, ?, ?, ?)",
          officeCode, o.processKey(), o.stepKey(), o.fiscalYear(), o.dueDate(), o.note(), o.updatedBy(), now);
    }
  }

  public boolean delete(String processKey, String stepKey, int fiscalYear) {
    TransactionMemo.forget();
    return jdbc.update("delete from due_date_override where office_code = ? and process_key = ? and step_key = ?"
        + " and fiscal_year = ?", officeCode, processKey, stepKey, fiscalYear) > 0;
  }
}
