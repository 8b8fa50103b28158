package th.planflow.deadline;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.TaskQueryImpl;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.task.Task;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import th.planflow.calendar.DueDateOverrides;
import th.planflow.calendar.FiscalYear;
import th.planflow.calendar.ThaiDates;
import th.planflow.process.ProcessVariables;
import th.planflow.web.ApiException;
import th.planflow.web.CurrentUser;

/**
 * The plan officer moves a step's due date for one fiscal year; open tasks of that step follow at once,
 * and their reminders with them.
 */
@RestController
class DueDateController {

  record OverrideRequest(
      @NotBlank(message = "กรุณาระบุกระบวนงาน") @Pattern(regexp = "[a-zA-Z][a-zA-Z0-9]{0,63}", message = "รหัสกระบวนงานไม่ถูกต้อง") String processKey,
      @NotBlank(message = "กรุณาระบุขั้นตอน") @Size(max = 128, message = "รหัสขั้นตอนยาวเกินไป") @Pattern(regexp = "[a-zA-Z0-9:_-]+", message = "รหัสขั้นตอนไม่ถูกต้อง") String stepKey,
      @NotNull(message = "กรุณาระบุปีงบประมาณ") Object fiscalYear,
      @NotNull(message = "กรุณาระบุวันครบกำหนด (ปี-เดือน-วัน ค.ศ.)") LocalDate dueDate,
      @Size(max = 1000, message = "หมายเหตุยาวเกิน 1,000 ตัวอักษร") String note) {
  }

  private final DueDateOverrides overrides;
  private final TaskService tasks;
  private final DeadlineTaskListenerFactory deadlines;
  private final DeadlineSweep sweep;
  private final th.planflow.identity.AsSystem asSystem;
  private final ProcessEngineConfigurationImpl engine;

  DueDateController(DueDateOverrides overrides, TaskService tasks, DeadlineTaskListenerFactory deadlines,
      DeadlineSweep sweep, th.planflow.identity.AsSystem asSystem, ProcessEngineConfigurationImpl engine) {
    this.engine = engine;
    this.asSystem = asSystem;
    this.sweep = sweep;
    this.overrides = overrides;
    this.tasks = tasks;
    this.deadlines = deadlines;
  }

  @GetMapping("/api/calendar/overrides")
  List<DueDateOverrides.Override> list(@RequestParam("fiscalYear") String fiscalYear) {
    return overrides.ofYear(FiscalYear.parse(fiscalYear).buddhistYear());
  }

  @PutMapping("/api/calendar/overrides")
  @Transactional
  Map<String, Object> save(@Valid @RequestBody OverrideRequest request) {
    CurrentUser.requirePlanOfficer();
    FiscalYear year = FiscalYear.parse(request.fiscalYear());
    if (!year.contains(request.dueDate()) && !year.next().contains(request.dueDate())) {
      throw ApiException.badRequest("วันครบกำหนดต้องอยู่ในปีงบประมาณ " + year + " หรือปีถัดไป");
    }
    overrides.save(new DueDateOverrides.Override(request.processKey(), request.stepKey(), year.buddhistYear(),
        request.dueDate(), request.note(), CurrentUser.id()));
    int moved = asSystem.call(() -> {
      int count = 0;
      for (Task task : openTasksOf(request.processKey(), request.stepKey(), year)) {
        deadlines.moveDueDate(task, request.dueDate());
        sweep.restart(task.getId());
        count++;
      }
      return count;
    });
    return Map.of("message", "กำหนดวันครบกำหนดใหม่เป็น " + ThaiDates.full(request.dueDate()) + " แล้ว",
        "tasksMoved", moved);
  }

  @DeleteMapping("/api/calendar/overrides")
  Map<String, Object> delete(@RequestParam String processKey, @RequestParam String stepKey,
      @RequestParam String fiscalYear) {
    CurrentUser.requirePlanOfficer();
    if (!overrides.delete(processKey, stepKey, FiscalYear.parse(fiscalYear).buddhistYear())) {
      throw ApiException.notFound("ไม่พบการกำหนดวันที่ของขั้นตอนนี้");
    }
    return Map.of("message", "ยกเลิกการกำหนดวันที่แล้ว งานที่สร้างต่อจากนี้จะใช้วันตามปฏิทินปกติ");
  }

  /** The open tasks of a step in one engine command: each task's step is worked out as when it was created. */
  private List<Task> openTasksOf(String processKey, String stepKey, FiscalYear year) {
    List<String> ids = engine.getCommandExecutorTxRequired().execute(context -> {
      List<String> found = new ArrayList<>();
      for (Task open : new TaskQueryImpl().executeList(context, null)) {
        TaskEntity task = (TaskEntity) open;
        if (deadlines.isStep(task, processKey, stepKey)
            && year.buddhistYear() == FiscalYear.parse(task.getVariable(ProcessVariables.FISCAL_YEAR)).buddhistYear()) {
          found.add(task.getId());
        }
      }
      return found;
    });
    return ids.isEmpty() ? List.of() : tasks.createTaskQuery().taskIdIn(ids.toArray(String[]::new)).list();
  }


}
