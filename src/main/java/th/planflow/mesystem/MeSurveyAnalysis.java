package th.planflow.mesystem;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import th.planflow.calendar.ThaiDates;
import th.planflow.mesystem.MeSurveys.Item;
import th.planflow.mesystem.MeSurveys.Kind;
import th.planflow.mesystem.SurveyStatistics.Descriptive;
import th.planflow.mesystem.SurveyStatistics.Frequency;

/** The analysis of a year's questionnaire: response rate, Likert statistics, alpha, frequencies, open answers. */
@Service
public class MeSurveyAnalysis {

  public record ItemResult(int seq, String text, Descriptive stats) {
  }

  public record SectionResult(String section, Descriptive stats, List<ItemResult> items) {
  }

  public record ChoiceResult(int seq, String section, String text, int answered, List<Frequency> frequencies) {
  }

  public record OpenResult(int seq, String section, String text, List<String> answers) {
  }

  public record Analysis(MeSurveys.Survey survey, int invited, int responded, double responseRate, int staffInvited,
      int staffResponded, int schoolsInvited, int schoolsResponded, List<SectionResult> likert, Descriptive overall,
      double alpha, int alphaRespondents, int likertItems, List<ChoiceResult> choices, List<OpenResult> open) {
    public String responseRateText() {
      return SurveyStatistics.format(responseRate);
    }

    public String alphaText() {
      return SurveyStatistics.format(alpha);
    }

    public String closesOnText() {
      return ThaiDates.full(survey.closesOn());
    }
  }

  private final MeSurveys surveys;

  MeSurveyAnalysis(MeSurveys surveys) {
    this.surveys = surveys;
  }

  public Analysis of(int fiscalYear) {
    MeSurveys.Survey survey = surveys.require(fiscalYear);
    List<Item> items = surveys.items(survey.id());
    List<MeSurveys.Respondent> respondents = surveys.respondents(survey.id());
    Map<String, Map<Integer, Object>> answers = surveys.answers(survey.id());
    int invited = respondents.size();
    int responded = (int) respondents.stream().filter(r -> r.respondedAt() != null).count();
    int staff = count(respondents, MeSurveys.RespondentKind.STAFF, false);
    int staffDone = count(respondents, MeSurveys.RespondentKind.STAFF, true);
    int schools = count(respondents, MeSurveys.RespondentKind.SCHOOL, false);
    int schoolsDone = count(respondents, MeSurveys.RespondentKind.SCHOOL, true);

    Map<String, List<Item>> likertBySection = new LinkedHashMap<>();
    List<Item> likertItems = new ArrayList<>();
    List<ChoiceResult> choices = new ArrayList<>();
    List<OpenResult> open = new ArrayList<>();
    for (Item item : items) {
      if (item.kind() == Kind.LIKERT) {
        likertBySection.computeIfAbsent(item.section(), s -> new ArrayList<>()).add(item);
        likertItems.add(item);
      } else if (item.kind() == Kind.CHOICE) {
        List<String> given = values(answers, item.seq()).stream().map(String::valueOf).toList();
        choices.add(new ChoiceResult(item.seq(), item.section(), item.text(), given.size(),
            SurveyStatistics.frequencies(item.choices(), given)));
      } else {
        open.add(new OpenResult(item.seq(), item.section(), item.text(),
            values(answers, item.seq()).stream().map(String::valueOf).toList()));
      }
    }
    List<SectionResult> sections = new ArrayList<>();
    List<Integer> all = new ArrayList<>();
    likertBySection.forEach((section, sectionItems) -> {
      List<Integer> pooled = new ArrayList<>();
      List<ItemResult> results = new ArrayList<>();
      for (Item item : sectionItems) {
        List<Integer> scores = values(answers, item.seq()).stream().map(v -> (Integer) v).toList();
        pooled.addAll(scores);
        results.add(new ItemResult(item.seq(), item.text(), SurveyStatistics.describe(scores)));
      }
      all.addAll(pooled);
      sections.add(new SectionResult(section, SurveyStatistics.describe(pooled), results));
    });
    List<Integer[]> rows = new ArrayList<>();
    for (Map<Integer, Object> response : answers.values()) {
      Integer[] row = new Integer[likertItems.size()];
      for (int i = 0; i < likertItems.size(); i++) {
        row[i] = (Integer) response.get(likertItems.get(i).seq());
      }
      rows.add(row);
    }
    int complete = (int) rows.stream().filter(r -> java.util.Arrays.stream(r).allMatch(java.util.Objects::nonNull)).count();
    return new Analysis(survey, invited, responded, SurveyStatistics.percent(responded, invited), staff, staffDone,
        schools, schoolsDone, sections, SurveyStatistics.describe(all),
        SurveyStatistics.cronbachAlpha(rows, likertItems.size()), complete, likertItems.size(), choices, open);
  }

  private static int count(List<MeSurveys.Respondent> rs, MeSurveys.RespondentKind kind, boolean responded) {
    return (int) rs.stream().filter(r -> r.kind() == kind && (!responded || r.respondedAt() != null)).count();
  }

  private static List<Object> values(Map<String, Map<Integer, Object>> answers, int seq) {
    List<Object> values = new ArrayList<>();
    answers.values().forEach(a -> {
      if (a.get(seq) != null) {
        values.add(a.get(seq));
      }
    });
    return values;
  }
}
