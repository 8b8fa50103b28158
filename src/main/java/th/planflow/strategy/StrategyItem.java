package th.planflow.strategy;

import java.math.BigDecimal;

/**
 * A strategy or indicator of the provincial development plan that concerns the office, with its
 * target and the one person responsible for it (null until the working group is appointed).
 */
public record StrategyItem(String code, String nameTh, BigDecimal target, String unitTh, String projectsTh,
    String responsibleUserId) {

  /** "1.1 ร้อยละของนักเรียน…": how the item is named in tasks and documents. */
  public String title() {
    return code + " " + nameTh;
  }

  /** "80 ร้อยละ". */
  public String targetText() {
    return StrategyInput.plain(target) + " " + unitTh;
  }

  public StrategyItem withResponsible(String userId) {
    return new StrategyItem(code, nameTh, target, unitTh, projectsTh, userId);
  }
}
