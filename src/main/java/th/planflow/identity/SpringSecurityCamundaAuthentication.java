package th.planflow.identity;

import jakarta.servlet.http.HttpServletRequest;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.rest.security.auth.AuthenticationResult;
import org.camunda.bpm.engine.rest.security.auth.impl.ContainerBasedAuthenticationProvider;
import th.planflow.web.CurrentUser;

/**
 * Hands the user Spring Security has authenticated to the Camunda webapps and the engine REST API,
 * so there is one login for everything. Instantiated by Camunda's filters by class name.
 */
public class SpringSecurityCamundaAuthentication extends ContainerBasedAuthenticationProvider {

  @Override
  public AuthenticationResult extractAuthenticatedUser(HttpServletRequest request, ProcessEngine engine) {
    String user = CurrentUser.id();
    if (user == null || "anonymousUser".equals(user)) {
      return AuthenticationResult.unsuccessful();
    }
    return AuthenticationResult.successful(user);
  }
}
