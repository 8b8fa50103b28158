package th.planflow.web;

import jakarta.annotation.Priority;
import jakarta.ws.rs.ConstrainedTo;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.RuntimeType;
import jakarta.ws.rs.core.FeatureContext;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.camunda.bpm.engine.rest.exception.RestExceptionHandler;
import org.glassfish.jersey.internal.spi.AutoDiscoverable;
import org.springframework.boot.autoconfigure.jersey.ResourceConfigCustomizer;
import org.springframework.stereotype.Component;

/**
 * The engine REST API wraps an exception from a task listener into "Cannot complete task …: ENGINE-03051 …"
 * with status 500. For Planflow's own validation that is a 400 with the plain Thai message, which is what
 * Tasklist shows the user under the form.
 *
 * <p>Tasklist does not call /engine-rest but the webapps' own copy of the engine API (/camunda/api/engine),
 * a Jersey application the Camunda webapp starter builds itself, out of Spring's reach. So besides the
 * customizer for /engine-rest, Jersey's auto-discovery (META-INF/services) registers the mapper in every
 * Jersey application that uses Camunda's exception handler.
 */
@Component
class EngineRestErrors implements ResourceConfigCustomizer {

  @Override
  public void customize(org.glassfish.jersey.server.ResourceConfig config) {
    config.register(ThaiUserInputMapper.class);
  }

  /** Listed in META-INF/services/org.glassfish.jersey.internal.spi.AutoDiscoverable. */
  @ConstrainedTo(RuntimeType.SERVER)
  @Priority(AutoDiscoverable.DEFAULT_PRIORITY)
  public static class InEveryEngineApi implements AutoDiscoverable {

    @Override
    public void configure(FeatureContext context) {
      if (context.getConfiguration().isRegistered(RestExceptionHandler.class)
          && !context.getConfiguration().isRegistered(ThaiUserInputMapper.class)) {
        context.register(ThaiUserInputMapper.class);
      }
    }
  }

  @Provider
  @Priority(Priorities.USER - 100)
  public static class ThaiUserInputMapper implements ExceptionMapper<RestException> {

    private final RestExceptionHandler camunda = new RestExceptionHandler();

    @Override
    public Response toResponse(RestException exception) {
      UserInputException input = UserInputException.in(exception);
      if (input == null) {
        return camunda.toResponse(exception);
      }
      Map<String, Object> body = new LinkedHashMap<>();
      body.put("type", "UserInputException");
      body.put("message", input.getMessage());
      body.put("code", 0);
      return Response.status(Response.Status.BAD_REQUEST).entity(body).type(MediaType.APPLICATION_JSON_TYPE).build();
    }
  }
}
