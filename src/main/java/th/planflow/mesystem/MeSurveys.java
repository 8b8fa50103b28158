package th.planflow.mesystem;

import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.util.HtmlUtils;
import th.planflow.calendar.PlanflowClock;
import th.planflow.calendar.ThaiDates;
import th.planflow.identity.AsSystem;
import th.planflow.notify.MailOutbox;
import th.planflow.office.OfficeProperties;
import th.planflow.review.FormInput;
import th.planflow.web.ApiException;
import th.planflow.web.UserInputException;

/**
 * The research questionnaire (แบบสอบถามงานวิจัย) of a year: its definition, respondents with one-time links,
 * invitations and reminders through the mail outbox, answers, closing.
 */
@Service
public class MeSurveys {

  public enum Status { DRAFT, OPEN, CLOSED }

  public enum Kind { LIKERT, CHOICE, OPEN }

  public enum RespondentKind { STAFF, SCHOOL }

  public record Item(int seq, String section, Kind kind, String text, List<String> choices, boolean required) {
  }

  public record Survey(long id, int fiscalYear, String title, String intro, LocalDate closesOn, Status status) {
  }

  public record Respondent(String token, long surveyId, RespondentKind kind, String respondent, String name,
      String email, Instant invitedAt, Instant respondedAt) {
  }

  /** The questionnaire as the planner sends it to the API. */
  public record Definition(String title, String intro, LocalDate closesOn, List<ItemInput> items) {
  }

  public record ItemInput(String section, String kind, String text, List<String> choices, Boolean required) {
  }

  /** Staff by user name, schools by code, or every school of the office with {@code allSchools}. */
  public record RespondentsInput(List<String> staff, List<String> schools, Boolean allSchools) {
  }

  static final int MAX_ITEMS = 200;
  static final int OPEN_ANSWER_MAX = 2000;
  private static final SecureRandom RANDOM = new SecureRandom();

  private final JdbcTemplate jdbc;
  private final PlanflowClock clock;
  private final MailOutbox outbox;
  private final IdentityService identity;
  private final AsSystem asSystem;
  private final String officeCode;
  private final String officeName;
  private final String baseUrl;

  MeSurveys(JdbcTemplate jdbc, PlanflowClock clock, MailOutbox outbox, IdentityService identity, AsSystem asSystem,
      OfficeProperties office, @Value("${planflow.public-base-url}") String baseUrl) {
    this.jdbc = jdbc;
    this.clock = clock;
    this.outbox = outbox;
    this.identity = identity;
    this.asSystem = asSystem;
    this.officeCode = office.code();
    this.officeName = office.name();
    this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
  }

  // ---------------------------------------------------------------- definition

  /** Defines (or, while not yet sent, redefines) the year's questionnaire; refused whole with Thai messages. */
  @Transactional
  public Survey define(int fiscalYear, Definition definition) {
    if (definition == null) {
      throw new UserInputException("กรุณาส่งรายละเอียดแบบสอบถาม");
    }
    String title = FormInput.text(definition.title(), "ชื่อแบบสอบถาม", 500, true);
    String intro = FormInput.text(definition.intro(), "คำชี้แจง", 4000, false);
    if (definition.closesOn() == null) {
      throw new UserInputException("กรุณาระบุวันปิดรับแบบสอบถาม");
    }
    if (!definition.closesOn().isAfter(clock.today())) {
      throw new UserInputException("วันปิดรับแบบสอบถามต้องเป็นวันหลังจากวันนี้ (" + ThaiDates.full(clock.today()) + ")");
    }
    List<ItemInput> inputs = definition.items() == null ? List.of() : definition.items();
    if (inputs.isEmpty()) {
      throw new UserInputException("แบบสอบถามต้องมีข้อคำถามอย่างน้อย 1 ข้อ");
    }
    if (inputs.size() > MAX_ITEMS) {
      throw new UserInputException("แบบสอบถามมีข้อคำถามได้ไม่เกิน " + MAX_ITEMS + " ข้อ");
    }
    List<String> errors = new ArrayList<>();
    List<Item> items = new ArrayList<>();
    for (int i = 0; i < inputs.size(); i++) {
      int seq = i + 1;
      ItemInput in = inputs.get(i);
      try {
        String section = FormInput.text(in.section(), "ข้อ " + seq + ": ตอน", 500, true);
        String text = FormInput.text(in.text(), "ข้อ " + seq + ": ข้อคำถาม", 1000, true);
        Kind kind;
        try {
          kind = Kind.valueOf(in.kind() == null ? "" : in.kind().trim().toUpperCase());
        } catch (IllegalArgumentException e) {
          throw new UserInputException("ข้อ " + seq + ": ชนิดของข้อคำถามต้องเป็น LIKERT (มาตราส่วน 5 ระดับ),"
              + " CHOICE (เลือกตอบ) หรือ OPEN (ปลายเปิด)");
        }
        List<String> choices = new ArrayList<>();
        if (kind == Kind.CHOICE) {
          Set<String> seen = new HashSet<>();
          for (String c : in.choices() == null ? List.<String>of() : in.choices()) {
            String choice = FormInput.text(c, "ข้อ " + seq + ": ตัวเลือก", 500, true);
            if (choice.contains("\n") || !seen.add(choice)) {
              throw new UserInputException("ข้อ " + seq + ": ตัวเลือก '" + choice + "' ซ้ำหรือมีหลายบรรทัด");
            }
            choices.add(choice);
          }
          if (choices.size() < 2) {
            throw new UserInputException("ข้อ " + seq + ": ข้อเลือกตอบต้องมีตัวเลือกอย่างน้อย 2 ตัวเลือก");
          }
        }
        boolean required = in.required() == null ? kind != Kind.OPEN : in.required();
        items.add(new Item(seq, section, kind, text, choices, required));
      } catch (UserInputException e) {
        errors.add(e.getMessage());
      }
    }
    if (!errors.isEmpty()) {
      throw new UserInputException(String.join("; ", errors));
    }
    Optional<Survey> existing = find(fiscalYear);
    long id;
    Timestamp now = Timestamp.from(clock.now());
    if (existing.isPresent()) {
      requireDraft(existing.get());
      id = existing.get().id();
      jdbc.update("update me_survey set title_th = ?, intro_th = ?, closes_on = ? where id = ?", title, intro,
          definition.closesOn(), id);
      jdbc.update("delete from me_survey_item where survey_id = ?", id);
    } else {
      jdbc.update("insert into me_survey (office_code, fiscal_year, title_th, intro_th, closes_on, status, created_at)"
          + " values (?, ?, ?, ?, ?, 'DRAFT', ?)", officeCode, fiscalYear, title, intro, definition.closesOn(), now);
      id = find(fiscalYear).orElseThrow().id();
    }
    for (Item item : items) {
      jdbc.update("insert into me_survey_item (survey_id, seq, section_th, kind, text_th, choices_th, required)"
          + " values (?, ?, ?, ?, ?, ?, ?)", id, item.seq(), item.section(), item.kind().name(), item.text(),
          item.choices().isEmpty() ? null : String.join("\n", item.choices()), item.required());
    }
    return find(fiscalYear).orElseThrow();
  }

  /** Chooses the respondents (office staff by user name, schools by code); each gets a fresh random token. */
  @Transactional
  public List<Respondent> chooseRespondents(int fiscalYear, RespondentsInput input) {
    Survey survey = require(fiscalYear);
    requireDraft(survey);
    List<String> staff = input == null || input.staff() == null ? List.of() : input.staff();
    List<String> schools = input != null && Boolean.TRUE.equals(input.allSchools())
        ? jdbc.queryForList("select code from school where office_code = ? order by code", String.class, officeCode)
        : input == null || input.schools() == null ? List.of() : input.schools();
    if (staff.isEmpty() && schools.isEmpty()) {
      throw new UserInputException("กรุณาเลือกผู้ตอบแบบสอบถามอย่างน้อย 1 ราย (บุคลากรหรือสถานศึกษา)");
    }
    List<String> errors = new ArrayList<>();
    Map<String, String[]> chosen = new LinkedHashMap<>(); // kind:id -> name, email
    for (String userId : staff) {
      User user = userId == null ? null
          : asSystem.call(() -> identity.createUserQuery().userId(userId.trim()).singleResult());
      if (user == null) {
        errors.add("ไม่พบผู้ใช้ '" + userId + "' ในระบบ");
      } else if (chosen.put(RespondentKind.STAFF + ":" + user.getId(), new String[] {
          (nullToEmpty(user.getFirstName()) + " " + nullToEmpty(user.getLastName())).trim(), user.getEmail()}) != null) {
        errors.add("เลือกผู้ใช้ '" + userId + "' ซ้ำ");
      }
    }
    for (String code : schools) {
      List<String[]> school = code == null ? List.of() : jdbc.query("select name_th, email from school where office_code = ? and code = ?",
          (rs, i) -> new String[] {rs.getString(1), rs.getString(2)}, officeCode, code.trim());
      if (school.isEmpty()) {
        errors.add("ไม่พบสถานศึกษารหัส '" + code + "'");
      } else if (chosen.put(RespondentKind.SCHOOL + ":" + code.trim(), school.get(0)) != null) {
        errors.add("เลือกสถานศึกษารหัส '" + code + "' ซ้ำ");
      }
    }
    if (!errors.isEmpty()) {
      throw new UserInputException(String.join("; ", errors));
    }
    jdbc.update("delete from me_survey_respondent where survey_id = ?", survey.id());
    chosen.forEach((key, person) -> {
      String[] parts = key.split(":", 2);
      jdbc.update("insert into me_survey_respondent (token, survey_id, office_code, kind, respondent, name_th, email)"
          + " values (?, ?, ?, ?, ?, ?, ?)", newToken(), survey.id(), officeCode, parts[0], parts[1], person[0], person[1]);
    });
    return respondents(survey.id());
  }

  // ---------------------------------------------------------------- sending, reminding, closing

  /** Sends the links: the questionnaire needs items, respondents and a closing date still ahead. */
  @Transactional
  public int open(int fiscalYear) {
    Survey survey = find(fiscalYear).orElseThrow(() -> new UserInputException(
        "ยังไม่ได้สร้างแบบสอบถามงานวิจัยของปีงบประมาณ " + fiscalYear + " กรุณาสร้างแบบสอบถามก่อนส่ง"));
    requireDraft(survey);
    if (!survey.closesOn().isAfter(clock.today())) {
      throw new UserInputException("วันปิดรับแบบสอบถาม (" + ThaiDates.full(survey.closesOn())
          + ") ผ่านมาแล้ว กรุณากำหนดวันปิดรับใหม่ก่อนส่ง");
    }
    List<Respondent> respondents = respondents(survey.id());
    if (respondents.isEmpty()) {
      throw new UserInputException("ยังไม่ได้เลือกผู้ตอบแบบสอบถาม กรุณาเลือกบุคลากรหรือสถานศึกษาก่อนส่ง");
    }
    Timestamp now = Timestamp.from(clock.now());
    jdbc.update("update me_survey set status = 'OPEN', opened_at = ? where id = ?", now, survey.id());
    jdbc.update("update me_survey_respondent set invited_at = ? where survey_id = ?", now, survey.id());
    int sent = 0;
    for (Respondent r : respondents) {
      if (r.email() != null && !r.email().isBlank() && outbox.enqueue("me-survey-invite:" + r.token(), r.email(),
          "ขอความอนุเคราะห์ตอบแบบสอบถาม: " + survey.title(), mail(survey, r, false))) {
        sent++;
      }
    }
    return sent;
  }

  /** Reminds everyone who has not answered, at most once a day each; returns how many were reminded. */
  @Transactional
  public int remind(int fiscalYear) {
    Survey survey = require(fiscalYear);
    if (survey.status() != Status.OPEN) {
      return 0;
    }
    LocalDate today = clock.today();
    int sent = 0;
    for (Respondent r : respondents(survey.id())) {
      if (r.respondedAt() == null && r.email() != null && !r.email().isBlank()
          && outbox.enqueue("me-survey-reminder:" + r.token() + ":" + today, r.email(),
          "เตือนการตอบแบบสอบถาม: " + survey.title(), mail(survey, r, true))) {
        sent++;
      }
    }
    return sent;
  }

  @Transactional
  public void close(int fiscalYear) {
    jdbc.update("update me_survey set status = 'CLOSED', closed_at = ? where office_code = ? and fiscal_year = ?"
        + " and status <> 'CLOSED'", Timestamp.from(clock.now()), officeCode, fiscalYear);
  }

  /** When the closing timer fires: the start of the day after the closing date, Bangkok time. */
  public Date closingTime(int fiscalYear) {
    return Date.from(require(fiscalYear).closesOn().plusDays(1).atStartOfDay(ThaiDates.BANGKOK).toInstant());
  }

  private String mail(Survey survey, Respondent r, boolean reminder) {
    String link = baseUrl + "/public/survey/" + r.token();
    return "<p>เรียน " + HtmlUtils.htmlEscape(r.name() == null || r.name().isBlank() ? r.respondent() : r.name()) + "</p>"
        + "<p>" + (reminder ? "ขอความอนุเคราะห์อีกครั้ง ท่านยังไม่ได้ตอบ" : "กลุ่มนโยบายและแผน " + HtmlUtils.htmlEscape(officeName)
        + " ขอความอนุเคราะห์ตอบ") + "แบบสอบถาม \"" + HtmlUtils.htmlEscape(survey.title()) + "\" ภายในวันที่ "
        + ThaiDates.full(survey.closesOn()) + "</p><p><a href=\"" + link + "\">" + link + "</a></p>"
        + "<p>ลิงก์นี้สำหรับท่านเท่านั้น ใช้ตอบได้ครั้งเดียว ไม่ต้องเข้าสู่ระบบ</p>";
  }

  // ---------------------------------------------------------------- answering

  /** A link that cannot be used (unknown, already used, expired), with its HTTP status and Thai message. */
  public static class LinkException extends ApiException {
    LinkException(HttpStatus status, String thaiMessage) {
      super(status, thaiMessage);
    }
  }

  public record Link(Survey survey, Respondent respondent, List<Item> items) {
  }

  /** The questionnaire behind a token that can still be answered. */
  public Link link(String token) {
    Respondent r = token == null || token.length() > 64 ? null : respondentByToken(token).orElse(null);
    if (r == null) {
      throw new LinkException(HttpStatus.NOT_FOUND, "ไม่พบแบบสอบถามของลิงก์นี้ กรุณาตรวจสอบลิงก์ที่ได้รับทางอีเมล");
    }
    Survey survey = jdbc.query("select id, fiscal_year, title_th, intro_th, closes_on, status from me_survey where id = ?",
        (rs, i) -> survey(rs), r.surveyId()).get(0);
    if (r.respondedAt() != null) {
      throw new LinkException(HttpStatus.CONFLICT, "ลิงก์นี้ได้ใช้ตอบแบบสอบถามไปแล้วเมื่อ "
          + ThaiDates.full(r.respondedAt().atZone(ThaiDates.BANGKOK).toLocalDate())
          + " ตอบได้ครั้งเดียวต่อหนึ่งลิงก์ ขอขอบคุณที่ให้ความร่วมมือ");
    }
    if (survey.status() == Status.DRAFT) {
      throw new LinkException(HttpStatus.NOT_FOUND, "แบบสอบถามนี้ยังไม่เปิดให้ตอบ");
    }
    if (survey.status() == Status.CLOSED || clock.today().isAfter(survey.closesOn())) {
      throw new LinkException(HttpStatus.GONE, "ลิงก์นี้หมดอายุแล้ว แบบสอบถามปิดรับคำตอบเมื่อวันที่ "
          + ThaiDates.full(survey.closesOn()));
    }
    return new Link(survey, r, items(survey.id()));
  }

  /**
   * Stores one response: every answer is checked first (nothing is stored on an error), then the token is
   * used up with a conditional update, so a second response with the same token stores nothing.
   *
   * @param answers by item number: a Likert level 1-5, a choice, or a text
   */
  @Transactional
  public void answer(String token, Map<Integer, Object> answers) {
    Link link = link(token);
    List<String> errors = new ArrayList<>();
    Map<Integer, Object[]> clean = new LinkedHashMap<>();
    for (Item item : link.items()) {
      Object raw = answers == null ? null : answers.get(item.seq());
      String value = raw == null ? null : String.valueOf(raw).trim();
      if (value == null || value.isEmpty()) {
        if (item.required()) {
          errors.add("ข้อ " + item.seq() + ": กรุณาตอบข้อนี้");
        }
        continue;
      }
      switch (item.kind()) {
        case LIKERT -> {
          Integer level = null;
          try {
            level = Integer.valueOf(value);
          } catch (NumberFormatException e) {
            // reported below
          }
          if (level == null || level < 1 || level > 5) {
            errors.add("ข้อ " + item.seq() + ": ระดับความคิดเห็นต้องเป็นตัวเลข 1 ถึง 5 (ได้รับ '" + value + "')");
          } else {
            clean.put(item.seq(), new Object[] {level, null, null});
          }
        }
        case CHOICE -> {
          if (!item.choices().contains(value)) {
            errors.add("ข้อ " + item.seq() + ": ไม่มีตัวเลือก '" + value + "' ในข้อนี้");
          } else {
            clean.put(item.seq(), new Object[] {null, value, null});
          }
        }
        case OPEN -> {
          try {
            clean.put(item.seq(), new Object[] {null, null,
                FormInput.text(value, "ข้อ " + item.seq(), OPEN_ANSWER_MAX, item.required())});
          } catch (UserInputException e) {
            errors.add(e.getMessage());
          }
        }
      }
    }
    if (!errors.isEmpty()) {
      throw new UserInputException(String.join("; ", errors));
    }
    int used = jdbc.update("update me_survey_respondent set responded_at = ? where token = ? and responded_at is null",
        Timestamp.from(clock.now()), token);
    if (used == 0) {
      throw new LinkException(HttpStatus.CONFLICT, "ลิงก์นี้ได้ใช้ตอบแบบสอบถามไปแล้ว ตอบได้ครั้งเดียวต่อหนึ่งลิงก์");
    }
    clean.forEach((seq, a) -> jdbc.update("insert into me_survey_answer (token, seq, office_code, likert, choice_th, text_th)"
        + " values (?, ?, ?, ?, ?, ?)", token, seq, officeCode, a[0], a[1], a[2]));
  }

  // ---------------------------------------------------------------- reading

  public Optional<Survey> find(int fiscalYear) {
    return jdbc.query("select id, fiscal_year, title_th, intro_th, closes_on, status from me_survey"
        + " where office_code = ? and fiscal_year = ?", (rs, i) -> survey(rs), officeCode, fiscalYear).stream().findFirst();
  }

  public Survey require(int fiscalYear) {
    return find(fiscalYear).orElseThrow(() -> ApiException.notFound(
        "ยังไม่มีแบบสอบถามงานวิจัยของปีงบประมาณ " + fiscalYear));
  }

  public List<Item> items(long surveyId) {
    return jdbc.query("select seq, section_th, kind, text_th, choices_th, required from me_survey_item"
        + " where survey_id = ? order by seq", (rs, i) -> new Item(rs.getInt(1), rs.getString(2), Kind.valueOf(rs.getString(3)),
        rs.getString(4), rs.getString(5) == null ? List.of() : List.of(rs.getString(5).split("\n")), rs.getBoolean(6)), surveyId);
  }

  public List<Respondent> respondents(long surveyId) {
    return jdbc.query("select token, survey_id, kind, respondent, name_th, email, invited_at, responded_at"
        + " from me_survey_respondent where survey_id = ? order by kind, respondent", (rs, i) -> respondent(rs), surveyId);
  }

  /** Answers of one survey: token -> item number -> answer (Integer for Likert, String otherwise). */
  public Map<String, Map<Integer, Object>> answers(long surveyId) {
    Map<String, Map<Integer, Object>> result = new LinkedHashMap<>();
    jdbc.query("select a.token, a.seq, a.likert, a.choice_th, a.text_th from me_survey_answer a"
        + " join me_survey_respondent r on r.token = a.token where r.survey_id = ? order by r.responded_at, a.token, a.seq", rs -> {
          Object value = rs.getObject(3) != null ? (Object) rs.getInt(3) : rs.getString(4) != null ? rs.getString(4) : rs.getString(5);
          result.computeIfAbsent(rs.getString(1), t -> new LinkedHashMap<>()).put(rs.getInt(2), value);
        }, surveyId);
    return result;
  }

  /** Deletes a year's questionnaire with everything in it (tests, and a planner starting over). */
  @Transactional
  public void deleteYear(int fiscalYear) {
    find(fiscalYear).ifPresent(s -> {
      jdbc.update("delete from me_survey_answer where token in (select token from me_survey_respondent where survey_id = ?)", s.id());
      jdbc.update("delete from me_survey_respondent where survey_id = ?", s.id());
      jdbc.update("delete from me_survey_item where survey_id = ?", s.id());
      jdbc.update("delete from me_survey where id = ?", s.id());
    });
  }

  private Optional<Respondent> respondentByToken(String token) {
    return jdbc.query("select token, survey_id, kind, respondent, name_th, email, invited_at, responded_at"
        + " from me_survey_respondent where token = ?", (rs, i) -> respondent(rs), token).stream().findFirst();
  }

  private static void requireDraft(Survey survey) {
    if (survey.status() != Status.DRAFT) {
      throw new UserInputException("ส่งแบบสอบถามให้ผู้ตอบแล้ว จึงแก้ไขแบบสอบถามหรือผู้ตอบไม่ได้");
    }
  }

  private static Survey survey(java.sql.ResultSet rs) throws java.sql.SQLException {
    return new Survey(rs.getLong(1), rs.getInt(2), rs.getString(3), rs.getString(4), rs.getDate(5).toLocalDate(),
        Status.valueOf(rs.getString(6)));
  }

  private static Respondent respondent(java.sql.ResultSet rs) throws java.sql.SQLException {
    return new Respondent(rs.getString(1), rs.getLong(2), RespondentKind.valueOf(rs.getString(3)), rs.getString(4),
        rs.getString(5), rs.getString(6), instant(rs.getTimestamp(7)), instant(rs.getTimestamp(8)));
  }

  private static Instant instant(Timestamp t) {
    return t == null ? null : t.toInstant();
  }

  private static String nullToEmpty(String s) {
    return s == null ? "" : s;
  }

  static String newToken() {
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }
}
