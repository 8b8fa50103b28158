package th.planflow.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.junit.jupiter.api.Test;

/** Without a command context the engine can only answer from memory: no select is possible here. */
class NewTaskVariablesTest {

  @Test
  void aNewTaskAnswersItsVariablesWithoutTheDatabase() {
    TaskEntity task = new TaskEntity();
    task.setId("new-task");
    assertThatThrownBy(task::getVariablesLocal).as("the engine's default: select them").isInstanceOf(RuntimeException.class);

    TaskEntity created = new TaskEntity();
    created.setId("created-task");
    NewTaskVariables.startsEmpty(created);
    assertThat(created.getVariablesLocal()).isEmpty();
    assertThat(created.getVariableLocal("fiscalYear")).isNull();
  }
}
