package th.planflow.kpi;

/**
 * What a reviewedSubmission called by kpiReporting is about, from its subjectRef:
 * {@code kpi-owner:<year>:<round>:<owner>} (an owner's results of a round) or
 * {@code kpi-appointment:<year>} (the working group's appointment).
 */
record KpiSubject(int year, KpiRound round, String owner) {

  boolean isAppointment() {
    return round == null;
  }

  /** Null when the reference is not one of kpiReporting's. */
  static KpiSubject parse(Object subjectRef) {
    if (!(subjectRef instanceof String ref)) {
      return null;
    }
    String[] parts = ref.split(":", -1);
    try {
      if (parts.length == 4 && parts[0].equals(KpiVariables.OWNER_SUBJECT) && !parts[3].isBlank()) {
        return new KpiSubject(Integer.parseInt(parts[1]), KpiRound.valueOf(parts[2]), parts[3]);
      }
      if (parts.length == 2 && parts[0].equals(KpiVariables.APPOINTMENT_SUBJECT)) {
        return new KpiSubject(Integer.parseInt(parts[1]), null, null);
      }
    } catch (IllegalArgumentException e) {
      return null;
    }
    return null;
  }
}
