package th.planflow.annualreport;

import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.stereotype.Component;
import th.planflow.calendar.FiscalYear;
import th.planflow.identity.Groups;

/**
 * What bpmn/annual-report.bpmn asks by expression: the sections to collect, who writes each, the pre-filled
 * text, the members of the executive team.
 */
@Component("annualReportProcess")
public class AnnualReportProcess {

  public static final String SUBJECT_PREFIX = "annual-report:";

  private final AnnualReportSections sections;
  private final AnnualReportPrefill prefill;
  private final IdentityService identity;

  AnnualReportProcess(AnnualReportSections sections, AnnualReportPrefill prefill, IdentityService identity) {
    this.sections = sections;
    this.prefill = prefill;
    this.identity = identity;
  }

  public List<String> sectionCodes() {
    return sections.active().stream().map(AnnualReports.Section::code).toList();
  }

  public String sectionName(String code) {
    return sections.get(code).name();
  }

  public String contributor(String code) {
    return sections.contributor(code);
  }

  public String contributorGroup(String code) {
    return sections.contributorGroup(code);
  }

  public String prefill(Object fiscalYear, String code) {
    return prefill.quantityText(FiscalYear.parse(fiscalYear).buddhistYear(), code);
  }

  public List<String> executives() {
    return identity.createUserQuery().memberOfGroup(Groups.EXECUTIVE_BOARD).orderByUserId().asc().list().stream()
        .map(User::getId).toList();
  }

  /** "annual-report:<year>:<section code>", the subjectRef of a group's contribution. */
  record Subject(int year, String sectionCode) {
    static Subject of(Object ref) {
      String[] parts = ref.toString().substring(SUBJECT_PREFIX.length()).split(":", 2);
      return new Subject(Integer.parseInt(parts[0]), parts[1]);
    }
  }
}
