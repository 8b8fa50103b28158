package th.planflow;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Every flow node and sequence flow of the named processes must be passed by the tests of the class,
 * or the class fails with the list of what was not. One class answers for its own process; processes it
 * merely calls (e.g. reviewedSubmission) are answered for by their own test class.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(ProcessCoverageExtension.class)
public @interface FullProcessCoverage {

  /** Process definition keys. */
  String[] value();
}
