package th.planflow.strategy;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import th.planflow.calendar.PlanflowClock;
import th.planflow.office.OfficeProperties;
import th.planflow.strategy.StrategyRecords.Appointment;
import th.planflow.strategy.StrategyRecords.Briefing;
import th.planflow.strategy.StrategyRecords.Meeting;
import th.planflow.strategy.StrategyRecords.Member;
import th.planflow.strategy.StrategyRecords.OrderStatus;
import th.planflow.strategy.StrategyRecords.Plan;
import th.planflow.strategy.StrategyRecords.Report;
import th.planflow.strategy.StrategyRecords.ReportStatus;
import th.planflow.strategy.StrategyRecords.Summary;

/**
 * The duty's tables (V10), always for this office. Each step's save replaces what the step saved
 * before for the year, so a restarted year starts clean; callers run each save in one transaction.
 */
@Repository
class StrategyRepository {

  private final JdbcTemplate jdbc;
  private final PlanflowClock clock;
  private final String office;

  StrategyRepository(JdbcTemplate jdbc, PlanflowClock clock, OfficeProperties office) {
    this.jdbc = jdbc;
    this.clock = clock;
    this.office = office.code();
  }

  private Timestamp now() {
    return Timestamp.from(clock.now());
  }

  // --- January: plan and items

  /** Replaces the year's plan and items; reports of an earlier run of the year go with them. */
  void saveStudy(int year, Plan plan, List<StrategyItem> items, String by) {
    jdbc.update("delete from strategy_report where office_code = ? and fiscal_year = ?", office, year);
    jdbc.update("delete from strategy_item where office_code = ? and fiscal_year = ?", office, year);
    jdbc.update("delete from strategy_plan where office_code = ? and fiscal_year = ?", office, year);
    jdbc.update("insert into strategy_plan (office_code, fiscal_year, plan_name_th, study_note, studied_by, studied_at)"
        + " values (?, ?, ?, ?, ?, ?)", office, year, plan.nameTh(), plan.studyNote(), by, now());
    List<Object[]> rows = new ArrayList<>();
    for (int i = 0; i < items.size(); i++) {
      StrategyItem item = items.get(i);
      rows.add(new Object[] {office, year, item.code(), i + 1, item.nameTh(), item.target(), item.unitTh(),
          item.projectsTh(), item.responsibleUserId()});
    }
    jdbc.batchUpdate("insert into strategy_item (office_code, fiscal_year, code, ord, name_th, target_value, unit_th,"
        + " projects_th, responsible_user_id) values (?, ?, ?, ?, ?, ?, ?, ?, ?)", rows);
  }

  Optional<Plan> plan(int year) {
    return jdbc.query("select plan_name_th, study_note from strategy_plan where office_code = ? and fiscal_year = ?",
        (rs, i) -> new Plan(rs.getString(1), rs.getString(2)), office, year).stream().findFirst();
  }

  List<StrategyItem> items(int year) {
    return jdbc.query("select code, name_th, target_value, unit_th, projects_th, responsible_user_id from strategy_item"
            + " where office_code = ? and fiscal_year = ? order by ord",
        (rs, i) -> new StrategyItem(rs.getString(1), rs.getString(2), rs.getBigDecimal(3), rs.getString(4),
            rs.getString(5), rs.getString(6)), office, year);
  }

  void assign(int year, Map<String, String> responsibleByCode) {
    responsibleByCode.forEach((code, user) -> jdbc.update("update strategy_item set responsible_user_id = ?"
        + " where office_code = ? and fiscal_year = ? and code = ?", user, office, year, code));
  }

  // --- February: briefing

  void saveBriefing(int year, Briefing briefing, String by) {
    jdbc.update("delete from strategy_briefing where office_code = ? and fiscal_year = ?", office, year);
    jdbc.update("insert into strategy_briefing (office_code, fiscal_year, briefing_date, place_th, guidance_th,"
            + " schedule_th, recorded_by, recorded_at) values (?, ?, ?, ?, ?, ?, ?, ?)",
        office, year, briefing.date(), briefing.placeTh(), briefing.guidanceTh(), briefing.scheduleTh(), by, now());
  }

  Optional<Briefing> briefing(int year) {
    return jdbc.query("select briefing_date, place_th, guidance_th, schedule_th from strategy_briefing"
            + " where office_code = ? and fiscal_year = ?",
        (rs, i) -> new Briefing(rs.getObject(1, LocalDate.class), rs.getString(2), rs.getString(3), rs.getString(4)),
        office, year).stream().findFirst();
  }

  // --- March: appointment order and working group

  /** Replaces the draft order and its working group. */
  void saveAppointment(int year, String orderNo, LocalDate orderDate, List<Member> members, String by) {
    jdbc.update("delete from strategy_working_group_member where office_code = ? and fiscal_year = ?", office, year);
    jdbc.update("delete from strategy_appointment where office_code = ? and fiscal_year = ?", office, year);
    jdbc.update("insert into strategy_appointment (office_code, fiscal_year, order_no, order_date, status, prepared_by,"
        + " prepared_at) values (?, ?, ?, ?, ?, ?, ?)", office, year, orderNo, orderDate, OrderStatus.DRAFT.name(), by, now());
    List<Object[]> rows = new ArrayList<>();
    for (int i = 0; i < members.size(); i++) {
      Member m = members.get(i);
      rows.add(new Object[] {office, year, i + 1, m.person().userId(), m.person().nameTh(), m.roleTh()});
    }
    jdbc.batchUpdate("insert into strategy_working_group_member (office_code, fiscal_year, ord, user_id, name_th, role_th)"
        + " values (?, ?, ?, ?, ?, ?)", rows);
  }

  Optional<Appointment> appointment(int year) {
    return jdbc.query("select order_no, order_date, status, approved_at from strategy_appointment"
            + " where office_code = ? and fiscal_year = ?",
        (rs, i) -> new Appointment(rs.getString(1), rs.getObject(2, LocalDate.class), OrderStatus.valueOf(rs.getString(3)),
            instant(rs, 4)), office, year).stream().findFirst();
  }

  List<Member> members(int year) {
    return jdbc.query("select user_id, name_th, role_th from strategy_working_group_member"
            + " where office_code = ? and fiscal_year = ? order by ord",
        (rs, i) -> new Member(new Person(rs.getString(1), rs.getString(2)), rs.getString(3)), office, year);
  }

  boolean approveAppointment(int year) {
    return jdbc.update("update strategy_appointment set status = ?, approved_at = ? where office_code = ?"
        + " and fiscal_year = ? and status = ?", OrderStatus.APPROVED.name(), now(), office, year, OrderStatus.DRAFT.name()) == 1;
  }

  // --- March: meeting

  void saveMeeting(int year, Meeting meeting, List<Person> attendees, String by) {
    jdbc.update("delete from strategy_meeting_attendee where office_code = ? and fiscal_year = ?", office, year);
    jdbc.update("delete from strategy_meeting where office_code = ? and fiscal_year = ?", office, year);
    jdbc.update("insert into strategy_meeting (office_code, fiscal_year, meeting_date, agenda_th, minutes_th, recorded_by,"
        + " recorded_at) values (?, ?, ?, ?, ?, ?, ?)", office, year, meeting.date(), meeting.agendaTh(), meeting.minutesTh(), by, now());
    List<Object[]> rows = new ArrayList<>();
    for (int i = 0; i < attendees.size(); i++) {
      rows.add(new Object[] {office, year, i + 1, attendees.get(i).userId(), attendees.get(i).nameTh()});
    }
    jdbc.batchUpdate("insert into strategy_meeting_attendee (office_code, fiscal_year, ord, user_id, name_th)"
        + " values (?, ?, ?, ?, ?)", rows);
  }

  Optional<Meeting> meeting(int year) {
    return jdbc.query("select meeting_date, agenda_th, minutes_th from strategy_meeting where office_code = ? and fiscal_year = ?",
        (rs, i) -> new Meeting(rs.getObject(1, LocalDate.class), rs.getString(2), rs.getString(3)), office, year)
        .stream().findFirst();
  }

  List<Person> attendees(int year) {
    return jdbc.query("select user_id, name_th from strategy_meeting_attendee where office_code = ? and fiscal_year = ?"
        + " order by ord", (rs, i) -> new Person(rs.getString(1), rs.getString(2)), office, year);
  }

  // --- July: reports

  /** Saves an item's report as submitted (again, after a correction). */
  void saveReport(int year, Report r) {
    Timestamp now = now();
    int updated = jdbc.update("update strategy_report set result_value = ?, result_th = ?, budget_used = ?, problems_th = ?,"
            + " suggestions_th = ?, status = ?, late = ?, reported_by = ?, reported_at = ?, approved_at = null"
            + " where office_code = ? and fiscal_year = ? and item_code = ?",
        r.resultValue(), r.resultTh(), r.budgetUsed(), r.problemsTh(), r.suggestionsTh(), ReportStatus.SUBMITTED.name(),
        r.late(), r.reportedBy(), now, office, year, r.itemCode());
    if (updated == 0) {
      jdbc.update("insert into strategy_report (office_code, fiscal_year, item_code, result_value, result_th, budget_used,"
              + " problems_th, suggestions_th, status, late, reported_by, reported_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
          office, year, r.itemCode(), r.resultValue(), r.resultTh(), r.budgetUsed(), r.problemsTh(), r.suggestionsTh(),
          ReportStatus.SUBMITTED.name(), r.late(), r.reportedBy(), now);
    }
  }

  Optional<Report> report(int year, String itemCode) {
    return jdbc.query(REPORT_SELECT + " and item_code = ?", this::report, office, year, itemCode).stream().findFirst();
  }

  List<Report> reports(int year) {
    return jdbc.query(REPORT_SELECT + " order by item_code", this::report, office, year);
  }

  /** Approved by the reviewer; {@code late} adds a missed review due date to the report's own lateness. */
  void approveReport(int year, String itemCode, boolean late) {
    jdbc.update("update strategy_report set status = ?, approved_at = ?, late = (late or ?) where office_code = ?"
        + " and fiscal_year = ? and item_code = ?", ReportStatus.APPROVED.name(), now(), late, office, year, itemCode);
  }

  private static final String REPORT_SELECT = "select item_code, result_value, result_th, budget_used, problems_th,"
      + " suggestions_th, status, late, reported_by, reported_at from strategy_report where office_code = ? and fiscal_year = ?";

  private Report report(ResultSet rs, int row) throws SQLException {
    return new Report(rs.getString(1), rs.getBigDecimal(2), rs.getString(3), rs.getBigDecimal(4), rs.getString(5),
        rs.getString(6), ReportStatus.valueOf(rs.getString(7)), rs.getBoolean(8), rs.getString(9), instant(rs, 10));
  }

  // --- September: summary

  void saveSummary(int year, String overall, String problems, String suggestions, String by) {
    jdbc.update("delete from strategy_summary where office_code = ? and fiscal_year = ?", office, year);
    jdbc.update("insert into strategy_summary (office_code, fiscal_year, overall_th, problems_th, suggestions_th,"
        + " summarized_by, summarized_at) values (?, ?, ?, ?, ?, ?, ?)", office, year, overall, problems, suggestions, by, now());
  }

  boolean acknowledgeSummary(int year, String by, String comment) {
    return jdbc.update("update strategy_summary set acknowledged_by = ?, acknowledged_at = ?, director_comment_th = ?"
        + " where office_code = ? and fiscal_year = ?", by, now(), comment, office, year) == 1;
  }

  Optional<Summary> summary(int year) {
    return jdbc.query("select overall_th, problems_th, suggestions_th, summarized_by, acknowledged_by, acknowledged_at,"
            + " director_comment_th from strategy_summary where office_code = ? and fiscal_year = ?",
        (rs, i) -> new Summary(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
            instant(rs, 6), rs.getString(7)), office, year).stream().findFirst();
  }

  private static Instant instant(ResultSet rs, int column) throws SQLException {
    Timestamp t = rs.getTimestamp(column);
    return t == null ? null : t.toInstant();
  }
}
