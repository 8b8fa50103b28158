package th.planflow.kpi;

import java.math.BigDecimal;
import java.time.Instant;

/** One KPI's result in one round, as the owner reported it. */
public record KpiResult(String kpiCode, KpiRound round, BigDecimal actual, BigDecimal percentOfTarget, Boolean achieved,
    String narrative, String problems, String suggestions, ResultStatus status, String reviewComment,
    String updatedBy, Instant updatedAt, String submittedBy, Instant submittedAt, String approvedBy,
    Instant approvedAt) {
}
