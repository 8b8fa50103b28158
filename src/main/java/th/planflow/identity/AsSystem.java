package th.planflow.identity;

import java.util.function.Supplier;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;

/**
 * Runs engine calls on Planflow's own authority, after Planflow has checked the user's right itself:
 * e.g. the plan officer moves a due date, which changes tasks the plan officer may read but not work on.
 */
@Component
public class AsSystem {

  private final IdentityService identity;

  AsSystem(IdentityService identity) {
    this.identity = identity;
  }

  public <T> T call(Supplier<T> work) {
    Authentication user = identity.getCurrentAuthentication();
    identity.clearAuthentication();
    try {
      return work.get();
    } finally {
      if (user != null) {
        identity.setAuthentication(user);
      }
    }
  }

  public void run(Runnable work) {
    call(() -> {
      work.run();
      return null;
    });
  }
}
