package th.planflow.kpi;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;
import th.planflow.identity.Groups;
import th.planflow.identity.UserNames;

/**
 * The office staff who may own KPIs (Camunda group esa-staff) and the names to print for user ids.
 * Looked up as the system: the plan officer importing a list may not have the engine's READ on users.
 */
@Component
class KpiStaff {

  private final IdentityService identity;

  KpiStaff(IdentityService identity) {
    this.identity = identity;
  }

  /** User id to "first last" of every member of esa-staff. */
  Map<String, String> staff() {
    return asSystem(() -> {
      Map<String, String> staff = new LinkedHashMap<>();
      for (User user : identity.createUserQuery().memberOfGroup(Groups.ESA_STAFF).orderByUserId().asc().list()) {
        staff.put(user.getId(), UserNames.fullName(user));
      }
      return staff;
    });
  }

  boolean isStaff(String userId) {
    return userId != null && asSystem(() ->
        identity.createUserQuery().userId(userId).memberOfGroup(Groups.ESA_STAFF).count() > 0);
  }

  /** The ids among these that are users. */
  List<String> existing(List<String> userIds) {
    if (userIds.isEmpty()) {
      return List.of();
    }
    return asSystem(() -> identity.createUserQuery().userIdIn(userIds.toArray(String[]::new)).list()
        .stream().map(User::getId).toList());
  }

  /** "first last" of each id that exists; the id itself otherwise. */
  Map<String, String> names(List<String> userIds) {
    Map<String, String> names = new LinkedHashMap<>();
    userIds.forEach(id -> names.put(id, id));
    if (userIds.isEmpty()) {
      return names;
    }
    asSystem(() -> {
      identity.createUserQuery().userIdIn(userIds.toArray(String[]::new)).list()
          .forEach(user -> names.put(user.getId(), UserNames.fullName(user)));
      return null;
    });
    return names;
  }

  private <T> T asSystem(java.util.function.Supplier<T> lookup) {
    Authentication current = identity.getCurrentAuthentication();
    if (current == null) {
      return lookup.get();
    }
    identity.clearAuthentication();
    try {
      return lookup.get();
    } finally {
      identity.setAuthentication(current);
    }
  }
}
