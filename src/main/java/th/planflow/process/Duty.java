package th.planflow.process;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.Optional;
import th.planflow.calendar.FiscalYear;

/**
 * The seven duties of the policy and plan group, each a yearly BPMN process, with the month its
 * work begins. The annual report starts in the October after the year it reports on.
 */
public enum Duty {
  INSPECTION("inspection", "การตรวจราชการ", 2, false),
  PROVINCIAL_STRATEGY("provincialStrategy", "การติดตามนโยบายและยุทธศาสตร์การพัฒนาจังหวัดและประเทศ", 1, false),
  ANNUAL_REPORT("annualReport", "รายงานผลการดำเนินงานประจำปี", 10, true),
  KPI_REPORTING("kpiReporting", "การรายงานตัวชี้วัดตามแผนปฏิบัติราชการ สพฐ.", 3, false),
  PROJECT_MONITORING("projectMonitoring", "การติดตามโครงการในระบบ eMENSCR", 10, false),
  POLICY_REPORTING("policyReporting", "การรายงานผลการดำเนินงานตามนโยบาย สพฐ.", 12, false),
  ME_SYSTEM_DEVELOPMENT("meSystemDevelopment", "การพัฒนาระบบการติดตามและประเมินผล", 3, false);

  private final String processKey;
  private final String thaiName;
  private final int firstMonth;
  private final boolean startsAfterYearEnd;

  Duty(String processKey, String thaiName, int firstMonth, boolean startsAfterYearEnd) {
    this.processKey = processKey;
    this.thaiName = thaiName;
    this.firstMonth = firstMonth;
    this.startsAfterYearEnd = startsAfterYearEnd;
  }

  public String processKey() {
    return processKey;
  }

  public String thaiName() {
    return thaiName;
  }

  public static Optional<Duty> byProcessKey(String key) {
    return Arrays.stream(values()).filter(d -> d.processKey.equals(key)).findFirst();
  }

  /** The fiscal year whose run of this duty begins on {@code date}'s month, if it begins then. */
  public Optional<FiscalYear> yearStartingIn(LocalDate date) {
    if (date.getMonthValue() != firstMonth) {
      return Optional.empty();
    }
    FiscalYear containing = FiscalYear.containing(date);
    return Optional.of(startsAfterYearEnd ? containing.previous() : containing);
  }
}
