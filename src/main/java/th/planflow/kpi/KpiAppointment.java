package th.planflow.kpi;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import th.planflow.calendar.PlanflowClock;
import th.planflow.review.FormInput;
import th.planflow.web.UserInputException;

/**
 * The working group and the KPI owners of the year (แต่งตั้งคณะทำงาน กำหนดผู้รับผิดชอบตามกลยุทธ์
 * รายตัวชี้วัด): the plan officer names the members, every KPI has one owner from esa-staff, and the
 * director approves the appointment.
 */
@Service
class KpiAppointment {

  static final String OWNER_ROLE = "ผู้รับผิดชอบตัวชี้วัด";
  static final int MAX_MEMBERS = 100;

  record Member(String userId, String name, String role, List<String> kpiCodes) {
  }

  private final KpiStore store;
  private final KpiStaff staff;
  private final PlanflowClock clock;

  KpiAppointment(KpiStore store, KpiStaff staff, PlanflowClock clock) {
    this.store = store;
    this.staff = staff;
    this.clock = clock;
  }

  /** The named members, then every owner not named, each with the KPIs they own. */
  List<Member> members(int year) {
    Map<String, List<String>> owned = new LinkedHashMap<>();
    for (Kpi kpi : store.kpis(year)) {
      owned.computeIfAbsent(kpi.owner(), o -> new ArrayList<>()).add(kpi.code());
    }
    Map<String, String> roles = new LinkedHashMap<>();
    store.workingGroup(year).forEach(m -> roles.put(m.userId(), m.role()));
    owned.keySet().forEach(owner -> roles.putIfAbsent(owner, OWNER_ROLE));
    Map<String, String> names = staff.names(new ArrayList<>(roles.keySet()));
    return roles.entrySet().stream().map(e -> new Member(e.getKey(), names.get(e.getKey()), e.getValue(),
        owned.getOrDefault(e.getKey(), List.of()))).toList();
  }

  /** The named members (chair, secretary, members) with their roles; the owners join by their KPIs. */
  @Transactional
  void saveWorkingGroup(int year, List<KpiStore.WorkingGroupMember> members) {
    List<KpiStore.WorkingGroupMember> clean = new ArrayList<>();
    List<String> ids = new ArrayList<>();
    for (KpiStore.WorkingGroupMember member : members == null ? List.<KpiStore.WorkingGroupMember>of() : members) {
      String id = member.userId() == null ? "" : member.userId().trim();
      if (id.isEmpty()) {
        throw new UserInputException("กรุณาระบุชื่อผู้ใช้ของกรรมการทุกคน");
      }
      if (ids.contains(id)) {
        throw new UserInputException("มีชื่อผู้ใช้ '" + id + "' ซ้ำในคณะทำงาน");
      }
      ids.add(id);
      clean.add(new KpiStore.WorkingGroupMember(id, FormInput.text(member.role(), "บทบาทในคณะทำงานของ " + id, 200, true)));
    }
    if (clean.size() > MAX_MEMBERS) {
      throw new UserInputException("คณะทำงานมีได้ไม่เกิน " + MAX_MEMBERS + " คน");
    }
    List<String> unknown = new ArrayList<>(ids);
    unknown.removeAll(staff.existing(ids));
    if (!unknown.isEmpty()) {
      throw new UserInputException("ไม่พบผู้ใช้ " + String.join(", ", unknown) + " ในระบบ");
    }
    store.replaceWorkingGroup(year, clean);
  }

  /** The plan officer changes a KPI's owner (also after the appointment, e.g. when staff move). */
  @Transactional
  void changeOwner(int year, String code, String owner) {
    store.kpi(year, code).orElseThrow(() -> new UserInputException("ไม่พบตัวชี้วัดรหัส '" + code + "' ในปีงบประมาณ " + year));
    String id = owner == null ? "" : owner.trim();
    if (!staff.isStaff(id)) {
      throw new UserInputException("ไม่พบผู้รับผิดชอบ '" + id + "' ในกลุ่มบุคลากรในสำนักงานเขต (esa-staff)");
    }
    store.setOwner(year, code, id);
  }

  /**
   * Submitted for the director with the order's number and date: every KPI must have an owner who is
   * still in esa-staff.
   */
  void submitted(int year, String orderNo, LocalDate orderDate, String by) {
    if (orderDate != null && orderDate.isAfter(clock.today())) {
      throw new UserInputException("วันที่ของคำสั่งแต่งตั้งต้องไม่เป็นวันในอนาคต");
    }
    List<Kpi> kpis = store.kpis(year);
    if (kpis.isEmpty()) {
      throw new UserInputException("ยังไม่มีรายการตัวชี้วัดของปีงบประมาณ " + year + " จึงยังกำหนดผู้รับผิดชอบไม่ได้");
    }
    Map<String, String> members = staff.staff();
    List<String> problems = kpis.stream().filter(k -> !members.containsKey(k.owner()))
        .map(k -> k.code() + " (" + k.owner() + ")").toList();
    if (!problems.isEmpty()) {
      throw new UserInputException("ผู้รับผิดชอบของตัวชี้วัดต่อไปนี้ไม่อยู่ในกลุ่มบุคลากรในสำนักงานเขตแล้ว กรุณากำหนดผู้รับผิดชอบใหม่: "
          + String.join(", ", problems));
    }
    store.saveAppointmentOrder(year, orderNo, orderDate);
    store.appointmentSubmitted(year, by, clock.now());
  }

  void approved(int year, String by) {
    store.appointmentApproved(year, by, clock.now());
  }
}
