package th.planflow.identity;

import org.camunda.bpm.engine.identity.User;

/** How Planflow names a person: "อรุณี ศึกษานิเทศก์", or the user id when Camunda has no name for them. */
public final class UserNames {

  private UserNames() {
  }

  public static String fullName(User user) {
    String name = ((user.getFirstName() == null ? "" : user.getFirstName()) + " "
        + (user.getLastName() == null ? "" : user.getLastName())).trim();
    return name.isEmpty() ? user.getId() : name;
  }
}
