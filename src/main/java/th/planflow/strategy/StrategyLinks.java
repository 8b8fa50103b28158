package th.planflow.strategy;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import th.planflow.calendar.FiscalYear;

/** Addresses of the duty's documents (StrategyController), for notes and forms people read. */
@Component
class StrategyLinks {

  static final String API = "/api/strategy/";

  private final String baseUrl;

  StrategyLinks(@Value("${planflow.public-base-url}") String baseUrl) {
    this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
  }

  String appointmentOrder(FiscalYear year) {
    return baseUrl + API + year + "/appointment-order.pdf";
  }

  String reportForm(FiscalYear year, String itemCode) {
    return baseUrl + API + year + "/reports/" + URLEncoder.encode(itemCode, StandardCharsets.UTF_8) + ".pdf";
  }

  String summaryPdf(FiscalYear year) {
    return baseUrl + API + year + "/summary.pdf";
  }

  String summaryXlsx(FiscalYear year) {
    return baseUrl + API + year + "/summary.xlsx";
  }
}
