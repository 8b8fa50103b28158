package th.planflow.mesystem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The questionnaire's statistics against values worked out by hand in the comments. */
class SurveyStatisticsTest {

  /*
   * Five respondents, three Likert items:
   *   r1: 5 4 5   total 14
   *   r2: 4 4 4   total 12
   *   r3: 3 2 3   total  8
   *   r4: 5 5 4   total 14
   *   r5: 4 3 4   total 11
   * item 1: sum 21, mean 4.2; deviations .8 -.2 -1.2 .8 -.2 -> squares .64+.04+1.44+.64+.04 = 2.8; s² = 2.8/4 = 0.7
   * item 2: sum 18, mean 3.6; deviations .4 .4 -1.6 1.4 -.6 -> .16+.16+2.56+1.96+.36 = 5.2; s² = 1.3
   * item 3: sum 20, mean 4.0; deviations 1 0 -1 0 0 -> 2; s² = 0.5
   * totals: sum 59, mean 11.8; deviations 2.2 .2 -3.8 2.2 -.8 -> 4.84+.04+14.44+4.84+.64 = 24.8; s² = 6.2
   * alpha = 3/2 × (1 − (0.7+1.3+0.5)/6.2) = 1.5 × (1 − 2.5/6.2) = 1.5 × 3.7/6.2 = 5.55/6.2 = 0.895161...
   */
  static final List<Integer[]> ROWS = List.of(
      new Integer[] {5, 4, 5}, new Integer[] {4, 4, 4}, new Integer[] {3, 2, 3}, new Integer[] {5, 5, 4},
      new Integer[] {4, 3, 4});

  @Test
  void describesAnItem() {
    SurveyStatistics.Descriptive item1 = SurveyStatistics.describe(List.of(5, 4, 3, 5, 4));
    assertThat(item1.n()).isEqualTo(5);
    assertThat(item1.mean()).isCloseTo(4.2, within(1e-12));
    assertThat(item1.sd()).isCloseTo(Math.sqrt(0.7), within(1e-12));
    assertThat(item1.meanText()).isEqualTo("4.20");
    assertThat(item1.sdText()).isEqualTo("0.84"); // √0.7 = 0.83666
    assertThat(item1.level()).isEqualTo("มาก");

    SurveyStatistics.Descriptive item2 = SurveyStatistics.describe(List.of(4, 4, 2, 5, 3));
    assertThat(item2.mean()).isCloseTo(3.6, within(1e-12));
    assertThat(item2.sd()).isCloseTo(Math.sqrt(1.3), within(1e-12));
    assertThat(item2.sdText()).isEqualTo("1.14"); // √1.3 = 1.14018
  }

  @Test
  void describesASectionByPoolingItsAnswers() {
    // items 1 and 2 pooled: 5 4 3 5 4 4 4 2 5 3: sum 39, mean 3.9;
    // squares of deviations: 1.21 .01 .81 1.21 .01 .01 .01 3.61 1.21 .81 = 8.9; s² = 8.9/9
    SurveyStatistics.Descriptive section = SurveyStatistics.describe(List.of(5, 4, 3, 5, 4, 4, 4, 2, 5, 3));
    assertThat(section.n()).isEqualTo(10);
    assertThat(section.mean()).isCloseTo(3.9, within(1e-12));
    assertThat(section.sd()).isCloseTo(Math.sqrt(8.9 / 9), within(1e-12));
  }

  @Test
  void hasNoSpreadForOneAnswerAndNothingForNone() {
    assertThat(SurveyStatistics.describe(List.of(4)).sdText()).isEqualTo("-");
    SurveyStatistics.Descriptive none = SurveyStatistics.describe(List.of());
    assertThat(none.n()).isZero();
    assertThat(none.meanText()).isEqualTo("-");
    assertThat(none.level()).isEqualTo("-");
  }

  @Test
  void computesCronbachsAlpha() {
    assertThat(SurveyStatistics.cronbachAlpha(ROWS, 3)).isCloseTo(5.55 / 6.2, within(1e-12));
    assertThat(SurveyStatistics.format(SurveyStatistics.cronbachAlpha(ROWS, 3))).isEqualTo("0.90");
  }

  @Test
  void leavesOutRespondentsWithAMissingItemFromAlpha() {
    List<Integer[]> withGap = new java.util.ArrayList<>(ROWS);
    withGap.add(new Integer[] {1, null, 1});
    assertThat(SurveyStatistics.cronbachAlpha(withGap, 3)).isCloseTo(5.55 / 6.2, within(1e-12));
    assertThat(SurveyStatistics.cronbachAlpha(ROWS.subList(0, 1), 3)).isNaN();
    assertThat(SurveyStatistics.cronbachAlpha(ROWS, 1)).isNaN();
  }

  @Test
  void interpretsMeansInTheThaiBands() {
    assertThat(SurveyStatistics.interpret(5.0)).isEqualTo("มากที่สุด");
    assertThat(SurveyStatistics.interpret(4.51)).isEqualTo("มากที่สุด");
    assertThat(SurveyStatistics.interpret(4.505)).isEqualTo("มากที่สุด"); // rounds to 4.51
    assertThat(SurveyStatistics.interpret(4.50)).isEqualTo("มาก");
    assertThat(SurveyStatistics.interpret(3.51)).isEqualTo("มาก");
    assertThat(SurveyStatistics.interpret(3.50)).isEqualTo("ปานกลาง");
    assertThat(SurveyStatistics.interpret(2.51)).isEqualTo("ปานกลาง");
    assertThat(SurveyStatistics.interpret(2.50)).isEqualTo("น้อย");
    assertThat(SurveyStatistics.interpret(1.51)).isEqualTo("น้อย");
    assertThat(SurveyStatistics.interpret(1.50)).isEqualTo("น้อยที่สุด");
    assertThat(SurveyStatistics.interpret(1.0)).isEqualTo("น้อยที่สุด");
  }

  @Test
  void countsChoicesAndPercentages() {
    // 4 answers: ก ×2, ข ×1, ค ×1, ง ×0 -> 50, 25, 25, 0
    List<SurveyStatistics.Frequency> f = SurveyStatistics.frequencies(List.of("ก", "ข", "ค", "ง"), List.of("ก", "ข", "ก", "ค"));
    assertThat(f).extracting(SurveyStatistics.Frequency::count).containsExactly(2, 1, 1, 0);
    assertThat(f).extracting(SurveyStatistics.Frequency::percentText).containsExactly("50.00", "25.00", "25.00", "0.00");
    assertThat(SurveyStatistics.percent(2, 3)).isCloseTo(66.6666666, within(1e-6));
    assertThat(SurveyStatistics.percent(0, 0)).isZero();
  }
}
