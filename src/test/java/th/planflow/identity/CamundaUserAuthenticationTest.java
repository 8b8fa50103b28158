package th.planflow.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.UserEntity;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.transaction.PlatformTransactionManager;
import th.planflow.PlanflowTest;

/** Logins are Camunda's users; a remembered login only ever spares the check of the very same password. */
@PlanflowTest
class CamundaUserAuthenticationTest {

  static final String USER = "logintest";

  @Autowired
  IdentityService identity;
  @Autowired
  PlatformTransactionManager transactions;
  @Autowired
  JdbcTemplate jdbc;
  @Autowired
  ProcessEngineConfigurationImpl engine;

  CamundaUserAuthentication provider(Duration memory) {
    return new CamundaUserAuthentication(identity, transactions, jdbc, engine, memory);
  }

  @BeforeEach
  void createUser() {
    User user = identity.newUser(USER);
    user.setFirstName("ทดสอบ");
    user.setLastName("การเข้าสู่ระบบ");
    user.setPassword("first-pass-1");
    identity.saveUser(user);
    identity.createMembership(USER, Groups.PLAN_OFFICER);
    identity.createMembership(USER, Groups.PLAN_HEAD);
  }

  @AfterEach
  void deleteUser() {
    identity.deleteMembership(USER, Groups.PLAN_OFFICER);
    identity.deleteMembership(USER, Groups.PLAN_HEAD);
    identity.deleteUser(USER);
  }

  static Authentication login(CamundaUserAuthentication provider, String password) {
    return provider.authenticate(UsernamePasswordAuthenticationToken.unauthenticated(USER, password));
  }

  void changePassword(String password) {
    User user = identity.createUserQuery().userId(USER).singleResult();
    user.setPassword(password);
    identity.saveUser(user);
    assertThat(identity.checkPassword(USER, password)).as("password changed in Camunda").isTrue();
  }

  // wrong passwords come last in each test: Camunda refuses even the right one for a few seconds after one
  @Test
  void aRememberedLoginNeverLetsAnotherPasswordIn() {
    CamundaUserAuthentication provider = provider(Duration.ofMinutes(5));
    assertThat(login(provider, "first-pass-1").getAuthorities()).extracting(a -> a.getAuthority())
        .containsExactlyInAnyOrderElementsOf(identity.createGroupQuery().groupMember(USER).list().stream()
            .map(org.camunda.bpm.engine.identity.Group::getId).toList())
        .containsExactlyInAnyOrder(Groups.PLAN_OFFICER, Groups.PLAN_HEAD);
    assertThat(login(provider, "first-pass-1").isAuthenticated()).isTrue();
    changePassword("second-pass-2");
    assertThat(login(provider, "second-pass-2").isAuthenticated()).isTrue();
    assertThatThrownBy(() -> login(provider, "third-pass-3")).isInstanceOf(BadCredentialsException.class)
        .hasMessage("ชื่อผู้ใช้หรือรหัสผ่านไม่ถูกต้อง");
    assertThatThrownBy(() -> provider.authenticate(UsernamePasswordAuthenticationToken.unauthenticated("nobody", "x")))
        .isInstanceOf(BadCredentialsException.class);
  }

  @Test
  void withoutMemoryAChangedPasswordCountsAtOnce() {
    CamundaUserAuthentication provider = provider(Duration.ZERO);
    assertThat(login(provider, "first-pass-1").isAuthenticated()).isTrue();
    changePassword("second-pass-2");
    assertThat(login(provider, "second-pass-2").isAuthenticated()).isTrue();
    assertThatThrownBy(() -> login(provider, "first-pass-1")).isInstanceOf(BadCredentialsException.class);
    // the failed attempt is kept (the engine locks an account after repeated ones), not rolled back
    assertThat(((UserEntity) identity.createUserQuery().userId(USER).singleResult()).getAttempts()).isEqualTo(1);
  }
}
