package th.planflow.annualreport;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.spring.boot.starter.event.PostDeployEvent;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import th.planflow.identity.Groups;
import th.planflow.review.FormInput;
import th.planflow.web.UserInputException;

/**
 * The sections of the annual report, one per group of the office (กลุ่มงาน): reference data the plan
 * officer keeps, first filled with the groups an ESA office has (contributors staff1..staff10 in the demo).
 */
@Service
public class AnnualReportSections {

  /** The groups of a Primary Educational Service Area office, in the order of its annual report. */
  static final List<String[]> OFFICE_GROUPS = List.of(
      new String[] {"ADMIN", "กลุ่มอำนวยการ"},
      new String[] {"PLAN", "กลุ่มนโยบายและแผน"},
      new String[] {"PROMOTION", "กลุ่มส่งเสริมการจัดการศึกษา"},
      new String[] {"SUPERVISION", "กลุ่มนิเทศ ติดตามและประเมินผลการจัดการศึกษา"},
      new String[] {"PERSONNEL", "กลุ่มบริหารงานบุคคล"},
      new String[] {"FINANCE", "กลุ่มบริหารงานการเงินและสินทรัพย์"},
      new String[] {"TEACHER_DEV", "กลุ่มพัฒนาครูและบุคลากรทางการศึกษา"},
      new String[] {"AUDIT", "หน่วยตรวจสอบภายใน"},
      new String[] {"LEGAL", "กลุ่มกฎหมายและคดี"},
      new String[] {"DLICT", "กลุ่มส่งเสริมการศึกษาทางไกล เทคโนโลยีสารสนเทศและการสื่อสาร"});

  /** A row of the plan officer's list; sortOrder and active are optional. */
  public record SectionInput(Object code, Object name, Object contributor, Integer sortOrder, Boolean active) {
  }

  private final AnnualReports reports;
  private final IdentityService identity;
  private final boolean demo;

  AnnualReportSections(AnnualReports reports, IdentityService identity,
      @Value("${planflow.demo.enabled:false}") boolean demo) {
    this.reports = reports;
    this.identity = identity;
    this.demo = demo;
  }

  /** Fills the office's sections the first time (after the demo users exist). */
  @EventListener(PostDeployEvent.class)
  @Order(20)
  public void seed() {
    if (!reports.sections(false).isEmpty()) {
      return;
    }
    List<AnnualReports.Section> rows = new ArrayList<>();
    for (int i = 0; i < OFFICE_GROUPS.size(); i++) {
      String contributor = demo ? "staff" + (i + 1) : null;
      rows.add(new AnnualReports.Section(OFFICE_GROUPS.get(i)[0], OFFICE_GROUPS.get(i)[1], contributor, (i + 1) * 10, true));
    }
    reports.replaceSections(rows);
  }

  public List<AnnualReports.Section> active() {
    return reports.sections(true);
  }

  public AnnualReports.Section get(String code) {
    return reports.section(code).orElseThrow(() -> new UserInputException("ไม่พบกลุ่มงานรหัส " + code));
  }

  /** Replaces the list; refused whole, with row numbers, when a row is bad. */
  @Transactional
  public void replace(List<SectionInput> input) {
    if (input == null || input.isEmpty()) {
      throw new UserInputException("กรุณาระบุกลุ่มงานอย่างน้อย 1 กลุ่ม");
    }
    List<String> problems = new ArrayList<>();
    List<AnnualReports.Section> rows = new ArrayList<>();
    Set<String> codes = new HashSet<>();
    for (int i = 0; i < input.size(); i++) {
      SectionInput s = input.get(i);
      String row = "แถวที่ " + (i + 1) + ": ";
      try {
        String code = FormInput.text(s.code(), "รหัสกลุ่มงาน", 32, true);
        if (!code.matches("[A-Za-z0-9_-]+")) {
          throw new UserInputException("รหัสกลุ่มงานใช้ได้เฉพาะอักษรอังกฤษ ตัวเลข _ และ -");
        }
        if (!codes.add(code)) {
          throw new UserInputException("รหัสกลุ่มงาน " + code + " ซ้ำ");
        }
        String name = FormInput.text(s.name(), "ชื่อกลุ่มงาน", 300, true);
        String contributor = FormInput.text(s.contributor(), "ผู้รับผิดชอบ", 64, false);
        if (contributor != null && identity.createUserQuery().userId(contributor).count() == 0) {
          throw new UserInputException("ไม่พบผู้ใช้ " + contributor);
        }
        rows.add(new AnnualReports.Section(code, name, contributor, s.sortOrder() == null ? (i + 1) * 10 : s.sortOrder(),
            s.active() == null || s.active()));
      } catch (UserInputException e) {
        problems.add(row + e.getMessage());
      }
    }
    if (!problems.isEmpty()) {
      throw new UserInputException(String.join("; ", problems));
    }
    reports.replaceSections(rows);
  }

  /** Whoever writes the section, or null when the plan officers do. */
  public String contributor(String code) {
    return get(code).contributor();
  }

  public String contributorGroup(String code) {
    return get(code).contributor() == null ? Groups.PLAN_OFFICER : null;
  }
}
