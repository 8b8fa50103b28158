package th.planflow.annualreport;

import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;
import th.planflow.policy.PolicyReporting;
import th.planflow.policy.PolicyRounds;

/** The policy duty's rounds of the year: how completely the schools reported (กลุ่มนโยบายและแผน). */
@Component
class PolicyYearFacts implements YearFacts {

  private final PolicyRounds rounds;
  private final PolicyReporting reporting;

  PolicyYearFacts(PolicyRounds rounds, PolicyReporting reporting) {
    this.rounds = rounds;
    this.reporting = reporting;
  }

  @Override
  public List<Fact> facts(int fiscalYear) {
    List<Fact> facts = new ArrayList<>();
    for (PolicyRounds.Round round : rounds.ofYear(fiscalYear)) {
      PolicyReporting.Progress p = reporting.progress(round.id());
      if (p.expected() == 0) {
        continue;
      }
      double percent = Math.round(1000.0 * p.submitted() / p.expected()) / 10.0;
      facts.add(new Fact("PLAN", "รายงานนโยบาย สพฐ. " + round.name(), percent,
          "การรายงานผลการดำเนินงานตามนโยบาย สพฐ. ผ่านระบบ e-MES " + round.name() + ": รายงานแล้ว "
              + p.submitted() + " จาก " + p.expected() + " หน่วย (ร้อยละ " + String.format("%.1f", percent) + ")"));
    }
    return facts;
  }
}
