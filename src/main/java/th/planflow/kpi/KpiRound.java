package th.planflow.kpi;

import java.util.Locale;
import th.planflow.web.UserInputException;

/**
 * The reporting rounds of e-MES that the office reports (Q1 is not reported): results are
 * cumulative from 1 October, so Q2 covers 6 months, Q3 9 and Q4 12.
 */
public enum KpiRound {
  Q2(2, 6, "5-15"),
  Q3(3, 9, "8-15"),
  Q4(4, 12, "next:11-15");

  private final int quarter;
  private final int months;
  private final String closes;

  KpiRound(int quarter, int months, String closes) {
    this.quarter = quarter;
    this.months = months;
    this.closes = closes;
  }

  public int quarter() {
    return quarter;
  }

  public int months() {
    return months;
  }

  /** When the round closes for owners who have not reported (a fiscal-calendar day, see StepDue). */
  String closes() {
    return closes;
  }

  /** The step key of the owners' submissions, for due-date overrides and the audit. */
  public String stepKey() {
    return "kpiRound" + name();
  }

  /** The step key of the round's closing date, for the plan officer's override. */
  String closeStepKey() {
    return stepKey() + "Close";
  }

  /** "ไตรมาสที่ 2 (สะสม 6 เดือน)". */
  public String thai() {
    return "ไตรมาสที่ " + quarter + " (สะสม " + months + " เดือน)";
  }

  /** "Q2", "q2" or "2". */
  public static KpiRound parse(String text) {
    String s = text == null ? "" : text.trim().toUpperCase(Locale.ROOT);
    for (KpiRound round : values()) {
      if (round.name().equals(s) || String.valueOf(round.quarter).equals(s)) {
        return round;
      }
    }
    throw new UserInputException("รอบการรายงานต้องเป็น Q2, Q3 หรือ Q4 (ไตรมาสที่ 2, 3 หรือ 4) ไม่ใช่ '" + text + "'");
  }
}
