package th.planflow.identity;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import th.planflow.web.CurrentUser;

/** Planflow's own API calls the engine as the logged-in user, so Camunda authorization applies. */
@Configuration
class ApiAuthentication implements WebMvcConfigurer, HandlerInterceptor {

  private final IdentityService identity;

  ApiAuthentication(IdentityService identity) {
    this.identity = identity;
  }

  @Override
  public void addInterceptors(InterceptorRegistry registry) {
    // the pages that act in the engine (a school sending its report) too
    registry.addInterceptor(this).addPathPatterns("/api/**", "/policy/**");
  }

  @Override
  public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
    String user = CurrentUser.id();
    if (user != null) {
      identity.setAuthentication(user, CurrentUser.groups());
    }
    return true;
  }

  @Override
  public void afterCompletion(HttpServletRequest request, HttpServletResponse response, Object handler, Exception ex) {
    identity.clearAuthentication();
  }
}
