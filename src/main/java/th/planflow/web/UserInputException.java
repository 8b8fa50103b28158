package th.planflow.web;

import org.camunda.bpm.engine.BadUserRequestException;

/**
 * Input a person has to correct, with a Thai message for them. Wherever it is thrown (a task
 * listener, Planflow's API), the caller gets HTTP 400 and exactly this message.
 */
public class UserInputException extends BadUserRequestException {

  public UserInputException(String thaiMessage) {
    super(thaiMessage);
  }

  /** The UserInputException in a cause chain, e.g. inside the engine's wrapping of a listener's exception. */
  public static UserInputException in(Throwable error) {
    for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof UserInputException input) {
        return input;
      }
    }
    return null;
  }
}
