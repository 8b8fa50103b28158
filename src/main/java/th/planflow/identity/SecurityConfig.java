package th.planflow.identity;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import java.util.Map;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.webapp.impl.security.auth.ContainerBasedAuthenticationFilter;
import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.www.BasicAuthenticationEntryPoint;
import org.springframework.security.web.util.matcher.AntPathRequestMatcher;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * One login for everything: a Thai form login for people, HTTP Basic for REST clients, both checked
 * against Camunda's users. Open without login: public report pages, static assets and health.
 */
@Configuration
class SecurityConfig {

  static final String[] PUBLIC = {
      "/login", "/error", "/public/**", "/css/**", "/fonts/**", "/images/**", "/favicon.ico",
      "/actuator/health", "/actuator/health/**"};

  /** The JSON API and the engine's REST API: never a login page, no CSRF token, nothing of the pages' chain. */
  static final String[] REST = {"/api/**", "/engine-rest/**"};

  /**
   * REST requests (HTTP Basic, or the session of a page calling the JSON API) get a chain of their own: the
   * pages' chain would also match each of them against the logout, login-form, CSRF and saved-request filters
   * and the public paths, none of which applies (a school's report is two such requests).
   */
  @Bean
  @Order(1)
  SecurityFilterChain restSecurity(HttpSecurity http, CamundaUserAuthentication users) throws Exception {
    BasicAuthenticationEntryPoint basic = basicEntryPoint();
    http
        // by path: the engine's REST is a servlet of its own, which Spring MVC's pattern matching does not see
        .securityMatcher(new OrRequestMatcher(java.util.Arrays.stream(REST)
            .map(PathPatternRequestMatcher.withDefaults()::matcher).toArray(RequestMatcher[]::new)))
        .authenticationProvider(users)
        .authorizeHttpRequests(auth -> auth.anyRequest().authenticated())
        .httpBasic(b -> b.authenticationEntryPoint(basic))
        .exceptionHandling(e -> e.authenticationEntryPoint(basic))
        .requestCache(cache -> cache.disable())
        // stateless Basic auth, or a page's SameSite session cookie; the webapps' REST has its own CSRF filter
        .csrf(csrf -> csrf.disable());
    return http.build();
  }

  private static BasicAuthenticationEntryPoint basicEntryPoint() {
    BasicAuthenticationEntryPoint basic = new BasicAuthenticationEntryPoint();
    basic.setRealmName("Planflow");
    return basic;
  }

  @Bean
  @Order(2)
  SecurityFilterChain planflowSecurity(HttpSecurity http, CamundaUserAuthentication users) throws Exception {
    BasicAuthenticationEntryPoint basic = basicEntryPoint();
    http
        .authenticationProvider(users)
        .authorizeHttpRequests(auth -> auth
            .requestMatchers(PUBLIC).permitAll()
            .anyRequest().authenticated())
        .formLogin(form -> form.loginPage("/login").defaultSuccessUrl("/", false).permitAll())
        .httpBasic(b -> b.authenticationEntryPoint(basic))
        .logout(logout -> logout
            .logoutRequestMatcher(new OrRequestMatcher(
                new AntPathRequestMatcher("/logout", HttpMethod.POST.name()),
                // the Camunda webapps' own logout button ends the shared session too
                new AntPathRequestMatcher("/camunda/api/admin/auth/user/default/logout", HttpMethod.POST.name())))
            .logoutSuccessUrl("/login?logout"))
        // the Camunda webapps bring their own CSRF filter. A research questionnaire's answer is authorised by the
        // random one-time token in its own URL, not by a session, so there is nothing to forge there.
        .csrf(csrf -> csrf.ignoringRequestMatchers("/camunda/**", "/public/survey/**"));
    return http.build();
  }

  /**
   * No Micrometer observation around each security filter: nothing reads them (Spring MVC's request metrics
   * stay), and with a dozen filters per request they were a measurable part of a school's report.
   */
  @Bean
  SecurityObservationSettings noSecurityFilterObservations() {
    return SecurityObservationSettings.noObservations();
  }

  @Bean
  FilterRegistrationBean<Filter> camundaWebappAuthentication() {
    FilterRegistrationBean<Filter> registration = new FilterRegistrationBean<>(new ContainerBasedAuthenticationFilter());
    registration.setName("camundaWebappAuthentication");
    registration.setInitParameters(Map.of(ProcessEngineAuthenticationFilter.AUTHENTICATION_PROVIDER_PARAM,
        SpringSecurityCamundaAuthentication.class.getName()));
    registration.setOrder(SecurityProperties.DEFAULT_FILTER_ORDER + 1);
    registration.addUrlPatterns("/camunda/app/*", "/camunda/api/*");
    registration.setDispatcherTypes(DispatcherType.REQUEST);
    return registration;
  }

  @Bean
  FilterRegistrationBean<Filter> camundaRestAuthentication() {
    FilterRegistrationBean<Filter> registration = new FilterRegistrationBean<>(new ProcessEngineAuthenticationFilter());
    registration.setName("camundaRestAuthentication");
    registration.setInitParameters(Map.of(ProcessEngineAuthenticationFilter.AUTHENTICATION_PROVIDER_PARAM,
        SpringSecurityCamundaAuthentication.class.getName()));
    registration.setOrder(SecurityProperties.DEFAULT_FILTER_ORDER + 1);
    registration.addUrlPatterns("/engine-rest/*");
    registration.setDispatcherTypes(DispatcherType.REQUEST);
    return registration;
  }
}
