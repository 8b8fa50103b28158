package th.planflow.inspection;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import th.planflow.calendar.PlanflowClock;
import th.planflow.calendar.ThaiDates;
import th.planflow.office.OfficeUnit;
import th.planflow.office.OfficeUnitRepository;
import th.planflow.review.FormInput;
import th.planflow.web.UserInputException;

/**
 * The inspection's business rules, whoever calls them (the process's listeners, tests): what may be
 * recorded, in which state, with which Thai message when not. Knows nothing of the engine.
 */
@Service
public class InspectionService {

  /** A text box's limit, also the engine's limit of a text variable. */
  static final int TEXT_MAX = 4000;
  static final int NOTE_MAX = 2000;
  /** Overviews shown in forms stay under the engine's variable limit. */
  static final int OVERVIEW_MAX = 3900;

  public enum Decision {
    APPROVE("approve"), RETURN("return"), DROP("drop");

    private final String value;

    Decision(String value) {
      this.value = value;
    }

    public String value() {
      return value;
    }

    static Decision parse(Object value) {
      for (Decision d : values()) {
        if (d.value.equals(value)) {
          return d;
        }
      }
      throw new UserInputException("กรุณาเลือกผลการพิจารณา: เห็นชอบ ส่งกลับให้ทบทวน หรือไม่ดำเนินการ");
    }
  }

  private final InspectionRepository repository;
  private final OfficeUnitRepository units;
  private final PlanflowClock clock;

  public InspectionService(InspectionRepository repository, OfficeUnitRepository units, PlanflowClock clock) {
    this.repository = repository;
    this.units = units;
    this.clock = clock;
  }

  // ---- 1. issues, 2. plan -------------------------------------------------------------------

  /** Records the year's issues from the planner's lines; the year's inspection data starts over. */
  public List<InspectionIssue> recordIssues(int year, Object text) {
    String lines = FormInput.text(text, "ประเด็นการตรวจราชการ", TEXT_MAX, true);
    List<InspectionLines.IssueLine> issues = InspectionLines.issues(lines, units::findByCodeOrName);
    repository.clearYear(year);
    issues.forEach(i -> repository.insertIssue(year, i.seq(), i.source(), i.title(), i.indicators(), i.unitCode()));
    return repository.issues(year);
  }

  public List<InspectionVisit> recordPlan(int year, Object text) {
    String lines = FormInput.text(text, "กำหนดการตรวจราชการ", TEXT_MAX, true);
    List<InspectionVisit> visits = InspectionLines.visits(lines, issues(year), units::findByCodeOrName);
    repository.replaceVisits(year, visits);
    return visits;
  }

  public List<InspectionIssue> issues(int year) {
    return repository.issues(year);
  }

  public InspectionIssue issue(long id) {
    return repository.issue(id).orElseThrow(() -> new IllegalStateException("No inspection issue " + id));
  }

  public List<InspectionVisit> visits(int year) {
    return repository.visits(year);
  }

  // ---- 3. rounds ----------------------------------------------------------------------------

  /** A unit's result for an issue in a round (the inspection form); replaces a returned one. */
  public void submitResult(int year, int round, long issueId, Map<String, Object> form, String actor, boolean late) {
    issue(issueId);
    String result = FormInput.text(form.get(InspectionVariables.RESULT_TEXT), "ผลการดำเนินงานตามประเด็น", TEXT_MAX, true);
    String problems = FormInput.text(form.get(InspectionVariables.PROBLEMS_TEXT), "ปัญหาและอุปสรรค", NOTE_MAX, false);
    String suggestions = FormInput.text(form.get(InspectionVariables.SUGGESTIONS_TEXT), "ข้อเสนอแนะและแนวทางพัฒนา", NOTE_MAX, false);
    String evidence = FormInput.text(form.get(InspectionVariables.EVIDENCE_TEXT), "เอกสารหรือหลักฐานอ้างอิง", NOTE_MAX, false);
    repository.saveResult(year, new InspectionResult(round, issueId, result, problems, suggestions, evidence,
        InspectionResult.Status.SUBMITTED, actor, clock.now(), late, null));
  }

  public void reviewResult(int year, int round, long issueId, boolean approved, String comment, String reviewer) {
    if (!repository.reviewResult(year, round, issueId, approved ? InspectionResult.Status.APPROVED : InspectionResult.Status.RETURNED,
        comment, reviewer)) {
      throw new IllegalStateException("No result of issue " + issueId + " round " + round + " to review");
    }
  }

  public List<InspectionResult> results(int year) {
    return repository.results(year);
  }

  public Optional<InspectionResult> result(int year, int round, long issueId) {
    return results(year).stream().filter(r -> r.round() == round && r.issueId() == issueId).findFirst();
  }

  /** What the units reported in a round, for the planner's consolidation form. */
  public String roundOverview(int year, int round) {
    StringBuilder text = new StringBuilder();
    for (InspectionIssue issue : issues(year)) {
      text.append(issue.label()).append(" (").append(unitName(issue.unitCode())).append(")\n");
      Optional<InspectionResult> result = result(year, round, issue.id());
      if (result.isEmpty()) {
        text.append("  ยังไม่มีผลการดำเนินงาน\n");
        continue;
      }
      text.append("  ผล: ").append(result.get().resultText()).append('\n');
      if (result.get().problems() != null) {
        text.append("  ปัญหา/อุปสรรค: ").append(result.get().problems()).append('\n');
      }
      if (result.get().late()) {
        text.append("  (ส่งล่าช้ากว่ากำหนด)\n");
      }
    }
    return cap(text.toString());
  }

  public void saveRoundSummary(int year, int round, Object text) {
    String summary = FormInput.text(text, "สรุปผลการตรวจราชการ รอบที่ " + round, TEXT_MAX, true);
    repository.updateYear(year, round == 1 ? "round1_summary" : "round2_summary", summary);
  }

  // ---- 4. September summary -----------------------------------------------------------------

  public String summaryOverview(int year) {
    InspectionYear texts = repository.year(year);
    return cap("สรุปผลรอบที่ 1:\n" + orDash(texts.round1Summary()) + "\n\nสรุปผลรอบที่ 2:\n" + orDash(texts.round2Summary()));
  }

  public void submitSummary(int year, Object text) {
    String summary = FormInput.text(text, "สรุปและรายงานผลการตรวจราชการ", TEXT_MAX, true);
    repository.updateYear(year, "summary_text", summary, "summary_status", "SUBMITTED");
  }

  public void reviewSummary(int year, boolean approved, String reviewer) {
    if (approved) {
      repository.updateYear(year, "summary_status", "APPROVED", "summary_approved_by", reviewer,
          "summary_approved_at", Timestamp.from(clock.now()));
    } else {
      repository.updateYear(year, "summary_status", "RETURNED");
    }
  }

  public InspectionYear year(int year) {
    return repository.year(year);
  }

  // ---- 5. recommendations -------------------------------------------------------------------

  /** The planner records and analyses a recommendation: it is proposed to the director. */
  public Recommendation propose(int year, Map<String, Object> form, String actor) {
    RecommendationInput input = recommendationInput(year, form);
    long id = repository.insertRecommendation(year, input.issueId(), input.text(), input.analysis(), input.unitCode());
    repository.addEvent(id, RecommendationEvent.Kind.PROPOSED, RecommendationStatus.PROPOSED, actor, null);
    return recommendation(id);
  }

  /** The planner revises a recommendation the director returned, and proposes it again. */
  public Recommendation revise(long id, Map<String, Object> form, String actor) {
    Recommendation current = recommendation(id);
    requireStatus(current, RecommendationStatus.PROPOSED);
    RecommendationInput input = recommendationInput(current.fiscalYear(), form);
    repository.reviseRecommendation(id, input.issueId(), input.text(), input.analysis(), input.unitCode());
    repository.addEvent(id, RecommendationEvent.Kind.REVISED, RecommendationStatus.PROPOSED, actor, null);
    return recommendation(id);
  }

  /** The director approves, returns (reason required) or drops (reason required) a proposed recommendation. */
  public Decision decide(long id, Object decisionValue, Object reasonValue, String actor) {
    Decision decision = Decision.parse(decisionValue);
    String reason = FormInput.text(reasonValue, "เหตุผลที่ส่งกลับหรือไม่ดำเนินการ", TEXT_MAX, decision != Decision.APPROVE);
    Recommendation current = recommendation(id);
    requireStatus(current, RecommendationStatus.PROPOSED);
    switch (decision) {
      case APPROVE -> {
        repository.setStatus(id, RecommendationStatus.APPROVED, null);
        repository.addEvent(id, RecommendationEvent.Kind.APPROVED, RecommendationStatus.APPROVED, actor, reason);
      }
      case RETURN -> {
        repository.setStatus(id, RecommendationStatus.PROPOSED, reason);
        repository.addEvent(id, RecommendationEvent.Kind.RETURNED, RecommendationStatus.PROPOSED, actor, reason);
      }
      case DROP -> {
        repository.setStatus(id, RecommendationStatus.DROPPED, reason);
        repository.addEvent(id, RecommendationEvent.Kind.DROPPED, RecommendationStatus.DROPPED, actor, reason);
      }
    }
    return decision;
  }

  /** An approved recommendation goes to its unit as a follow-up task. */
  public void assignFollowUp(long id) {
    Recommendation current = recommendation(id);
    requireStatus(current, RecommendationStatus.APPROVED);
    repository.setStatus(id, RecommendationStatus.IN_PROGRESS, null);
    repository.addEvent(id, RecommendationEvent.Kind.ASSIGNED, RecommendationStatus.IN_PROGRESS, null, unitName(current.unitCode()));
  }

  /** The unit reports its improvement: actions, evidence (required) and completion date. */
  public void submitFollowUp(long id, Map<String, Object> form, String actor) {
    String actions = FormInput.text(form.get(InspectionVariables.IMPROVEMENT_ACTIONS), "การดำเนินการปรับปรุงและพัฒนางาน",
        TEXT_MAX, true);
    String evidence = FormInput.text(form.get(InspectionVariables.IMPROVEMENT_EVIDENCE), "หลักฐานการดำเนินการ", NOTE_MAX, false);
    if (evidence == null) {
      throw new UserInputException("การปรับปรุงที่ไม่มีหลักฐานไม่สามารถส่งได้ กรุณาระบุหลักฐานการดำเนินการ (รายละเอียดหรือลิงก์เอกสาร)");
    }
    LocalDate completed = completionDate(form.get(InspectionVariables.COMPLETION_DATE));
    Recommendation current = recommendation(id);
    requireStatus(current, RecommendationStatus.IN_PROGRESS);
    repository.saveFollowUp(id, actions, evidence, completed);
    repository.setStatus(id, RecommendationStatus.DONE, null);
    repository.addEvent(id, RecommendationEvent.Kind.SUBMITTED, RecommendationStatus.DONE, actor, null);
  }

  /** The planner verifies the improvement and closes it, or returns it to the unit. */
  public void reviewFollowUp(long id, boolean verified, String comment, String reviewer) {
    requireStatus(recommendation(id), RecommendationStatus.DONE);
    RecommendationStatus status = verified ? RecommendationStatus.VERIFIED : RecommendationStatus.IN_PROGRESS;
    repository.setStatus(id, status, null);
    repository.addEvent(id, verified ? RecommendationEvent.Kind.VERIFIED : RecommendationEvent.Kind.FOLLOW_UP_RETURNED, status,
        reviewer, comment);
  }

  public Recommendation recommendation(long id) {
    return repository.recommendation(id).orElseThrow(() -> new IllegalStateException("No recommendation " + id));
  }

  public List<Recommendation> recommendations(int year) {
    return repository.recommendations(year);
  }

  public List<RecommendationEvent> history(long recommendationId) {
    return repository.events(recommendationId);
  }

  /** The recommendations recorded so far, for the planner's form. */
  public String recommendationsOverview(int year) {
    List<Recommendation> recorded = recommendations(year);
    if (recorded.isEmpty()) {
      return "ยังไม่ได้บันทึกข้อเสนอแนะ";
    }
    return cap(recorded.stream().map(r -> r.seq() + ". " + r.text() + " (" + unitName(r.unitCode()) + ")")
        .collect(Collectors.joining("\n")));
  }

  // ---- 6. October report --------------------------------------------------------------------

  public void finalReport(int year, Object summaryValue, Object reportedToValue, String actor) {
    String summary = FormInput.text(summaryValue, "สรุปผลการดำเนินงาน", TEXT_MAX, true);
    String reportedTo = FormInput.text(reportedToValue, "หน่วยงานที่รายงาน", 1000, true);
    repository.updateYear(year, "final_summary", summary, "reported_to", reportedTo, "reported_by", actor,
        "reported_at", Timestamp.from(clock.now()));
  }

  // ---- units --------------------------------------------------------------------------------

  /** The user who heads a unit and receives its tasks. */
  public String unitHead(String unitCode) {
    OfficeUnit unit = units.find(unitCode)
        .orElseThrow(() -> new UserInputException("ไม่พบกลุ่มงาน '" + unitCode + "' ในข้อมูลกลุ่มงานของสำนักงาน"));
    if (unit.headUserId() == null) {
      throw new UserInputException(unit.nameTh() + " ยังไม่ได้กำหนดหัวหน้ากลุ่มงานในระบบ กรุณากำหนดก่อนดำเนินการต่อ");
    }
    return unit.headUserId();
  }

  public String unitName(String unitCode) {
    return units.find(unitCode).map(OfficeUnit::nameTh).orElse(unitCode);
  }

  /** "admin = กลุ่มอำนวยการ" a line, for the forms where the planner names units. */
  public String unitChoices() {
    return units.findActive().stream().map(u -> u.code() + " = " + u.nameTh()
        + (u.headUserId() == null ? " (ยังไม่มีหัวหน้ากลุ่มงานในระบบ)" : "")).collect(Collectors.joining("\n"));
  }

  public String issuesOverview(int year) {
    return cap(issues(year).stream().map(i -> i.seq() + ". [" + i.source().abbreviation() + "] " + i.title() + " ("
        + unitName(i.unitCode()) + ")").collect(Collectors.joining("\n")));
  }

  // ---- helpers ------------------------------------------------------------------------------

  record RecommendationInput(Long issueId, String text, String analysis, String unitCode) {
  }

  private RecommendationInput recommendationInput(int year, Map<String, Object> form) {
    String text = FormInput.text(form.get(InspectionVariables.RECOMMENDATION_TEXT), "ข้อเสนอแนะของผู้ตรวจราชการ", NOTE_MAX, true);
    String analysis = FormInput.text(form.get(InspectionVariables.ANALYSIS_TEXT), "ผลการวิเคราะห์และแนวทางการนำไปปรับปรุง",
        TEXT_MAX, true);
    String unitText = FormInput.text(form.get(InspectionVariables.UNIT_CODE), "กลุ่มงานที่รับผิดชอบ", 300, false);
    if (unitText == null) {
      throw new UserInputException("ข้อเสนอแนะที่ไม่มีกลุ่มงานรับผิดชอบไม่สามารถเสนอได้ กรุณาระบุกลุ่มงานที่รับผิดชอบ");
    }
    OfficeUnit unit = units.findByCodeOrName(unitText)
        .orElseThrow(() -> new UserInputException("ไม่พบกลุ่มงาน '" + unitText + "' ใช้รหัสหรือชื่อกลุ่มงานตามรายการกลุ่มงานในสำนักงาน"));
    unitHead(unit.code());
    Long issueId = null;
    Integer seq = issueSeq(form.get(InspectionVariables.ISSUE_SEQ));
    if (seq != null) {
      issueId = issues(year).stream().filter(i -> i.seq() == seq).map(InspectionIssue::id).findFirst()
          .orElseThrow(() -> new UserInputException("ไม่มีประเด็นที่ " + seq + " ในประเด็นการตรวจราชการของปีนี้"));
    }
    return new RecommendationInput(issueId, text, analysis, unit.code());
  }

  private static Integer issueSeq(Object value) {
    if (value == null || (value instanceof String s && s.isBlank())) {
      return null;
    }
    if (value instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue())) {
      return n.intValue();
    }
    if (value instanceof String s && s.strip().matches("\\d{1,3}")) {
      return Integer.valueOf(s.strip());
    }
    throw new UserInputException("ประเด็นที่เกี่ยวข้องต้องเป็นลำดับประเด็น เช่น 2");
  }

  /** A date from the form's date picker ("2027-09-20"), a Date, or Thai text ("20/9/2570"). */
  static LocalDate completionDate(Object value) {
    if (value == null || (value instanceof String s && s.isBlank())) {
      throw new UserInputException("กรุณาระบุวันที่ดำเนินการแล้วเสร็จ");
    }
    if (value instanceof Date date) {
      return date.toInstant().atZone(ThaiDates.BANGKOK).toLocalDate();
    }
    if (value instanceof String s) {
      String text = s.strip();
      try {
        if (text.matches("\\d{4}-\\d{2}-\\d{2}(T.*)?")) {
          return LocalDate.parse(text.substring(0, 10));
        }
      } catch (DateTimeParseException e) {
        // falls through to the message
      }
      LocalDate thai = InspectionLines.date(text);
      if (thai != null) {
        return thai;
      }
    }
    throw new UserInputException("วันที่ดำเนินการแล้วเสร็จไม่ถูกต้อง กรุณาเลือกวันที่ เช่น 20/9/2570");
  }

  private static void requireStatus(Recommendation r, RecommendationStatus expected) {
    if (r.status() != expected) {
      throw new UserInputException(r.label() + " อยู่ในสถานะ " + r.status().thai() + " จึงดำเนินการนี้ไม่ได้");
    }
  }

  private static String cap(String text) {
    return text.length() <= OVERVIEW_MAX ? text : text.substring(0, OVERVIEW_MAX) + "\n… (ดูฉบับเต็มในรายงาน)";
  }

  private static String orDash(String text) {
    return text == null ? "-" : text;
  }
}
