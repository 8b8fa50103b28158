package th.planflow.web;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** Login page and the start page after login. */
@Controller
class HomeController {

  @GetMapping("/login")
  String login() {
    return "login";
  }

  /** Supervisors land on the dashboard, everybody else on their tasks. */
  @GetMapping("/")
  String home() {
    boolean supervisor = CurrentUser.isMemberOf(th.planflow.identity.Groups.PLAN_OFFICER)
        || CurrentUser.isMemberOf(th.planflow.identity.Groups.PLAN_HEAD)
        || CurrentUser.isMemberOf(th.planflow.identity.Groups.DIRECTOR);
    return supervisor ? "redirect:/dashboard" : "redirect:/camunda/app/tasklist/default/";
  }
}
