package th.planflow.web;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.autoconfigure.web.servlet.WebMvcRegistrations;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.condition.PathPatternsRequestCondition;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.pattern.PathPattern;

/**
 * Spring MVC's handler lookup, with the path compared first and cheaply. A URL with an id in it (most of
 * Planflow's API) has no direct match, so Spring tries every mapping of the application, twice per request
 * (Spring Security looks up the handler too), and checks each one's method, parameters, headers, consumes and
 * produces before its path; each of those asks the request, through the half-dozen wrappers the filters put
 * around it. That was a tenth of the CPU of a school's report. Here a mapping whose patterns' literal start
 * (up to the first variable or wildcard) differs from the request's path is ruled out at once; the few that
 * remain are checked in full, exactly as before, so the handler found is the same.
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

    /** The path of the lookup running on this thread, when it can be compared character by character. */
    private final ThreadLocal<String> plainPath = new ThreadLocal<>();

    @Override
    protected HandlerMethod lookupHandlerMethod(String lookupPath, HttpServletRequest request) throws Exception {
      // patterns match decoded segments: a path with an escape is left to Spring's own comparison
      plainPath.set(lookupPath.indexOf('%') < 0 ? lookupPath : null);
      try {
        return super.lookupHandlerMethod(lookupPath, request);
      } finally {
        plainPath.remove();
      }
    }

    @Override
    protected RequestMappingInfo getMatchingMapping(RequestMappingInfo info, HttpServletRequest request) {
      String path = plainPath.get();
      PathPatternsRequestCondition paths = info.getPathPatternsCondition();
      if (path != null && paths != null && !anyLiteralStartFits(paths, path)) {
        return null;
      }
      return super.getMatchingMapping(info, request);
    }

    private static boolean anyLiteralStartFits(PathPatternsRequestCondition paths, String path) {
      for (PathPattern pattern : paths.getPatterns()) {
        if (literalStartFits(pattern.getPatternString(), path)) {
          return true;
        }
      }
      return false;
    }

    /** False only when the path cannot match: it differs from the pattern before the pattern's first variable. */
    static boolean literalStartFits(String pattern, String path) {
      for (int i = 0; i < pattern.length(); i++) {
        char c = pattern.charAt(i);
        if (c == '{' || c == '*' || c == '?') {
          return true;
        }
        if (i >= path.length() || path.charAt(i) != c) {
          return false;
        }
      }
      return true;
    }
  }
}
