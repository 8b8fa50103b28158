package th.planflow.strategy;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.springframework.stereotype.Component;
import th.planflow.identity.Groups;
import th.planflow.identity.UserNames;
import th.planflow.review.FormInput;
import th.planflow.web.UserInputException;

/**
 * The office's people as Camunda knows them. Whoever is logged in may name a colleague: the
 * look-ups run without Camunda's per-user read checks on users (a planner may not list users).
 */
@Component
class StaffDirectory {

  /** Groups whose members may be responsible for a strategy item. */
  static final List<String> OFFICE_STAFF = List.of(Groups.ESA_STAFF, Groups.PLAN_OFFICER, Groups.PLAN_HEAD);

  private static final Pattern USER_ID = Pattern.compile("[A-Za-z0-9_.@-]{1,64}");
  private static final Pattern THAI = Pattern.compile(".*[\\u0E00-\\u0E7F].*");

  private final ProcessEngine engine;

  StaffDirectory(ProcessEngine engine) {
    this.engine = engine;
  }

  Optional<Person> user(String userId) {
    if (userId == null || !USER_ID.matcher(userId).matches()) {
      return Optional.empty();
    }
    return Optional.ofNullable(withoutUserChecks(identity -> identity.createUserQuery().userId(userId).singleResult()))
        .map(StaffDirectory::person);
  }

  /** Members of the groups, ordered by user id. */
  List<Person> membersOf(List<String> groups) {
    Map<String, User> users = new TreeMap<>();
    for (String group : groups) {
      withoutUserChecks(identity -> identity.createUserQuery().memberOfGroup(group).list())
          .forEach(user -> users.putIfAbsent(user.getId(), user));
    }
    return users.values().stream().map(StaffDirectory::person).toList();
  }

  Optional<Person> firstMemberOf(String group) {
    return membersOf(List.of(group)).stream().findFirst();
  }

  boolean isOfficeStaff(String userId) {
    return withoutUserChecks(identity -> identity.createGroupQuery().groupMember(userId).list()).stream()
        .anyMatch(group -> OFFICE_STAFF.contains(group.getId()));
  }

  /** A responsible person: an existing user of the office's staff. */
  Person responsible(String userId, String itemCode) {
    Person person = user(userId).orElseThrow(() -> new UserInputException(
        "รายการ " + itemCode + ": ไม่พบผู้ใช้ '" + userId + "' ในระบบ"));
    if (!isOfficeStaff(userId)) {
      throw new UserInputException("รายการ " + itemCode + ": ผู้ใช้ '" + userId
          + "' ไม่ใช่บุคลากรในสำนักงานเขตพื้นที่การศึกษา จึงเป็นผู้รับผิดชอบไม่ได้");
    }
    return person;
  }

  /**
   * A person named in a list: a user name becomes that user with their full name; a name in Thai is
   * someone outside Planflow (e.g. from the provincial office); anything else is refused.
   */
  Person named(String token, String label) {
    if (token.length() > StrategyInput.PERSON_MAX) {
      throw new UserInputException(label + ": ชื่อยาวเกิน " + StrategyInput.PERSON_MAX + " ตัวอักษร");
    }
    Optional<Person> user = user(token);
    if (user.isPresent()) {
      return user.get();
    }
    if (THAI.matcher(token).matches()) {
      return new Person(null, FormInput.text(token, label, StrategyInput.PERSON_MAX, true));
    }
    throw new UserInputException(label + ": ไม่พบผู้ใช้ '" + token + "' ในระบบ (ระบุชื่อผู้ใช้ หรือชื่อ-สกุลภาษาไทย)");
  }

  /** "อรุณี ศึกษานิเทศก์", or the user id when the user has no name. */
  String displayName(String userId) {
    return user(userId).map(Person::nameTh).orElse(userId);
  }

  private static Person person(User user) {
    return new Person(user.getId(), UserNames.fullName(user));
  }

  private <T> T withoutUserChecks(java.util.function.Function<IdentityService, T> query) {
    ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    return configuration.getCommandExecutorTxRequired().execute(context -> inContext(context,
        () -> query.apply(engine.getIdentityService())));
  }

  private static <T> T inContext(CommandContext context, Supplier<T> work) {
    boolean checking = context.isAuthorizationCheckEnabled();
    context.disableAuthorizationCheck();
    try {
      return work.get();
    } finally {
      if (checking) {
        context.enableAuthorizationCheck();
      }
    }
  }
}
