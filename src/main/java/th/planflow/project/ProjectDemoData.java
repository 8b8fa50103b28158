package th.planflow.project;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.spring.boot.starter.event.PostDeployEvent;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import th.planflow.calendar.PlanflowClock;
import th.planflow.project.Projects.BudgetSource;

/**
 * The demo office's action plan (level 3) and about fifteen projects of FY 2570 as the planner registers
 * them in October, with owners among the demo staff and the details the owners start from
 * (planflow.demo.enabled).
 */
@Component
@ConditionalOnProperty(name = "planflow.demo.enabled", havingValue = "true")
class ProjectDemoData {

  static final int YEAR = 2570;

  private final ProjectMonitoring monitoring;
  private final Projects projects;
  private final PlanItems planItems;
  private final TransactionTemplate transaction;
  private final PlanflowClock clock;

  ProjectDemoData(ProjectMonitoring monitoring, Projects projects, PlanItems planItems, TransactionTemplate transaction,
      PlanflowClock clock) {
    this.monitoring = monitoring;
    this.projects = projects;
    this.planItems = planItems;
    this.transaction = transaction;
    this.clock = clock;
  }

  record Demo(String name, String owner, String budget, BudgetSource source, String links, String rationale,
      String objectives, String output, String outcome) {
  }

  static final List<Demo> PROJECTS = List.of(
      new Demo("โครงการพัฒนาการอ่านออกเขียนได้ของนักเรียนชั้นประถมศึกษาปีที่ 1-3", "staff1", "350000", BudgetSource.GOVERNMENT,
          "NS03 MP12-01 RF-ED05 OB03-1 ESA-S3",
          "ผลการประเมินความสามารถด้านการอ่าน (RT) ของนักเรียนชั้น ป.1 ในเขตพื้นที่ยังต่ำกว่าค่าเฉลี่ยระดับประเทศ",
          "เพื่อพัฒนาทักษะการอ่านออกเขียนได้ของนักเรียนชั้น ป.1-3 และพัฒนาครูผู้สอนภาษาไทย",
          "ครูผู้สอนภาษาไทยชั้น ป.1-3 จำนวน 240 คน ได้รับการพัฒนา", "นักเรียนชั้น ป.1 อ่านออกเขียนได้ ร้อยละ 90"),
      new Demo("โครงการยกระดับผลสัมฤทธิ์ทางการเรียนระดับชาติ (O-NET/NT)", "staff2", "480000", BudgetSource.GOVERNMENT,
          "NS03 MP12-01 OB03-1 ESA-S3",
          "ผลการทดสอบระดับชาติขั้นพื้นฐาน (O-NET) ของนักเรียนชั้น ป.6 บางสาระยังต่ำกว่าร้อยละ 50",
          "เพื่อยกระดับผลสัมฤทธิ์ทางการเรียนของนักเรียนชั้น ป.3 ป.6 และ ม.3",
          "สถานศึกษา 120 แห่ง จัดทำแผนยกระดับผลสัมฤทธิ์", "ค่าเฉลี่ยผลการทดสอบ O-NET เพิ่มขึ้นร้อยละ 3"),
      new Demo("โครงการสถานศึกษาปลอดภัย (MOE Safety Center)", "staff3", "150000", BudgetSource.GOVERNMENT,
          "NS01 MP01 SEC-03 OB01-1 ESA-S1",
          "สถานศึกษาต้องมีระบบป้องกันและรายงานเหตุภัยคุกคามที่รวดเร็วตามมาตรการของกระทรวงศึกษาธิการ",
          "เพื่อพัฒนาระบบดูแลความปลอดภัยของผู้เรียน ครู และบุคลากรในสถานศึกษาทุกแห่ง",
          "สถานศึกษาทุกแห่งมีแผนเผชิญเหตุและรายงานผ่าน MOE Safety Platform", "ไม่มีเหตุความไม่ปลอดภัยที่ไม่ได้รับการช่วยเหลือภายใน 24 ชั่วโมง"),
      new Demo("โครงการป้องกันและแก้ไขปัญหายาเสพติดในสถานศึกษา (สถานศึกษาสีขาว)", "staff3", "120000", BudgetSource.GOVERNMENT,
          "NS01 SEC-02 OB01 ESA-S1",
          "พื้นที่บริการบางอำเภอมีความเสี่ยงด้านยาเสพติดในกลุ่มเด็กและเยาวชน",
          "เพื่อสร้างภูมิคุ้มกันและเฝ้าระวังปัญหายาเสพติดในสถานศึกษา",
          "สถานศึกษาเข้าร่วมโครงการสถานศึกษาสีขาว 150 แห่ง", "สถานศึกษาผ่านการประเมินสถานศึกษาสีขาว ร้อยละ 80"),
      new Demo("โครงการพาน้องกลับมาเรียน (Thailand Zero Dropout)", "staff4", "200000", BudgetSource.GOVERNMENT,
          "NS04 MP17 RF-ED03 OB02-1 ESA-S2",
          "ยังมีเด็กวัยเรียนในพื้นที่ที่หลุดออกจากระบบการศึกษาและเด็กที่ไม่มีสถานศึกษา",
          "เพื่อติดตามเด็กตกหล่นและออกกลางคันกลับเข้าสู่ระบบการศึกษาหรือเส้นทางการเรียนรู้ที่เหมาะสม",
          "ติดตามเด็กตกหล่นและออกกลางคันครบทุกราย", "เด็กที่ติดตามพบได้กลับเข้าสู่ระบบการศึกษา ร้อยละ 80"),
      new Demo("โครงการพัฒนาคุณภาพการจัดการศึกษาปฐมวัย", "staff5", "180000", BudgetSource.GOVERNMENT,
          "NS03 MP11-02 RF-ED02 OB03 ESA-S3",
          "เด็กปฐมวัยบางส่วนมีพัฒนาการไม่สมวัยตามผลการประเมินพัฒนาการ",
          "เพื่อพัฒนาครูปฐมวัยและส่งเสริมพัฒนาการเด็กปฐมวัยทั้ง 4 ด้าน",
          "ครูปฐมวัย 180 คน ได้รับการพัฒนา", "เด็กปฐมวัยมีพัฒนาการสมวัย ร้อยละ 95"),
      new Demo("โครงการพัฒนาครูด้านการจัดการเรียนรู้เชิงรุก (Active Learning)", "staff6", "420000", BudgetSource.GOVERNMENT,
          "NS03 MP12-01 RF-ED04 OB03-2 ESA-S3",
          "ครูส่วนหนึ่งยังจัดการเรียนรู้แบบบรรยายเป็นหลัก ไม่สอดคล้องกับหลักสูตรฐานสมรรถนะ",
          "เพื่อพัฒนาครูให้ออกแบบและจัดการเรียนรู้เชิงรุกได้",
          "ครู 400 คน ผ่านการอบรมและชุมชนการเรียนรู้ทางวิชาชีพ (PLC)", "ครูที่ผ่านการอบรมนำไปใช้ในชั้นเรียน ร้อยละ 85"),
      new Demo("โครงการส่งเสริมการจัดการเรียนรู้วิทยาการคำนวณและ Coding", "staff7", "260000", BudgetSource.GOVERNMENT,
          "NS03 MP12-01 RF-ED07 OB03 ESA-S3",
          "หลักสูตรกำหนดให้ผู้เรียนมีทักษะวิทยาการคำนวณ แต่ครูและอุปกรณ์ยังไม่เพียงพอ",
          "เพื่อพัฒนาทักษะการคิดเชิงคำนวณและ Coding ของผู้เรียนและครู",
          "สถานศึกษา 100 แห่ง จัดกิจกรรม Coding", "ผู้เรียนผ่านเกณฑ์การประเมินทักษะวิทยาการคำนวณ ร้อยละ 75"),
      new Demo("โครงการนิเทศ ติดตาม และประเมินผลการจัดการศึกษา", "staff8", "300000", BudgetSource.GOVERNMENT,
          "NS03 MP12-01 OB03 ESA-S3",
          "การนิเทศอย่างต่อเนื่องช่วยให้สถานศึกษาพัฒนาคุณภาพการจัดการเรียนรู้ได้ตรงจุด",
          "เพื่อนิเทศ ติดตาม และประเมินผลการจัดการศึกษาของสถานศึกษาในสังกัด",
          "นิเทศสถานศึกษาครบทุกแห่ง อย่างน้อยภาคเรียนละ 1 ครั้ง", "สถานศึกษาผ่านการประกันคุณภาพภายในระดับดีขึ้นไป ร้อยละ 90"),
      new Demo("โครงการพัฒนาระบบบริหารจัดการด้วยเทคโนโลยีดิจิทัล (Smart ESA)", "staff9", "250000", BudgetSource.GOVERNMENT,
          "NS06 MP20 ND13-13 OB04-1 ESA-S4",
          "งานเอกสารและการรายงานซ้ำซ้อนเป็นภาระของครูและบุคลากร",
          "เพื่อพัฒนาระบบสารสนเทศและลดภาระงานเอกสารของสถานศึกษา",
          "ระบบงานดิจิทัลของสำนักงานเขต 5 ระบบ", "ลดเวลาการรายงานข้อมูลของสถานศึกษา ร้อยละ 30"),
      new Demo("โครงการส่งเสริมคุณธรรมและความโปร่งใสในการดำเนินงาน (ITA)", "staff10", "90000", BudgetSource.GOVERNMENT,
          "NS06 MP21 RF-AC OB04 ESA-S4",
          "สำนักงานเขตพื้นที่การศึกษาต้องผ่านการประเมินคุณธรรมและความโปร่งใส (ITA Online)",
          "เพื่อยกระดับการบริหารงานที่โปร่งใส ตรวจสอบได้",
          "เผยแพร่ข้อมูลสาธารณะครบทุกตัวชี้วัด", "ผลการประเมิน ITA ระดับ A ขึ้นไป"),
      new Demo("โครงการโรงเรียนคุณภาพประจำตำบล", "staff2", "500000", BudgetSource.GOVERNMENT,
          "NS04 MP12-01 RF-ED03 OB02 ESA-S2",
          "ผู้ปกครองในชนบทต้องการโรงเรียนคุณภาพใกล้บ้าน ลดการเดินทางเข้าเมือง",
          "เพื่อพัฒนาโรงเรียนคุณภาพประจำตำบลให้ผ่านเกณฑ์มาตรฐาน",
          "โรงเรียนคุณภาพประจำตำบล 25 แห่ง ได้รับการพัฒนา", "โรงเรียนผ่านเกณฑ์โรงเรียนคุณภาพ ร้อยละ 80"),
      new Demo("โครงการส่งเสริมการจัดการเรียนรวมสำหรับเด็กที่มีความต้องการจำเป็นพิเศษ", "staff4", "160000", BudgetSource.OFF_BUDGET,
          "NS04 MP17 RF-ED03 OB02 ESA-S2",
          "นักเรียนที่มีความต้องการจำเป็นพิเศษในโรงเรียนเรียนรวมยังได้รับการดูแลไม่ทั่วถึง",
          "เพื่อพัฒนาครูและระบบช่วยเหลือนักเรียนที่มีความต้องการจำเป็นพิเศษ",
          "ครูการศึกษาพิเศษ 60 คน ได้รับการพัฒนา", "นักเรียนมีแผนการจัดการศึกษาเฉพาะบุคคล (IEP) ครบทุกคน"),
      new Demo("โครงการโรงเรียนปลอดขยะ (Zero Waste School)", "staff5", "80000", BudgetSource.OTHER,
          "NS05 ND13-10 OB03 ESA-S3",
          "ปริมาณขยะในสถานศึกษาเพิ่มขึ้นและยังคัดแยกไม่ถูกวิธี",
          "เพื่อปลูกฝังจิตสำนึกการจัดการขยะและสิ่งแวดล้อมแก่ผู้เรียน",
          "สถานศึกษา 50 แห่ง จัดกิจกรรมคัดแยกขยะ", "ปริมาณขยะของสถานศึกษาที่เข้าร่วมลดลง ร้อยละ 20"),
      new Demo("โครงการเสริมสร้างสถาบันหลักของชาติและวิถีประชาธิปไตยในสถานศึกษา", "staff1", "70000", BudgetSource.GOVERNMENT,
          "NS01 SEC-01 OB03 ESA-S3",
          "การปลูกฝังความรักชาติ ศาสน์ กษัตริย์ และวิถีประชาธิปไตยเป็นพื้นฐานของพลเมืองดี",
          "เพื่อส่งเสริมกิจกรรมเทิดทูนสถาบันหลักและวิถีประชาธิปไตยในสถานศึกษา",
          "สถานศึกษาทุกแห่งจัดกิจกรรมสภานักเรียน", "ผู้เรียนมีคุณลักษณะพลเมืองดีตามเกณฑ์ ร้อยละ 90"));

  @EventListener(PostDeployEvent.class)
  @Order(10)
  public void load() {
    if (!projects.ofYear(YEAR).isEmpty() || planItems.find("ESA-S1").isPresent()) {
      return;
    }
    transaction.executeWithoutResult(status -> {
      List<PlanItems.Row> plan = new ArrayList<>();
      String[] strategies = {
          "กลยุทธ์ที่ 1 จัดการศึกษาเพื่อความปลอดภัยของผู้เรียน ครู และบุคลากรทางการศึกษา",
          "กลยุทธ์ที่ 2 เพิ่มโอกาสและลดความเหลื่อมล้ำทางการศึกษา",
          "กลยุทธ์ที่ 3 พัฒนาคุณภาพผู้เรียน ครู และบุคลากรทางการศึกษา",
          "กลยุทธ์ที่ 4 บริหารจัดการอย่างมีประสิทธิภาพด้วยหลักธรรมาภิบาลและเทคโนโลยีดิจิทัล"};
      for (int i = 0; i < strategies.length; i++) {
        plan.add(new PlanItems.Row(i + 1, new PlanItems.ItemInput(3, PlanKind.OFFICE_ACTION_PLAN.name(), "ESA-S" + (i + 1),
            null, strategies[i], null, YEAR, YEAR)));
      }
      planItems.save(plan, "planner", clock.now());
      LocalDate start = LocalDate.of(2026, 11, 1);
      LocalDate end = LocalDate.of(2027, 9, 30);
      for (Demo d : PROJECTS) {
        Projects.Project p = monitoring.register(YEAR, d.name(), d.owner(), d.links(), "planner");
        projects.saveDetails(p.id(), new Projects.Entry(d.name(), d.rationale(), d.objectives(), d.output(), d.outcome(),
            new BigDecimal(d.budget()), d.source(), start, end));
      }
    });
  }
}
