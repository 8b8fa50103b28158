package th.planflow.office;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import th.planflow.identity.Groups;
import th.planflow.review.FormInput;
import th.planflow.web.ApiException;
import th.planflow.web.CurrentUser;
import th.planflow.web.UserInputException;

/** The office's units as editable reference data: everyone signed in reads them, the plan officer edits. */
@RestController
class OfficeUnitController {

  private final OfficeUnitRepository units;
  private final IdentityService identity;

  OfficeUnitController(OfficeUnitRepository units, IdentityService identity) {
    this.units = units;
    this.identity = identity;
  }

  @GetMapping("/api/office-units")
  List<OfficeUnit> list() {
    return units.findAll();
  }

  /** Body: {"nameTh": "กลุ่มนโยบายและแผน", "headUserId": "staff2", "sortOrder": 2, "active": true}. */
  @PutMapping("/api/office-units/{code}")
  OfficeUnit save(@PathVariable String code, @RequestBody Map<String, Object> body) {
    if (!CurrentUser.isMemberOf(Groups.PLAN_OFFICER) && !CurrentUser.isMemberOf(Groups.ADMIN)) {
      throw ApiException.forbidden("เฉพาะนักวิเคราะห์นโยบายและแผนหรือผู้ดูแลระบบเท่านั้นที่แก้ไขข้อมูลกลุ่มงานได้");
    }
    if (!code.matches("[a-z0-9][a-z0-9-]{0,31}")) {
      throw new UserInputException("รหัสกลุ่มงานต้องเป็นอักษรอังกฤษตัวเล็ก ตัวเลข หรือ - ไม่เกิน 32 ตัว เช่น policy-plan");
    }
    String name = FormInput.text(body.get("nameTh"), "ชื่อกลุ่มงาน", 300, true);
    String head = FormInput.text(body.get("headUserId"), "ผู้ใช้ของหัวหน้ากลุ่มงาน", 64, false);
    if (head != null && identity.createUserQuery().userId(head).count() == 0) {
      throw new UserInputException("ไม่พบผู้ใช้ '" + head + "' ในระบบ กรุณาตรวจสอบชื่อผู้ใช้ของหัวหน้ากลุ่มงาน");
    }
    Object order = body.get("sortOrder");
    if (order != null && !(order instanceof Integer)) {
      throw new UserInputException("ลำดับการแสดงต้องเป็นจำนวนเต็ม");
    }
    Object active = body.get("active");
    if (active != null && !(active instanceof Boolean)) {
      throw new UserInputException("สถานะใช้งานต้องเป็น true หรือ false");
    }
    OfficeUnit unit = new OfficeUnit(code, name, head, order == null ? 0 : (Integer) order, active == null || (Boolean) active);
    units.save(unit, CurrentUser.id());
    return unit;
  }
}
