package th.planflow.kpi;

import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;
import th.planflow.office.OfficeProperties;

/** The kpiReporting tables, always of this office. */
@Repository
class KpiStore {

  /** An evidence file without its bytes. */
  record Evidence(long id, KpiRound round, String kpiCode, String fileName, String contentType, int size,
      String uploadedBy, Instant uploadedAt) {
  }

  record WorkingGroupMember(String userId, String role) {
  }

  record Appointment(String orderNo, LocalDate orderDate, String submittedBy, Instant submittedAt,
      String approvedBy, Instant approvedAt) {
  }

  record Meeting(LocalDate date, String attendees, String minutes, String recordedBy, Instant recordedAt) {
  }

  record RoundState(KpiRound round, Instant openedAt, List<String> owners, Instant closedAt, List<String> missingOwners) {
  }

  record Summary(String overview, String problems, String suggestions, String preparedBy, Instant preparedAt,
      String acknowledgedBy, Instant acknowledgedAt, String directorComment) {
  }

  private final JdbcTemplate jdbc;
  private final String office;

  KpiStore(JdbcTemplate jdbc, OfficeProperties office) {
    this.jdbc = jdbc;
    this.office = office.code();
  }

  // ---- KPIs

  List<Kpi> kpis(int year) {
    return jdbc.query("select * from kpi where office_code = ? and fiscal_year = ? order by seq", KpiStore::kpi, office, year);
  }

  Optional<Kpi> kpi(int year, String code) {
    return jdbc.query("select * from kpi where office_code = ? and fiscal_year = ? and code = ?", KpiStore::kpi,
        office, year, code).stream().findFirst();
  }

  int countKpis(int year) {
    return count("select count(*) from kpi where office_code = ? and fiscal_year = ?", office, year);
  }

  List<Kpi> kpisOf(int year, String owner) {
    return jdbc.query("select * from kpi where office_code = ? and fiscal_year = ? and owner_id = ? order by seq",
        KpiStore::kpi, office, year, owner);
  }

  /** Owners of the year's KPIs, in the order of their first KPI. */
  List<String> owners(int year) {
    List<String> owners = new ArrayList<>();
    for (Kpi kpi : kpis(year)) {
      if (!owners.contains(kpi.owner())) {
        owners.add(kpi.owner());
      }
    }
    return owners;
  }

  void replaceKpis(int year, List<Kpi> kpis, String by, Instant at) {
    jdbc.update("delete from kpi where office_code = ? and fiscal_year = ?", office, year);
    jdbc.batchUpdate("insert into kpi (office_code, fiscal_year, code, seq, name_th, strategy_th, target_value, unit_th,"
            + " direction, owner_id, imported_by, imported_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        kpis.stream().map(k -> new Object[] {office, year, k.code(), k.seq(), k.name(), k.strategy(), k.target(), k.unit(),
            k.direction().name(), k.owner(), by, Timestamp.from(at)}).toList());
  }

  void setOwner(int year, String code, String owner) {
    jdbc.update("update kpi set owner_id = ? where office_code = ? and fiscal_year = ? and code = ?", owner, office, year, code);
  }

  private static Kpi kpi(ResultSet rs, int i) throws SQLException {
    return new Kpi(rs.getString("code"), rs.getInt("seq"), rs.getString("name_th"), rs.getString("strategy_th"),
        rs.getBigDecimal("target_value"), rs.getString("unit_th"),
        Direction.valueOf(rs.getString("direction")), rs.getString("owner_id"));
  }

  // ---- results

  boolean hasResults(int year) {
    return count("select count(*) from kpi_result where office_code = ? and fiscal_year = ?", office, year) > 0;
  }

  Map<String, KpiResult> results(int year, KpiRound round) {
    Map<String, KpiResult> results = new LinkedHashMap<>();
    jdbc.query("select * from kpi_result where office_code = ? and fiscal_year = ? and round_key = ?",
        (ResultSet rs) -> {
          KpiResult r = result(rs);
          results.put(r.kpiCode(), r);
        }, office, year, round.name());
    return results;
  }

  Optional<KpiResult> result(int year, KpiRound round, String code) {
    return Optional.ofNullable(results(year, round).get(code));
  }

  /** Inserts or updates the owner's figures; the status goes back to draft (a returned result stays returned). */
  void saveFigures(int year, KpiRound round, String code, BigDecimal actual, BigDecimal percent, Boolean achieved,
      String narrative, String problems, String suggestions, String by, Instant at) {
    int updated = jdbc.update("update kpi_result set actual_value = ?, percent_target = ?, achieved = ?, narrative = ?,"
            + " problems = ?, suggestions = ?, updated_by = ?, updated_at = ?"
            + " where office_code = ? and fiscal_year = ? and round_key = ? and kpi_code = ?",
        actual, percent, achieved, narrative, problems, suggestions, by, Timestamp.from(at), office, year, round.name(), code);
    if (updated == 0) {
      jdbc.update("insert into kpi_result (office_code, fiscal_year, round_key, kpi_code, actual_value, percent_target,"
              + " achieved, narrative, problems, suggestions, status, updated_by, updated_at)"
              + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
          office, year, round.name(), code, actual, percent, achieved, narrative, problems, suggestions,
          ResultStatus.DRAFT.name(), by, Timestamp.from(at));
    }
  }

  void markSubmitted(int year, KpiRound round, List<String> codes, String by, Instant at) {
    for (String code : codes) {
      jdbc.update("update kpi_result set status = ?, submitted_by = ?, submitted_at = ?, review_comment = null,"
              + " approved_by = null, approved_at = null"
              + " where office_code = ? and fiscal_year = ? and round_key = ? and kpi_code = ?",
          ResultStatus.SUBMITTED.name(), by, Timestamp.from(at), office, year, round.name(), code);
    }
  }

  void markReviewed(int year, KpiRound round, List<String> codes, boolean approved, String by, Instant at, String comment) {
    for (String code : codes) {
      jdbc.update("update kpi_result set status = ?, review_comment = ?, approved_by = ?, approved_at = ?"
              + " where office_code = ? and fiscal_year = ? and round_key = ? and kpi_code = ?",
          (approved ? ResultStatus.APPROVED : ResultStatus.RETURNED).name(), comment, approved ? by : null,
          approved ? Timestamp.from(at) : null, office, year, round.name(), code);
    }
  }

  private static KpiResult result(ResultSet rs) throws SQLException {
    BigDecimal actual = rs.getBigDecimal("actual_value");
    BigDecimal percent = rs.getBigDecimal("percent_target");
    Object achieved = rs.getObject("achieved");
    return new KpiResult(rs.getString("kpi_code"), KpiRound.valueOf(rs.getString("round_key")),
        Kpi.plain(actual), percent == null ? null : percent.setScale(2),
        achieved == null ? null : rs.getBoolean("achieved"), rs.getString("narrative"), rs.getString("problems"),
        rs.getString("suggestions"), ResultStatus.valueOf(rs.getString("status")), rs.getString("review_comment"),
        rs.getString("updated_by"), instant(rs, "updated_at"), rs.getString("submitted_by"), instant(rs, "submitted_at"),
        rs.getString("approved_by"), instant(rs, "approved_at"));
  }

  // ---- evidence

  long addEvidence(int year, KpiRound round, String code, String fileName, String contentType, byte[] content,
      String by, Instant at) {
    GeneratedKeyHolder key = new GeneratedKeyHolder();
    jdbc.update(connection -> {
      PreparedStatement insert = connection.prepareStatement("insert into kpi_evidence (office_code, fiscal_year,"
          + " round_key, kpi_code, file_name, content_type, size_bytes, content, uploaded_by, uploaded_at)"
          + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", new String[] {"id"});
      Object[] values = {office, year, round.name(), code, fileName, contentType, content.length, content, by,
          Timestamp.from(at)};
      for (int i = 0; i < values.length; i++) {
        insert.setObject(i + 1, values[i]);
      }
      return insert;
    }, key);
    return key.getKey().longValue();
  }

  List<Evidence> evidence(int year, KpiRound round) {
    return jdbc.query("select id, round_key, kpi_code, file_name, content_type, size_bytes, uploaded_by, uploaded_at"
            + " from kpi_evidence where office_code = ? and fiscal_year = ? and round_key = ? order by id",
        (rs, i) -> new Evidence(rs.getLong("id"), KpiRound.valueOf(rs.getString("round_key")), rs.getString("kpi_code"),
            rs.getString("file_name"), rs.getString("content_type"), rs.getInt("size_bytes"), rs.getString("uploaded_by"),
            instant(rs, "uploaded_at")),
        office, year, round.name());
  }

  Optional<Evidence> evidence(int year, KpiRound round, long id) {
    return evidence(year, round).stream().filter(e -> e.id() == id).findFirst();
  }

  byte[] evidenceContent(long id) {
    return jdbc.queryForObject("select content from kpi_evidence where office_code = ? and id = ?",
        (rs, i) -> rs.getBytes(1), office, id);
  }

  void deleteEvidence(long id) {
    jdbc.update("delete from kpi_evidence where office_code = ? and id = ?", office, id);
  }

  // ---- e-MES entry marks

  void markEnteredInEmes(int year, KpiRound round, String code, LocalDate on, String by, Instant at) {
    int updated = jdbc.update("update kpi_emes_entry set entered_on = ?, entered_by = ?, recorded_at = ?"
            + " where office_code = ? and fiscal_year = ? and round_key = ? and kpi_code = ?",
        on, by, Timestamp.from(at), office, year, round.name(), code);
    if (updated == 0) {
      jdbc.update("insert into kpi_emes_entry (office_code, fiscal_year, round_key, kpi_code, entered_on, entered_by,"
          + " recorded_at) values (?, ?, ?, ?, ?, ?, ?)", office, year, round.name(), code, on, by, Timestamp.from(at));
    }
  }

  void unmarkEnteredInEmes(int year, KpiRound round, String code) {
    jdbc.update("delete from kpi_emes_entry where office_code = ? and fiscal_year = ? and round_key = ? and kpi_code = ?",
        office, year, round.name(), code);
  }

  /** KPI code to the day it was keyed into e-MES. */
  Map<String, LocalDate> enteredInEmes(int year, KpiRound round) {
    Map<String, LocalDate> entered = new LinkedHashMap<>();
    jdbc.query("select kpi_code, entered_on from kpi_emes_entry where office_code = ? and fiscal_year = ? and round_key = ?",
        (ResultSet rs) -> {
          entered.put(rs.getString(1), rs.getObject(2, LocalDate.class));
        }, office, year, round.name());
    return entered;
  }

  // ---- rounds

  void openRound(int year, KpiRound round, List<String> owners, Instant at) {
    jdbc.update("delete from kpi_round where office_code = ? and fiscal_year = ? and round_key = ?", office, year, round.name());
    jdbc.update("insert into kpi_round (office_code, fiscal_year, round_key, opened_at, owners) values (?, ?, ?, ?, ?)",
        office, year, round.name(), Timestamp.from(at), String.join(",", owners));
  }

  void closeRound(int year, KpiRound round, List<String> missingOwners, Instant at) {
    jdbc.update("update kpi_round set closed_at = ?, missing_owners = ? where office_code = ? and fiscal_year = ? and round_key = ?",
        Timestamp.from(at), String.join(",", missingOwners), office, year, round.name());
  }

  Optional<RoundState> round(int year, KpiRound round) {
    return jdbc.query("select * from kpi_round where office_code = ? and fiscal_year = ? and round_key = ?",
        (rs, i) -> new RoundState(round, instant(rs, "opened_at"), split(rs.getString("owners")), instant(rs, "closed_at"),
            split(rs.getString("missing_owners"))),
        office, year, round.name()).stream().findFirst();
  }

  private static List<String> split(String list) {
    return list == null || list.isBlank() ? List.of() : Arrays.asList(list.split(","));
  }

  // ---- working group and appointment

  List<WorkingGroupMember> workingGroup(int year) {
    return jdbc.query("select user_id, role_th from kpi_working_group where office_code = ? and fiscal_year = ? order by seq",
        (rs, i) -> new WorkingGroupMember(rs.getString(1), rs.getString(2)), office, year);
  }

  void replaceWorkingGroup(int year, List<WorkingGroupMember> members) {
    jdbc.update("delete from kpi_working_group where office_code = ? and fiscal_year = ?", office, year);
    int seq = 0;
    for (WorkingGroupMember member : members) {
      jdbc.update("insert into kpi_working_group (office_code, fiscal_year, user_id, role_th, seq) values (?, ?, ?, ?, ?)",
          office, year, member.userId(), member.role(), ++seq);
    }
  }

  Optional<Appointment> appointment(int year) {
    return jdbc.query("select * from kpi_appointment where office_code = ? and fiscal_year = ?",
        (rs, i) -> new Appointment(rs.getString("order_no"), rs.getObject("order_date", LocalDate.class),
            rs.getString("submitted_by"), instant(rs, "submitted_at"), rs.getString("approved_by"), instant(rs, "approved_at")),
        office, year).stream().findFirst();
  }

  void saveAppointmentOrder(int year, String orderNo, LocalDate orderDate) {
    ensureAppointment(year);
    jdbc.update("update kpi_appointment set order_no = ?, order_date = ? where office_code = ? and fiscal_year = ?",
        orderNo, orderDate, office, year);
  }

  void appointmentSubmitted(int year, String by, Instant at) {
    ensureAppointment(year);
    jdbc.update("update kpi_appointment set submitted_by = ?, submitted_at = ?, approved_by = null, approved_at = null"
        + " where office_code = ? and fiscal_year = ?", by, Timestamp.from(at), office, year);
  }

  void appointmentApproved(int year, String by, Instant at) {
    ensureAppointment(year);
    jdbc.update("update kpi_appointment set approved_by = ?, approved_at = ? where office_code = ? and fiscal_year = ?",
        by, Timestamp.from(at), office, year);
  }

  private void ensureAppointment(int year) {
    if (count("select count(*) from kpi_appointment where office_code = ? and fiscal_year = ?", office, year) == 0) {
      jdbc.update("insert into kpi_appointment (office_code, fiscal_year) values (?, ?)", office, year);
    }
  }

  // ---- briefing meeting

  void saveMeeting(int year, Meeting meeting) {
    jdbc.update("delete from kpi_meeting where office_code = ? and fiscal_year = ?", office, year);
    jdbc.update("insert into kpi_meeting (office_code, fiscal_year, meeting_date, attendees, minutes, recorded_by, recorded_at)"
            + " values (?, ?, ?, ?, ?, ?, ?)", office, year, meeting.date(), meeting.attendees(), meeting.minutes(),
        meeting.recordedBy(), Timestamp.from(meeting.recordedAt()));
  }

  Optional<Meeting> meeting(int year) {
    return jdbc.query("select * from kpi_meeting where office_code = ? and fiscal_year = ?",
        (rs, i) -> new Meeting(rs.getObject("meeting_date", LocalDate.class), rs.getString("attendees"),
            rs.getString("minutes"), rs.getString("recorded_by"), instant(rs, "recorded_at")),
        office, year).stream().findFirst();
  }

  // ---- November summary

  void saveSummary(int year, String overview, String problems, String suggestions, String by, Instant at) {
    jdbc.update("delete from kpi_summary where office_code = ? and fiscal_year = ?", office, year);
    jdbc.update("insert into kpi_summary (office_code, fiscal_year, overview, problems, suggestions, prepared_by, prepared_at)"
        + " values (?, ?, ?, ?, ?, ?, ?)", office, year, overview, problems, suggestions, by, Timestamp.from(at));
  }

  void acknowledgeSummary(int year, String by, Instant at, String comment) {
    jdbc.update("update kpi_summary set acknowledged_by = ?, acknowledged_at = ?, director_comment = ?"
        + " where office_code = ? and fiscal_year = ?", by, Timestamp.from(at), comment, office, year);
  }

  Optional<Summary> summary(int year) {
    return jdbc.query("select * from kpi_summary where office_code = ? and fiscal_year = ?",
        (rs, i) -> new Summary(rs.getString("overview"), rs.getString("problems"), rs.getString("suggestions"),
            rs.getString("prepared_by"), instant(rs, "prepared_at"), rs.getString("acknowledged_by"),
            instant(rs, "acknowledged_at"), rs.getString("director_comment")),
        office, year).stream().findFirst();
  }

  // ---- helpers

  /** Removes everything of a fiscal year (tests, and a cancelled demo year). */
  void deleteYear(int year) {
    for (String table : List.of("kpi_evidence", "kpi_emes_entry", "kpi_result", "kpi_round", "kpi_working_group",
        "kpi_appointment", "kpi_meeting", "kpi_summary", "kpi")) {
      jdbc.update("delete from " + table + " where office_code = ? and fiscal_year = ?", office, year);
    }
  }

  private int count(String sql, Object... args) {
    Integer n = jdbc.queryForObject(sql, Integer.class, args);
    return n == null ? 0 : n;
  }

  private static Instant instant(ResultSet rs, String column) throws SQLException {
    Timestamp t = rs.getTimestamp(column);
    return t == null ? null : t.toInstant();
  }
}
