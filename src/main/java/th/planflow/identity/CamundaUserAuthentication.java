package th.planflow.identity;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Checks a login against Camunda's identity service, so one set of users and groups serves Planflow's
 * pages, the Camunda webapps and both REST APIs. The authorities are the user's group ids.
 *
 * <p>A check is the engine's password check (attempts, lock-out) and the user's group ids, read in one
 * transaction; the ids straight from the membership table, because the engine's group query joins three
 * tables and maps whole groups only for their ids (a tenth of a school's first request). REST clients send HTTP Basic
 * with every request: a successful check is therefore remembered for {@code planflow.security.login-memory} (30 s;
 * zero turns it off), as Spring Security's UserCache does for stateless clients: only the same user with the
 * same password (kept as a salted SHA-256, never in clear) skips the engine; anything else is checked in full.
 * A changed password or membership takes effect for Basic clients at most that long later.
 */
@Component
class CamundaUserAuthentication implements AuthenticationProvider {

  private static final int MAX_REMEMBERED = 10_000;

  private final IdentityService identity;
  private final TransactionTemplate oneTransaction;
  private final JdbcTemplate jdbc;
  private final String groupIdsOfUser;
  private final long rememberNanos;
  private final byte[] salt = new byte[16];
  private final Map<String, Remembered> recent = new ConcurrentHashMap<>();

  private record Remembered(byte[] digest, List<SimpleGrantedAuthority> groups, long until) {
  }

  CamundaUserAuthentication(IdentityService identity, PlatformTransactionManager transactions, JdbcTemplate jdbc,
      ProcessEngineConfigurationImpl engine, @Value("${planflow.security.login-memory:PT30S}") Duration remember) {
    this.identity = identity;
    this.jdbc = jdbc;
    this.groupIdsOfUser = "select GROUP_ID_ from " + engine.getDatabaseTablePrefix()
        + "ACT_ID_MEMBERSHIP where USER_ID_ = ? order by GROUP_ID_";
    this.oneTransaction = new TransactionTemplate(transactions);
    this.rememberNanos = remember.toNanos();
    new SecureRandom().nextBytes(salt);
  }

  @Override
  public Authentication authenticate(Authentication authentication) {
    String user = authentication.getName();
    Object credentials = authentication.getCredentials();
    if (user == null || user.isBlank() || credentials == null) {
      throw new BadCredentialsException("ชื่อผู้ใช้หรือรหัสผ่านไม่ถูกต้อง");
    }
    byte[] digest = rememberNanos > 0 ? digest(user, credentials.toString()) : null;
    Remembered known = digest == null ? null : recent.get(user);
    if (known != null && System.nanoTime() - known.until() < 0 && MessageDigest.isEqual(known.digest(), digest)) {
      return UsernamePasswordAuthenticationToken.authenticated(user, null, known.groups());
    }
    // a wrong password is counted by the engine (ACT_ID_USER.ATTEMPTS_): committed, not rolled back
    List<SimpleGrantedAuthority> groups = oneTransaction.execute(status -> identity.checkPassword(user,
        credentials.toString()) ? jdbc.queryForList(groupIdsOfUser, String.class, user).stream()
        .map(SimpleGrantedAuthority::new).toList() : null);
    if (groups == null) {
      recent.remove(user);
      throw new BadCredentialsException("ชื่อผู้ใช้หรือรหัสผ่านไม่ถูกต้อง");
    }
    if (digest != null) {
      if (recent.size() >= MAX_REMEMBERED) {
        recent.clear();
      }
      recent.put(user, new Remembered(digest, groups, System.nanoTime() + rememberNanos));
    }
    return UsernamePasswordAuthenticationToken.authenticated(user, null, groups);
  }

  private byte[] digest(String user, String password) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      sha.update(salt);
      sha.update(user.getBytes(StandardCharsets.UTF_8));
      sha.update((byte) 0);
      return sha.digest(password.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public boolean supports(Class<?> authentication) {
    return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
  }
}
