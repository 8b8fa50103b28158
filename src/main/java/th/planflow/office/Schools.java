package th.planflow.office;

import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;
import th.planflow.identity.AccessSetup;
import th.planflow.identity.Groups;

/**
 * The schools of the office (master data of SPEC §3.6) and each school's Camunda account: user
 * {@code school<code>} in groups {@code school} and {@code school-<code>}, so that it receives its tasks.
 */
@Repository
public class Schools {

  public record School(String code, String name, String district, String network, SchoolSize size, String email,
      String contactName, String phone) {

    public String sizeThai() {
      return size == null ? null : size.thai();
    }
  }

  private static final String COLUMNS = "code, name_th, district_th, network_th, size_class, email, contact_name, phone";
  private static final RowMapper<School> ROW = (rs, i) -> new School(rs.getString(1), rs.getString(2), rs.getString(3),
      rs.getString(4), SchoolSize.ofCode(rs.getString(5)), rs.getString(6), rs.getString(7), rs.getString(8));

  private final JdbcTemplate jdbc;
  private final IdentityService identity;
  private final AccessSetup access;
  private final String officeCode;

  Schools(JdbcTemplate jdbc, IdentityService identity, AccessSetup access, OfficeProperties office) {
    this.jdbc = jdbc;
    this.identity = identity;
    this.access = access;
    this.officeCode = office.code();
  }

  public List<School> all() {
    return jdbc.query("select " + COLUMNS + " from school where office_code = ? order by code", ROW, officeCode);
  }

  public Optional<School> find(String code) {
    return jdbc.query("select " + COLUMNS + " from school where office_code = ? and code = ?", ROW, officeCode, code)
        .stream().findFirst();
  }

  /** Inserts the school or updates the one with its code; true when it is new. */
  public boolean save(School s) {
    int updated = jdbc.update("update school set name_th = ?, district_th = ?, network_th = ?, size_class = ?, email = ?,"
            + " contact_name = ?, phone = ? where office_code = ? and code = ?", s.name(), s.district(), s.network(),
        s.size() == null ? null : s.size().name(), s.email(), s.contactName(), s.phone(), officeCode, s.code());
    if (updated == 0) {
      jdbc.update("insert into school (office_code, " + COLUMNS + ") values (?, ?, ?, ?, ?, ?, ?, ?, ?)", officeCode,
          s.code(), s.name(), s.district(), s.network(), s.size() == null ? null : s.size().name(), s.email(),
          s.contactName(), s.phone());
    }
    return updated == 0;
  }

  /**
   * Creates or updates the school's group and user (name, e-mail for chasing mails); a password is set
   * only when given, so an imported school keeps the one the administrator gave it.
   */
  public void ensureAccount(School s, String password) {
    String groupId = Groups.ofSchool(s.code());
    access.ensureGroup(groupId, s.name(), "WORKFLOW");
    Group group = identity.createGroupQuery().groupId(groupId).singleResult();
    if (!s.name().equals(group.getName())) {
      group.setName(s.name());
      identity.saveGroup(group);
    }
    String userId = Groups.SCHOOL + s.code();
    User user = identity.createUserQuery().userId(userId).singleResult();
    boolean created = user == null;
    if (created) {
      user = identity.newUser(userId);
    }
    user.setFirstName(s.name());
    user.setLastName(s.contactName() == null ? "ผู้ประสานงาน" : s.contactName());
    user.setEmail(s.email());
    if (password != null) {
      user.setPassword(password);
    }
    identity.saveUser(user);
    for (String member : new String[] {Groups.SCHOOL, groupId}) {
      if (created || identity.createUserQuery().userId(userId).memberOfGroup(member).count() == 0) {
        identity.createMembership(userId, member);
      }
    }
  }
}
