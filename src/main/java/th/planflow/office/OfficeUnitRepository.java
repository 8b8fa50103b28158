package th.planflow.office;

import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;
import th.planflow.calendar.PlanflowClock;

/** The office's units (table office_unit) for this installation's office. */
@Repository
public class OfficeUnitRepository {

  private static final RowMapper<OfficeUnit> ROW = (rs, i) -> new OfficeUnit(rs.getString("code"),
      rs.getString("name_th"), rs.getString("head_user_id"), rs.getInt("sort_order"), rs.getBoolean("active"));
  private static final String COLUMNS = "code, name_th, head_user_id, sort_order, active";

  private final JdbcTemplate jdbc;
  private final String officeCode;
  private final PlanflowClock clock;

  public OfficeUnitRepository(JdbcTemplate jdbc, OfficeProperties office, PlanflowClock clock) {
    this.jdbc = jdbc;
    this.officeCode = office.code();
    this.clock = clock;
  }

  /** Every unit, active ones first, in the office's order. */
  public List<OfficeUnit> findAll() {
    return jdbc.query("select " + COLUMNS + " from office_unit where office_code = ? order by active desc, sort_order, code",
        ROW, officeCode);
  }

  public List<OfficeUnit> findActive() {
    return jdbc.query("select " + COLUMNS + " from office_unit where office_code = ? and active = ? order by sort_order, code",
        ROW, officeCode, true);
  }

  public Optional<OfficeUnit> find(String code) {
    return jdbc.query("select " + COLUMNS + " from office_unit where office_code = ? and code = ?", ROW, officeCode, code)
        .stream().findFirst();
  }

  /**
   * The active unit a person means by {@code text}: its code, its Thai name, or the name without
   * "กลุ่ม" / "หน่วย" (spaces and case ignored).
   */
  public Optional<OfficeUnit> findByCodeOrName(String text) {
    if (text == null || text.isBlank()) {
      return Optional.empty();
    }
    String wanted = normalise(text);
    return findActive().stream()
        .filter(u -> normalise(u.code()).equals(wanted) || normalise(u.nameTh()).equals(wanted)
            || normalise(u.shortName()).equals(wanted))
        .findFirst();
  }

  public boolean isEmpty() {
    Integer n = jdbc.queryForObject("select count(*) from office_unit where office_code = ?", Integer.class, officeCode);
    return n == null || n == 0;
  }

  /** Creates or updates a unit. */
  public void save(OfficeUnit unit, String updatedBy) {
    Timestamp now = Timestamp.from(clock.now());
    int updated = jdbc.update("update office_unit set name_th = ?, head_user_id = ?, sort_order = ?, active = ?,"
            + " updated_by = ?, updated_at = ? where office_code = ? and code = ?",
        unit.nameTh(), unit.headUserId(), unit.sortOrder(), unit.active(), updatedBy, now, officeCode, unit.code());
    if (updated == 0) {
      jdbc.update("insert into office_unit (office_code, code, name_th, head_user_id, sort_order, active, updated_by, updated_at)"
              + " values (?, ?, ?, ?, ?, ?, ?, ?)",
          officeCode, unit.code(), unit.nameTh(), unit.headUserId(), unit.sortOrder(), unit.active(), updatedBy, now);
    }
  }

  static String normalise(String text) {
    return text.replaceAll("\\s+", "").toLowerCase(java.util.Locale.ROOT);
  }
}
