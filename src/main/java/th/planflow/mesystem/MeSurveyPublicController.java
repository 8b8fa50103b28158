package th.planflow.mesystem;

import jakarta.servlet.http.HttpServletResponse;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import th.planflow.office.OfficeProperties;
import th.planflow.web.UserInputException;

/**
 * The questionnaire behind a one-time link, open without login (/public/**): a Thai form, and the same
 * answers as JSON. A link used twice, expired or unknown gets a Thai page (HTML) or JSON with its status.
 */
@Controller
class MeSurveyPublicController {

  private final MeSurveys surveys;
  private final OfficeProperties office;

  MeSurveyPublicController(MeSurveys surveys, OfficeProperties office) {
    this.surveys = surveys;
    this.office = office;
  }

  @GetMapping("/public/survey/{token}")
  String form(@PathVariable String token, Model model, HttpServletResponse response) {
    model.addAttribute("office", office.name());
    try {
      MeSurveys.Link link = surveys.link(token);
      return form(link, Map.of(), null, model);
    } catch (MeSurveys.LinkException e) {
      return problem(e, model, response);
    }
  }

  @PostMapping(path = "/public/survey/{token}", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
  String submit(@PathVariable String token, @RequestParam MultiValueMap<String, String> params, Model model,
      HttpServletResponse response) {
    model.addAttribute("office", office.name());
    Map<Integer, Object> answers = new HashMap<>();
    Map<String, String> given = new HashMap<>();
    params.forEach((name, values) -> {
      if (name.matches("q\\d{1,4}") && !values.isEmpty()) {
        answers.put(Integer.valueOf(name.substring(1)), values.get(0));
        given.put(name, values.get(0));
      }
    });
    try {
      MeSurveys.Link link = surveys.link(token);
      try {
        surveys.answer(token, answers);
      } catch (UserInputException e) {
        response.setStatus(400);
        return form(link, given, List.of(e.getMessage().split("; ")), model);
      }
      model.addAttribute("title", link.survey().title());
      return "mesystem/survey-thanks";
    } catch (MeSurveys.LinkException e) {
      return problem(e, model, response);
    }
  }

  /** The same answers as JSON: {"answers": {"1": 5, "2": "ตัวเลือก", "3": "ข้อความ"}}; errors as JSON 400/404/409/410. */
  @PostMapping(path = "/public/survey/{token}", consumes = MediaType.APPLICATION_JSON_VALUE)
  @ResponseBody
  Map<String, Object> submitJson(@PathVariable String token, @RequestBody Map<String, Object> body) {
    Object raw = body == null ? null : body.get("answers");
    if (!(raw instanceof Map<?, ?> given)) {
      throw new UserInputException("กรุณาส่งคำตอบในรูปแบบ {\"answers\": {\"หมายเลขข้อ\": คำตอบ}}");
    }
    Map<Integer, Object> answers = new HashMap<>();
    for (Map.Entry<?, ?> e : given.entrySet()) {
      try {
        answers.put(Integer.valueOf(String.valueOf(e.getKey())), e.getValue());
      } catch (NumberFormatException ex) {
        throw new UserInputException("หมายเลขข้อ '" + e.getKey() + "' ไม่ถูกต้อง");
      }
    }
    surveys.answer(token, answers);
    return Map.of("message", "บันทึกคำตอบแล้ว ขอขอบคุณที่ให้ความร่วมมือ");
  }

  private String form(MeSurveys.Link link, Map<String, String> given, List<String> errors, Model model) {
    model.addAttribute("token", link.respondent().token());
    model.addAttribute("survey", link.survey());
    model.addAttribute("items", link.items());
    model.addAttribute("given", given);
    model.addAttribute("errors", errors == null ? List.of() : errors);
    model.addAttribute("levels", List.of(5, 4, 3, 2, 1));
    model.addAttribute("levelNames", Map.of(5, "มากที่สุด", 4, "มาก", 3, "ปานกลาง", 2, "น้อย", 1, "น้อยที่สุด"));
    model.addAttribute("closesOn", th.planflow.calendar.ThaiDates.full(link.survey().closesOn()));
    return "mesystem/survey";
  }

  private static String problem(MeSurveys.LinkException e, Model model, HttpServletResponse response) {
    response.setStatus(e.status().value());
    model.addAttribute("message", e.getMessage());
    return "mesystem/survey-problem";
  }
}
