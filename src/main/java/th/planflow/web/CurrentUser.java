package th.planflow.web;

import java.util.List;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

/** The logged-in user as Spring Security knows them; authorities are the user's Camunda group ids. */
public final class CurrentUser {

  private CurrentUser() {
  }

  public static String id() {
    Authentication auth = SecurityContextHolder.getContext().getAuthentication();
    return auth == null || !auth.isAuthenticated() ? null : auth.getName();
  }

  public static List<String> groups() {
    Authentication auth = SecurityContextHolder.getContext().getAuthentication();
    if (auth == null) {
      return List.of();
    }
    return auth.getAuthorities().stream().map(GrantedAuthority::getAuthority).toList();
  }

  public static boolean isMemberOf(String group) {
    return groups().contains(group);
  }

  /** The plan officer, the head of the group or the director: who follows the office's work. */
  public static boolean isPlanningOrSupervisor() {
    List<String> mine = groups();
    return mine.contains(th.planflow.identity.Groups.PLAN_OFFICER) || mine.contains(th.planflow.identity.Groups.PLAN_HEAD)
        || mine.contains(th.planflow.identity.Groups.DIRECTOR);
  }

  /** Guards what only the plan officer may change (lists, imports, rounds); 403 with a Thai message. */
  public static void requirePlanOfficer() {
    if (!isMemberOf(th.planflow.identity.Groups.PLAN_OFFICER)) {
      throw ApiException.forbidden("เฉพาะนักวิเคราะห์นโยบายและแผนเท่านั้น");
    }
  }

  /** Guards what the planning group and the office's executives may read; 403 with a Thai message. */
  public static void requirePlanningOrSupervisor() {
    if (!isPlanningOrSupervisor()) {
      throw ApiException.forbidden("เฉพาะกลุ่มนโยบายและแผนและผู้บริหารเท่านั้น");
    }
  }
}
