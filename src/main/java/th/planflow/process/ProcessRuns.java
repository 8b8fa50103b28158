package th.planflow.process;

import java.sql.Timestamp;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import th.planflow.calendar.PlanflowClock;
import th.planflow.office.OfficeProperties;

/** The record of which duty has been started for which fiscal year in this office. */
@Repository
public class ProcessRuns {

  private final JdbcTemplate jdbc;
  private final String officeCode;
  private final PlanflowClock clock;

  public ProcessRuns(JdbcTemplate jdbc, OfficeProperties office, PlanflowClock clock) {
    this.jdbc = jdbc;
    this.officeCode = office.code();
    this.clock = clock;
  }

  public boolean exists(String processKey, int fiscalYear) {
    Integer n = jdbc.queryForObject(
        "select count(*) from process_run where office_code = ? and process_key = ? and fiscal_year = ?",
        Integer.class, officeCode, processKey, fiscalYear);
    return n != null && n > 0;
  }

  /** Inserts the run; the primary key makes a concurrent second start fail. */
  public void record(String processKey, int fiscalYear, String businessKey, String processInstanceId, String startedBy) {
    jdbc.update("insert into process_run (office_code, process_key, fiscal_year, business_key, process_instance_id, started_by, started_at)"
            + " values (?, ?, ?, ?, ?, ?, ?)",
        officeCode, processKey, fiscalYear, businessKey, processInstanceId, startedBy, Timestamp.from(clock.now()));
  }

  /** A cancelled run may be started again. */
  public void forget(String processInstanceId) {
    jdbc.update("delete from process_run where office_code = ? and process_instance_id = ?", officeCode, processInstanceId);
  }
}
