package th.planflow.kpi;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Percent of target and achieved-or-not of a result, from the KPI's direction.
 *
 * <ul>
 * <li>Higher is better: percent = actual / target x 100; achieved when actual >= target.</li>
 * <li>Lower is better: percent = target / actual x 100; achieved when actual <= target.</li>
 * </ul>
 * When the divisor is 0 there is no percent (null), except 0 of 0, which is 100.
 */
final class KpiScoring {

  private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

  private KpiScoring() {
  }

  static boolean achieved(Direction direction, BigDecimal target, BigDecimal actual) {
    int cmp = actual.compareTo(target);
    return direction == Direction.HIGHER ? cmp >= 0 : cmp <= 0;
  }

  /** Percent of target with 2 decimals, or null when it has no meaning (division by zero). */
  static BigDecimal percentOfTarget(Direction direction, BigDecimal target, BigDecimal actual) {
    BigDecimal numerator = direction == Direction.HIGHER ? actual : target;
    BigDecimal denominator = direction == Direction.HIGHER ? target : actual;
    if (denominator.signum() == 0) {
      return numerator.signum() == 0 ? HUNDRED.setScale(2) : null;
    }
    return numerator.multiply(HUNDRED).divide(denominator, 2, RoundingMode.HALF_UP);
  }
}
