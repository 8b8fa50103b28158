package th.planflow.annualreport;

import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/** Gathers the {@link YearFacts} of a year, tolerating sources that are missing or fail. */
@Service
public class AnnualReportPrefill {

  private static final Logger LOG = LoggerFactory.getLogger(AnnualReportPrefill.class);

  private final List<YearFacts> sources;

  AnnualReportPrefill(List<YearFacts> sources) {
    this.sources = sources;
  }

  public List<YearFacts.Fact> facts(int fiscalYear) {
    List<YearFacts.Fact> all = new ArrayList<>();
    for (YearFacts source : sources) {
      try {
        all.addAll(source.facts(fiscalYear));
      } catch (RuntimeException e) {
        LOG.warn("Annual report {}: facts of {} left out: {}", fiscalYear, source.getClass().getSimpleName(), e.toString());
      }
    }
    return all;
  }

  /** The pre-filled text of a section's "quantity", or null when Planflow holds nothing for it. */
  public String quantityText(int fiscalYear, String sectionCode) {
    List<String> lines = facts(fiscalYear).stream().filter(f -> sectionCode.equals(f.sectionCode()))
        .map(f -> "- " + f.text()).toList();
    return lines.isEmpty() ? null : "ข้อมูลจากระบบ Planflow:\n" + String.join("\n", lines);
  }
}
