package th.planflow.inspection;

/** One inspection issue of the year (ประเด็นการตรวจราชการ) and the unit responsible for it. */
public record InspectionIssue(long id, int seq, IssueSource source, String title, String indicators, String unitCode) {

  /** "ประเด็นที่ 2 ..." as tasks and reports name it. */
  public String label() {
    return "ประเด็นที่ " + seq + " " + title;
  }
}
