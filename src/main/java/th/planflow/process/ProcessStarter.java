package th.planflow.process;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import th.planflow.calendar.FiscalYear;
import th.planflow.web.ApiException;

/** Starts a duty for a fiscal year, with Thai answers for every way it can go wrong. */
@Service
public class ProcessStarter {

  private final RuntimeService runtime;
  private final RepositoryService repository;
  private final ProcessRuns runs;

  public ProcessStarter(RuntimeService runtime, RepositoryService repository, ProcessRuns runs) {
    this.runtime = runtime;
    this.repository = repository;
    this.runs = runs;
  }

  public Duty duty(String processKey) {
    return Duty.byProcessKey(processKey)
        .orElseThrow(() -> ApiException.notFound("ไม่พบกระบวนงาน '" + processKey + "'"));
  }

  public boolean isDeployed(Duty duty) {
    return repository.createProcessDefinitionQuery().processDefinitionKey(duty.processKey()).latestVersion().count() > 0;
  }

  public ProcessInstance start(String processKey, Object fiscalYearInput) {
    Duty duty = duty(processKey);
    FiscalYear year = FiscalYear.parse(fiscalYearInput);
    if (!isDeployed(duty)) {
      throw ApiException.notFound("ยังไม่ได้ติดตั้งกระบวนงาน" + duty.thaiName() + " ในระบบ");
    }
    if (runs.exists(duty.processKey(), year.buddhistYear())) {
      throw new DuplicateRunException(duty, year.buddhistYear());
    }
    try {
      return runtime.createProcessInstanceByKey(duty.processKey())
          .businessKey(ProcessVariables.businessKey(duty.processKey(), year.buddhistYear()))
          .setVariable(ProcessVariables.FISCAL_YEAR, year.buddhistYear())
          .execute();
    } catch (DataIntegrityViolationException | org.camunda.bpm.engine.ProcessEngineException e) {
      if (e instanceof DuplicateRunException duplicate) {
        throw duplicate;
      }
      if (runs.exists(duty.processKey(), year.buddhistYear())) {
        throw new DuplicateRunException(duty, year.buddhistYear()); // lost a race with another start
      }
      throw e;
    }
  }
}
