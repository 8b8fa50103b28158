package th.planflow.office;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.spring.boot.starter.event.PostDeployEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import th.planflow.identity.AccessSetup;
import th.planflow.identity.Groups;

/**
 * The demo office (planflow.demo.enabled): users of SPEC §5 with password "demo" and about 300 schools,
 * each with its user {@code school<code>} and group {@code school-<code>}. Never enable in production.
 */
@Component
@ConditionalOnProperty(name = "planflow.demo.enabled", havingValue = "true")
class DemoData {

  static final String PASSWORD = "demo";
  private static final Logger LOG = LoggerFactory.getLogger(DemoData.class);

  private static final String[] PLACES = {
      "หนองบัว", "โนนสูง", "ดอนตาล", "ห้วยทราย", "นาคำ", "โคกกลาง", "หนองแวง", "ป่าไผ่", "สระแก้ว", "ท่าช้าง",
      "บ่อทอง", "หนองหญ้าปล้อง", "โพธิ์ชัย", "นาดี", "ดงเย็น", "คำม่วง", "หัวฝาย", "ทุ่งใหญ่", "บึงสามัคคี", "วังน้ำเย็น",
      "โนนสะอาด", "หนองไผ่", "ศรีสุข", "นาเจริญ", "ดอนแดง", "โคกสว่าง", "บ้านเหล่า", "ห้วยยาง", "หนองเม็ก", "ท่าลาด",
      "นาแก", "โพนทอง", "ดอนมัน", "หนองคู", "สร้างแก้ว", "ป่าติ้ว", "โนนรัง", "คำบอน", "นาหว้า", "หนองกุง",
      "ดงบัง", "ทุ่งโพธิ์", "วังหิน", "หินลาด", "โคกศรี", "นาโพธิ์", "หนองสิม", "บะยาว", "ห้วยแคน", "ท่าเรือ"};
  private static final String[] KINDS = {"บ้าน", "วัด", "ชุมชนบ้าน", "บ้าน", "อนุบาล", "บ้าน"};
  private static final String[] KIND_SUFFIX = {"", "", "", "วิทยา", "", "ประชาสามัคคี"};
  private static final String[] CONTACTS = {"นางสาวอรทัย ใจงาม", "นายสมพงษ์ ศรีสุข", "นางพรทิพย์ มีสุข",
      "นายวิทยา แก้วมณี", "นางสาวกาญจนา บุญมา", "นายประยุทธ ทองดี", "นางสุภาพร คำแสน"};
  private static final String[] DISTRICTS = {"อำเภอเมือง", "อำเภอหนองเรือ", "อำเภอบ้านฝาง", "อำเภอพระยืน", "อำเภอน้ำพอง"};

  private final IdentityService identity;
  private final AccessSetup access;
  private final JdbcTemplate jdbc;
  private final TransactionTemplate transaction;
  private final OfficeProperties office;
  private final int schoolCount;

  DemoData(IdentityService identity, AccessSetup access, JdbcTemplate jdbc, TransactionTemplate transaction,
      OfficeProperties office, @Value("${planflow.demo.schools:300}") int schoolCount) {
    this.identity = identity;
    this.access = access;
    this.jdbc = jdbc;
    this.transaction = transaction;
    this.office = office;
    this.schoolCount = schoolCount;
  }

  @EventListener(PostDeployEvent.class)
  @Order(3)
  public void load() {
    if (identity.createUserQuery().userId("planner").count() > 0) {
      return;
    }
    LOG.info("Loading demo office {} with {} schools", office.code(), schoolCount);
    transaction.executeWithoutResult(status -> {
      jdbc.update("insert into office (code, name_th) values (?, ?)", office.code(), office.name());
      user("admin", "ผู้ดูแล", "ระบบ", Groups.ADMIN);
      user("planner", "สมศรี", "วางแผนดี", Groups.PLAN_OFFICER);
      user("head", "ประเสริฐ", "นำทาง", Groups.PLAN_HEAD);
      user("director", "วิชัย", "บริหารเก่ง", Groups.DIRECTOR);
      String[] execs = {"สุนทร", "มาลี", "ชาญชัย"};
      for (int i = 1; i <= 3; i++) {
        user("exec" + i, execs[i - 1], "รองผู้อำนวยการ", Groups.EXECUTIVE_BOARD);
      }
      String[] staff = {"อรุณี", "ธนพล", "กมลวรรณ", "สมชาย", "พิมพ์ชนก", "วีระพงษ์", "จันทร์เพ็ญ", "ณัฐวุฒิ", "รัตนา", "ปิยะ"};
      for (int i = 1; i <= 10; i++) {
        user("staff" + i, staff[i - 1], "ศึกษานิเทศก์", Groups.ESA_STAFF);
      }
      List<Object[]> schools = new ArrayList<>();
      for (int i = 1; i <= schoolCount; i++) {
        String code = schoolCode(i);
        String name = schoolName(i);
        access.ensureGroup(Groups.ofSchool(code), name, "WORKFLOW");
        user("school" + code, name, "ผู้ประสานงาน", Groups.SCHOOL, Groups.ofSchool(code));
        String district = DISTRICTS[i % DISTRICTS.length];
        schools.add(new Object[] {office.code(), code, name, district, network(district, i), size(i).name(),
            email("school" + code), CONTACTS[i % CONTACTS.length], String.format("043%06d", i)});
      }
      jdbc.batchUpdate("insert into school (office_code, code, name_th, district_th, network_th, size_class, email,"
          + " contact_name, phone) values (?, ?, ?, ?, ?, ?, ?, ?, ?)", schools);
    });
  }

  /** Three school networks per district, e.g. "เครือข่ายหนองเรือ 2". */
  static String network(String district, int i) {
    return "เครือข่าย" + district.substring("อำเภอ".length()) + " " + (1 + (i / DISTRICTS.length) % 3);
  }

  /** Most schools of a rural ESA are small: half small, three in ten medium, one large, one extra large. */
  static SchoolSize size(int i) {
    int k = i % 10;
    return k < 5 ? SchoolSize.SMALL : k < 8 ? SchoolSize.MEDIUM : k == 8 ? SchoolSize.LARGE : SchoolSize.EXTRA_LARGE;
  }

  String schoolCode(int i) {
    return office.code() + String.format("%04d", i);
  }

  static String schoolName(int i) {
    int n = i - 1;
    int kind = (n / PLACES.length) % KINDS.length;
    return "โรงเรียน" + KINDS[kind] + PLACES[n % PLACES.length] + KIND_SUFFIX[kind];
  }

  private void user(String id, String first, String last, String... groups) {
    User user = identity.newUser(id);
    user.setFirstName(first);
    user.setLastName(last);
    user.setEmail(email(id));
    user.setPassword(PASSWORD);
    identity.saveUser(user);
    for (String group : groups) {
      identity.createMembership(id, group);
    }
  }

  private String email(String id) {
    return id + "@esa" + office.code() + ".planflow.test";
  }
}
