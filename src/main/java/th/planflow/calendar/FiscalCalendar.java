package th.planflow.calendar;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.stereotype.Service;
import th.planflow.office.OfficeProperties;

/**
 * The one place that turns the manual's timeline into dates: working days, due dates of steps and
 * the plan officer's per-year overrides.
 */
@Service
public class FiscalCalendar {

  /**
   * How long this node keeps the holidays it read. Every task with a deadline asks (every school's report does,
   * for its reviewer's due date), while holidays change a few times a year; a change made on this node counts
   * at once, one made on another node of a cluster within this time.
   */
  static final Duration HOLIDAYS_KEPT = Duration.ofMinutes(1);

  private final JdbcTemplate jdbc;
  private final String officeCode;
  private volatile KnownHolidays known;

  private record KnownHolidays(Set<LocalDate> dates, long readAtNanos) {
  }

  public FiscalCalendar(JdbcTemplate jdbc, OfficeProperties office) {
    this.jdbc = jdbc;
    this.officeCode = office.code();
  }

  public boolean isWorkingDay(LocalDate date) {
    DayOfWeek dow = date.getDayOfWeek();
    if (dow == DayOfWeek.SATURDAY || dow == DayOfWeek.SUNDAY) {
      return false;
    }
    return !holidays().contains(date);
  }

  /** The national holidays and the office's own, all years (a few hundred dates). */
  private Set<LocalDate> holidays() {
    KnownHolidays current = known;
    if (current == null || System.nanoTime() - current.readAtNanos() > HOLIDAYS_KEPT.toNanos()) {
      long readAt = System.nanoTime();
      current = new KnownHolidays(Set.copyOf(jdbc.queryForList(
          "select holiday_date from holiday where office_code in ('ALL', ?)", LocalDate.class, officeCode)), readAt);
      known = current;
    }
    return current.dates();
  }

  /**
   * Holidays were changed: read them again now (the changing transaction sees its own change) and once more
   * when that transaction ends, so neither a rolled-back change nor the state before the commit is kept.
   */
  void forgetHolidays() {
    known = null;
    if (TransactionSynchronizationManager.isSynchronizationActive()) {
      TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
        @Override
        public void afterCompletion(int status) {
          known = null;
        }
      });
    }
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
