package th.planflow.mesystem;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import th.planflow.office.OfficeProperties;

/** What the plan officer recorded at each step: findings, notes, references, the framework, the findings. */
@Repository
public class MeStudyNotes {

  public static final String CURRENT_STATE = "CURRENT_STATE";
  public static final String KNOWLEDGE = "KNOWLEDGE";
  public static final String FRAMEWORK = "FRAMEWORK";
  public static final String REPORT = "REPORT";

  public record Note(String step, String notes, String references, String recordedBy, Instant recordedAt) {
  }

  private final JdbcTemplate jdbc;
  private final String officeCode;

  MeStudyNotes(JdbcTemplate jdbc, OfficeProperties office) {
    this.jdbc = jdbc;
    this.officeCode = office.code();
  }

  public void save(int fiscalYear, String step, String notes, String references, String user, Instant at) {
    int updated = jdbc.update("update me_study_note set notes_th = ?, refs_th = ?, recorded_by = ?, recorded_at = ?"
        + " where office_code = ? and fiscal_year = ? and step = ?", notes, references, user, Timestamp.from(at),
        officeCode, fiscalYear, step);
    if (updated == 0) {
      jdbc.update("insert into me_study_note (office_code, fiscal_year, step, notes_th, refs_th, recorded_by, recorded_at)"
          + " values (?, ?, ?, ?, ?, ?, ?)", officeCode, fiscalYear, step, notes, references, user, Timestamp.from(at));
    }
  }

  public Optional<Note> find(int fiscalYear, String step) {
    return jdbc.query("select step, notes_th, refs_th, recorded_by, recorded_at from me_study_note"
            + " where office_code = ? and fiscal_year = ? and step = ?",
        (rs, i) -> new Note(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
            rs.getTimestamp(5).toInstant()), officeCode, fiscalYear, step).stream().findFirst();
  }

  public void deleteYear(int fiscalYear) {
    jdbc.update("delete from me_study_note where office_code = ? and fiscal_year = ?", officeCode, fiscalYear);
  }
}
