package th.planflow.office;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** The ESA office this installation serves; its code is stamped on every business row. */
@ConfigurationProperties("planflow.office")
public record OfficeProperties(String code, String name) {
}
