package th.planflow.kpi;

import java.util.List;
import th.planflow.document.ImportException;

/** A KPI file that cannot be imported (see {@link ImportException}). Nothing was saved. */
public class KpiImportException extends ImportException {

  static final String ITEMS = "รายการตัวชี้วัด";

  KpiImportException(List<Problem> problems) {
    super(ITEMS, problems);
  }

  KpiImportException(String message) {
    super(ITEMS, message);
  }
}
