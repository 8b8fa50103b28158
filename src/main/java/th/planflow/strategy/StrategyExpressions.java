package th.planflow.strategy;

import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;
import th.planflow.calendar.FiscalYear;
import th.planflow.calendar.ThaiDates;
import th.planflow.process.ProcessVariables;
import th.planflow.strategy.StrategyRecords.Appointment;
import th.planflow.strategy.StrategyRecords.Report;

/**
 * Values that bpmn/provincial-strategy.bpmn computes in expressions, e.g.
 * {@code ${strategyExpressions.reportItemCodes(execution)}}: the items to report on and the notes the
 * reviewer reads with each submission (with the link to the document under review).
 */
@Component("strategyExpressions")
public class StrategyExpressions {

  private final ProvincialStrategy strategy;
  private final StrategyLinks links;

  StrategyExpressions(ProvincialStrategy strategy, StrategyLinks links) {
    this.strategy = strategy;
    this.links = links;
  }

  /** The codes of the year's items: one report each, in the order of the study. */
  public List<String> reportItemCodes(DelegateExecution execution) {
    return strategy.itemCodes(year(execution));
  }

  /** What the director reads with the appointment order. */
  public String appointmentNote(DelegateExecution execution) {
    FiscalYear year = year(execution);
    Appointment order = strategy.appointment(year).orElseThrow(
        () -> new IllegalStateException("No appointment order for fiscal year " + year));
    return "คำสั่งแต่งตั้งคณะทำงานและผู้รับผิดชอบตามนโยบายและยุทธศาสตร์การพัฒนาจังหวัด ปีงบประมาณ " + year
        + " ที่ " + order.orderNo() + " ลงวันที่ " + ThaiDates.full(order.orderDate())
        + ": คณะทำงาน " + strategy.members(year).size() + " คน ผู้รับผิดชอบ " + strategy.items(year).size() + " รายการ"
        + "\nร่างคำสั่ง (PDF): " + links.appointmentOrder(year);
  }

  /** What the plan officer reads with an item's report. */
  public String reportNote(DelegateExecution execution) {
    FiscalYear year = year(execution);
    String code = (String) execution.getVariable(StrategyVariables.ITEM_CODE);
    StrategyItem item = strategy.item(year, code);
    Report report = strategy.report(year, code).orElseThrow(
        () -> new IllegalStateException("No report of item " + code + " for fiscal year " + year));
    return "รายการ " + item.title() + ": ผลการดำเนินงาน " + StrategyInput.plain(report.resultValue()) + " " + item.unitTh()
        + " (เป้าหมาย " + item.targetText() + ") งบประมาณที่ใช้ " + StrategyInput.money(report.budgetUsed()) + " บาท"
        + "\nแบบรายงานผล (PDF): " + links.reportForm(year, code);
  }

  private static FiscalYear year(DelegateExecution execution) {
    return FiscalYear.parse(execution.getVariable(ProcessVariables.FISCAL_YEAR));
  }
}
