package th.planflow.policy;

import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import th.planflow.calendar.ThaiDates;
import th.planflow.web.CurrentUser;
import th.planflow.web.UserInputException;

/**
 * A school's (or the office's) own report of a policy round: one field set per policy, saved as a draft or
 * sent in one step. Tasklist's submit task of the round links here.
 */
@Controller
class PolicyReportPage {

  static final String SENT = "ส่งรายงานเรียบร้อยแล้ว รอกลุ่มนโยบายและแผนตรวจสอบ";
  static final String SAVED = "บันทึกร่างแล้ว รายงานยังไม่ถูกส่ง";

  private final PolicyReporting reporting;

  PolicyReportPage(PolicyReporting reporting) {
    this.reporting = reporting;
  }

  /** Every round the reporter reports in, newest first. */
  @GetMapping("/policy/report")
  String list(@RequestParam(required = false) String reporter, Model model) {
    String me = PolicyController.reporterOfCurrentUser(reporter);
    List<Map<String, Object>> rows = new ArrayList<>();
    for (PolicyRounds.Report report : reporting.reportsOf(me)) {
      PolicyRounds.Round round = reporting.round(report.roundId());
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("round", round);
      row.put("report", report);
      row.put("dueOn", ThaiDates.full(round.dueOn()));
      row.put("status", report.statusText());
      rows.add(row);
    }
    model.addAttribute("rows", rows);
    model.addAttribute("reporter", PolicyRounds.OFFICE_REPORTER.equals(me) ? me : null);
    return "policy/reports";
  }

  @GetMapping("/policy/rounds/{id}/report")
  String page(@PathVariable long id, @RequestParam(required = false) String reporter, Model model) {
    String me = PolicyController.reporterOfCurrentUser(reporter);
    PolicyReporting.ReporterView view = reporting.reporterView(id, me);
    fill(model, view, view.results(), null, null);
    return "policy/report";
  }

  /** {@code action=save} keeps a draft; {@code action=submit} saves and sends. Refused input is shown again as typed. */
  @PostMapping("/policy/rounds/{id}/report")
  String post(@PathVariable long id, @RequestParam(required = false) String reporter,
      @RequestParam MultiValueMap<String, String> form, Model model, RedirectAttributes flash,
      HttpServletResponse response) {
    String me = PolicyController.reporterOfCurrentUser(reporter);
    PolicyReporting.ReporterView view = reporting.reporterView(id, me);
    Map<String, PolicyRounds.Result> typed = new LinkedHashMap<>();
    List<PolicyRounds.Result> filled = new ArrayList<>();
    for (Policies.Policy p : view.policies()) {
      PolicyRounds.Result r = new PolicyRounds.Result(me, p.code(), form.getFirst("result." + p.code()),
          form.getFirst("problems." + p.code()), form.getFirst("suggestions." + p.code()));
      typed.put(p.code(), r);
      if (!blank(r.result()) || !blank(r.problems()) || !blank(r.suggestions())) {
        filled.add(r);
      }
    }
    String note = form.getFirst("note");
    boolean submit = "submit".equals(form.getFirst("action"));
    try {
      if (submit) {
        reporting.submitReport(id, me, filled, note, "true".equals(form.getFirst("confirmed")), CurrentUser.id());
      } else {
        reporting.saveResults(id, me, filled, CurrentUser.id());
      }
    } catch (UserInputException e) {
      response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
      fill(model, view, typed, note, e.getMessage());
      return "policy/report";
    }
    flash.addFlashAttribute("message", submit ? SENT : SAVED);
    return "redirect:/policy/rounds/" + id + "/report" + (PolicyRounds.OFFICE_REPORTER.equals(me) ? "?reporter=OFFICE" : "");
  }

  private static void fill(Model model, PolicyReporting.ReporterView view, Map<String, PolicyRounds.Result> values,
      String note, String error) {
    model.addAttribute("v", view);
    model.addAttribute("values", values);
    model.addAttribute("note", note);
    model.addAttribute("error", error);
    model.addAttribute("dueOn", ThaiDates.full(view.round().dueOn()));
    model.addAttribute("status", view.report().statusText());
    model.addAttribute("reporter",
        PolicyRounds.OFFICE_REPORTER.equals(view.report().reporter()) ? PolicyRounds.OFFICE_REPORTER : null);
  }

  private static boolean blank(String s) {
    return s == null || s.isBlank();
  }
}
