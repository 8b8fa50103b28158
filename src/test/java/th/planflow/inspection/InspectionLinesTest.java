package th.planflow.inspection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import th.planflow.office.OfficeUnit;
import th.planflow.web.UserInputException;

/** The planner's lines of issues and visits, as typed or pasted from Excel. */
class InspectionLinesTest {

  static final Map<String, OfficeUnit> UNITS = Map.of(
      "policy-plan", new OfficeUnit("policy-plan", "กลุ่มนโยบายและแผน", "staff2", 2, true),
      "legal", new OfficeUnit("legal", "กลุ่มกฎหมายและคดี", "staff9", 9, true),
      "ict", new OfficeUnit("ict", "กลุ่มส่งเสริมการศึกษาทางไกล เทคโนโลยีสารสนเทศและการสื่อสาร", null, 10, true));
  static final Function<String, Optional<OfficeUnit>> FIND = text -> UNITS.values().stream()
      .filter(u -> u.code().equals(text) || u.nameTh().equals(text) || u.shortName().equals(text)).findFirst();
  static final List<InspectionIssue> ISSUES = List.of(
      new InspectionIssue(11, 1, IssueSource.MOE, "ประเด็นหนึ่ง", null, "policy-plan"),
      new InspectionIssue(12, 2, IssueSource.PMO, "ประเด็นสอง", null, "legal"),
      new InspectionIssue(13, 3, IssueSource.PMO, "ประเด็นสาม", null, "legal"));

  @Test
  void readsPipesAndExcelTabsAndSkipsTheHeader() {
    List<InspectionLines.IssueLine> issues = InspectionLines.issues(
        "แหล่งที่มา\tประเด็น\tตัวชี้วัด\tกลุ่มงาน\n"
            + "กระทรวงศึกษาธิการ\tการพัฒนาคุณภาพ\tร้อยละ 80\tนโยบายและแผน\n\n"
            + " นร. | การลดความเหลื่อมล้ำ |  | กลุ่มกฎหมายและคดี |\n"
            + "การตรวจราชการแบบบูรณาการ | ความปลอดภัย | - | legal", FIND);

    assertThat(issues).extracting(InspectionLines.IssueLine::seq, InspectionLines.IssueLine::source,
            InspectionLines.IssueLine::title, InspectionLines.IssueLine::indicators, InspectionLines.IssueLine::unitCode)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(1, IssueSource.MOE, "การพัฒนาคุณภาพ", "ร้อยละ 80", "policy-plan"),
            org.assertj.core.groups.Tuple.tuple(2, IssueSource.PMO, "การลดความเหลื่อมล้ำ", null, "legal"),
            org.assertj.core.groups.Tuple.tuple(3, IssueSource.PMO, "ความปลอดภัย", "-", "legal"));
  }

  @Test
  void aUnitWithoutHeadOrWithoutNameIsRefused() {
    assertThatThrownBy(() -> InspectionLines.issues("ศธ | ก | ข | ict\nศธ | ค | ง | ", FIND))
        .isInstanceOf(UserInputException.class)
        .hasMessage("ข้อมูลไม่ถูกต้อง กรุณาแก้ไขแล้วส่งอีกครั้ง\n"
            + "บรรทัดที่ 1: กลุ่มส่งเสริมการศึกษาทางไกล เทคโนโลยีสารสนเทศและการสื่อสาร ยังไม่ได้กำหนดหัวหน้ากลุ่มงานในระบบ กรุณาแจ้งผู้ดูแลระบบ\n"
            + "บรรทัดที่ 2: ยังไม่ได้ระบุกลุ่มงานที่รับผิดชอบ");
  }

  @Test
  void htmlIsRefusedWithItsLine() {
    assertThatThrownBy(() -> InspectionLines.issues("ศธ | <b>ก</b> | ข | legal", FIND))
        .hasMessageEndingWith("บรรทัดที่ 1: ประเด็นการตรวจราชการ ต้องเป็นข้อความธรรมดา ห้ามใส่แท็ก HTML");
  }

  @Test
  void manyMistakesAreCounted() {
    String lines = "x\n".repeat(12);
    assertThatThrownBy(() -> InspectionLines.issues(lines, FIND)).hasMessageEndingWith("และอีก 4 รายการ");
  }

  @Test
  void datesAreReadInTheOfficesWays() {
    LocalDate march15 = LocalDate.of(2027, 3, 15);
    for (String text : List.of("15/3/2570", "15/03/70", "2027-03-15", "2570-03-15", "15 มี.ค. 2570", "15 มีนาคม 2570", "15มี.ค.70")) {
      assertThat(InspectionLines.date(text)).as(text).isEqualTo(march15);
    }
    for (String text : List.of("31/2/2570", "15 มีน 2570", "พรุ่งนี้", "15/13/2570")) {
      assertThat(InspectionLines.date(text)).as(text).isNull();
    }
  }

  @Test
  void visitsCoverIssuesByNumberRangeOrAllAndTakeTheirUnits() {
    List<InspectionVisit> visits = InspectionLines.visits(
        "15/3/2570 | ผู้ตรวจราชการ ศธ | 1-2\n"
            + "20/3/2570 | ผู้ตรวจราชการ นร | ทุกประเด็น | นโยบายและแผน | ประชุมทางไกล", ISSUES, FIND);

    assertThat(visits.get(0).issueSeqs()).containsExactly(1, 2);
    assertThat(visits.get(0).unitCodes()).containsExactly("policy-plan", "legal");
    assertThat(visits.get(0).note()).isNull();
    assertThat(visits.get(1).issueSeqs()).containsExactly(1, 2, 3);
    assertThat(visits.get(1).unitCodes()).containsExactly("policy-plan");
    assertThat(visits.get(1).note()).isEqualTo("ประชุมทางไกล");
  }

  @Test
  void visitsWithUnknownIssuesOrBadDatesAreRefused() {
    assertThatThrownBy(() -> InspectionLines.visits("15/3/2570 | ผู้ตรวจ | 1,5\n32/3/2570 | ผู้ตรวจ | 1\n1/4/2570 | ผู้ตรวจ | ก",
        ISSUES, FIND))
        .hasMessageContaining("บรรทัดที่ 1: ไม่มีประเด็นที่ 5 ในประเด็นการตรวจราชการของปีนี้")
        .hasMessageContaining("บรรทัดที่ 2: วันที่ '32/3/2570' ไม่ถูกต้อง")
        .hasMessageContaining("บรรทัดที่ 3: ประเด็นที่ตรวจ 'ก' ไม่ถูกต้อง");
    assertThatThrownBy(() -> InspectionLines.visits("\n \n", ISSUES, FIND))
        .hasMessage("กรุณากรอกกำหนดการตรวจราชการอย่างน้อย 1 รายการ");
  }

  @Test
  void completionDatesFromThePickerOrThaiText() {
    assertThat(InspectionService.completionDate("2027-09-20")).isEqualTo(LocalDate.of(2027, 9, 20));
    assertThat(InspectionService.completionDate("2027-09-20T00:00:00.000+0700")).isEqualTo(LocalDate.of(2027, 9, 20));
    assertThat(InspectionService.completionDate("20/9/2570")).isEqualTo(LocalDate.of(2027, 9, 20));
    assertThatThrownBy(() -> InspectionService.completionDate(null)).hasMessage("กรุณาระบุวันที่ดำเนินการแล้วเสร็จ");
    assertThatThrownBy(() -> InspectionService.completionDate("2027-13-40")).hasMessageContaining("ไม่ถูกต้อง");
  }
}
