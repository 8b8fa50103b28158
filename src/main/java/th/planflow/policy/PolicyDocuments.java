package th.planflow.policy;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import th.planflow.calendar.ThaiDates;
import th.planflow.document.DocumentService;
import th.planflow.document.XlsxCell;
import th.planflow.document.XlsxWriter;
import th.planflow.office.OfficeProperties;

/** The round export the planner re-keys into e-MES, and the November summary for the director. */
@Service
class PolicyDocuments {

  private final PolicyRounds rounds;
  private final Policies policies;
  private final PolicyReporting reporting;
  private final DocumentService documents;
  private final OfficeProperties office;

  PolicyDocuments(PolicyRounds rounds, Policies policies, PolicyReporting reporting, DocumentService documents,
      OfficeProperties office) {
    this.rounds = rounds;
    this.policies = policies;
    this.reporting = reporting;
    this.documents = documents;
    this.office = office;
  }

  byte[] roundExport(long roundId) {
    PolicyRounds.Round round = reporting.round(roundId);
    Map<String, String> policyNames = names(round.fiscalYear());
    Map<String, PolicyRounds.Report> reports = new HashMap<>();
    rounds.reports(roundId).forEach(r -> reports.put(r.reporter(), r));
    try (XlsxWriter xlsx = new XlsxWriter()) {
      XlsxWriter.Sheet sheet = xlsx.sheet(round.name(), "รหัสสถานศึกษา", "ชื่อสถานศึกษา", "รหัสนโยบาย", "นโยบาย",
          "ผลการดำเนินงาน", "ปัญหาอุปสรรค", "ข้อเสนอแนะ", "วันที่ส่ง", "ส่งตรงเวลา");
      for (PolicyRounds.Result r : rounds.results(roundId, null)) {
        PolicyRounds.Report report = reports.get(r.reporter());
        if (report == null || !PolicyReporting.submitted(report)) {
          continue; // drafts are not reported to e-MES
        }
        LocalDate submitted = report.submittedAt() == null ? null
            : report.submittedAt().atZone(ThaiDates.BANGKOK).toLocalDate();
        sheet.row(r.reporter(), report.reporterName(), r.policyCode(), policyNames.get(r.policyCode()), r.result(),
            r.problems(), r.suggestions(), submitted == null ? XlsxCell.blank() : XlsxCell.date(submitted),
            report.late() ? "ไม่ตรงเวลา" : "ตรงเวลา");
      }
      return xlsx.toBytes();
    }
  }

  record RoundSummary(String name, String dueOn, int expected, int submitted, int onTime, String completeness,
      String timeliness) {
  }

  record PolicySummary(String code, String name, int reported, List<String> problems) {
  }

  Map<String, Object> summaryModel(int fiscalYear) {
    List<RoundSummary> roundRows = new ArrayList<>();
    Map<String, PolicySummary> byPolicy = new LinkedHashMap<>();
    policies.ofYear(fiscalYear).forEach(p -> byPolicy.put(p.code(), new PolicySummary(p.code(), p.name(), 0, new ArrayList<>())));
    for (PolicyRounds.Round round : rounds.ofYear(fiscalYear)) {
      PolicyReporting.Progress p = reporting.progress(round.id());
      roundRows.add(new RoundSummary(round.name(), ThaiDates.full(round.dueOn()), p.expected(), p.submitted(), p.onTime(),
          percent(p.submitted(), p.expected()), percent(p.onTime(), p.expected())));
      for (PolicyRounds.Result r : rounds.results(round.id(), null)) {
        PolicySummary s = byPolicy.get(r.policyCode());
        if (s == null) {
          continue;
        }
        List<String> problems = s.problems();
        if (r.problems() != null && problems.size() < 20) {
          problems.add(r.problems());
        }
        byPolicy.put(r.policyCode(), new PolicySummary(s.code(), s.name(), s.reported() + 1, problems));
      }
    }
    Map<String, Object> model = new HashMap<>();
    model.put("title", "สรุปผลการรายงานผลการดำเนินงานตามนโยบาย สพฐ. ปีงบประมาณ " + fiscalYear);
    model.put("office", office.name());
    model.put("fiscalYear", fiscalYear);
    model.put("rounds", roundRows);
    model.put("policies", new ArrayList<>(byPolicy.values()));
    return model;
  }

  byte[] summaryPdf(int fiscalYear) {
    return documents.pdf("policy/summary", summaryModel(fiscalYear));
  }

  byte[] summaryXlsx(int fiscalYear) {
    Map<String, Object> model = summaryModel(fiscalYear);
    try (XlsxWriter xlsx = new XlsxWriter()) {
      XlsxWriter.Sheet sheet = xlsx.sheet("ความครบถ้วนรายรอบ", "รอบการรายงาน", "ครบกำหนด", "ผู้รายงานทั้งหมด", "ส่งแล้ว",
          "ส่งตรงเวลา", "ร้อยละความครบถ้วน", "ร้อยละความตรงเวลา");
      for (Object o : (List<?>) model.get("rounds")) {
        RoundSummary r = (RoundSummary) o;
        sheet.row(r.name(), r.dueOn(), r.expected(), r.submitted(), r.onTime(), r.completeness(), r.timeliness());
      }
      XlsxWriter.Sheet perPolicy = xlsx.sheet("ผลรายนโยบาย", "รหัสนโยบาย", "นโยบาย", "จำนวนรายงาน", "ปัญหาอุปสรรคที่พบ");
      for (Object o : (List<?>) model.get("policies")) {
        PolicySummary p = (PolicySummary) o;
        perPolicy.row(p.code(), p.name(), p.reported(), String.join(" / ", p.problems()));
      }
      return xlsx.toBytes();
    }
  }

  private Map<String, String> names(int fiscalYear) {
    Map<String, String> names = new HashMap<>();
    policies.ofYear(fiscalYear).forEach(p -> names.put(p.code(), p.name()));
    return names;
  }

  static String percent(int part, int whole) {
    return whole == 0 ? "-" : String.format("%.1f", 100.0 * part / whole);
  }
}
