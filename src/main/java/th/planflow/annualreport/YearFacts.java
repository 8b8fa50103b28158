package th.planflow.annualreport;

import java.util.List;

/**
 * What Planflow already holds about a fiscal year, offered to the annual report: pre-filled into the
 * group's contribution and drawn as a chart. Each duty that keeps results (KPIs, projects, policy
 * reports) may provide a bean; none is required, and a source that fails is left out.
 */
public interface YearFacts {

  /** One figure: which section it belongs to, a Thai label, a percentage (0-100) or null, a Thai sentence. */
  record Fact(String sectionCode, String label, Double percent, String text) {
  }

  List<Fact> facts(int fiscalYear);
}
