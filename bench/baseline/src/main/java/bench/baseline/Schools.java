package bench.baseline;

import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * The school codes of the naive round's multi-instance collection (bench/baseline/naive-round.bpmn),
 * the same codes bench/scale.sh gives Planflow's schools: the 300 demo schools
 * {@code <office><4 digits>}, then {@code <office><5 digits>}.
 */
@Component("schools")
public class Schools {

  public List<String> codes(String office, int count) {
    List<String> codes = new ArrayList<>(count);
    for (int i = 1; i <= count; i++) {
      codes.add(office + String.format(i <= 300 ? "%04d" : "%05d", i));
    }
    return codes;
  }
}
