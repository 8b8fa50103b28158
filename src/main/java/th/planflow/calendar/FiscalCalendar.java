package th.planflow.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import th.planflow.office.OfficeProperties;

/**
 * The one place that turns the manual's timeline into dates: working days, due dates of steps and
 * the plan officer's per-year overrides.
 */
@Service
public class FiscalCalendar {

  private final JdbcTemplate jdbc;
  private final String officeCode;

  public FiscalCalendar(JdbcTemplate jdbc, OfficeProperties office) {
    this.jdbc = jdbc;
    this.officeCode = office.code();
  }

  public boolean isWorkingDay(LocalDate date) {
    DayOfWeek dow = date.getDayOfWeek();
    if (dow == DayOfWeek.SATURDAY || dow == DayOfWeek.SUNDAY) {
      return false;
    }
    Integer holidays = TransactionMemo.get("holiday:" + date, () -> jdbc.queryForObject(
        "select count(*) from holiday where holiday_date = ? and office_code in ('ALL', ?)",
        Integer.class, date, officeCode));
    return holidays == null || holidays == 0;
  }

  /** The date itself when it is a working day, else the working day before it. */
  public LocalDate workingDayOnOrBefore(LocalDate date) {
    LocalDate d = date;
    while (!isWorkingDay(d)) {
      d = d.minusDays(1);
    }
    return d;
  }

  public LocalDate lastWorkingDayOf(YearMonth month) {
    return workingDayOnOrBefore(month.atEndOfMonth());
  }

  /**
   * Due date of a step of a fiscal year: the plan officer's override if there is one, else the last
   * working day of the step's month, or the working day on or before its fixed day.
   */
  public LocalDate dueDate(String processKey, String stepKey, FiscalYear year, StepDue due) {
    return override(processKey, stepKey, year).orElseGet(() -> defaultDueDate(year, due));
  }

  public LocalDate defaultDueDate(FiscalYear year, StepDue due) {
    if (due.isRelativeToCreation()) {
      throw new IllegalArgumentException("a due date relative to task creation has no calendar date");
    }
    if (due.isFixedDate()) {
      return due.date(); // set by OBEC or the planner: kept as given, even on a holiday
    }
    YearMonth month = YearMonth.of(year.christianYearOfMonth(due.month(), due.afterYearEnd()), due.month());
    if (due.day() == null) {
      return lastWorkingDayOf(month);
    }
    return workingDayOnOrBefore(month.atDay(Math.min(due.day(), month.lengthOfMonth())));
  }

  public Optional<LocalDate> override(String processKey, String stepKey, FiscalYear year) {
    return TransactionMemo.get("override:" + processKey + "/" + stepKey + "/" + year.buddhistYear(), () -> jdbc.query(
        "select due_date from due_date_override where office_code = ? and process_key = ? and step_key = ? and fiscal_year = ?",
        (rs, i) -> rs.getObject(1, LocalDate.class),
        officeCode, processKey, stepKey, year.buddhistYear()).stream().findFirst());
  }
}
