package th.planflow.strategy;

import java.math.BigDecimal;
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

/**
 * Demo (planflow.demo.enabled): the provincial strategy items of FY 2570 that concern the demo office,
 * each owned by one of staff1..staff6, so that the study and appointment forms of FY 2570 open filled in.
 * Loaded once, after the demo users (office.DemoData); a year that already has items is left alone.
 */
@Component
@ConditionalOnProperty(name = "planflow.demo.enabled", havingValue = "true")
class StrategyDemoData {

  static final FiscalYear YEAR = FiscalYear.of(2570);
  static final String PLAN = "แผนพัฒนาจังหวัด พ.ศ. 2566-2570 (ฉบับทบทวน ประจำปีงบประมาณ พ.ศ. 2570)";
  private static final Logger LOG = LoggerFactory.getLogger(StrategyDemoData.class);

  static final List<StrategyItem> ITEMS = List.of(
      item("1.1", "ร้อยละของนักเรียนชั้นประถมศึกษาปีที่ 3 ที่อ่านออกเขียนได้", "95", "ร้อยละ",
          "โครงการส่งเสริมการอ่านออกเขียนได้ของนักเรียนระดับประถมศึกษา", "staff1"),
      item("1.2", "ร้อยละของนักเรียนชั้นประถมศึกษาปีที่ 6 ที่มีผลการทดสอบระดับชาติ (O-NET) วิชาคณิตศาสตร์ตั้งแต่ร้อยละ 50 ขึ้นไป",
          "40", "ร้อยละ", "โครงการยกระดับผลสัมฤทธิ์ทางการเรียน", "staff2"),
      item("2.1", "จำนวนโรงเรียนที่จัดการเรียนรู้ตามแนวทางสะเต็มศึกษาและวิทยาการคำนวณ", "60", "โรงเรียน",
          "โครงการพัฒนาการจัดการเรียนรู้สะเต็มศึกษา", "staff3"),
      item("3.1", "ร้อยละของเด็กปฐมวัยที่มีพัฒนาการสมวัยทั้ง 4 ด้าน", "90", "ร้อยละ",
          "โครงการพัฒนาคุณภาพการจัดการศึกษาปฐมวัย", "staff4"),
      item("4.1", "จำนวนโรงเรียนที่ผ่านเกณฑ์สถานศึกษาปลอดภัยและปลอดยาเสพติด", "280", "โรงเรียน",
          "โครงการสถานศึกษาปลอดภัย; โครงการโรงเรียนสีขาว", "staff5"),
      item("5.1", "ร้อยละของโรงเรียนที่ดำเนินการตามแนวทางโรงเรียนปลอดขยะ (Zero Waste School)", "30", "ร้อยละ",
          "โครงการโรงเรียนปลอดขยะ", "staff6"));

  private final StrategyRepository repository;
  private final TransactionTemplate transaction;

  StrategyDemoData(StrategyRepository repository, TransactionTemplate transaction) {
    this.repository = repository;
    this.transaction = transaction;
  }

  @EventListener(PostDeployEvent.class)
  @Order(10)
  public void load() {
    if (!repository.items(YEAR.buddhistYear()).isEmpty()) {
      return;
    }
    LOG.info("Loading {} demo provincial strategy items for fiscal year {}", ITEMS.size(), YEAR);
    transaction.executeWithoutResult(status -> repository.saveStudy(YEAR.buddhistYear(),
        new StrategyRecords.Plan(PLAN, "ตัวอย่าง: รายการที่เกี่ยวข้องกับสำนักงานเขตพื้นที่การศึกษา"), ITEMS, "planner"));
  }

  private static StrategyItem item(String code, String name, String target, String unit, String projects, String owner) {
    return new StrategyItem(code, name, new BigDecimal(target), unit, projects, owner);
  }
}
