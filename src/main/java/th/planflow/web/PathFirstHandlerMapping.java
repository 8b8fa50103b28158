package th.planflow.web;

import jakarta.servlet.http.HttpServletRequest;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.actuate.endpoint.web.servlet.AbstractWebMvcEndpointHandlerMapping;
import org.springframework.boot.autoconfigure.web.servlet.WebMvcRegistrations;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.mvc.condition.PathPatternsRequestCondition;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.validation.method.MethodValidator;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerAdapter;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.servlet.mvc.method.annotation.ServletInvocableHandlerMethod;
import org.springframework.web.util.pattern.PathPattern;

/**
 * Spring MVC's per-request overhead, trimmed where it was measurable and the outcome is the same.
 *
 * <p>The handler lookup, with the path compared first and cheaply. A URL with an id in it (most of
 * Planflow's API) has no direct match, so Spring tries every mapping of the application, twice per request
 * (Spring Security looks up the handler too), and checks each one's method, parameters, headers, consumes and
 * produces before its path; each of those asks the request, through the half-dozen wrappers the filters put
 * around it. That was a tenth of the CPU of a school's report, and walking all ~120 mappings still cost a
 * twentieth after each was ruled out by its path alone.
 *
 * <p>Here the mappings are indexed by the first two literal segments of their paths; a lookup checks only the
 * mappings filed under the request path's own first segments, and among them those whose literal start (up to
 * the first variable or wildcard) fits, with Spring's full check. When exactly one fits, it is the handler
 * Spring would choose (Spring's own candidates are the same mappings, or the direct-path ones among them); when
 * none or several do, or the path has an escape, Spring's own lookup decides (404, 405, ranking, ambiguity).
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

      @Override
      public RequestMappingHandlerAdapter getRequestMappingHandlerAdapter() {
        return new Adapter();
      }
    };
  }

  /**
   * Spring MVC looks up each handler method's validation groups (annotation searches on method and class) for
   * every request, also for methods without a constraint on a parameter or the return value, which are never
   * validated by method validation. Those get no method validator; the others get Spring's, as before
   * ({@code @Valid @RequestBody} is the binder's validation and is not affected).
   */
  static class Adapter extends RequestMappingHandlerAdapter {
    @Override
    protected ServletInvocableHandlerMethod createInvocableHandlerMethod(HandlerMethod handlerMethod) {
      return new ServletInvocableHandlerMethod(handlerMethod) {
        @Override
        public void setMethodValidator(MethodValidator validator) {
          super.setMethodValidator(shouldValidateArguments() || shouldValidateReturnValue() ? validator : null);
        }
      };
    }
  }

  /**
   * Actuator's endpoint mapping (health) is asked before the application's by default, for every request, and
   * checks each of its mappings in full before finding that none fits: it is asked right after the
   * application's mappings instead, which find nothing for an actuator path.
   */
  @Bean
  static BeanPostProcessor actuatorAfterApplicationMappings() {
    return new BeanPostProcessor() {
      @Override
      public Object postProcessBeforeInitialization(Object bean, String beanName) {
        if (bean instanceof AbstractWebMvcEndpointHandlerMapping endpoints) {
          endpoints.setOrder(ACTUATOR_ORDER);
        }
        return bean;
      }
    };
  }

  /** After the application's request mappings (order 0), before the welcome page and static resources. */
  static final int ACTUATOR_ORDER = 1;

  static class Mapping extends RequestMappingHandlerMapping {

    /** Path segments a mapping is filed under at most: "/api/policy" holds a dozen mappings, "/api" ninety. */
    static final int INDEXED_SEGMENTS = 2;

    private volatile Index index;

    @Override
    protected HandlerMethod lookupHandlerMethod(String lookupPath, HttpServletRequest request) throws Exception {
      // patterns match decoded segments: a path with an escape is left to Spring's own comparison
      if (lookupPath.indexOf('%') < 0) {
        Candidate found = null;
        RequestMappingInfo foundMatch = null;
        Index current = index();
        for (int segments = 0; segments <= INDEXED_SEGMENTS; segments++) {
          String key = key(lookupPath, segments);
          if (key == null) {
            break;
          }
          for (Candidate candidate : current.filed.getOrDefault(key, List.of())) {
            if (!candidate.fits(lookupPath)) {
              continue;
            }
            RequestMappingInfo match = getMatchingMapping(candidate.info, request);
            if (match == null) {
              continue;
            }
            if (found != null) {
              return super.lookupHandlerMethod(lookupPath, request); // several fit: Spring ranks them
            }
            found = candidate;
            foundMatch = match;
          }
        }
        if (found != null) {
          // what Spring does with its best match
          request.setAttribute(HandlerMapping.BEST_MATCHING_HANDLER_ATTRIBUTE, found.handler);
          handleMatch(foundMatch, lookupPath, request);
          return found.handler;
        }
      }
      return super.lookupHandlerMethod(lookupPath, request);
    }

    @Override
    protected void registerHandlerMethod(Object handler, Method method, RequestMappingInfo mapping) {
      super.registerHandlerMethod(handler, method, mapping);
      index = null;
    }

    @Override
    public void registerMapping(RequestMappingInfo mapping, Object handler, Method method) {
      super.registerMapping(mapping, handler, method);
      index = null;
    }

    @Override
    public void unregisterMapping(RequestMappingInfo mapping) {
      super.unregisterMapping(mapping);
      index = null;
    }

    private Index index() {
      Index current = index;
      if (current == null) {
        current = new Index(getHandlerMethods());
        index = current;
      }
      return current;
    }

    /**
     * The first {@code segments} segments of a path ("/api/policy" for two of "/api/policy/rounds/7"), "" for
     * none, null when the path has fewer.
     */
    static String key(String path, int segments) {
      if (segments == 0) {
        return "";
      }
      int end = 0;
      for (int i = 0; i < segments; i++) {
        if (end >= path.length() || path.charAt(end) != '/') {
          return null;
        }
        int next = path.indexOf('/', end + 1);
        end = next < 0 ? path.length() : next;
      }
      return path.substring(0, end);
    }

    /**
     * The part of a pattern before its first variable or wildcard, without the '/' before it: "/css/**" and
     * "/{*path}" match zero segments, so "/css" and "" as well.
     */
    static String literalStart(String pattern) {
      for (int i = 0; i < pattern.length(); i++) {
        char c = pattern.charAt(i);
        if (c == '{' || c == '*' || c == '?') {
          return pattern.substring(0, i > 0 && pattern.charAt(i - 1) == '/' ? i - 1 : i);
        }
      }
      return pattern;
    }

    /**
     * Where a pattern is filed: its first segments that are literal and complete (followed by '/' or by the
     * pattern's end), at most {@link #INDEXED_SEGMENTS}. Any path it can match begins with those segments.
     */
    static String keyOf(String pattern) {
      String literal = literalStart(pattern);
      String key = "";
      for (int segments = 1; segments <= INDEXED_SEGMENTS; segments++) {
        String candidate = key(literal, segments);
        if (candidate == null) {
          break;
        }
        boolean complete = candidate.length() == pattern.length() || pattern.charAt(candidate.length()) == '/';
        if (!complete) {
          break;
        }
        key = candidate;
      }
      return key;
    }

    private record Candidate(RequestMappingInfo info, HandlerMethod handler, String[] literalStarts) {
      boolean fits(String path) {
        if (literalStarts == null) {
          return true;
        }
        for (String start : literalStarts) {
          if (path.startsWith(start)) {
            return true;
          }
        }
        return false;
      }
    }

    private static final class Index {
      final Map<String, List<Candidate>> filed = new HashMap<>();

      Index(Map<RequestMappingInfo, HandlerMethod> mappings) {
        mappings.forEach((info, handler) -> {
          PathPatternsRequestCondition paths = info.getPathPatternsCondition();
          if (paths == null) {
            file("", new Candidate(info, handler, null)); // not PathPattern based: always checked in full
            return;
          }
          List<String> starts = new ArrayList<>();
          String key = null;
          for (PathPattern pattern : paths.getPatterns()) {
            starts.add(literalStart(pattern.getPatternString()));
            String own = keyOf(pattern.getPatternString());
            key = key == null || key.equals(own) ? own : ""; // several paths filed apart: checked everywhere
          }
          file(key == null ? "" : key, new Candidate(info, handler, starts.toArray(String[]::new)));
        });
      }

      private void file(String key, Candidate candidate) {
        filed.computeIfAbsent(key, k -> new ArrayList<>()).add(candidate);
      }
    }
  }
}
