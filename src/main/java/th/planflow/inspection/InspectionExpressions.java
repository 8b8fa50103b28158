package th.planflow.inspection;

import java.util.List;
import org.springframework.stereotype.Component;
import th.planflow.calendar.FiscalYear;

/**
 * What bpmn/inspection.bpmn asks in its expressions ({@code ${inspection.issueIds(fiscalYear)}}): the
 * multi-instance collections, who submits, and the titles and overviews passed to reviewedSubmission.
 */
@Component("inspection")
public class InspectionExpressions {

  private static final int TITLE_TEXT_MAX = 80;

  private final InspectionService service;

  InspectionExpressions(InspectionService service) {
    this.service = service;
  }

  /** The year's issues: one unit report per issue and round. */
  public List<Long> issueIds(Object fiscalYear) {
    return service.issues(year(fiscalYear)).stream().map(InspectionIssue::id).toList();
  }

  /** The recommendations proposed to the director. */
  public List<Long> recommendationIds(Object fiscalYear) {
    return service.recommendations(year(fiscalYear)).stream()
        .filter(r -> r.status() == RecommendationStatus.PROPOSED).map(Recommendation::id).toList();
  }

  public String issueUnitHead(long issueId) {
    return service.unitHead(service.issue(issueId).unitCode());
  }

  public String recommendationUnitHead(long recommendationId) {
    return service.unitHead(service.recommendation(recommendationId).unitCode());
  }

  /** "รายงานผลการตรวจราชการ รอบที่ 1 ประเด็นที่ 2 การลดความเหลื่อมล้ำ…". */
  public String roundTitle(Object round, long issueId) {
    return "รายงานผลการตรวจราชการ รอบที่ " + round + " " + shorten(service.issue(issueId).label());
  }

  public String issueOverview(long issueId) {
    InspectionIssue issue = service.issue(issueId);
    return issue.label() + "\nแหล่งที่มา: " + issue.source().thaiName() + "\nตัวชี้วัด: "
        + (issue.indicators() == null ? "-" : issue.indicators()) + "\nกลุ่มงานที่รับผิดชอบ: " + service.unitName(issue.unitCode());
  }

  /** "นำข้อเสนอแนะไปปรับปรุงและพัฒนางาน: ข้อเสนอแนะที่ 1 …". */
  public String followUpTitle(long recommendationId) {
    Recommendation r = service.recommendation(recommendationId);
    return "นำข้อเสนอแนะไปปรับปรุงและพัฒนางาน: " + shorten(r.label() + " " + r.text());
  }

  public String recommendationOverview(long recommendationId) {
    Recommendation r = service.recommendation(recommendationId);
    return r.label() + ": " + r.text() + "\n\nผลการวิเคราะห์และแนวทาง: " + r.analysis();
  }

  public String summaryOverview(Object fiscalYear) {
    return service.summaryOverview(year(fiscalYear));
  }

  private static int year(Object fiscalYear) {
    return FiscalYear.parse(fiscalYear).buddhistYear();
  }

  private static String shorten(String text) {
    return text.length() <= TITLE_TEXT_MAX ? text : text.substring(0, TITLE_TEXT_MAX) + "…";
  }
}
