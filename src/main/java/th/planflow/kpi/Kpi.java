package th.planflow.kpi;

import java.math.BigDecimal;

/** One KPI of OBEC's action plan for the year, with its owner in the office. */
public record Kpi(String code, int seq, String name, String strategy, BigDecimal target, String unit,
    Direction direction, String owner) {
}
