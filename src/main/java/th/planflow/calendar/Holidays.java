package th.planflow.calendar;

import java.time.LocalDate;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import th.planflow.office.OfficeProperties;

/** Non-working days: national holidays (office 'ALL') and the office's own. */
@Repository
public class Holidays {

  public record Holiday(LocalDate date, String nameTh, boolean national) {
  }

  private final JdbcTemplate jdbc;
  private final FiscalCalendar calendar;
  private final String officeCode;

  public Holidays(JdbcTemplate jdbc, FiscalCalendar calendar, OfficeProperties office) {
    this.jdbc = jdbc;
    this.calendar = calendar;
    this.officeCode = office.code();
  }

  public List<Holiday> between(LocalDate from, LocalDate to) {
    return jdbc.query("select holiday_date, name_th, office_code from holiday where office_code in ('ALL', ?)"
            + " and holiday_date between ? and ? order by holiday_date",
        (rs, i) -> new Holiday(rs.getObject(1, LocalDate.class), rs.getString(2), "ALL".equals(rs.getString(3))),
        officeCode, from, to);
  }

  /** Adds or renames one of the office's holidays. */
  public void save(LocalDate date, String nameTh) {
    if (jdbc.update("update holiday set name_th = ? where office_code = ? and holiday_date = ?", nameTh, officeCode, date) == 0) {
      jdbc.update("insert into holiday (office_code, holiday_date, name_th) values (?, ?, ?)", officeCode, date, nameTh);
    }
    calendar.forgetHolidays();
  }

  public boolean delete(LocalDate date) {
    boolean deleted = jdbc.update("delete from holiday where office_code = ? and holiday_date = ?", officeCode, date) > 0;
    calendar.forgetHolidays();
    return deleted;
  }
}
