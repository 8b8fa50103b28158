package th.planflow.process;

import th.planflow.web.UserInputException;

/** A second start of a duty for a fiscal year it already runs for. */
public class DuplicateRunException extends UserInputException {

  public DuplicateRunException(Duty duty, int fiscalYear) {
    super("กระบวนงาน" + duty.thaiName() + " ปีงบประมาณ " + fiscalYear + " เริ่มดำเนินการไปแล้ว ไม่สามารถเริ่มซ้ำได้");
  }
}
