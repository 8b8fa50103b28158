package th.planflow.project;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The Camunda Forms of duty 5 carry the fields their handlers and listeners read, under the ids the BPMN uses. */
class ProjectFormsTest {

  static JsonNode form(String file) throws IOException {
    try (InputStream in = ProjectFormsTest.class.getResourceAsStream("/forms/" + file)) {
      assertThat(in).as(file).isNotNull();
      return new ObjectMapper().readTree(in);
    }
  }

  static List<String> keys(JsonNode form) {
    List<String> keys = new ArrayList<>();
    form.get("components").forEach(c -> {
      if (c.has("key")) {
        keys.add(c.get("key").asText());
      }
    });
    return keys;
  }

  @Test
  void theOwnersFormsHaveEveryFieldTheHandlersCheck() throws IOException {
    JsonNode entry = form("project-monitoring-entry.form");
    assertThat(entry.get("id").asText()).isEqualTo(ProjectVariables.ENTRY_FORM);
    assertThat(keys(entry)).containsAll(ProjectInputs.ENTRY_FIELDS).contains("confirmed", "returnComment",
        "planChoicesLevel1", "planChoicesLevel2", "planChoicesLevel3");
    JsonNode progress = form("project-monitoring-progress.form");
    assertThat(progress.get("id").asText()).isEqualTo(ProjectVariables.PROGRESS_FORM);
    assertThat(keys(progress)).containsAll(ProjectInputs.PROGRESS_FIELDS).contains("confirmed", "previousText");
    JsonNode percent = findByKey(progress, ProjectInputs.PROGRESS);
    assertThat(percent.at("/validate/min").asInt()).isZero();
    assertThat(percent.at("/validate/max").asInt()).isEqualTo(100);
    assertThat(findByKey(progress, ProjectInputs.DISBURSED).at("/validate/min").asInt()).isZero();
  }

  @Test
  void thePlannersFormsHaveTheirConfirmations() throws IOException {
    assertThat(keys(form("project-monitoring-study.form"))).contains(ProjectVariables.LINKAGE_STUDIED, ProjectVariables.STUDY_NOTES);
    assertThat(keys(form("project-monitoring-briefing.form"))).contains(ProjectVariables.MEETING_DATE, ProjectVariables.MINUTES,
        ProjectVariables.ATTENDEES);
    assertThat(keys(form("project-monitoring-check.form"))).contains(ProjectVariables.CLOSE_ENTRY, ProjectVariables.ALL_ENTERED);
    assertThat(keys(form("project-monitoring-follow-up.form"))).contains(ProjectVariables.CLOSE_QUARTER,
        ProjectVariables.ALL_ENTERED);
    assertThat(keys(form("project-monitoring-summary.form"))).contains(ProjectVariables.SUMMARY_OVERVIEW,
        ProjectVariables.SUMMARY_PROBLEMS, ProjectVariables.SUMMARY_SUGGESTIONS, "confirmed");
  }

  static JsonNode findByKey(JsonNode form, String key) {
    for (JsonNode c : form.get("components")) {
      if (key.equals(c.path("key").asText())) {
        return c;
      }
    }
    throw new AssertionError("no field " + key);
  }
}
