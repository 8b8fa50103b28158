package th.planflow.annualreport;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import th.planflow.office.OfficeProperties;

/** The annual report's rows: sections (groups of the office), contributions, photos, feedback, versions. */
@Repository
public class AnnualReports {

  public enum ContributionStatus { SUBMITTED, RETURNED, APPROVED }

  public record Section(String code, String name, String contributor, int sortOrder, boolean active) {
  }

  public record Report(int fiscalYear, String status, String processInstanceId, String workingGroup, String foreword) {
    boolean published() {
      return STATUS_PUBLISHED.equals(status);
    }
  }

  public record Contribution(String sectionCode, String quantity, String quality, String efficiency,
      String achievements, ContributionStatus status, String submittedBy, Instant submittedAt) {
  }

  public record Photo(long id, String sectionCode, String caption, String contentType, int sizeBytes) {
  }

  public record Feedback(long id, String executive, String feedback, Instant givenAt, boolean handled,
      String handling, String handledBy) {
  }

  public record Version(int version, String publicUrl, String publishedBy, Instant publishedAt) {
  }

  static final String STATUS_DRAFT = "DRAFT";
  static final String STATUS_PUBLISHED = "PUBLISHED";

  private final JdbcTemplate jdbc;
  private final String office;

  AnnualReports(JdbcTemplate jdbc, OfficeProperties office) {
    this.jdbc = jdbc;
    this.office = office.code();
  }

  // --- sections -------------------------------------------------------------------------------

  public List<Section> sections(boolean activeOnly) {
    return jdbc.query("select code, name_th, contributor, sort_order, active from annual_report_section"
            + " where office_code = ?" + (activeOnly ? " and active = true" : "") + " order by sort_order, code",
        (rs, i) -> new Section(rs.getString(1), rs.getString(2), rs.getString(3), rs.getInt(4), rs.getBoolean(5)), office);
  }

  public Optional<Section> section(String code) {
    return sections(false).stream().filter(s -> s.code().equals(code)).findFirst();
  }

  void replaceSections(List<Section> rows) {
    jdbc.update("delete from annual_report_section where office_code = ?", office);
    for (Section s : rows) {
      jdbc.update("insert into annual_report_section (office_code, code, name_th, contributor, sort_order, active)"
          + " values (?, ?, ?, ?, ?, ?)", office, s.code(), s.name(), s.contributor(), s.sortOrder(), s.active());
    }
  }

  // --- the report of a year ---------------------------------------------------------------------

  void open(int year, String processInstanceId, Instant now) {
    if (report(year).isPresent()) {
      jdbc.update("update annual_report set process_instance_id = ? where office_code = ? and fiscal_year = ?",
          processInstanceId, office, year);
      return;
    }
    jdbc.update("insert into annual_report (office_code, fiscal_year, status, process_instance_id, created_at)"
        + " values (?, ?, ?, ?, ?)", office, year, STATUS_DRAFT, processInstanceId, Timestamp.from(now));
  }

  public Optional<Report> report(int year) {
    return jdbc.query("select fiscal_year, status, process_instance_id, working_group_th, foreword_th from annual_report"
            + " where office_code = ? and fiscal_year = ?",
        (rs, i) -> new Report(rs.getInt(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5)),
        office, year).stream().findFirst();
  }

  void setWorkingGroup(int year, String text) {
    jdbc.update("update annual_report set working_group_th = ? where office_code = ? and fiscal_year = ?", text, office, year);
  }

  void setForeword(int year, String text) {
    jdbc.update("update annual_report set foreword_th = ? where office_code = ? and fiscal_year = ?", text, office, year);
  }

  // --- contributions ------------------------------------------------------------------------------

  void saveContribution(int year, String section, String quantity, String quality, String efficiency,
      String achievements, String by, Instant now) {
    int updated = jdbc.update("update annual_report_contribution set quantity_th = ?, quality_th = ?, efficiency_th = ?,"
            + " achievements_th = ?, status = ?, submitted_by = ?, submitted_at = ? where office_code = ? and fiscal_year = ?"
            + " and section_code = ?", quantity, quality, efficiency, achievements, ContributionStatus.SUBMITTED.name(), by,
        Timestamp.from(now), office, year, section);
    if (updated == 0) {
      jdbc.update("insert into annual_report_contribution (office_code, fiscal_year, section_code, quantity_th, quality_th,"
              + " efficiency_th, achievements_th, status, submitted_by, submitted_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
          office, year, section, quantity, quality, efficiency, achievements, ContributionStatus.SUBMITTED.name(), by,
          Timestamp.from(now));
    }
  }

  void setContributionStatus(int year, String section, ContributionStatus status, Instant now) {
    jdbc.update("update annual_report_contribution set status = ?, approved_at = ? where office_code = ? and fiscal_year = ?"
            + " and section_code = ?", status.name(), status == ContributionStatus.APPROVED ? Timestamp.from(now) : null,
        office, year, section);
  }

  public List<Contribution> contributions(int year) {
    return jdbc.query("select section_code, quantity_th, quality_th, efficiency_th, achievements_th, status, submitted_by,"
            + " submitted_at from annual_report_contribution where office_code = ? and fiscal_year = ?",
        (rs, i) -> new Contribution(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
            ContributionStatus.valueOf(rs.getString(6)), rs.getString(7),
            rs.getTimestamp(8) == null ? null : rs.getTimestamp(8).toInstant()), office, year);
  }

  // --- photos ---------------------------------------------------------------------------------------

  long addPhoto(int year, String section, String caption, String contentType, byte[] data, String by, Instant now) {
    org.springframework.jdbc.support.KeyHolder key = new org.springframework.jdbc.support.GeneratedKeyHolder();
    jdbc.update(con -> {
      var ps = con.prepareStatement("insert into annual_report_photo (office_code, fiscal_year, section_code, caption_th,"
          + " content_type, size_bytes, data, uploaded_by, uploaded_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?)", new String[] {"id"});
      ps.setString(1, office);
      ps.setInt(2, year);
      ps.setString(3, section);
      ps.setString(4, caption);
      ps.setString(5, contentType);
      ps.setInt(6, data.length);
      ps.setBytes(7, data);
      ps.setString(8, by);
      ps.setTimestamp(9, Timestamp.from(now));
      return ps;
    }, key);
    return key.getKey().longValue();
  }

  public List<Photo> photos(int year, String section) {
    org.springframework.jdbc.core.RowMapper<Photo> row =
        (rs, i) -> new Photo(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getInt(5));
    String select = "select id, section_code, caption_th, content_type, size_bytes from annual_report_photo"
        + " where office_code = ? and fiscal_year = ?";
    return section == null ? jdbc.query(select + " order by id", row, office, year)
        : jdbc.query(select + " and section_code = ? order by id", row, office, year, section);
  }

  int photoCount(int year, String section) {
    return jdbc.queryForObject("select count(*) from annual_report_photo where office_code = ? and fiscal_year = ?"
        + " and section_code = ?", Integer.class, office, year, section);
  }

  Optional<byte[]> photoData(int year, long id) {
    return jdbc.query("select data from annual_report_photo where office_code = ? and fiscal_year = ? and id = ?",
        (rs, i) -> rs.getBytes(1), office, year, id).stream().findFirst();
  }

  boolean deletePhoto(int year, long id) {
    return jdbc.update("delete from annual_report_photo where office_code = ? and fiscal_year = ? and id = ?",
        office, year, id) > 0;
  }

  // --- executive feedback -------------------------------------------------------------------------

  void addFeedback(int year, String executive, String text, Instant now) {
    jdbc.update("insert into annual_report_feedback (office_code, fiscal_year, executive, feedback_th, given_at)"
        + " values (?, ?, ?, ?, ?)", office, year, executive, text, Timestamp.from(now));
  }

  public List<Feedback> feedback(int year) {
    return jdbc.query("select id, executive, feedback_th, given_at, handled, handling_th, handled_by from annual_report_feedback"
            + " where office_code = ? and fiscal_year = ? order by id",
        (rs, i) -> new Feedback(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getTimestamp(4).toInstant(),
            rs.getBoolean(5), rs.getString(6), rs.getString(7)), office, year);
  }

  boolean markHandled(int year, long id, String handling, String by, Instant now) {
    return jdbc.update("update annual_report_feedback set handled = true, handling_th = ?, handled_by = ?, handled_at = ?"
        + " where office_code = ? and fiscal_year = ? and id = ?", handling, by, Timestamp.from(now), office, year, id) > 0;
  }

  // --- published versions ------------------------------------------------------------------------

  int addVersion(int year, byte[] pdf, byte[] qrPng, String publicUrl, String by, Instant now) {
    Integer last = jdbc.queryForObject("select max(version) from annual_report_version where office_code = ? and fiscal_year = ?",
        Integer.class, office, year);
    int version = last == null ? 1 : last + 1;
    jdbc.update("insert into annual_report_version (office_code, fiscal_year, version, pdf, qr_png, public_url, published_by,"
        + " published_at) values (?, ?, ?, ?, ?, ?, ?, ?)", office, year, version, pdf, qrPng, publicUrl, by, Timestamp.from(now));
    jdbc.update("update annual_report set status = ? where office_code = ? and fiscal_year = ?", STATUS_PUBLISHED, office, year);
    return version;
  }

  public List<Version> versions(int year) {
    return jdbc.query("select version, public_url, published_by, published_at from annual_report_version"
            + " where office_code = ? and fiscal_year = ? order by version desc",
        (rs, i) -> new Version(rs.getInt(1), rs.getString(2), rs.getString(3), rs.getTimestamp(4).toInstant()), office, year);
  }

  Optional<byte[]> versionPdf(int year, int version) {
    return jdbc.query("select pdf from annual_report_version where office_code = ? and fiscal_year = ? and version = ?",
        (rs, i) -> rs.getBytes(1), office, year, version).stream().findFirst();
  }

  Optional<byte[]> versionQr(int year, int version) {
    return jdbc.query("select qr_png from annual_report_version where office_code = ? and fiscal_year = ? and version = ?",
        (rs, i) -> rs.getBytes(1), office, year, version).stream().findFirst();
  }

  /** Test and cancellation support: forgets everything of a year. */
  void deleteYear(int year) {
    for (String table : List.of("annual_report_version", "annual_report_feedback", "annual_report_photo",
        "annual_report_contribution", "annual_report")) {
      jdbc.update("delete from " + table + " where office_code = ? and fiscal_year = ?", office, year);
    }
  }
}
