package th.planflow.policy;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import th.planflow.calendar.PlanflowClock;
import th.planflow.calendar.ThaiDates;
import th.planflow.web.CurrentUser;

/** One round in detail, from the dashboard: counts per district and per school network, and who is missing. */
@Controller
class PolicyRoundPage {

  private final PolicyReporting reporting;
  private final PlanflowClock clock;

  PolicyRoundPage(PolicyReporting reporting, PlanflowClock clock) {
    this.reporting = reporting;
    this.clock = clock;
  }

  @GetMapping("/policy/rounds/{id}")
  String page(@PathVariable long id, Model model) {
    CurrentUser.requirePlanningOrSupervisor();
    PolicyRounds.Round round = reporting.round(id);
    model.addAttribute("round", round);
    model.addAttribute("dueOn", ThaiDates.full(round.dueOn()));
    model.addAttribute("opensOn", ThaiDates.full(round.opensOn()));
    model.addAttribute("open", round.status() == PolicyRounds.RoundStatus.OPEN);
    model.addAttribute("today", ThaiDates.full(clock.today()));
    model.addAttribute("p", reporting.progress(id));
    return "policy/round";
  }
}
