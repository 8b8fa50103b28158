package th.planflow.kpi;

import java.util.Locale;

/** Whether a KPI is better when its value is higher (most KPIs) or lower (e.g. drop-out rate). */
public enum Direction {
  HIGHER("มากกว่าดี"),
  LOWER("น้อยกว่าดี");

  private final String thai;

  Direction(String thai) {
    this.thai = thai;
  }

  public String thai() {
    return thai;
  }

  /**
   * Reads the direction column of an import file: "มากกว่าดี" / "น้อยกว่าดี" and the short forms
   * people write (มาก, สูง, น้อย, ต่ำ, higher, lower); empty means higher is better.
   *
   * @return null when the text is not a direction
   */
  static Direction parse(String text) {
    if (text == null || text.isBlank()) {
      return HIGHER;
    }
    String s = text.replaceAll("\\s+", "").toLowerCase(Locale.ROOT);
    return switch (s) {
      case "มากกว่าดี", "มากดี", "มาก", "สูงกว่าดี", "สูงดี", "สูง", "higher", "high", "+" -> HIGHER;
      case "น้อยกว่าดี", "น้อยดี", "น้อย", "ต่ำกว่าดี", "ต่ำดี", "ต่ำ", "lower", "low", "-" -> LOWER;
      default -> null;
    };
  }
}
