package th.planflow.calendar;

/** A fiscal year that is missing, not a number, or out of range; the message is Thai for the user. */
public class InvalidFiscalYearException extends IllegalArgumentException {

  public InvalidFiscalYearException(String thaiMessage) {
    super(thaiMessage);
  }
}
