package th.planflow.inspection;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;
import th.planflow.calendar.PlanflowClock;
import th.planflow.office.OfficeProperties;

/** The inspection tables of this installation's office. */
@Repository
class InspectionRepository {

  private static final RowMapper<InspectionIssue> ISSUE = (rs, i) -> new InspectionIssue(rs.getLong("id"), rs.getInt("seq"),
      IssueSource.valueOf(rs.getString("source")), rs.getString("title"), rs.getString("indicators"), rs.getString("unit_code"));
  private static final RowMapper<InspectionVisit> VISIT = (rs, i) -> new InspectionVisit(rs.getInt("seq"),
      rs.getObject("visit_date", LocalDate.class), rs.getString("inspector"),
      Arrays.stream(rs.getString("issue_seqs").split(",")).map(Integer::valueOf).toList(),
      List.of(rs.getString("unit_codes").split(",")), rs.getString("note"));
  private static final RowMapper<InspectionResult> RESULT = (rs, i) -> new InspectionResult(rs.getInt("round_no"),
      rs.getLong("issue_id"), rs.getString("result_text"), rs.getString("problems"), rs.getString("suggestions"),
      rs.getString("evidence"), InspectionResult.Status.valueOf(rs.getString("status")), rs.getString("submitted_by"),
      instant(rs, "submitted_at"), rs.getBoolean("late"), rs.getString("review_comment"));
  private static final RowMapper<Recommendation> RECOMMENDATION = (rs, i) -> new Recommendation(rs.getLong("id"),
      rs.getInt("fiscal_year"), rs.getInt("seq"), (Long) rs.getObject("issue_id", Long.class), rs.getString("recommendation"),
      rs.getString("analysis"), rs.getString("unit_code"), RecommendationStatus.valueOf(rs.getString("status")),
      rs.getString("decision_reason"), rs.getString("actions"), rs.getString("evidence"),
      rs.getObject("completion_date", LocalDate.class));
  private static final RowMapper<RecommendationEvent> EVENT = (rs, i) -> new RecommendationEvent(rs.getLong("recommendation_id"),
      RecommendationEvent.Kind.valueOf(rs.getString("event")), RecommendationStatus.valueOf(rs.getString("status")),
      rs.getString("actor"), rs.getString("comment_text"), instant(rs, "acted_at"));
  private static final RowMapper<InspectionYear> YEAR = (rs, i) -> new InspectionYear(rs.getInt("fiscal_year"),
      rs.getString("round1_summary"), rs.getString("round2_summary"), rs.getString("summary_text"),
      rs.getString("summary_status"), rs.getString("summary_approved_by"), instant(rs, "summary_approved_at"),
      rs.getString("final_summary"), rs.getString("reported_to"), rs.getString("reported_by"), instant(rs, "reported_at"));

  private final JdbcTemplate jdbc;
  private final String officeCode;
  private final PlanflowClock clock;

  InspectionRepository(JdbcTemplate jdbc, OfficeProperties office, PlanflowClock clock) {
    this.jdbc = jdbc;
    this.officeCode = office.code();
    this.clock = clock;
  }

  /** Forgets everything of a year: its issues are recorded anew. */
  void clearYear(int year) {
    jdbc.update("delete from inspection_recommendation_event where office_code = ? and recommendation_id in"
        + " (select id from inspection_recommendation where office_code = ? and fiscal_year = ?)", officeCode, officeCode, year);
    for (String table : new String[] {"inspection_recommendation", "inspection_result", "inspection_visit", "inspection_issue",
        "inspection_year"}) {
      jdbc.update("delete from " + table + " where office_code = ? and fiscal_year = ?", officeCode, year);
    }
  }

  void insertIssue(int year, int seq, IssueSource source, String title, String indicators, String unitCode) {
    jdbc.update("insert into inspection_issue (office_code, fiscal_year, seq, source, title, indicators, unit_code)"
        + " values (?, ?, ?, ?, ?, ?, ?)", officeCode, year, seq, source.name(), title, indicators, unitCode);
  }

  List<InspectionIssue> issues(int year) {
    return jdbc.query("select * from inspection_issue where office_code = ? and fiscal_year = ? order by seq", ISSUE,
        officeCode, year);
  }

  Optional<InspectionIssue> issue(long id) {
    return jdbc.query("select * from inspection_issue where office_code = ? and id = ?", ISSUE, officeCode, id)
        .stream().findFirst();
  }

  void replaceVisits(int year, List<InspectionVisit> visits) {
    jdbc.update("delete from inspection_visit where office_code = ? and fiscal_year = ?", officeCode, year);
    for (InspectionVisit v : visits) {
      jdbc.update("insert into inspection_visit (office_code, fiscal_year, seq, visit_date, inspector, issue_seqs, unit_codes, note)"
              + " values (?, ?, ?, ?, ?, ?, ?, ?)", officeCode, year, v.seq(), Date.valueOf(v.date()), v.inspector(),
          String.join(",", v.issueSeqs().stream().map(String::valueOf).toList()), String.join(",", v.unitCodes()), v.note());
    }
  }

  List<InspectionVisit> visits(int year) {
    return jdbc.query("select * from inspection_visit where office_code = ? and fiscal_year = ? order by visit_date, seq",
        VISIT, officeCode, year);
  }

  void saveResult(int year, InspectionResult r) {
    Timestamp at = r.submittedAt() == null ? now() : Timestamp.from(r.submittedAt());
    int updated = jdbc.update("update inspection_result set result_text = ?, problems = ?, suggestions = ?, evidence = ?,"
            + " status = ?, submitted_by = ?, submitted_at = ?, late = ? where office_code = ? and fiscal_year = ? and round_no = ?"
            + " and issue_id = ?", r.resultText(), r.problems(), r.suggestions(), r.evidence(), r.status().name(),
        r.submittedBy(), at, r.late(), officeCode, year, r.round(), r.issueId());
    if (updated == 0) {
      jdbc.update("insert into inspection_result (office_code, fiscal_year, round_no, issue_id, result_text, problems,"
              + " suggestions, evidence, status, submitted_by, submitted_at, late) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
          officeCode, year, r.round(), r.issueId(), r.resultText(), r.problems(), r.suggestions(), r.evidence(),
          r.status().name(), r.submittedBy(), at, r.late());
    }
  }

  /** Returns whether a submitted result was there to review. */
  boolean reviewResult(int year, int round, long issueId, InspectionResult.Status status, String comment, String reviewer) {
    return jdbc.update("update inspection_result set status = ?, review_comment = ?, reviewed_by = ?, reviewed_at = ?"
            + " where office_code = ? and fiscal_year = ? and round_no = ? and issue_id = ?",
        status.name(), comment, reviewer, now(), officeCode, year, round, issueId) > 0;
  }

  List<InspectionResult> results(int year) {
    return jdbc.query("select * from inspection_result where office_code = ? and fiscal_year = ? order by round_no, issue_id",
        RESULT, officeCode, year);
  }

  InspectionYear year(int year) {
    return jdbc.query("select * from inspection_year where office_code = ? and fiscal_year = ?", YEAR, officeCode, year)
        .stream().findFirst().orElse(InspectionYear.empty(year));
  }

  /** Sets columns of the year's row, creating it first if needed; {@code columnsAndValues} alternate. */
  void updateYear(int year, Object... columnsAndValues) {
    Integer rows = jdbc.queryForObject("select count(*) from inspection_year where office_code = ? and fiscal_year = ?",
        Integer.class, officeCode, year);
    if (rows == null || rows == 0) {
      jdbc.update("insert into inspection_year (office_code, fiscal_year) values (?, ?)", officeCode, year);
    }
    StringBuilder sql = new StringBuilder("update inspection_year set ");
    Object[] args = new Object[columnsAndValues.length / 2 + 2];
    for (int i = 0; i < columnsAndValues.length; i += 2) {
      sql.append(i == 0 ? "" : ", ").append((String) columnsAndValues[i]).append(" = ?");
      args[i / 2] = columnsAndValues[i + 1];
    }
    sql.append(" where office_code = ? and fiscal_year = ?");
    args[args.length - 2] = officeCode;
    args[args.length - 1] = year;
    jdbc.update(sql.toString(), args);
  }

  long insertRecommendation(int year, Long issueId, String text, String analysis, String unitCode) {
    Integer last = jdbc.queryForObject("select max(seq) from inspection_recommendation where office_code = ? and fiscal_year = ?",
        Integer.class, officeCode, year);
    int seq = last == null ? 1 : last + 1;
    jdbc.update("insert into inspection_recommendation (office_code, fiscal_year, seq, issue_id, recommendation, analysis,"
            + " unit_code, status, updated_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?)", officeCode, year, seq, issueId, text, analysis,
        unitCode, RecommendationStatus.PROPOSED.name(), now());
    Long id = jdbc.queryForObject("select id from inspection_recommendation where office_code = ? and fiscal_year = ? and seq = ?",
        Long.class, officeCode, year, seq);
    return id;
  }

  Optional<Recommendation> recommendation(long id) {
    return jdbc.query("select * from inspection_recommendation where office_code = ? and id = ?", RECOMMENDATION, officeCode, id)
        .stream().findFirst();
  }

  List<Recommendation> recommendations(int year) {
    return jdbc.query("select * from inspection_recommendation where office_code = ? and fiscal_year = ? order by seq",
        RECOMMENDATION, officeCode, year);
  }

  void reviseRecommendation(long id, Long issueId, String text, String analysis, String unitCode) {
    jdbc.update("update inspection_recommendation set issue_id = ?, recommendation = ?, analysis = ?, unit_code = ?,"
        + " updated_at = ? where office_code = ? and id = ?", issueId, text, analysis, unitCode, now(), officeCode, id);
  }

  /** Sets the status, and the director's reason when one is given. */
  void setStatus(long id, RecommendationStatus status, String decisionReason) {
    if (decisionReason == null) {
      jdbc.update("update inspection_recommendation set status = ?, updated_at = ? where office_code = ? and id = ?",
          status.name(), now(), officeCode, id);
    } else {
      jdbc.update("update inspection_recommendation set status = ?, decision_reason = ?, updated_at = ? where office_code = ?"
          + " and id = ?", status.name(), decisionReason, now(), officeCode, id);
    }
  }

  void saveFollowUp(long id, String actions, String evidence, LocalDate completionDate) {
    jdbc.update("update inspection_recommendation set actions = ?, evidence = ?, completion_date = ?, updated_at = ?"
            + " where office_code = ? and id = ?", actions, evidence, Date.valueOf(completionDate), now(), officeCode, id);
  }

  void addEvent(long recommendationId, RecommendationEvent.Kind event, RecommendationStatus status, String actor, String comment) {
    jdbc.update("insert into inspection_recommendation_event (office_code, recommendation_id, event, status, actor, comment_text,"
        + " acted_at) values (?, ?, ?, ?, ?, ?, ?)", officeCode, recommendationId, event.name(), status.name(), actor, comment, now());
  }

  List<RecommendationEvent> events(long recommendationId) {
    return jdbc.query("select * from inspection_recommendation_event where office_code = ? and recommendation_id = ? order by id",
        EVENT, officeCode, recommendationId);
  }

  private Timestamp now() {
    return Timestamp.from(clock.now());
  }

  private static Instant instant(ResultSet rs, String column) throws SQLException {
    Timestamp t = rs.getTimestamp(column);
    return t == null ? null : t.toInstant();
  }
}
