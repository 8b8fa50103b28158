package th.planflow.mesystem;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.math3.stat.descriptive.SummaryStatistics;
import org.apache.commons.math3.stat.descriptive.moment.Variance;

/**
 * The descriptive statistics of the research questionnaire, computed with Apache Commons Math: n, mean and
 * sample S.D. per Likert item and per section (all answers to the section's items pooled), the Thai
 * interpretation of a mean, Cronbach's alpha of the Likert scale and frequencies of choices. Knows nothing
 * of the engine or the database.
 */
public final class SurveyStatistics {

  private SurveyStatistics() {
  }

  /** n, mean and sample standard deviation (NaN when there are fewer than 2 answers). */
  public record Descriptive(long n, double mean, double sd) {
    public String meanText() {
      return n == 0 ? "-" : format(mean);
    }

    public String sdText() {
      return n < 2 ? "-" : format(sd);
    }

    public String level() {
      return n == 0 ? "-" : interpret(mean);
    }
  }

  public static Descriptive describe(List<Integer> scores) {
    SummaryStatistics s = new SummaryStatistics();
    scores.forEach(s::addValue);
    return new Descriptive(s.getN(), s.getN() == 0 ? Double.NaN : s.getMean(),
        s.getN() < 2 ? Double.NaN : s.getStandardDeviation());
  }

  /**
   * The Thai interpretation band of a 5-point mean, judged on the mean rounded to 2 decimals: 4.51–5.00
   * มากที่สุด, 3.51–4.50 มาก, 2.51–3.50 ปานกลาง, 1.51–2.50 น้อย, 1.00–1.50 น้อยที่สุด.
   */
  public static String interpret(double mean) {
    BigDecimal m = BigDecimal.valueOf(mean).setScale(2, RoundingMode.HALF_UP);
    if (m.compareTo(new BigDecimal("4.51")) >= 0) {
      return "มากที่สุด";
    }
    if (m.compareTo(new BigDecimal("3.51")) >= 0) {
      return "มาก";
    }
    if (m.compareTo(new BigDecimal("2.51")) >= 0) {
      return "ปานกลาง";
    }
    if (m.compareTo(new BigDecimal("1.51")) >= 0) {
      return "น้อย";
    }
    return "น้อยที่สุด";
  }

  /**
   * Cronbach's alpha: k/(k-1) × (1 − Σ sample variance of each item / sample variance of the total score),
   * over the respondents who answered every item (listwise). NaN with fewer than 2 items or 2 such
   * respondents, or when the total score does not vary.
   *
   * @param rows one row per respondent, one score per Likert item (null = not answered)
   */
  public static double cronbachAlpha(List<Integer[]> rows, int items) {
    List<Integer[]> complete = rows.stream().filter(r -> {
      for (int i = 0; i < items; i++) {
        if (r[i] == null) {
          return false;
        }
      }
      return true;
    }).toList();
    if (items < 2 || complete.size() < 2) {
      return Double.NaN;
    }
    Variance variance = new Variance(true);
    double sumItemVariances = 0;
    for (int i = 0; i < items; i++) {
      double[] column = new double[complete.size()];
      for (int r = 0; r < complete.size(); r++) {
        column[r] = complete.get(r)[i];
      }
      sumItemVariances += variance.evaluate(column);
    }
    double[] totals = new double[complete.size()];
    for (int r = 0; r < complete.size(); r++) {
      for (int i = 0; i < items; i++) {
        totals[r] += complete.get(r)[i];
      }
    }
    double totalVariance = variance.evaluate(totals);
    if (totalVariance == 0) {
      return Double.NaN;
    }
    return (double) items / (items - 1) * (1 - sumItemVariances / totalVariance);
  }

  /** A choice with how many chose it and its percentage of those who answered the question. */
  public record Frequency(String choice, int count, double percent) {
    public String percentText() {
      return format(percent);
    }
  }

  public static List<Frequency> frequencies(List<String> choices, List<String> answers) {
    Map<String, Integer> counts = new LinkedHashMap<>();
    choices.forEach(c -> counts.put(c, 0));
    answers.forEach(a -> counts.merge(a, 1, Integer::sum));
    List<Frequency> result = new ArrayList<>();
    counts.forEach((c, n) -> result.add(new Frequency(c, n, answers.isEmpty() ? 0 : 100.0 * n / answers.size())));
    return result;
  }

  /** Percentage of {@code part} in {@code whole}, 0 when there is no whole. */
  public static double percent(long part, long whole) {
    return whole == 0 ? 0 : 100.0 * part / whole;
  }

  /** Two decimals, as Thai research reports print them. */
  public static String format(double value) {
    return Double.isNaN(value) ? "-" : BigDecimal.valueOf(value).setScale(2, RoundingMode.HALF_UP).toPlainString();
  }
}
