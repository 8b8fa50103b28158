package th.planflow.kpi;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import th.planflow.calendar.PlanflowClock;
import th.planflow.review.FormInput;
import th.planflow.web.UserInputException;

/**
 * The owners' results of a round and what happens to them: saved as drafts, checked complete and
 * submitted, approved or returned by the plan officer, keyed into e-MES. Knows nothing of the engine.
 */
@Service
class KpiResults {

  static final int TEXT_MAX = 4000;

  /** What an owner sends for one KPI; actualValue is a number or text of one. */
  record Input(String kpiCode, Object actualValue, String narrative, String problems, String suggestions) {
  }

  /** A KPI with its result of the round (null before the owner saved anything). */
  record Row(Kpi kpi, KpiResult result, LocalDate enteredInEmes) {

    boolean reported() {
      return result != null && result.status() == ResultStatus.APPROVED;
    }
  }

  private final KpiStore store;
  private final PlanflowClock clock;

  KpiResults(KpiStore store, PlanflowClock clock) {
    this.store = store;
    this.clock = clock;
  }

  /** Every KPI of the year with its result of the round, in KPI order. */
  List<Row> rows(int year, KpiRound round) {
    Map<String, KpiResult> results = store.results(year, round);
    Map<String, LocalDate> entered = store.enteredInEmes(year, round);
    return store.kpis(year).stream().map(k -> new Row(k, results.get(k.code()), entered.get(k.code()))).toList();
  }

  List<Row> rowsOf(int year, KpiRound round, String owner) {
    return rows(year, round).stream().filter(r -> r.kpi().owner().equals(owner)).toList();
  }

  /** Saves the owner's figures of some of their KPIs, all or nothing. */
  @Transactional
  void save(int year, KpiRound round, String owner, List<Input> inputs) {
    requireOpen(year, round);
    if (inputs == null || inputs.isEmpty()) {
      throw new UserInputException("ไม่มีผลการดำเนินงานที่จะบันทึก");
    }
    Instant now = clock.now();
    List<String> seen = new ArrayList<>();
    for (Input input : inputs) {
      String code = input.kpiCode() == null ? "" : input.kpiCode().trim();
      Kpi kpi = store.kpi(year, code)
          .orElseThrow(() -> new UserInputException("ไม่พบตัวชี้วัดรหัส '" + code + "' ในปีงบประมาณ " + year));
      if (!kpi.owner().equals(owner)) {
        throw new UserInputException("ตัวชี้วัด " + code + " ไม่ได้อยู่ในความรับผิดชอบของท่าน");
      }
      if (seen.contains(code)) {
        throw new UserInputException("ส่งผลของตัวชี้วัด " + code + " ซ้ำกัน");
      }
      seen.add(code);
      Optional<KpiResult> current = store.result(year, round, code);
      if (current.isPresent() && !current.get().status().editable()) {
        throw new UserInputException("ผลของตัวชี้วัด " + code + " " + current.get().status().thai()
            + " จึงแก้ไขไม่ได้ (แก้ไขได้เมื่อผู้ตรวจสอบส่งกลับ)");
      }
      BigDecimal actual = actual(code, input.actualValue());
      String label = " (ตัวชี้วัด " + code + ")";
      String narrative = FormInput.text(input.narrative(), "คำอธิบายผลการดำเนินงาน" + label, TEXT_MAX, false);
      String problems = FormInput.text(input.problems(), "ปัญหาอุปสรรค" + label, TEXT_MAX, false);
      String suggestions = FormInput.text(input.suggestions(), "ข้อเสนอแนะ" + label, TEXT_MAX, false);
      BigDecimal percent = actual == null ? null : KpiScoring.percentOfTarget(kpi.direction(), kpi.target(), actual);
      Boolean achieved = actual == null ? null : KpiScoring.achieved(kpi.direction(), kpi.target(), actual);
      store.saveFigures(year, round, code, actual, percent, achieved, narrative, problems, suggestions, owner, now);
    }
  }

  /** Codes of the owner's KPIs that have no actual value yet for the round. */
  List<String> missing(int year, KpiRound round, String owner) {
    Map<String, KpiResult> results = store.results(year, round);
    return store.kpisOf(year, owner).stream()
        .filter(k -> results.get(k.code()) == null || results.get(k.code()).actual() == null)
        .map(Kpi::code).toList();
  }

  /** The owner sends all their results of the round for review; refused while one is missing. */
  void submit(int year, KpiRound round, String owner, String by) {
    List<String> missing = missing(year, round, owner);
    if (!missing.isEmpty()) {
      throw new UserInputException("ยังไม่ได้กรอกผลการดำเนินงานของตัวชี้วัด " + String.join(", ", missing)
          + " กรุณากรอกผลให้ครบทุกตัวชี้วัดที่รับผิดชอบก่อนส่งงาน");
    }
    store.markSubmitted(year, round, codesOf(year, owner), by, clock.now());
  }

  void review(int year, KpiRound round, String owner, boolean approved, String by, String comment) {
    store.markReviewed(year, round, codesOf(year, owner), approved, by, clock.now(), comment);
  }

  /** Owners of the round whose results are not all approved. */
  List<String> ownersNotApproved(int year, KpiRound round, List<String> owners) {
    Map<String, KpiResult> results = store.results(year, round);
    return owners.stream().filter(owner -> store.kpisOf(year, owner).stream().anyMatch(k ->
        results.get(k.code()) == null || results.get(k.code()).status() != ResultStatus.APPROVED)).toList();
  }

  /** The plan officer's mark that these KPIs' approved results are keyed into e-MES. */
  @Transactional
  void markEnteredInEmes(int year, KpiRound round, List<String> codes, LocalDate on, String by) {
    if (codes == null || codes.isEmpty()) {
      throw new UserInputException("กรุณาระบุรหัสตัวชี้วัดที่บันทึกในระบบ e-MES แล้ว");
    }
    LocalDate day = on == null ? clock.today() : on;
    if (day.isAfter(clock.today())) {
      throw new UserInputException("วันที่บันทึกในระบบ e-MES ต้องไม่เป็นวันในอนาคต");
    }
    Map<String, KpiResult> results = store.results(year, round);
    for (String code : codes) {
      if (store.kpi(year, code).isEmpty()) {
        throw new UserInputException("ไม่พบตัวชี้วัดรหัส '" + code + "' ในปีงบประมาณ " + year);
      }
      KpiResult result = results.get(code);
      if (result == null || result.status() != ResultStatus.APPROVED) {
        throw new UserInputException("ผลของตัวชี้วัด " + code + " ยังไม่ได้รับอนุมัติ จึงยังบันทึกว่าลงระบบ e-MES แล้วไม่ได้");
      }
      store.markEnteredInEmes(year, round, code, day, by, clock.now());
    }
  }

  void unmarkEnteredInEmes(int year, KpiRound round, String code) {
    store.unmarkEnteredInEmes(year, round, code);
  }

  /** Approved results of the round not yet marked as keyed into e-MES. */
  List<String> notYetInEmes(int year, KpiRound round) {
    return rows(year, round).stream().filter(r -> r.reported() && r.enteredInEmes() == null)
        .map(r -> r.kpi().code()).toList();
  }

  void requireOpen(int year, KpiRound round) {
    KpiStore.RoundState state = store.round(year, round).orElseThrow(() -> new UserInputException(
        "รอบการรายงาน" + round.thai() + " ปีงบประมาณ " + year + " ยังไม่เปิด"));
    if (state.closedAt() != null) {
      throw new UserInputException("รอบการรายงาน" + round.thai() + " ปีงบประมาณ " + year + " ปิดแล้ว");
    }
  }

  private List<String> codesOf(int year, String owner) {
    return store.kpisOf(year, owner).stream().map(Kpi::code).toList();
  }

  private static BigDecimal actual(String code, Object value) {
    if (value == null || (value instanceof String s && s.isBlank())) {
      return null;
    }
    BigDecimal actual;
    if (value instanceof Number n) {
      actual = new BigDecimal(n.toString());
    } else {
      actual = KpiImporter.number(value.toString());
      if (actual == null) {
        throw new UserInputException("ผลการดำเนินงานของตัวชี้วัด " + code + " ต้องเป็นตัวเลข (ได้รับ '" + value + "')");
      }
    }
    if (actual.abs().compareTo(new BigDecimal("100000000000000")) >= 0) {
      throw new UserInputException("ผลการดำเนินงานของตัวชี้วัด " + code + " มากเกินไป");
    }
    return actual.setScale(Math.min(4, Math.max(0, actual.stripTrailingZeros().scale())), java.math.RoundingMode.HALF_UP);
  }
}
