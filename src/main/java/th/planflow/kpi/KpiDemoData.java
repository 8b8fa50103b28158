package th.planflow.kpi;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.spring.boot.starter.event.PostDeployEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import th.planflow.calendar.FiscalYear;
import th.planflow.calendar.PlanflowClock;

/**
 * Demo KPIs (planflow.demo.enabled): thirty KPIs of OBEC's action plan across its five strategies,
 * owned by staff1..staff10, for the current fiscal year, unless that year already has a list.
 */
@Component
@ConditionalOnProperty(name = "planflow.demo.enabled", havingValue = "true")
class KpiDemoData {

  private static final Logger LOG = LoggerFactory.getLogger(KpiDemoData.class);

  static final String S1 = "กลยุทธ์ที่ 1 จัดการศึกษาเพื่อความมั่นคงของสังคมและประเทศชาติ";
  static final String S2 = "กลยุทธ์ที่ 2 พัฒนาคุณภาพผู้เรียนให้มีสมรรถนะตามหลักสูตรและทักษะในศตวรรษที่ 21";
  static final String S3 = "กลยุทธ์ที่ 3 สร้างโอกาสและความเสมอภาคทางการศึกษาให้ประชากรวัยเรียนทุกคน";
  static final String S4 = "กลยุทธ์ที่ 4 พัฒนาครูและบุคลากรทางการศึกษาให้มีสมรรถนะทางวิชาชีพ";
  static final String S5 = "กลยุทธ์ที่ 5 พัฒนาระบบบริหารจัดการและส่งเสริมการมีส่วนร่วม";

  /** code, name, strategy, target, unit, direction, owner. */
  static final Object[][] KPIS = {
      {"1.1", "ร้อยละของนักเรียนที่มีพฤติกรรมที่แสดงออกถึงความรักในสถาบันหลักของชาติ และยึดมั่นการปกครองระบอบประชาธิปไตยอันมีพระมหากษัตริย์ทรงเป็นประมุข", S1, "95", "ร้อยละ", Direction.HIGHER, "staff1"},
      {"1.2", "ร้อยละของสถานศึกษาที่จัดกิจกรรมส่งเสริมคุณธรรม จริยธรรม และค่านิยมที่พึงประสงค์", S1, "100", "ร้อยละ", Direction.HIGHER, "staff1"},
      {"1.3", "ร้อยละของสถานศึกษาที่มีมาตรการรักษาความปลอดภัยของนักเรียนตามมาตรฐานความปลอดภัยของสถานศึกษา", S1, "100", "ร้อยละ", Direction.HIGHER, "staff2"},
      {"1.4", "จำนวนนักเรียนที่ได้รับผลกระทบจากภัยพิบัติและภัยคุกคามทุกรูปแบบ", S1, "0", "คน", Direction.LOWER, "staff2"},
      {"1.5", "ร้อยละของนักเรียนที่ได้รับการเฝ้าระวังและป้องกันปัญหายาเสพติดในสถานศึกษา", S1, "100", "ร้อยละ", Direction.HIGHER, "staff2"},
      {"1.6", "ร้อยละของสถานศึกษาที่จัดการเรียนรู้ประวัติศาสตร์ หน้าที่พลเมือง และศีลธรรม", S1, "100", "ร้อยละ", Direction.HIGHER, "staff1"},
      {"2.1", "ร้อยละของนักเรียนชั้นประถมศึกษาปีที่ 1 ที่อ่านออกเขียนได้", S2, "90", "ร้อยละ", Direction.HIGHER, "staff3"},
      {"2.2", "ร้อยละของนักเรียนชั้นประถมศึกษาปีที่ 3 ที่มีผลการประเมินความสามารถด้านการอ่าน (RT) ระดับดีขึ้นไป", S2, "70", "ร้อยละ", Direction.HIGHER, "staff3"},
      {"2.3", "ร้อยละของนักเรียนชั้นประถมศึกษาปีที่ 3 ที่มีผลการประเมินคุณภาพผู้เรียน (NT) ระดับดีขึ้นไป", S2, "60", "ร้อยละ", Direction.HIGHER, "staff3"},
      {"2.4", "ค่าเฉลี่ยผลการทดสอบทางการศึกษาระดับชาติขั้นพื้นฐาน (O-NET) ชั้นประถมศึกษาปีที่ 6 วิชาภาษาไทย", S2, "55", "คะแนน", Direction.HIGHER, "staff4"},
      {"2.5", "ค่าเฉลี่ยผลการทดสอบทางการศึกษาระดับชาติขั้นพื้นฐาน (O-NET) ชั้นมัธยมศึกษาปีที่ 3 วิชาคณิตศาสตร์", S2, "30", "คะแนน", Direction.HIGHER, "staff4"},
      {"2.6", "ร้อยละของสถานศึกษาที่จัดการเรียนรู้เชิงรุก (Active Learning) ตามหลักสูตรฐานสมรรถนะ", S2, "80", "ร้อยละ", Direction.HIGHER, "staff4"},
      {"2.7", "ร้อยละของนักเรียนที่มีทักษะการใช้ภาษาอังกฤษเพื่อการสื่อสารตามกรอบ CEFR ระดับ A1 ขึ้นไป", S2, "50", "ร้อยละ", Direction.HIGHER, "staff5"},
      {"2.8", "ร้อยละของนักเรียนที่ได้รับการพัฒนาทักษะดิจิทัลและวิทยาการคำนวณ", S2, "85", "ร้อยละ", Direction.HIGHER, "staff5"},
      {"2.9", "ร้อยละของนักเรียนที่มีภาวะโภชนาการสมส่วน", S2, "80", "ร้อยละ", Direction.HIGHER, "staff5"},
      {"3.1", "ร้อยละของประชากรวัยเรียนในเขตบริการที่ได้รับการศึกษาขั้นพื้นฐาน", S3, "100", "ร้อยละ", Direction.HIGHER, "staff6"},
      {"3.2", "อัตราการออกกลางคันของนักเรียน", S3, "0.5", "ร้อยละ", Direction.LOWER, "staff6"},
      {"3.3", "จำนวนเด็กตกหล่นและออกกลางคันที่ได้รับการติดตามกลับเข้าสู่ระบบการศึกษา", S3, "50", "คน", Direction.HIGHER, "staff6"},
      {"3.4", "ร้อยละของนักเรียนพิการเรียนร่วมที่ได้รับการพัฒนาตามแผนการจัดการศึกษาเฉพาะบุคคล (IEP)", S3, "100", "ร้อยละ", Direction.HIGHER, "staff7"},
      {"3.5", "ร้อยละของนักเรียนยากจนพิเศษที่ได้รับเงินอุดหนุนแบบมีเงื่อนไข", S3, "100", "ร้อยละ", Direction.HIGHER, "staff7"},
      {"3.6", "ร้อยละของโรงเรียนขนาดเล็กที่ได้รับการบริหารจัดการตามแนวทางการควบรวมหรือเครือข่ายสถานศึกษา", S3, "70", "ร้อยละ", Direction.HIGHER, "staff7"},
      {"4.1", "ร้อยละของครูที่ได้รับการพัฒนาตามมาตรฐานตำแหน่งและวิทยฐานะ", S4, "100", "ร้อยละ", Direction.HIGHER, "staff8"},
      {"4.2", "ร้อยละของครูที่จัดการเรียนรู้โดยใช้ชุมชนแห่งการเรียนรู้ทางวิชาชีพ (PLC)", S4, "90", "ร้อยละ", Direction.HIGHER, "staff8"},
      {"4.3", "ร้อยละของผู้บริหารสถานศึกษาที่ได้รับการพัฒนาด้านภาวะผู้นำทางวิชาการ", S4, "100", "ร้อยละ", Direction.HIGHER, "staff8"},
      {"4.4", "จำนวนสถานศึกษาที่มีครูไม่ครบชั้นเรียน", S4, "10", "โรงเรียน", Direction.LOWER, "staff9"},
      {"4.5", "ร้อยละของครูที่มีสมรรถนะด้านการใช้เทคโนโลยีดิจิทัลในการจัดการเรียนรู้", S4, "85", "ร้อยละ", Direction.HIGHER, "staff9"},
      {"5.1", "ระดับความสำเร็จของการบริหารจัดการสำนักงานเขตพื้นที่การศึกษาตามกรอบการประเมิน", S5, "5", "ระดับ", Direction.HIGHER, "staff10"},
      {"5.2", "ร้อยละของการเบิกจ่ายงบประมาณรายจ่ายภาพรวมตามเป้าหมาย", S5, "98", "ร้อยละ", Direction.HIGHER, "staff10"},
      {"5.3", "คะแนนการประเมินคุณธรรมและความโปร่งใสในการดำเนินงานของหน่วยงานภาครัฐ (ITA)", S5, "95", "คะแนน", Direction.HIGHER, "staff10"},
      {"5.4", "ร้อยละของสถานศึกษาที่มีระบบประกันคุณภาพภายในที่มีประสิทธิภาพ", S5, "100", "ร้อยละ", Direction.HIGHER, "staff9"},
  };

  private final KpiStore store;
  private final KpiStaff staff;
  private final PlanflowClock clock;
  private final TransactionTemplate transaction;

  KpiDemoData(KpiStore store, KpiStaff staff, PlanflowClock clock, TransactionTemplate transaction) {
    this.store = store;
    this.staff = staff;
    this.clock = clock;
    this.transaction = transaction;
  }

  static List<Kpi> kpis() {
    List<Kpi> kpis = new ArrayList<>();
    int seq = 0;
    for (Object[] k : KPIS) {
      kpis.add(new Kpi((String) k[0], ++seq, (String) k[1], (String) k[2], new BigDecimal((String) k[3]), (String) k[4],
          (Direction) k[5], (String) k[6]));
    }
    return kpis;
  }

  @EventListener(PostDeployEvent.class)
  @Order(10)
  public void load() {
    int year = FiscalYear.containing(clock.today()).buddhistYear();
    if (store.countKpis(year) > 0 || !staff.isStaff("staff10")) {
      return;
    }
    LOG.info("Loading {} demo KPIs for fiscal year {}", KPIS.length, year);
    transaction.executeWithoutResult(status -> store.replaceKpis(year, kpis(), "planner", clock.now()));
  }
}
