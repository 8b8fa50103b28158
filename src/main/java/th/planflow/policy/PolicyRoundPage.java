package th.planflow.policy;

import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import th.planflow.calendar.FiscalYear;
import th.planflow.web.UserInputException;
import th.planflow.calendar.PlanflowClock;
import th.planflow.calendar.ThaiDates;
import th.planflow.web.CurrentUser;

/**
 * The plan officer's pages of a round: opening one (dates in the Buddhist era, as the office writes them), and
 * one round in detail, from the dashboard: counts per district and per school network, and who is missing.
 */
@Controller
class PolicyRoundPage {

  private final PolicyReporting reporting;
  private final Policies policies;
  private final PlanflowClock clock;

  PolicyRoundPage(PolicyReporting reporting, Policies policies, PlanflowClock clock) {
    this.reporting = reporting;
    this.policies = policies;
    this.clock = clock;
  }

  /** The plan officer opens a round: name, policies, dates set by OBEC, who reports. */
  @GetMapping("/policy/rounds/new")
  String newRound(@RequestParam(required = false) String fiscalYear, Model model) {
    CurrentUser.requirePlanOfficer();
    FiscalYear year = fiscalYear == null || fiscalYear.isBlank() ? FiscalYear.containing(clock.today())
        : FiscalYear.parse(fiscalYear);
    List<Policies.Policy> ofYear = policies.ofYear(year.buddhistYear());
    return form(model, year, new RoundForm("", ThaiDates.numeric(clock.today()), "", "SCHOOLS",
        ofYear.stream().map(Policies.Policy::code).toList()), ofYear, null);
  }

  public record RoundForm(String name, String opensOn, String dueOn, String audience, List<String> policyCodes) {
  }

  @PostMapping("/policy/rounds")
  String open(@RequestParam String fiscalYear, @RequestParam(required = false) String name,
      @RequestParam(required = false) String opensOn, @RequestParam(required = false) String dueOn,
      @RequestParam(required = false) String audience, @RequestParam(required = false) List<String> policyCodes,
      Model model, RedirectAttributes flash, HttpServletResponse response) {
    CurrentUser.requirePlanOfficer();
    FiscalYear year = FiscalYear.parse(fiscalYear);
    RoundForm typed = new RoundForm(name, opensOn, dueOn, audience, policyCodes == null ? List.of() : policyCodes);
    try {
      if (typed.policyCodes().isEmpty()) {
        throw new UserInputException("กรุณาเลือกนโยบายที่ต้องรายงานในรอบนี้อย่างน้อย 1 นโยบาย");
      }
      PolicyRounds.Round round = reporting.open(new PolicyReporting.OpenRound(year.buddhistYear(), name,
          opensOn == null || opensOn.isBlank() ? null : ThaiDates.parseBuddhist(opensOn, "วันเปิดรอบ"),
          ThaiDates.parseBuddhist(dueOn, "วันครบกำหนดรายงาน"), audience, typed.policyCodes()), CurrentUser.id());
      flash.addFlashAttribute("message", "เปิดรอบการรายงานแล้ว ระบบกำลังสร้างงานรายงานให้ผู้รายงานทุกแห่ง"
          + " ตัวเลขด้านล่างจะครบเมื่อสร้างงานเสร็จ");
      return "redirect:/policy/rounds/" + round.id();
    } catch (UserInputException e) {
      response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
      return form(model, year, typed, policies.ofYear(year.buddhistYear()), e.getMessage());
    }
  }

  private static String form(Model model, FiscalYear year, RoundForm typed, List<Policies.Policy> ofYear,
      String error) {
    model.addAttribute("fiscalYear", year.buddhistYear());
    model.addAttribute("f", typed);
    model.addAttribute("policies", ofYear);
    model.addAttribute("error", error);
    return "policy/new-round";
  }

  @PostMapping("/policy/rounds/{id}/add-new-schools")
  String addNewSchools(@PathVariable long id, RedirectAttributes flash) {
    CurrentUser.requirePlanOfficer();
    try {
      int added = reporting.addNewSchools(id);
      flash.addFlashAttribute("message", added == 0 ? "ทุกสถานศึกษาอยู่ในรอบนี้แล้ว"
          : "เพิ่มสถานศึกษา " + added + " แห่งเข้ารอบนี้แล้ว แต่ละแห่งได้รับงานรายงานใน Tasklist");
    } catch (UserInputException e) {
      flash.addFlashAttribute("error", e.getMessage());
    }
    return "redirect:/policy/rounds/" + id;
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
    boolean open = round.status() == PolicyRounds.RoundStatus.OPEN && round.audience() != PolicyRounds.Audience.OFFICE;
    model.addAttribute("newSchools", open && CurrentUser.isMemberOf(th.planflow.identity.Groups.PLAN_OFFICER)
        ? reporting.newSchoolsCount(id) : 0);
    return "policy/round";
  }
}
