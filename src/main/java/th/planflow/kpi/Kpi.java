package th.planflow.kpi;

import java.math.BigDecimal;

/** One KPI of OBEC's action plan for the year, with its owner in the office. */
public record Kpi(String code, int seq, String name, String strategy, BigDecimal target, String unit,
    Direction direction, String owner) {

  public Kpi {
    target = plain(target);
  }

  /** 80.00 and 8E+1 are both 80: numbers compare and print the way people wrote them. */
  static BigDecimal plain(BigDecimal value) {
    if (value == null) {
      return null;
    }
    BigDecimal stripped = value.stripTrailingZeros();
    return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
  }
}
