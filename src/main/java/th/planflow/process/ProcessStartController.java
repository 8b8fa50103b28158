package th.planflow.process;

import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import th.planflow.identity.Groups;
import th.planflow.web.ApiException;
import th.planflow.web.CurrentUser;

/** The planner starts a duty for a fiscal year, e.g. earlier than its automatic start. */
@RestController
class ProcessStartController {

  private final ProcessStarter starter;

  ProcessStartController(ProcessStarter starter) {
    this.starter = starter;
  }

  @PostMapping("/api/processes/{processKey}/start")
  @ResponseStatus(HttpStatus.CREATED)
  Map<String, Object> start(@PathVariable String processKey, @RequestBody(required = false) Map<String, Object> body) {
    if (!CurrentUser.isMemberOf(Groups.PLAN_OFFICER) && !CurrentUser.isMemberOf(Groups.ADMIN)) {
      throw ApiException.forbidden("เฉพาะนักวิเคราะห์นโยบายและแผนเท่านั้นที่เริ่มกระบวนงานได้");
    }
    Object fiscalYear = body == null ? null : body.get(ProcessVariables.FISCAL_YEAR);
    ProcessInstance instance = starter.start(processKey, fiscalYear);
    Duty duty = starter.duty(processKey);
    Map<String, Object> result = new LinkedHashMap<>();
    result.put("processInstanceId", instance.getId());
    result.put("businessKey", instance.getBusinessKey());
    result.put(ProcessVariables.FISCAL_YEAR, Integer.valueOf(instance.getBusinessKey().substring(processKey.length() + 1)));
    result.put("message", "เริ่มกระบวนงาน" + duty.thaiName() + " " + instance.getBusinessKey().replace(processKey + ":", "ปีงบประมาณ ") + " แล้ว");
    return result;
  }
}
