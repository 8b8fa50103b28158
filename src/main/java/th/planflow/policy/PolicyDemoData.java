package th.planflow.policy;

import java.util.List;
import org.camunda.bpm.spring.boot.starter.event.PostDeployEvent;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** OBEC's policies of FY 2570 for the demo office (planflow.demo.enabled). */
@Component
@ConditionalOnProperty(name = "planflow.demo.enabled", havingValue = "true")
class PolicyDemoData {

  static final int YEAR = 2570;

  private final Policies policies;

  PolicyDemoData(Policies policies) {
    this.policies = policies;
  }

  @EventListener(PostDeployEvent.class)
  @Order(10)
  public void load() {
    if (!policies.ofYear(YEAR).isEmpty()) {
      return;
    }
    policies.replace(YEAR, List.of(
        new Policies.Policy("P01", "ความปลอดภัยของผู้เรียน ครู และบุคลากรทางการศึกษา (MOE Safety Platform)",
            "ร้อยละของสถานศึกษาที่มีระบบดูแลความปลอดภัยและรายงานเหตุผ่าน MOE Safety Platform"),
        new Policies.Policy("P02", "การยกระดับคุณภาพการศึกษาและผลสัมฤทธิ์ทางการเรียน",
            "ร้อยละของผู้เรียนที่มีผลการทดสอบระดับชาติ (O-NET) ตั้งแต่ร้อยละ 50 ขึ้นไป"),
        new Policies.Policy("P03", "อ่านออก เขียนได้ คิดเลขเป็น", "ร้อยละของนักเรียนชั้น ป.1 ที่อ่านออกเขียนได้"),
        new Policies.Policy("P04", "การลดภาระครูและบุคลากรทางการศึกษา", "จำนวนงานที่ไม่เกี่ยวข้องกับการจัดการเรียนรู้ที่ลดลง"),
        new Policies.Policy("P05", "การจัดการศึกษาเพื่อลดความเหลื่อมล้ำและป้องกันเด็กตกหล่น (Thailand Zero Dropout)",
            "จำนวนเด็กตกหล่นและออกกลางคันที่ได้รับการติดตามกลับเข้าสู่ระบบการศึกษา"),
        new Policies.Policy("P06", "การพัฒนาทักษะดิจิทัลและวิทยาการคำนวณของผู้เรียน",
            "ร้อยละของสถานศึกษาที่จัดการเรียนรู้วิทยาการคำนวณและ Coding"),
        new Policies.Policy("P07", "โรงเรียนคุณภาพประจำตำบล", "จำนวนโรงเรียนคุณภาพประจำตำบลที่ผ่านเกณฑ์มาตรฐาน"),
        new Policies.Policy("P08", "การส่งเสริมคุณธรรม จริยธรรม และวิถีประชาธิปไตย",
            "ร้อยละของสถานศึกษาที่มีกิจกรรมส่งเสริมคุณธรรมและความเป็นพลเมือง")));
  }
}
