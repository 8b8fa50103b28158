package th.planflow.mesystem;

import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/** Dates bpmn/me-system-development.bpmn reads from the questionnaire the planner defined. */
@Component("meSurveyDates")
public class MeSurveyDates {

  private final MeSurveys surveys;

  MeSurveyDates(MeSurveys surveys) {
    this.surveys = surveys;
  }

  /** The closing timer: the start of the day after the closing date (Bangkok). */
  public Date closing(DelegateExecution execution) {
    return surveys.closingTime(MeDelegates.year(execution));
  }

  /** The follow-up task is due on the closing date. */
  public String followUpDue(DelegateExecution execution) {
    return "date:" + surveys.require(MeDelegates.year(execution)).closesOn();
  }
}
