package th.planflow.project;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;
import th.planflow.office.OfficeProperties;

/** The rows of the project duty: projects, their links, periods, quarterly reports, briefing, summary. */
@Repository
public class Projects {

  public enum ProjectStatus {
    REGISTERED("ยังไม่ได้กรอกข้อมูล"), SUBMITTED("ส่งแล้ว รอตรวจสอบ"), RETURNED("ส่งกลับแก้ไข"),
    APPROVED("ตรวจสอบครบถ้วนแล้ว"), NOT_ENTERED("ไม่ได้นำเข้าข้อมูล");

    private final String thai;

    ProjectStatus(String thai) {
      this.thai = thai;
    }

    public String thai() {
      return thai;
    }
  }

  public enum ReportStatus {
    PENDING("ยังไม่ได้รายงาน"), SUBMITTED("ส่งแล้ว รอตรวจสอบ"), RETURNED("ส่งกลับแก้ไข"), APPROVED("รายงานแล้ว"),
    NOT_REPORTED("ไม่ได้รายงาน");

    private final String thai;

    ReportStatus(String thai) {
      this.thai = thai;
    }

    public String thai() {
      return thai;
    }

    public boolean reported() {
      return this == SUBMITTED || this == APPROVED;
    }
  }

  public enum BudgetSource {
    GOVERNMENT("งบประมาณแผ่นดิน"), OFF_BUDGET("เงินนอกงบประมาณ"), OFFICE_INCOME("เงินรายได้ของหน่วยงาน"),
    OTHER("แหล่งอื่น");

    private final String thai;

    BudgetSource(String thai) {
      this.thai = thai;
    }

    public String thai() {
      return thai;
    }
  }

  /** ENTRY (December) and the four quarters. */
  public enum PeriodStatus { OPEN, CLOSED }

  public record Project(long id, int fiscalYear, String code, String name, String owner, String rationale,
      String objectives, String outputTarget, String outcomeTarget, BigDecimal budget, BudgetSource budgetSource,
      LocalDate startsOn, LocalDate endsOn, ProjectStatus status, Instant submittedAt, boolean late, Instant approvedAt,
      String returnComment, Instant emenscrEnteredAt, String emenscrEnteredBy) {
  }

  public record Link(long projectId, PlanItems.PlanItem item) {
  }

  public record Report(long projectId, int quarter, ReportStatus status, BigDecimal progress, BigDecimal disbursed,
      String activities, String outputResult, String outcomeResult, String problems, String nextSteps,
      String dropReason, String submittedBy, Instant submittedAt, boolean late, Instant approvedAt,
      String returnComment, Instant emenscrEnteredAt, String emenscrEnteredBy) {
  }

  public record Period(int fiscalYear, String period, PeriodStatus status, Instant openedAt, Instant closedAt,
      String closedBy) {
  }

  public record Briefing(int fiscalYear, LocalDate meetingDate, String minutes, String attendees, int attendeeCount,
      String recordedBy) {
  }

  public record Summary(int fiscalYear, String overview, String problems, String suggestions, String status,
      String submittedBy, Instant submittedAt, Instant approvedAt) {
  }

  /** What the owner enters in December. */
  public record Entry(String name, String rationale, String objectives, String outputTarget, String outcomeTarget,
      BigDecimal budget, BudgetSource budgetSource, LocalDate startsOn, LocalDate endsOn) {
  }

  /** What the owner reports each quarter. */
  public record Progress(BigDecimal progress, BigDecimal disbursed, String activities, String outputResult,
      String outcomeResult, String problems, String nextSteps, String dropReason) {
  }

  private static final String PROJECT_COLUMNS = "id, fiscal_year, code, name_th, owner_id, rationale_th, objectives_th,"
      + " output_target_th, outcome_target_th, budget, budget_source, starts_on, ends_on, status, submitted_at, late,"
      + " approved_at, return_comment, emenscr_entered_at, emenscr_entered_by";
  private static final String REPORT_COLUMNS = "project_id, quarter, status, progress_pct, disbursed, activities_th,"
      + " output_result_th, outcome_result_th, problems_th, next_steps_th, drop_reason_th, submitted_by, submitted_at,"
      + " late, approved_at, return_comment, emenscr_entered_at, emenscr_entered_by";

  private final JdbcTemplate jdbc;
  private final String officeCode;

  public Projects(JdbcTemplate jdbc, OfficeProperties office) {
    this.jdbc = jdbc;
    this.officeCode = office.code();
  }

  // --- projects ---

  public long register(int fiscalYear, String name, String owner, String user, Instant now) {
    int next = jdbc.queryForList("select code from project where office_code = ? and fiscal_year = ?", String.class,
            officeCode, fiscalYear).stream()
        .map(c -> c.substring(c.lastIndexOf('-') + 1)).filter(s -> s.matches("\\d+")).mapToInt(Integer::parseInt)
        .max().orElse(0) + 1;
    String code = String.format("%d-%02d", fiscalYear, next);
    KeyHolder key = new GeneratedKeyHolder();
    jdbc.update(con -> {
      var ps = con.prepareStatement("insert into project (office_code, fiscal_year, code, name_th, owner_id, status,"
          + " registered_by, registered_at) values (?, ?, ?, ?, ?, 'REGISTERED', ?, ?)", new String[] {"id"});
      ps.setString(1, officeCode);
      ps.setInt(2, fiscalYear);
      ps.setString(3, code);
      ps.setString(4, name);
      ps.setString(5, owner);
      ps.setString(6, user);
      ps.setTimestamp(7, Timestamp.from(now));
      return ps;
    }, key);
    return key.getKey().longValue();
  }

  public void rename(long id, String name, String owner) {
    jdbc.update("update project set name_th = ?, owner_id = ? where id = ? and office_code = ?", name, owner, id, officeCode);
  }

  public void delete(long id) {
    jdbc.update("delete from project where id = ? and office_code = ?", id, officeCode);
  }

  public Optional<Project> find(long id) {
    return jdbc.query("select " + PROJECT_COLUMNS + " from project where id = ? and office_code = ?", Projects::project,
        id, officeCode).stream().findFirst();
  }

  public List<Project> ofYear(int fiscalYear) {
    return jdbc.query("select " + PROJECT_COLUMNS + " from project where office_code = ? and fiscal_year = ? order by code",
        Projects::project, officeCode, fiscalYear);
  }

  public List<Project> ofYear(int fiscalYear, ProjectStatus... statuses) {
    List<ProjectStatus> wanted = List.of(statuses);
    return ofYear(fiscalYear).stream().filter(p -> wanted.contains(p.status())).toList();
  }

  public void saveDetails(long id, Entry entry) {
    jdbc.update("update project set name_th = ?, rationale_th = ?, objectives_th = ?, output_target_th = ?,"
            + " outcome_target_th = ?, budget = ?, budget_source = ?, starts_on = ?, ends_on = ? where id = ? and office_code = ?",
        entry.name(), entry.rationale(), entry.objectives(), entry.outputTarget(), entry.outcomeTarget(), entry.budget(),
        entry.budgetSource() == null ? null : entry.budgetSource().name(), entry.startsOn(), entry.endsOn(), id, officeCode);
  }

  public void markSubmitted(long id, Instant at, boolean late) {
    jdbc.update("update project set status = 'SUBMITTED', submitted_at = ?, late = (late or ?), return_comment = null"
        + " where id = ?", Timestamp.from(at), late, id);
  }

  public void markApproved(long id, String by, Instant at) {
    jdbc.update("update project set status = 'APPROVED', approved_by = ?, approved_at = ? where id = ?", by,
        Timestamp.from(at), id);
  }

  public void markReturned(long id, String comment) {
    jdbc.update("update project set status = 'RETURNED', return_comment = ? where id = ?", comment, id);
  }

  /** Projects not entered when the entry step closed: REGISTERED and RETURNED become NOT_ENTERED. */
  public int markNotEntered(int fiscalYear) {
    return jdbc.update("update project set status = 'NOT_ENTERED' where office_code = ? and fiscal_year = ?"
        + " and status in ('REGISTERED', 'RETURNED')", officeCode, fiscalYear);
  }

  public void markEmenscr(long id, boolean entered, String by, Instant at) {
    jdbc.update("update project set emenscr_entered_at = ?, emenscr_entered_by = ? where id = ?",
        entered ? Timestamp.from(at) : null, entered ? by : null, id);
  }

  // --- links ---

  public void setLinks(long projectId, List<PlanItems.PlanItem> items) {
    jdbc.update("delete from project_link where project_id = ?", projectId);
    for (PlanItems.PlanItem item : items) {
      jdbc.update("insert into project_link (project_id, plan_item_id, office_code) values (?, ?, ?)", projectId,
          item.id(), officeCode);
    }
  }

  /** Links of one project, or of every project of a year when {@code projectId} is null. */
  public List<Link> links(Integer fiscalYear, Long projectId) {
    String where = projectId != null ? "l.project_id = ?" : "p.fiscal_year = ?";
    Object arg = projectId != null ? projectId : fiscalYear;
    return jdbc.query("select l.project_id, i.id, i.code, i.plan_level, i.kind, i.parent_code, i.name_th, i.target_th,"
            + " i.first_year, i.last_year, i.office_code from project_link l join project p on p.id = l.project_id"
            + " join plan_item i on i.id = l.plan_item_id where p.office_code = ? and " + where
            + " order by p.code, i.plan_level, i.sort_order, i.code",
        (rs, n) -> new Link(rs.getLong(1), new PlanItems.PlanItem(rs.getLong(2), rs.getString(3), rs.getInt(4),
            PlanKind.valueOf(rs.getString(5)), rs.getString(6), rs.getString(7), rs.getString(8),
            rs.getObject(9, Integer.class), rs.getObject(10, Integer.class), PlanItems.NATIONAL.equals(rs.getString(11)),
            false)),
        officeCode, arg);
  }

  // --- periods ---

  public void openPeriod(int fiscalYear, String period, Instant at) {
    if (period(fiscalYear, period).isEmpty()) {
      jdbc.update("insert into project_period (office_code, fiscal_year, period, status, opened_at) values (?, ?, ?, 'OPEN', ?)",
          officeCode, fiscalYear, period, Timestamp.from(at));
    } else {
      jdbc.update("update project_period set status = 'OPEN', opened_at = ?, closed_at = null, closed_by = null"
          + " where office_code = ? and fiscal_year = ? and period = ?", Timestamp.from(at), officeCode, fiscalYear, period);
    }
  }

  public void closePeriod(int fiscalYear, String period, String by, Instant at) {
    jdbc.update("update project_period set status = 'CLOSED', closed_at = ?, closed_by = ? where office_code = ?"
        + " and fiscal_year = ? and period = ?", Timestamp.from(at), by, officeCode, fiscalYear, period);
  }

  public Optional<Period> period(int fiscalYear, String period) {
    return periods(fiscalYear).stream().filter(p -> p.period().equals(period)).findFirst();
  }

  public List<Period> periods(int fiscalYear) {
    return jdbc.query("select fiscal_year, period, status, opened_at, closed_at, closed_by from project_period"
            + " where office_code = ? and fiscal_year = ? order by opened_at, period",
        (rs, n) -> new Period(rs.getInt(1), rs.getString(2), PeriodStatus.valueOf(rs.getString(3)), instant(rs, 4),
            instant(rs, 5), rs.getString(6)), officeCode, fiscalYear);
  }

  // --- quarterly reports ---

  public void createPending(long projectId, int quarter) {
    if (report(projectId, quarter).isEmpty()) {
      jdbc.update("insert into project_report (project_id, quarter, office_code, status) values (?, ?, ?, 'PENDING')",
          projectId, quarter, officeCode);
    }
  }

  public Optional<Report> report(long projectId, int quarter) {
    return jdbc.query("select " + REPORT_COLUMNS + " from project_report where project_id = ? and quarter = ?",
        Projects::report, projectId, quarter).stream().findFirst();
  }

  public List<Report> reports(long projectId) {
    return jdbc.query("select " + REPORT_COLUMNS + " from project_report where project_id = ? order by quarter",
        Projects::report, projectId);
  }

  public List<Report> reportsOfYear(int fiscalYear) {
    return jdbc.query("select r." + REPORT_COLUMNS.replace(", ", ", r.") + " from project_report r join project p"
            + " on p.id = r.project_id where p.office_code = ? and p.fiscal_year = ? order by p.code, r.quarter",
        Projects::report, officeCode, fiscalYear);
  }

  public void saveReport(long projectId, int quarter, Progress progress, String by, Instant at, boolean late) {
    jdbc.update("update project_report set status = 'SUBMITTED', progress_pct = ?, disbursed = ?, activities_th = ?,"
            + " output_result_th = ?, outcome_result_th = ?, problems_th = ?, next_steps_th = ?, drop_reason_th = ?,"
            + " submitted_by = ?, submitted_at = ?, late = (late or ?), return_comment = null"
            + " where project_id = ? and quarter = ?",
        progress.progress(), progress.disbursed(), progress.activities(), progress.outputResult(),
        progress.outcomeResult(), progress.problems(), progress.nextSteps(), progress.dropReason(), by,
        Timestamp.from(at), late, projectId, quarter);
  }

  public void approveReport(long projectId, int quarter, String by, Instant at) {
    jdbc.update("update project_report set status = 'APPROVED', approved_by = ?, approved_at = ? where project_id = ?"
        + " and quarter = ?", by, Timestamp.from(at), projectId, quarter);
  }

  public void returnReport(long projectId, int quarter, String comment) {
    jdbc.update("update project_report set status = 'RETURNED', return_comment = ? where project_id = ? and quarter = ?",
        comment, projectId, quarter);
  }

  public void markReportLate(long projectId, int quarter) {
    jdbc.update("update project_report set late = ? where project_id = ? and quarter = ?", true, projectId, quarter);
  }

  /** Reports not in when the quarter closed: PENDING and RETURNED become NOT_REPORTED. */
  public int markNotReported(int fiscalYear, int quarter) {
    return jdbc.update("update project_report set status = 'NOT_REPORTED' where quarter = ? and status in ('PENDING', 'RETURNED')"
        + " and project_id in (select id from project where office_code = ? and fiscal_year = ?)", quarter, officeCode,
        fiscalYear);
  }

  public void markReportEmenscr(long projectId, int quarter, boolean entered, String by, Instant at) {
    jdbc.update("update project_report set emenscr_entered_at = ?, emenscr_entered_by = ? where project_id = ? and quarter = ?",
        entered ? Timestamp.from(at) : null, entered ? by : null, projectId, quarter);
  }

  // --- briefing and summary ---

  public void saveBriefing(Briefing briefing, Instant at) {
    jdbc.update("delete from project_briefing where office_code = ? and fiscal_year = ?", officeCode, briefing.fiscalYear());
    jdbc.update("insert into project_briefing (office_code, fiscal_year, meeting_date, minutes_th, attendees_th, attendee_count,"
            + " recorded_by, recorded_at) values (?, ?, ?, ?, ?, ?, ?, ?)", officeCode, briefing.fiscalYear(),
        briefing.meetingDate(), briefing.minutes(), briefing.attendees(), briefing.attendeeCount(), briefing.recordedBy(),
        Timestamp.from(at));
  }

  public Optional<Briefing> briefing(int fiscalYear) {
    return jdbc.query("select fiscal_year, meeting_date, minutes_th, attendees_th, attendee_count, recorded_by"
            + " from project_briefing where office_code = ? and fiscal_year = ?",
        (rs, n) -> new Briefing(rs.getInt(1), rs.getObject(2, LocalDate.class), rs.getString(3), rs.getString(4),
            rs.getInt(5), rs.getString(6)), officeCode, fiscalYear).stream().findFirst();
  }

  public void saveSummary(int fiscalYear, String overview, String problems, String suggestions, String by, Instant at) {
    jdbc.update("delete from project_summary where office_code = ? and fiscal_year = ?", officeCode, fiscalYear);
    jdbc.update("insert into project_summary (office_code, fiscal_year, overview_th, problems_th, suggestions_th, status,"
            + " submitted_by, submitted_at) values (?, ?, ?, ?, ?, 'SUBMITTED', ?, ?)", officeCode, fiscalYear, overview,
        problems, suggestions, by, Timestamp.from(at));
  }

  public void setSummaryStatus(int fiscalYear, String status, Instant at) {
    jdbc.update("update project_summary set status = ?, approved_at = ? where office_code = ? and fiscal_year = ?", status,
        "APPROVED".equals(status) ? Timestamp.from(at) : null, officeCode, fiscalYear);
  }

  public Optional<Summary> summary(int fiscalYear) {
    return jdbc.query("select fiscal_year, overview_th, problems_th, suggestions_th, status, submitted_by, submitted_at,"
            + " approved_at from project_summary where office_code = ? and fiscal_year = ?",
        (rs, n) -> new Summary(rs.getInt(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
            rs.getString(6), instant(rs, 7), instant(rs, 8)), officeCode, fiscalYear).stream().findFirst();
  }

  /** Everything of a fiscal year (tests and a planner's reset of a cancelled year). */
  public void deleteYear(int fiscalYear) {
    jdbc.update("delete from project where office_code = ? and fiscal_year = ?", officeCode, fiscalYear);
    jdbc.update("delete from project_period where office_code = ? and fiscal_year = ?", officeCode, fiscalYear);
    jdbc.update("delete from project_briefing where office_code = ? and fiscal_year = ?", officeCode, fiscalYear);
    jdbc.update("delete from project_summary where office_code = ? and fiscal_year = ?", officeCode, fiscalYear);
  }

  private static Project project(ResultSet rs, int n) throws SQLException {
    String source = rs.getString(11);
    return new Project(rs.getLong(1), rs.getInt(2), rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6),
        rs.getString(7), rs.getString(8), rs.getString(9), rs.getBigDecimal(10),
        source == null ? null : BudgetSource.valueOf(source), rs.getObject(12, LocalDate.class),
        rs.getObject(13, LocalDate.class), ProjectStatus.valueOf(rs.getString(14)), instant(rs, 15), rs.getBoolean(16),
        instant(rs, 17), rs.getString(18), instant(rs, 19), rs.getString(20));
  }

  private static Report report(ResultSet rs, int n) throws SQLException {
    return new Report(rs.getLong(1), rs.getInt(2), ReportStatus.valueOf(rs.getString(3)), rs.getBigDecimal(4),
        rs.getBigDecimal(5), rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9), rs.getString(10),
        rs.getString(11), rs.getString(12), instant(rs, 13), rs.getBoolean(14), instant(rs, 15), rs.getString(16),
        instant(rs, 17), rs.getString(18));
  }

  private static Instant instant(ResultSet rs, int column) throws SQLException {
    Timestamp t = rs.getTimestamp(column);
    return t == null ? null : t.toInstant();
  }

  static List<Long> ids(List<Project> projects) {
    List<Long> ids = new ArrayList<>();
    projects.forEach(p -> ids.add(p.id()));
    return ids;
  }
}
