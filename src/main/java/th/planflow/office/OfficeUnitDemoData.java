package th.planflow.office;

import org.camunda.bpm.spring.boot.starter.event.PostDeployEvent;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The demo office's units (planflow.demo.enabled), each headed by one of the demo users staff1..staff10;
 * runs after {@link DemoData} has created them and only while the office has no units yet.
 */
@Component
@ConditionalOnProperty(name = "planflow.demo.enabled", havingValue = "true")
class OfficeUnitDemoData {

  /** Code, Thai name: the units of a primary educational service area office. */
  static final String[][] UNITS = {
      {"admin", "กลุ่มอำนวยการ"},
      {"policy-plan", "กลุ่มนโยบายและแผน"},
      {"promotion", "กลุ่มส่งเสริมการจัดการศึกษา"},
      {"supervision", "กลุ่มนิเทศ ติดตามและประเมินผลการจัดการศึกษา"},
      {"personnel", "กลุ่มบริหารงานบุคคล"},
      {"finance", "กลุ่มบริหารงานการเงินและสินทรัพย์"},
      {"teacher-dev", "กลุ่มพัฒนาครูและบุคลากรทางการศึกษา"},
      {"internal-audit", "หน่วยตรวจสอบภายใน"},
      {"legal", "กลุ่มกฎหมายและคดี"},
      {"ict", "กลุ่มส่งเสริมการศึกษาทางไกล เทคโนโลยีสารสนเทศและการสื่อสาร"}};

  private final OfficeUnitRepository units;

  OfficeUnitDemoData(OfficeUnitRepository units) {
    this.units = units;
  }

  @EventListener(PostDeployEvent.class)
  @Order(10)
  public void load() {
    if (!units.isEmpty()) {
      return;
    }
    for (int i = 0; i < UNITS.length; i++) {
      units.save(new OfficeUnit(UNITS[i][0], UNITS[i][1], "staff" + (i + 1), i + 1, true), "demo");
    }
  }
}
