package th.planflow.kpi;

import static th.planflow.kpi.KpiVariables.*;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import th.planflow.calendar.FiscalYear;
import th.planflow.calendar.PlanflowClock;
import th.planflow.calendar.ThaiDates;
import th.planflow.process.ProcessVariables;
import th.planflow.review.FormInput;
import th.planflow.web.UserInputException;

/**
 * The listeners and delegates of bpmn/kpi-reporting.bpmn, each a small bean referenced by
 * delegateExpression; the work is done by the services. Form values are checked, saved to the kpi
 * tables and removed from the process, which keeps only ids and decisions.
 */
@Configuration
class KpiProcess {

  static final int MINUTES_MAX = 8000;
  static final int ATTENDEES_MAX = 4000;
  static final int SUMMARY_MAX = 8000;

  private final KpiStore store;
  private final KpiResults results;
  private final PlanflowClock clock;

  KpiProcess(KpiStore store, KpiResults results, PlanflowClock clock) {
    this.store = store;
    this.results = results;
    this.clock = clock;
  }

  /** Task_StudyKpis: the year's KPI list must have been imported. */
  @Bean
  TaskListener kpiStudyDone() {
    return task -> {
      int year = year(task.getExecution());
      if (store.countKpis(year) == 0) {
        throw new UserInputException("ยังไม่ได้นำเข้ารายการตัวชี้วัดของปีงบประมาณ " + year
            + " กรุณานำเข้าไฟล์ .xlsx หรือ .csv ก่อนส่งงาน");
      }
    };
  }

  /** Task_BriefingMeeting: date, attendees and minutes of the meeting. */
  @Bean
  TaskListener kpiBriefingRecorded() {
    return task -> {
      int year = year(task.getExecution());
      LocalDate date = date(task.getVariable(MEETING_DATE), "วันที่ประชุม", true);
      if (date.isAfter(clock.today())) {
        throw new UserInputException("วันที่ประชุมต้องไม่เป็นวันในอนาคต (บันทึกหลังการประชุม)");
      }
      if (!FiscalYear.of(year).contains(date)) {
        throw new UserInputException("วันที่ประชุมต้องอยู่ในปีงบประมาณ " + year);
      }
      String attendees = FormInput.text(task.getVariable(MEETING_ATTENDEES), "รายชื่อผู้เข้าประชุม", ATTENDEES_MAX, true);
      String minutes = FormInput.text(task.getVariable(MEETING_MINUTES), "สรุปรายงานการประชุม", MINUTES_MAX, true);
      store.saveMeeting(year, new KpiStore.Meeting(date, attendees, minutes, KpiSubmissions.actor(task), clock.now()));
      remove(task, MEETING_DATE, MEETING_ATTENDEES, MEETING_MINUTES);
    };
  }

  /** Task_OpenRoundQn: the round opens for the owners of the year's KPIs (an owner with no KPI gets no task). */
  @Bean
  JavaDelegate kpiRoundOpen() {
    return execution -> {
      int year = year(execution);
      store.openRound(year, round(execution), store.owners(year), clock.now());
    };
  }

  /** Task_CloseRoundQn: the round closes; owners without approved results are recorded. */
  @Bean
  JavaDelegate kpiRoundClose() {
    return execution -> {
      int year = year(execution);
      KpiRound round = round(execution);
      List<String> owners = store.round(year, round).map(KpiStore.RoundState::owners).orElse(List.of());
      store.closeRound(year, round, results.ownersNotApproved(year, round, owners), clock.now());
    };
  }

  /** Task_EnterEmesQn: every approved result of the round is marked as keyed into e-MES. */
  @Bean
  TaskListener kpiEmesEntered() {
    return task -> {
      int year = year(task.getExecution());
      KpiRound round = round(task.getExecution());
      if (Boolean.TRUE.equals(task.getVariable(EMES_ENTERED_ALL))) {
        LocalDate on = date(task.getVariable(EMES_ENTERED_ON), "วันที่บันทึกในระบบ e-MES", false);
        List<String> open = results.notYetInEmes(year, round);
        if (!open.isEmpty()) {
          results.markEnteredInEmes(year, round, open, on, KpiSubmissions.actor(task));
        }
      }
      List<String> missing = results.notYetInEmes(year, round);
      if (!missing.isEmpty()) {
        throw new UserInputException("ยังไม่ได้บันทึกผลของตัวชี้วัด " + String.join(", ", missing)
            + " ในระบบ e-MES กรุณาบันทึกให้ครบแล้วทำเครื่องหมายว่าบันทึกครบแล้ว");
      }
      remove(task, EMES_ENTERED_ALL, EMES_ENTERED_ON);
    };
  }

  /** Task_PrepareSummary: the overall summary, problems and suggestions for the director. */
  @Bean
  TaskListener kpiSummaryPrepared() {
    return task -> {
      int year = year(task.getExecution());
      String overview = FormInput.text(task.getVariable(SUMMARY_OVERVIEW), "สรุปผลการดำเนินงานในภาพรวม", SUMMARY_MAX, true);
      String problems = FormInput.text(task.getVariable(SUMMARY_PROBLEMS), "ปัญหา/อุปสรรคการดำเนินงาน", SUMMARY_MAX, false);
      String suggestions = FormInput.text(task.getVariable(SUMMARY_SUGGESTIONS), "ข้อเสนอแนะ", SUMMARY_MAX, false);
      store.saveSummary(year, overview, problems, suggestions, KpiSubmissions.actor(task), clock.now());
      remove(task, SUMMARY_OVERVIEW, SUMMARY_PROBLEMS, SUMMARY_SUGGESTIONS);
    };
  }

  /** Task_AcknowledgeSummary: the director acknowledges, optionally with an instruction. */
  @Bean
  TaskListener kpiSummaryAcknowledged() {
    return task -> {
      if (!Boolean.TRUE.equals(task.getVariable(ACKNOWLEDGED))) {
        throw new UserInputException("กรุณาทำเครื่องหมายรับทราบสรุปผลการดำเนินงานก่อนส่งงาน");
      }
      String comment = FormInput.text(task.getVariable(DIRECTOR_COMMENT), "ข้อสั่งการ/ความเห็น", 4000, false);
      store.acknowledgeSummary(year(task.getExecution()), KpiSubmissions.actor(task), clock.now(), comment);
      remove(task, DIRECTOR_COMMENT);
    };
  }

  static int year(DelegateExecution execution) {
    return FiscalYear.parse(execution.getVariable(ProcessVariables.FISCAL_YEAR)).buddhistYear();
  }

  private static KpiRound round(DelegateExecution execution) {
    return KpiRound.parse((String) execution.getVariable(ROUND));
  }

  /** A date from a form: "2027-04-10" (Camunda Forms' date field), or a Date; null when optional and empty. */
  static LocalDate date(Object value, String label, boolean required) {
    if (value == null || (value instanceof String s && s.isBlank())) {
      if (required) {
        throw new UserInputException("กรุณาระบุ" + label);
      }
      return null;
    }
    if (value instanceof Date d) {
      return d.toInstant().atZone(ThaiDates.BANGKOK).toLocalDate();
    }
    try {
      String text = value.toString().trim();
      return LocalDate.parse(text.length() > 10 ? text.substring(0, 10) : text);
    } catch (DateTimeParseException e) {
      throw new UserInputException(label + "ไม่ถูกต้อง (ได้รับ '" + value + "')");
    }
  }

  private static void remove(DelegateTask task, String... names) {
    for (String name : names) {
      task.removeVariable(name);
    }
  }
}
