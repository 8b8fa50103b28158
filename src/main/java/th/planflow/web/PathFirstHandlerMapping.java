package th.planflow.web;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.autoconfigure.web.servlet.WebMvcRegistrations;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.mvc.condition.PathPatternsRequestCondition;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Spring MVC's handler lookup, with the path compared first. A URL with an id in it (most of Planflow's API)
 * has no direct match, so Spring tries every mapping of the application, twice per request (Spring Security
 * looks up the handler too), and checks each one's method, parameters, headers, consumes and produces before
 * its path; each of those asks the request, through the half-dozen wrappers the filters put around it. That
 * was a tenth of the CPU of a school's report. The path rules out all but a few mappings at once; the
 * mappings that pass are then checked in full, exactly as before, so the handler found is the same.
 */
@Configuration(proxyBeanMethods = false)
class PathFirstHandlerMapping {

  @Bean
  static WebMvcRegistrations pathFirstMappings() {
    return new WebMvcRegistrations() {
      @Override
      public RequestMappingHandlerMapping getRequestMappingHandlerMapping() {
        return new Mapping();
      }
    };
  }

  static class Mapping extends RequestMappingHandlerMapping {
    @Override
    protected RequestMappingInfo getMatchingMapping(RequestMappingInfo info, HttpServletRequest request) {
      PathPatternsRequestCondition paths = info.getPathPatternsCondition();
      if (paths != null && paths.getMatchingCondition(request) == null) {
        return null;
      }
      return super.getMatchingMapping(info, request);
    }
  }
}
