package th.planflow.policy;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import th.planflow.office.OfficeProperties;

/** Rounds, the reports expected in them and the results; completeness is counted from these rows. */
@Repository
public class PolicyRounds {

  public enum Audience { SCHOOLS, OFFICE, BOTH }

  public enum RoundStatus { OPEN, CLOSED }

  /** PENDING: not submitted yet; MISSING: the round closed without it. */
  public enum ReportStatus {
    PENDING("ยังไม่ส่ง"), SUBMITTED("ส่งแล้ว รอตรวจสอบ"), RETURNED("ส่งกลับให้แก้ไข"), APPROVED("อนุมัติแล้ว"),
    MISSING("ไม่ส่งรายงาน (ปิดรอบแล้ว)");

    private final String thai;

    ReportStatus(String thai) {
      this.thai = thai;
    }

    public String thai() {
      return thai;
    }
  }

  public static final String OFFICE_REPORTER = "OFFICE";

  public record Round(long id, int fiscalYear, String name, LocalDate opensOn, LocalDate dueOn, Audience audience,
      RoundStatus status, String processInstanceId) {
  }

  /** A reporter's report; network, contact and e-mail come from the school's master data. */
  public record Report(long roundId, String reporter, String reporterName, String district, ReportStatus status,
      String processInstanceId, Instant submittedAt, boolean late, LocalDate lastChasedOn, String network,
      String contactName, String email, String phone, String returnComment) {

    /** The status in Thai as every page shows it, late or not. */
    public String statusText() {
      return late ? status.thai() + " · ล่าช้า" : status.thai();
    }
  }

  public record Result(String reporter, String policyCode, String result, String problems, String suggestions) {
  }

  private final JdbcTemplate jdbc;
  private final String officeCode;

  public PolicyRounds(JdbcTemplate jdbc, OfficeProperties office) {
    this.jdbc = jdbc;
    this.officeCode = office.code();
  }

  public long create(int fiscalYear, String name, LocalDate opensOn, LocalDate dueOn, Audience audience,
      List<String> policyCodes, String openedBy, Instant now) {
    org.springframework.jdbc.support.KeyHolder key = new org.springframework.jdbc.support.GeneratedKeyHolder();
    jdbc.update(con -> {
      var ps = con.prepareStatement("insert into policy_round (office_code, fiscal_year, name_th, opens_on, due_on,"
          + " audience, status, opened_by, opened_at) values (?, ?, ?, ?, ?, ?, 'OPEN', ?, ?)", new String[] {"id"});
      ps.setString(1, officeCode);
      ps.setInt(2, fiscalYear);
      ps.setString(3, name);
      ps.setObject(4, opensOn);
      ps.setObject(5, dueOn);
      ps.setString(6, audience.name());
      ps.setString(7, openedBy);
      ps.setTimestamp(8, Timestamp.from(now));
      return ps;
    }, key);
    long id = key.getKey().longValue();
    for (String code : policyCodes) {
      jdbc.update("insert into policy_round_policy (round_id, office_code, policy_code) values (?, ?, ?)", id, officeCode,
          code);
    }
    if (audience != Audience.OFFICE) {
      jdbc.update("insert into policy_report (round_id, reporter, office_code, status) select ?, code, office_code, 'PENDING'"
          + " from school where office_code = ?", id, officeCode);
    }
    if (audience != Audience.SCHOOLS) {
      jdbc.update("insert into policy_report (round_id, reporter, office_code, status) values (?, ?, ?, 'PENDING')",
          id, OFFICE_REPORTER, officeCode);
    }
    return id;
  }

  public Optional<Round> find(long id) {
    return jdbc.query("select id, fiscal_year, name_th, opens_on, due_on, audience, status, process_instance_id"
            + " from policy_round where id = ? and office_code = ?",
        (rs, i) -> new Round(rs.getLong(1), rs.getInt(2), rs.getString(3), rs.getObject(4, LocalDate.class),
            rs.getObject(5, LocalDate.class), Audience.valueOf(rs.getString(6)), RoundStatus.valueOf(rs.getString(7)),
            rs.getString(8)), id, officeCode).stream().findFirst();
  }

  public List<Round> ofYear(int fiscalYear) {
    return jdbc.query("select id from policy_round where office_code = ? and fiscal_year = ? order by id",
        (rs, i) -> rs.getLong(1), officeCode, fiscalYear).stream().map(id -> find(id).orElseThrow()).toList();
  }

  public void setProcessInstance(long roundId, String processInstanceId) {
    jdbc.update("update policy_round set process_instance_id = ? where id = ? and office_code = ?", processInstanceId,
        roundId, officeCode);
  }

  public void close(long roundId, Instant now) {
    jdbc.update("update policy_round set status = 'CLOSED', closed_at = ? where id = ? and office_code = ?",
        Timestamp.from(now), roundId, officeCode);
  }

  /** A round's policies as the year's list has them (a policy removed from the list drops out); two parameters. */
  private static final String ROUND_POLICIES = " from policy_round_policy rp join policy_round r on r.id = rp.round_id"
      + " and r.office_code = rp.office_code"
      + " join policy p on p.office_code = r.office_code and p.fiscal_year = r.fiscal_year and p.code = rp.policy_code"
      + " where rp.round_id = ? and r.office_code = ?";

  public List<String> policyCodes(long roundId) {
    return jdbc.queryForList("select rp.policy_code" + ROUND_POLICIES + " order by p.sort_order", String.class, roundId,
        officeCode);
  }

  /** The round's policies with their names and indicators, in the list's order. */
  public List<Policies.Policy> policies(long roundId) {
    return jdbc.query("select p.code, p.name_th, p.indicator_th" + ROUND_POLICIES + " order by p.sort_order",
        (rs, i) -> new Policies.Policy(rs.getString(1), rs.getString(2), rs.getString(3)), roundId, officeCode);
  }

  /** The round's policies a reporter has no result for yet, in the policies' order. */
  public List<String> policiesWithoutResult(long roundId, String reporter) {
    return jdbc.queryForList("select rp.policy_code" + ROUND_POLICIES + " and not exists (select 1 from policy_result x"
        + " where x.round_id = rp.round_id and x.office_code = rp.office_code and x.reporter = ?"
        + " and x.policy_code = rp.policy_code) order by p.sort_order", String.class, roundId, officeCode, reporter);
  }

  /** A contiguous range of a round's reporters by code, both ends included; "first|last" as a process variable. */
  public record Lane(String first, String last) {
    public static Lane parse(String text) {
      String[] ends = text.split("\\|", 2);
      return new Lane(ends[0], ends[1]);
    }

    @Override
    public String toString() {
      return first + "|" + last;
    }
  }

  /** The reporters still without a task, split into at most {@code count} lanes of about equal size. */
  public List<Lane> lanes(long roundId, int count) {
    return jdbc.query("select min(reporter), max(reporter) from (select reporter, ntile(?) over (order by reporter) as lane"
        + " from policy_report where round_id = ? and office_code = ? and process_instance_id is null"
        + " and status = 'PENDING') t group by lane order by lane",
        (rs, i) -> new Lane(rs.getString(1), rs.getString(2)), count, roundId, officeCode);
  }

  /** Reporters of a lane whose report task has not been created yet, a bounded batch. */
  public List<String> withoutTask(long roundId, Lane lane, int limit) {
    // limited in SQL: a round of 30,000 schools is opened in 300 batches, each must not read them all
    return jdbc.queryForList("select reporter from policy_report where round_id = ? and office_code = ?"
        + " and reporter between ? and ? and process_instance_id is null and status = 'PENDING'"
        + " order by reporter fetch first ? rows only", String.class, roundId, officeCode, lane.first(), lane.last(), limit);
  }

  /** One reporter's row of a round, of this office only (round ids are global, rows carry office_code). */
  private static final String OF_REPORT = " where round_id = ? and reporter = ? and office_code = ?";

  public void setReportInstance(long roundId, String reporter, String processInstanceId) {
    setReportInstances(roundId, Map.of(reporter, processInstanceId));
  }

  /** Reporter to process instance id, one batch of statements. */
  public void setReportInstances(long roundId, Map<String, String> instances) {
    jdbc.batchUpdate("update policy_report set process_instance_id = ?" + OF_REPORT, instances.entrySet().stream()
        .map(e -> new Object[] {e.getValue(), roundId, e.getKey(), officeCode}).toList());
  }

  private static final String REPORT_SELECT = "select r.round_id, r.reporter, s.name_th, s.district_th, r.status,"
      + " r.process_instance_id, r.submitted_at, r.late, r.last_chased_on, s.network_th, s.contact_name, s.email,"
      + " s.phone, r.return_comment from policy_report r left join school s on s.office_code = r.office_code and s.code = r.reporter";
  private static final String REPORT_COLUMNS = REPORT_SELECT + " where r.round_id = ? and r.office_code = ?";

  private static Report report(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
    return new Report(rs.getLong(1), rs.getString(2),
        OFFICE_REPORTER.equals(rs.getString(2)) ? "สำนักงานเขตพื้นที่การศึกษา" : rs.getString(3),
        rs.getString(4), ReportStatus.valueOf(rs.getString(5)), rs.getString(6),
        rs.getTimestamp(7) == null ? null : rs.getTimestamp(7).toInstant(), rs.getBoolean(8),
        rs.getObject(9, LocalDate.class), rs.getString(10), rs.getString(11), rs.getString(12), rs.getString(13),
        rs.getString(14));
  }

  public List<Report> reports(long roundId) {
    return jdbc.query(REPORT_COLUMNS + " order by r.reporter", PolicyRounds::report, roundId, officeCode);
  }

  /** One reporter's row: a school's save and submit must not read the whole round. */
  public Optional<Report> report(long roundId, String reporter) {
    return jdbc.query(REPORT_COLUMNS + " and r.reporter = ?", PolicyRounds::report, roundId, officeCode, reporter)
        .stream().findFirst();
  }

  /**
   * The open user task of an instance by its BPMN id, from the engine's tables, only when it is offered to
   * {@code group} (a candidate group link).
   */
  public String openTaskOfferedTo(String taskTable, String identityLinkTable, String processInstanceId,
      String taskDefinitionKey, String group) {
    return jdbc.queryForList("select t.ID_ from " + taskTable + " t where t.PROC_INST_ID_ = ? and t.TASK_DEF_KEY_ = ?"
        + " and exists (select 1 from " + identityLinkTable + " l where l.TASK_ID_ = t.ID_ and l.TYPE_ = 'candidate'"
        + " and l.GROUP_ID_ = ?)", String.class, processInstanceId, taskDefinitionKey, group)
        .stream().findFirst().orElse(null);
  }

  /** The office's schools that are not reporters of a round (added to the office after it opened). */
  public List<String> schoolsNotInRound(long roundId) {
    return jdbc.queryForList("select s.code from school s where s.office_code = ? and not exists (select 1 from"
        + " policy_report r where r.round_id = ? and r.office_code = s.office_code and r.reporter = s.code)"
        + " order by s.code", String.class, officeCode, roundId);
  }

  public void addReporter(long roundId, String reporter) {
    jdbc.update("insert into policy_report (round_id, reporter, office_code, status) values (?, ?, ?, 'PENDING')",
        roundId, reporter, officeCode);
  }

  /** Every report of one reporter in this office, newest round first. */
  public List<Report> reportsOf(String reporter) {
    return jdbc.query(REPORT_SELECT + " join policy_round pr on pr.id = r.round_id and pr.office_code = r.office_code"
        + " where r.office_code = ? and r.reporter = ? order by pr.due_on desc, pr.id desc",
        PolicyRounds::report, officeCode, reporter);
  }

  public void setStatus(long roundId, String reporter, ReportStatus status) {
    jdbc.update("update policy_report set status = ?" + OF_REPORT, status.name(), roundId, reporter, officeCode);
  }

  public void markSubmitted(long roundId, String reporter, Instant at, boolean late) {
    jdbc.update("update policy_report set status = 'SUBMITTED', submitted_at = ?, late = (late or ?), return_comment = null"
        + OF_REPORT, Timestamp.from(at), late, roundId, reporter, officeCode);
  }

  public void markReturned(long roundId, String reporter, String comment) {
    jdbc.update("update policy_report set status = 'RETURNED', return_comment = ?" + OF_REPORT, comment, roundId,
        reporter, officeCode);
  }

  public void markApproved(long roundId, String reporter, Instant at) {
    jdbc.update("update policy_report set status = 'APPROVED', approved_at = ?" + OF_REPORT,
        Timestamp.from(at), roundId, reporter, officeCode);
  }

  public void markLate(long roundId, String reporter) {
    jdbc.update("update policy_report set late = ?" + OF_REPORT, true, roundId, reporter, officeCode);
  }

  public void markChased(long roundId, String reporter, LocalDate on) {
    jdbc.update("update policy_report set last_chased_on = ?, chase_count = chase_count + 1" + OF_REPORT,
        on, roundId, reporter, officeCode);
  }

  public void reopen(long roundId, String reporter, String processInstanceId, String reason, String by) {
    jdbc.update("update policy_report set status = 'PENDING', process_instance_id = ?, reopened_reason = ?, reopened_by = ?"
        + OF_REPORT, processInstanceId, reason, by, roundId, reporter, officeCode);
  }

  /** Results of one reporter, or of all when {@code reporter} is null. */
  public List<Result> results(long roundId, String reporter) {
    String sql = "select reporter, policy_code, result_th, problems_th, suggestions_th from policy_result"
        + " where round_id = ? and office_code = ?" + (reporter == null ? "" : " and reporter = ?")
        + " order by reporter, policy_code";
    Object[] args = reporter == null ? new Object[] {roundId, officeCode} : new Object[] {roundId, officeCode, reporter};
    return jdbc.query(sql,
        (rs, i) -> new Result(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5)), args);
  }

  /** Replaces the given policies' results of one reporter: two statements however many policies. */
  public void saveResults(long roundId, String reporter, List<Result> results, String by, Instant now) {
    if (results.isEmpty()) {
      return;
    }
    String marks = String.join(", ", java.util.Collections.nCopies(results.size(), "?"));
    List<Object> args = new java.util.ArrayList<>(List.of(roundId, reporter, officeCode));
    results.forEach(r -> args.add(r.policyCode()));
    jdbc.update("delete from policy_result" + OF_REPORT + " and policy_code in (" + marks + ")", args.toArray());
    Timestamp at = Timestamp.from(now);
    jdbc.batchUpdate("insert into policy_result (round_id, reporter, policy_code, office_code, result_th, problems_th,"
            + " suggestions_th, updated_by, updated_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        results.stream().map(r -> new Object[] {roundId, reporter, r.policyCode(), officeCode, r.result(), r.problems(),
            r.suggestions(), by, at}).toList());
  }

}
