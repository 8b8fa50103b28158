package th.planflow.mesystem;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import th.planflow.calendar.FiscalYear;
import th.planflow.calendar.ThaiDates;
import th.planflow.document.XlsxWriter;
import th.planflow.web.CurrentUser;
import th.planflow.web.Downloads;

/** The planner's API of the M&E system development duty: facts, the questionnaire, progress, analysis, report. */
@RestController
class MeSystemController {

  private final MeFacts facts;
  private final MeSurveys surveys;
  private final MeSurveyAnalysis analysis;
  private final MeDocuments documents;

  MeSystemController(MeFacts facts, MeSurveys surveys, MeSurveyAnalysis analysis, MeDocuments documents) {
    this.facts = facts;
    this.surveys = surveys;
    this.analysis = analysis;
    this.documents = documents;
  }

  @GetMapping("/api/me-system/{fiscalYear}/facts")
  MeFacts.Facts facts(@PathVariable String fiscalYear) {
    CurrentUser.requirePlanningOrSupervisor();
    return facts.of(year(fiscalYear));
  }

  @PutMapping("/api/me-system/{fiscalYear}/survey")
  Map<String, Object> define(@PathVariable String fiscalYear, @RequestBody MeSurveys.Definition definition) {
    CurrentUser.requirePlanOfficer();
    MeSurveys.Survey survey = surveys.define(year(fiscalYear), definition);
    return Map.of("id", survey.id(), "items", surveys.items(survey.id()).size(),
        "message", "บันทึกแบบสอบถาม \"" + survey.title() + "\" แล้ว ปิดรับวันที่ " + ThaiDates.full(survey.closesOn()));
  }

  @GetMapping("/api/me-system/{fiscalYear}/survey")
  Map<String, Object> survey(@PathVariable String fiscalYear) {
    CurrentUser.requirePlanningOrSupervisor();
    MeSurveys.Survey survey = surveys.require(year(fiscalYear));
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("title", survey.title());
    body.put("intro", survey.intro());
    body.put("closesOn", survey.closesOn().toString());
    body.put("status", survey.status().name());
    body.put("items", surveys.items(survey.id()));
    return body;
  }

  @PutMapping("/api/me-system/{fiscalYear}/survey/respondents")
  Map<String, Object> respondents(@PathVariable String fiscalYear, @RequestBody MeSurveys.RespondentsInput input) {
    CurrentUser.requirePlanOfficer();
    List<MeSurveys.Respondent> chosen = surveys.chooseRespondents(year(fiscalYear), input);
    long withoutMail = chosen.stream().filter(r -> r.email() == null || r.email().isBlank()).count();
    return Map.of("respondents", chosen.size(), "message", "เลือกผู้ตอบแบบสอบถาม " + chosen.size() + " ราย"
        + (withoutMail > 0 ? " (ไม่มีอีเมล " + withoutMail + " ราย จะไม่ได้รับลิงก์ทางอีเมล)" : ""));
  }

  @GetMapping("/api/me-system/{fiscalYear}/survey/progress")
  Map<String, Object> progress(@PathVariable String fiscalYear) {
    CurrentUser.requirePlanningOrSupervisor();
    MeSurveys.Survey survey = surveys.require(year(fiscalYear));
    List<MeSurveys.Respondent> all = surveys.respondents(survey.id());
    List<MeSurveys.Respondent> missing = all.stream().filter(r -> r.respondedAt() == null).toList();
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("status", survey.status().name());
    body.put("invited", all.size());
    body.put("responded", all.size() - missing.size());
    body.put("responseRate", SurveyStatistics.format(SurveyStatistics.percent(all.size() - missing.size(), all.size())));
    body.put("notResponded", missing.stream().map(r -> Map.of("kind", r.kind().name(), "id", r.respondent(),
        "name", r.name() == null ? "" : r.name())).toList());
    return body;
  }

  @PostMapping("/api/me-system/{fiscalYear}/survey/remind")
  Map<String, Object> remind(@PathVariable String fiscalYear) {
    CurrentUser.requirePlanOfficer();
    int sent = surveys.remind(year(fiscalYear));
    return Map.of("reminded", sent, "message", "ส่งอีเมลเตือนผู้ที่ยังไม่ตอบแล้ว " + sent + " ราย (เตือนได้วันละครั้งต่อราย)");
  }

  @GetMapping("/api/me-system/{fiscalYear}/survey/analysis")
  MeSurveyAnalysis.Analysis analysis(@PathVariable String fiscalYear) {
    CurrentUser.requirePlanningOrSupervisor();
    return analysis.of(year(fiscalYear));
  }

  @GetMapping("/api/me-system/{fiscalYear}/report.pdf")
  ResponseEntity<byte[]> reportPdf(@PathVariable String fiscalYear) {
    CurrentUser.requirePlanningOrSupervisor();
    int year = year(fiscalYear);
    return Downloads.attachment(documents.reportPdf(year), "me-research-report-" + year + ".pdf", "application/pdf");
  }

  @GetMapping("/api/me-system/{fiscalYear}/report.xlsx")
  ResponseEntity<byte[]> reportXlsx(@PathVariable String fiscalYear) {
    CurrentUser.requirePlanningOrSupervisor();
    int year = year(fiscalYear);
    return Downloads.attachment(documents.reportXlsx(year), "me-research-data-" + year + ".xlsx", XlsxWriter.CONTENT_TYPE);
  }

  private static int year(String fiscalYear) {
    return FiscalYear.parse(fiscalYear).buddhistYear();
  }



}
