package th.planflow.kpi;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import th.planflow.calendar.FiscalYear;
import th.planflow.identity.Groups;
import th.planflow.web.ApiException;
import th.planflow.web.CurrentUser;
import th.planflow.web.UserInputException;

/**
 * The owner's page of a round ("ผลการดำเนินงานตัวชี้วัดของฉัน"): their KPIs with the figures, narrative,
 * problems and suggestions to fill, and the evidence files; the same services as the API. The submit
 * task's own form in Tasklist links here.
 */
@Controller
class KpiResultsPage {

  /** One KPI on the page, with what the owner typed (kept when a save is refused). */
  record Line(Kpi kpi, KpiResult result, String actual, String narrative, String problems, String suggestions,
      boolean editable, List<KpiStore.Evidence> evidence) {
  }

  private final KpiResults results;
  private final KpiEvidence evidence;
  private final KpiStore store;

  KpiResultsPage(KpiResults results, KpiEvidence evidence, KpiStore store) {
    this.results = results;
    this.evidence = evidence;
    this.store = store;
  }

  static String path(int year, KpiRound round) {
    return "/kpi/" + year + "/rounds/" + round.name();
  }

  @GetMapping("/kpi/{fiscalYear}/rounds/{round}")
  String page(@PathVariable String fiscalYear, @PathVariable String round, Model model) {
    int year = year(fiscalYear);
    KpiRound r = KpiRound.parse(round);
    List<Line> lines = new ArrayList<>();
    for (KpiResults.Row row : results.rowsOf(year, r, owner())) {
      KpiResult result = row.result();
      lines.add(new Line(row.kpi(), result, result == null || result.actual() == null ? "" : result.actual().toPlainString(),
          result == null ? "" : orEmpty(result.narrative()), result == null ? "" : orEmpty(result.problems()),
          result == null ? "" : orEmpty(result.suggestions()), result == null || result.status().editable(),
          evidence.of(year, r, row.kpi().code())));
    }
    return render(model, year, r, lines);
  }

  @PostMapping("/kpi/{fiscalYear}/rounds/{round}")
  String save(@PathVariable String fiscalYear, @PathVariable String round, @RequestParam MultiValueMap<String, String> form,
      Model model, RedirectAttributes redirect) {
    int year = year(fiscalYear);
    KpiRound r = KpiRound.parse(round);
    String owner = owner();
    List<KpiResults.Input> inputs = new ArrayList<>();
    List<Line> typed = new ArrayList<>();
    for (KpiResults.Row row : results.rowsOf(year, r, owner)) {
      String code = row.kpi().code();
      boolean editable = row.result() == null || row.result().status().editable();
      String actual = form.getFirst("actual:" + code);
      String narrative = form.getFirst("narrative:" + code);
      String problems = form.getFirst("problems:" + code);
      String suggestions = form.getFirst("suggestions:" + code);
      if (editable && actual != null) {
        inputs.add(new KpiResults.Input(code, actual, narrative, problems, suggestions));
      }
      typed.add(new Line(row.kpi(), row.result(), orEmpty(actual), orEmpty(narrative), orEmpty(problems),
          orEmpty(suggestions), editable, evidence.of(year, r, code)));
    }
    try {
      results.save(year, r, owner, inputs);
    } catch (UserInputException e) {
      model.addAttribute("error", e.getMessage());
      return render(model, year, r, typed);
    }
    List<String> missing = results.missing(year, r, owner);
    redirect.addFlashAttribute("message", missing.isEmpty()
        ? "บันทึกแล้ว กรอกครบทุกตัวชี้วัดแล้ว กลับไปกด \"ส่งงาน\" ใน Tasklist ได้"
        : "บันทึกแล้ว ยังไม่ได้กรอกผลของตัวชี้วัด " + String.join(", ", missing));
    return "redirect:" + path(year, r);
  }

  @PostMapping(path = "/kpi/{fiscalYear}/rounds/{round}/evidence", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  String upload(@PathVariable String fiscalYear, @PathVariable String round, @RequestParam String code,
      @RequestParam(required = false) MultipartFile file, RedirectAttributes redirect) throws IOException {
    int year = year(fiscalYear);
    KpiRound r = KpiRound.parse(round);
    try {
      if (file == null || file.isEmpty()) {
        throw new UserInputException("กรุณาเลือกไฟล์หลักฐาน");
      }
      KpiStore.Evidence saved = evidence.add(year, r, owner(), code, file.getOriginalFilename(), file.getBytes());
      redirect.addFlashAttribute("message", "แนบไฟล์ " + saved.fileName() + " ให้ตัวชี้วัด " + code + " แล้ว");
    } catch (UserInputException e) {
      redirect.addFlashAttribute("error", e.getMessage());
    }
    return "redirect:" + path(year, r);
  }

  @PostMapping("/kpi/{fiscalYear}/rounds/{round}/evidence/{id}/delete")
  String deleteEvidence(@PathVariable String fiscalYear, @PathVariable String round, @PathVariable long id,
      @RequestParam String code, RedirectAttributes redirect) {
    int year = year(fiscalYear);
    KpiRound r = KpiRound.parse(round);
    try {
      evidence.delete(year, r, owner(), code, id);
      redirect.addFlashAttribute("message", "ลบไฟล์หลักฐานแล้ว");
    } catch (UserInputException e) {
      redirect.addFlashAttribute("error", e.getMessage());
    }
    return "redirect:" + path(year, r);
  }

  private String render(Model model, int year, KpiRound round, List<Line> lines) {
    model.addAttribute("fiscalYear", year);
    model.addAttribute("round", round);
    model.addAttribute("lines", lines);
    model.addAttribute("path", path(year, round));
    KpiStore.RoundState state = store.round(year, round).orElse(null);
    model.addAttribute("roundState", state == null ? "ยังไม่เปิด" : state.closedAt() == null ? "เปิดอยู่" : "ปิดแล้ว");
    model.addAttribute("open", state != null && state.closedAt() == null);
    model.addAttribute("maxMb", KpiEvidence.MAX_MB);
    return "kpi/results";
  }

  private static String owner() {
    if (!CurrentUser.isMemberOf(Groups.ESA_STAFF)) {
      throw ApiException.forbidden("หน้านี้สำหรับผู้รับผิดชอบตัวชี้วัด (บุคลากรในสำนักงานเขต)");
    }
    return CurrentUser.id();
  }

  private static int year(String fiscalYear) {
    return FiscalYear.parse(fiscalYear).buddhistYear();
  }

  private static String orEmpty(String text) {
    return text == null ? "" : text;
  }
}
