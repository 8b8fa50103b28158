package th.planflow.deadline;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import th.planflow.calendar.FiscalYear;
import th.planflow.calendar.Holidays;
import th.planflow.calendar.ThaiDates;
import th.planflow.review.FormInput;
import th.planflow.web.ApiException;
import th.planflow.web.CurrentUser;

/** The office's holidays, which move every due date that falls on them; edited by the plan officer. */
@RestController
class CalendarController {

  record HolidayRequest(@NotNull(message = "กรุณาระบุวันที่ (ปี-เดือน-วัน ค.ศ.)") LocalDate date,
      @Size(max = 300, message = "ชื่อวันหยุดยาวเกิน 300 ตัวอักษร") String name) {
  }

  private final Holidays holidays;

  CalendarController(Holidays holidays) {
    this.holidays = holidays;
  }

  @GetMapping("/api/calendar/holidays")
  List<Map<String, Object>> list(@RequestParam("fiscalYear") String fiscalYear) {
    FiscalYear year = FiscalYear.parse(fiscalYear);
    return holidays.between(year.firstDay(), year.next().lastDay()).stream()
        .map(h -> Map.<String, Object>of("date", h.date().toString(), "dateTh", ThaiDates.full(h.date()),
            "name", h.nameTh(), "national", h.national()))
        .toList();
  }

  @PutMapping("/api/calendar/holidays")
  Map<String, Object> save(@Valid @RequestBody HolidayRequest request) {
    CurrentUser.requirePlanOfficer();
    String name = FormInput.text(request.name(), "ชื่อวันหยุด", 300, true);
    holidays.save(request.date(), name);
    return Map.of("message", "บันทึกวันหยุด " + ThaiDates.full(request.date()) + " แล้ว");
  }

  @DeleteMapping("/api/calendar/holidays")
  Map<String, Object> delete(@RequestParam("date") @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date) {
    CurrentUser.requirePlanOfficer();
    if (!holidays.delete(date)) {
      throw ApiException.notFound("ไม่พบวันหยุดของสำนักงานในวันที่ " + ThaiDates.full(date));
    }
    return Map.of("message", "ลบวันหยุด " + ThaiDates.full(date) + " แล้ว");
  }

}
