package th.planflow.inspection;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.stereotype.Service;
import th.planflow.calendar.PlanflowClock;
import th.planflow.calendar.ThaiDates;
import th.planflow.document.DocumentService;
import th.planflow.document.XlsxCell;
import th.planflow.document.XlsxWriter;
import th.planflow.office.OfficeProperties;

/**
 * The October report to the agencies concerned: issues, plan, results of both rounds, the summary,
 * the recommendations and what was done on each, as PDF (templates/documents/inspection/final-report.html)
 * and as an Excel workbook.
 */
@Service
public class InspectionReport {

  static final String TEMPLATE = "inspection/final-report";

  private final InspectionService service;
  private final DocumentService documents;
  private final IdentityService identity;
  private final OfficeProperties office;
  private final PlanflowClock clock;

  public InspectionReport(InspectionService service, DocumentService documents, IdentityService identity,
      OfficeProperties office, PlanflowClock clock) {
    this.service = service;
    this.documents = documents;
    this.identity = identity;
    this.office = office;
    this.clock = clock;
  }

  public boolean hasData(int year) {
    return !service.issues(year).isEmpty();
  }

  public byte[] pdf(int year) {
    return documents.pdf(TEMPLATE, model(year));
  }

  /** What the template shows, as plain maps and strings (dates already in Thai, B.E.). */
  public Map<String, Object> model(int year) {
    InspectionYear texts = service.year(year);
    List<InspectionIssue> issues = service.issues(year);
    Map<String, Object> model = new LinkedHashMap<>();
    model.put("title", "รายงานผลการตรวจราชการ ประจำปีงบประมาณ " + year);
    model.put("officeName", office.name());
    model.put("fiscalYear", year);
    model.put("generatedOn", ThaiDates.full(clock.today()));
    model.put("issues", issues.stream().map(i -> issueRow(year, i)).toList());
    model.put("visits", service.visits(year).stream().map(v -> visitRow(v, issues)).toList());
    model.put("round1Summary", texts.round1Summary());
    model.put("round2Summary", texts.round2Summary());
    model.put("summaryText", texts.summaryText());
    model.put("summaryApproval", texts.summaryApprovedAt() == null ? null
        : "ผู้อำนวยการสำนักงานเขตพื้นที่การศึกษาเห็นชอบเมื่อ " + thaiDate(texts.summaryApprovedAt()) + " (" + name(texts.summaryApprovedBy()) + ")");
    model.put("recommendations", service.recommendations(year).stream().map(r -> recommendationRow(r, issues)).toList());
    model.put("finalSummary", texts.finalSummary());
    model.put("reportedTo", texts.reportedTo());
    model.put("reported", texts.reportedAt() == null ? null
        : "รายงานเมื่อ " + thaiDate(texts.reportedAt()) + " โดย " + name(texts.reportedBy()));
    return model;
  }

  public byte[] xlsx(int year) {
    List<InspectionIssue> issues = service.issues(year);
    try (XlsxWriter xlsx = new XlsxWriter()) {
      XlsxWriter.Sheet issueSheet = xlsx.sheet("ประเด็นการตรวจราชการ", "ที่", "แหล่งที่มา", "ประเด็นการตรวจราชการ", "ตัวชี้วัด",
          "กลุ่มงานที่รับผิดชอบ");
      issues.forEach(i -> issueSheet.row(i.seq(), i.source().thaiName(), i.title(), i.indicators(), service.unitName(i.unitCode())));
      XlsxWriter.Sheet plan = xlsx.sheet("แผนการตรวจราชการ", "ที่", "วันที่", "ผู้ตรวจราชการ", "ประเด็นที่ตรวจ", "กลุ่มงานที่เกี่ยวข้อง",
          "หมายเหตุ");
      for (InspectionVisit v : service.visits(year)) {
        plan.row(v.seq(), XlsxCell.date(v.date()), v.inspector(), seqs(v.issueSeqs()), unitNames(v.unitCodes()), v.note());
      }
      XlsxWriter.Sheet results = xlsx.sheet("ผลการดำเนินงาน", "ประเด็นที่", "ประเด็นการตรวจราชการ", "กลุ่มงาน", "รอบที่",
          "ผลการดำเนินงาน", "ปัญหาและอุปสรรค", "ข้อเสนอแนะและแนวทางพัฒนา", "หลักฐาน", "สถานะ", "ส่งล่าช้า");
      for (int round = 1; round <= 2; round++) {
        for (InspectionIssue i : issues) {
          Optional<InspectionResult> r = service.result(year, round, i.id());
          results.row(i.seq(), i.title(), service.unitName(i.unitCode()), round,
              r.map(InspectionResult::resultText).orElse("ยังไม่ได้รายงาน"), r.map(InspectionResult::problems).orElse(null),
              r.map(InspectionResult::suggestions).orElse(null), r.map(InspectionResult::evidence).orElse(null),
              r.map(x -> x.status().thai()).orElse(null), r.map(x -> x.late() ? "ล่าช้า" : "ตามกำหนด").orElse(null));
        }
      }
      XlsxWriter.Sheet recs = xlsx.sheet("ข้อเสนอแนะและการปรับปรุง", "ที่", "ประเด็นที่", "ข้อเสนอแนะของผู้ตรวจราชการ",
          "ผลการวิเคราะห์", "กลุ่มงานที่รับผิดชอบ", "สถานะ", "เหตุผลของผู้บังคับบัญชา", "การดำเนินการปรับปรุง", "หลักฐาน",
          "วันที่แล้วเสร็จ");
      for (Recommendation r : service.recommendations(year)) {
        recs.row(r.seq(), issueSeq(r, issues), r.text(), r.analysis(), service.unitName(r.unitCode()), r.status().thai(),
            r.decisionReason(), r.actions(), r.evidence(), XlsxCell.date(r.completionDate()));
      }
      InspectionYear texts = service.year(year);
      XlsxWriter.Sheet summary = xlsx.sheet("สรุป", "หัวข้อ", "รายละเอียด");
      summary.row("สรุปผลรอบที่ 1", texts.round1Summary()).row("สรุปผลรอบที่ 2", texts.round2Summary())
          .row("สรุปและรายงานการตรวจราชการ", texts.summaryText()).row("สรุปผลการดำเนินงาน", texts.finalSummary())
          .row("หน่วยงานที่รายงาน", texts.reportedTo());
      return xlsx.toBytes();
    }
  }

  private Map<String, Object> issueRow(int year, InspectionIssue i) {
    Map<String, Object> row = new LinkedHashMap<>();
    row.put("seq", i.seq());
    row.put("source", i.source().thaiName());
    row.put("sourceShort", i.source().abbreviation());
    row.put("title", i.title());
    row.put("indicators", i.indicators());
    row.put("unitName", service.unitName(i.unitCode()));
    List<Map<String, Object>> rounds = new ArrayList<>();
    for (int round = 1; round <= 2; round++) {
      Optional<InspectionResult> r = service.result(year, round, i.id());
      Map<String, Object> result = new LinkedHashMap<>();
      result.put("round", round);
      result.put("reported", r.isPresent());
      result.put("resultText", r.map(InspectionResult::resultText).orElse("ยังไม่ได้รายงาน"));
      result.put("problems", r.map(InspectionResult::problems).orElse(null));
      result.put("suggestions", r.map(InspectionResult::suggestions).orElse(null));
      result.put("evidence", r.map(InspectionResult::evidence).orElse(null));
      result.put("status", r.map(x -> x.status().thai() + (x.late() ? " (ส่งล่าช้า)" : "")).orElse("-"));
      rounds.add(result);
    }
    row.put("rounds", rounds);
    return row;
  }

  private Map<String, Object> visitRow(InspectionVisit v, List<InspectionIssue> issues) {
    Map<String, Object> row = new LinkedHashMap<>();
    row.put("date", ThaiDates.full(v.date()));
    row.put("inspector", v.inspector());
    row.put("issues", seqs(v.issueSeqs()));
    row.put("units", unitNames(v.unitCodes()));
    row.put("note", v.note());
    return row;
  }

  private Map<String, Object> recommendationRow(Recommendation r, List<InspectionIssue> issues) {
    Map<String, Object> row = new LinkedHashMap<>();
    row.put("seq", r.seq());
    row.put("issue", r.issueId() == null ? "-" : issues.stream().filter(i -> i.id() == r.issueId()).findFirst()
        .map(InspectionIssue::label).orElse("-"));
    row.put("text", r.text());
    row.put("analysis", r.analysis());
    row.put("unitName", service.unitName(r.unitCode()));
    row.put("status", r.status().thai());
    row.put("decisionReason", r.decisionReason());
    row.put("actions", r.actions());
    row.put("evidence", r.evidence());
    row.put("completionDate", r.completionDate() == null ? null : ThaiDates.full(r.completionDate()));
    row.put("history", service.history(r.id()).stream().map(e -> thaiDate(e.at()) + " " + e.event().thai()
        + (e.actor() == null ? "" : " (" + name(e.actor()) + ")") + (e.comment() == null ? "" : ": " + e.comment())).toList());
    return row;
  }

  private String unitNames(List<String> codes) {
    return codes.stream().map(service::unitName).collect(Collectors.joining(", "));
  }

  private static String seqs(List<Integer> seqs) {
    return seqs.stream().map(String::valueOf).collect(Collectors.joining(", "));
  }

  private static String issueSeq(Recommendation r, List<InspectionIssue> issues) {
    return r.issueId() == null ? null : issues.stream().filter(i -> i.id() == r.issueId()).findFirst()
        .map(i -> String.valueOf(i.seq())).orElse(null);
  }

  private static String thaiDate(Instant at) {
    return ThaiDates.full(LocalDate.ofInstant(at, ThaiDates.BANGKOK));
  }

  /** "สมศรี วางแผนดี" for a user id; the id itself when the user is unknown. */
  private String name(String userId) {
    if (userId == null) {
      return "-";
    }
    User user = identity.createUserQuery().userId(userId).singleResult();
    if (user == null) {
      return userId;
    }
    String full = ((user.getFirstName() == null ? "" : user.getFirstName()) + " "
        + (user.getLastName() == null ? "" : user.getLastName())).strip();
    return full.isEmpty() ? userId : full;
  }
}
