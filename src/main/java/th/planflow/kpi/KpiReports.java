package th.planflow.kpi;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import th.planflow.calendar.PlanflowClock;
import th.planflow.calendar.ThaiDates;
import th.planflow.document.DocumentService;
import th.planflow.document.XlsxCell;
import th.planflow.document.XlsxWriter;
import th.planflow.office.OfficeProperties;

/** The e-MES file of a round and the November summary for the director (PDF and .xlsx). */
@Service
public class KpiReports {

  /** The columns of e-MES's KPI report, in its order. */
  static final List<String> EMES_HEADERS = List.of("รหัสตัวชี้วัด", "ชื่อตัวชี้วัด", "ค่าเป้าหมาย", "หน่วยนับ",
      "ผลการดำเนินงาน", "ร้อยละ", "ผลการประเมิน", "ปัญหาอุปสรรค", "ข้อเสนอแนะ");

  static final String ACHIEVED = "บรรลุ";
  static final String NOT_ACHIEVED = "ไม่บรรลุ";
  static final String NOT_REPORTED = "ยังไม่รายงาน";

  /** Counts of one strategy (or of all): reported results are the approved ones. */
  public record Count(String strategy, int total, int achieved, int notAchieved, int notReported) {
    Count add(String evaluation) {
      return new Count(strategy, total + 1, achieved + (ACHIEVED.equals(evaluation) ? 1 : 0),
          notAchieved + (NOT_ACHIEVED.equals(evaluation) ? 1 : 0), notReported + (NOT_REPORTED.equals(evaluation) ? 1 : 0));
    }
  }

  /** One KPI line of the summary. */
  public record Line(String code, String name, String strategy, String target, String unit, String actual,
      String percent, String evaluation, String ownerName, String problems, String suggestions) {
  }

  private final KpiResults results;
  private final KpiStore store;
  private final KpiStaff staff;
  private final DocumentService documents;
  private final PlanflowClock clock;
  private final OfficeProperties office;

  KpiReports(KpiResults results, KpiStore store, KpiStaff staff, DocumentService documents, PlanflowClock clock,
      OfficeProperties office) {
    this.results = results;
    this.store = store;
    this.staff = staff;
    this.documents = documents;
    this.clock = clock;
    this.office = office;
  }

  static String evaluation(KpiResults.Row row) {
    if (!row.reported()) {
      return NOT_REPORTED;
    }
    return Boolean.TRUE.equals(row.result().achieved()) ? ACHIEVED : NOT_ACHIEVED;
  }

  /** What the office keys into e-MES for the round: every KPI in order, approved results filled in. */
  byte[] emesXlsx(int year, KpiRound round) {
    try (XlsxWriter xlsx = new XlsxWriter()) {
      XlsxWriter.Sheet sheet = xlsx.sheet("e-MES ไตรมาสที่ " + round.quarter() + " ปี " + year, EMES_HEADERS);
      for (KpiResults.Row row : results.rows(year, round)) {
        Kpi kpi = row.kpi();
        boolean reported = row.reported();
        KpiResult r = row.result();
        sheet.row(kpi.code(), kpi.name(), XlsxCell.number(kpi.target()), kpi.unit(),
            reported ? XlsxCell.number(r.actual()) : XlsxCell.blank(),
            reported && r.percentOfTarget() != null ? XlsxCell.number(r.percentOfTarget()) : XlsxCell.blank(),
            evaluation(row),
            reported ? XlsxCell.text(r.problems()) : XlsxCell.blank(),
            reported ? XlsxCell.text(r.suggestions()) : XlsxCell.blank());
      }
      return xlsx.toBytes();
    }
  }

  /** Per strategy (in KPI order), then the total as the last entry with strategy "รวม". */
  public List<Count> counts(int year, KpiRound round) {
    Map<String, Count> byStrategy = new LinkedHashMap<>();
    Count total = new Count("รวม", 0, 0, 0, 0);
    for (KpiResults.Row row : results.rows(year, round)) {
      String evaluation = evaluation(row);
      String strategy = row.kpi().strategy();
      byStrategy.put(strategy, byStrategy.getOrDefault(strategy, new Count(strategy, 0, 0, 0, 0)).add(evaluation));
      total = total.add(evaluation);
    }
    List<Count> counts = new ArrayList<>(byStrategy.values());
    counts.add(total);
    return counts;
  }

  List<Line> lines(int year, KpiRound round) {
    List<KpiResults.Row> rows = results.rows(year, round);
    Map<String, String> names = staff.names(rows.stream().map(r -> r.kpi().owner()).distinct().toList());
    return rows.stream().map(row -> {
      Kpi kpi = row.kpi();
      boolean reported = row.reported();
      KpiResult r = row.result();
      return new Line(kpi.code(), kpi.name(), kpi.strategy(), plain(kpi.target()), kpi.unit(),
          reported ? plain(r.actual()) : "-", reported && r.percentOfTarget() != null ? r.percentOfTarget().toPlainString() : "-",
          evaluation(row), names.get(kpi.owner()), reported ? r.problems() : null, reported ? r.suggestions() : null);
    }).toList();
  }

  Map<String, Object> summaryModel(int year, KpiRound round) {
    Map<String, Object> model = new LinkedHashMap<>();
    model.put("title", "สรุปผลการดำเนินงานตัวชี้วัดตามแผนปฏิบัติราชการ สพฐ. ปีงบประมาณ " + year);
    model.put("officeName", office.name());
    model.put("fiscalYear", year);
    model.put("roundName", round.thai());
    List<Count> counts = counts(year, round);
    model.put("strategies", counts.subList(0, counts.size() - 1));
    model.put("total", counts.get(counts.size() - 1));
    Map<String, Count> rounds = new LinkedHashMap<>();
    for (KpiRound r : KpiRound.values()) {
      if (store.round(year, r).isPresent()) {
        List<Count> c = counts(year, r);
        rounds.put(r.thai(), c.get(c.size() - 1));
      }
    }
    model.put("rounds", rounds);
    List<Line> lines = lines(year, round);
    model.put("lines", lines);
    model.put("problemLines", lines.stream().filter(l -> l.problems() != null).toList());
    model.put("suggestionLines", lines.stream().filter(l -> l.suggestions() != null).toList());
    model.put("notReported", lines.stream().filter(l -> NOT_REPORTED.equals(l.evaluation())).toList());
    store.summary(year).ifPresent(s -> {
      model.put("summary", s);
      model.put("preparedByName", staff.names(List.of(s.preparedBy())).get(s.preparedBy()));
      model.put("preparedOn", ThaiDates.full(s.preparedAt().atZone(ThaiDates.BANGKOK).toLocalDate()));
      if (s.acknowledgedAt() != null) {
        model.put("acknowledgedByName", staff.names(List.of(s.acknowledgedBy())).get(s.acknowledgedBy()));
        model.put("acknowledgedOn", ThaiDates.full(s.acknowledgedAt().atZone(ThaiDates.BANGKOK).toLocalDate()));
      }
    });
    store.meeting(year).ifPresent(m -> model.put("meetingOn", ThaiDates.full(m.date())));
    store.appointment(year).filter(a -> a.approvedAt() != null)
        .ifPresent(a -> model.put("appointmentApprovedOn", ThaiDates.full(a.approvedAt().atZone(ThaiDates.BANGKOK).toLocalDate())));
    model.put("printedOn", ThaiDates.full(clock.today()));
    return model;
  }

  byte[] summaryPdf(int year, KpiRound round) {
    return documents.pdf("kpi/summary", summaryModel(year, round));
  }

  byte[] summaryXlsx(int year, KpiRound round) {
    try (XlsxWriter xlsx = new XlsxWriter()) {
      XlsxWriter.Sheet byStrategy = xlsx.sheet("สรุปรายกลยุทธ์", "กลยุทธ์", "จำนวนตัวชี้วัด", ACHIEVED, NOT_ACHIEVED, NOT_REPORTED);
      for (Count count : counts(year, round)) {
        byStrategy.row(count.strategy(), count.total(), count.achieved(), count.notAchieved(), count.notReported());
      }
      XlsxWriter.Sheet details = xlsx.sheet("ผลรายตัวชี้วัด", "รหัสตัวชี้วัด", "ชื่อตัวชี้วัด", "กลยุทธ์", "ค่าเป้าหมาย",
          "หน่วยนับ", "ผลการดำเนินงาน", "ร้อยละ", "ผลการประเมิน", "ผู้รับผิดชอบ", "ปัญหาอุปสรรค", "ข้อเสนอแนะ");
      for (Line line : lines(year, round)) {
        details.row(line.code(), line.name(), line.strategy(), line.target(), line.unit(), line.actual(), line.percent(),
            line.evaluation(), line.ownerName(), line.problems(), line.suggestions());
      }
      store.summary(year).ifPresent(s -> xlsx.sheet("สรุปภาพรวม", "หัวข้อ", "รายละเอียด")
          .row("สรุปผลการดำเนินงานในภาพรวม", s.overview())
          .row("ปัญหา/อุปสรรคการดำเนินงาน", s.problems())
          .row("ข้อเสนอแนะ", s.suggestions())
          .row("ข้อสั่งการ/ความเห็นของผู้อำนวยการ", s.directorComment()));
      return xlsx.toBytes();
    }
  }

  /** The header row of the import file and two example rows, for the plan officer to fill. */
  static byte[] importTemplate() {
    try (XlsxWriter xlsx = new XlsxWriter()) {
      List<String> headers = new ArrayList<>();
      for (KpiImportFile.Column column : KpiImportFile.Column.values()) {
        headers.add(column.header());
      }
      xlsx.sheet("ตัวชี้วัด", headers)
          .row("1.1", "ร้อยละของนักเรียนชั้นประถมศึกษาปีที่ 3 อ่านออกเขียนได้", "กลยุทธ์ที่ 2 พัฒนาคุณภาพการศึกษา",
              XlsxCell.number(90, 0), "ร้อยละ", Direction.HIGHER.thai(), "staff1")
          .row("3.2", "อัตราการออกกลางคันของนักเรียน", "กลยุทธ์ที่ 3 สร้างโอกาสทางการศึกษา",
              XlsxCell.number(0.5, 2), "ร้อยละ", Direction.LOWER.thai(), "staff2");
      return xlsx.toBytes();
    }
  }

  private static String plain(BigDecimal value) {
    return value == null ? "-" : value.stripTrailingZeros().toPlainString();
  }
}
