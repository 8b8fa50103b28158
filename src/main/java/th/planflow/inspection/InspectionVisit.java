package th.planflow.inspection;

import java.time.LocalDate;
import java.util.List;

/** One visit of the inspection plan: when, which inspector, which issues, which units take part. */
public record InspectionVisit(int seq, LocalDate date, String inspector, List<Integer> issueSeqs, List<String> unitCodes,
    String note) {
}
