package th.planflow.deadline;

import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParse;
import org.camunda.bpm.engine.impl.util.xml.Element;

/**
 * What a user task says about its deadline in the BPMN, as camunda:properties:
 * {@code due} (required: "4", "11-10", "next:10", "+7d" or an expression giving one of those),
 * {@code step} (the step's key for overrides, default the task id) and {@code escalateTo}
 * (the supervisor group, default from the rules).
 */
public record DeadlineDeclaration(String due, String step, String escalateTo) {

  public static final String DUE = "due";
  public static final String STEP = "step";
  public static final String ESCALATE_TO = "escalateTo";

  /** Reads the declaration of a userTask element; null when the task declares no deadline. */
  static DeadlineDeclaration of(Element userTask) {
    Map<String, String> properties = new HashMap<>();
    Element extensions = userTask.element("extensionElements");
    if (extensions != null) {
      Element props = extensions.elementNS(BpmnParse.CAMUNDA_BPMN_EXTENSIONS_NS, "properties");
      if (props != null) {
        for (Element p : props.elementsNS(BpmnParse.CAMUNDA_BPMN_EXTENSIONS_NS, "property")) {
          properties.put(p.attribute("name"), p.attribute("value"));
        }
      }
    }
    String due = properties.get(DUE);
    if (due == null || due.isBlank()) {
      return null;
    }
    return new DeadlineDeclaration(due.trim(), properties.get(STEP), properties.get(ESCALATE_TO));
  }
}
