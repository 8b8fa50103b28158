package th.planflow.kpi;

import java.util.Arrays;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import th.planflow.calendar.PlanflowClock;
import th.planflow.web.UserInputException;

/**
 * Evidence files of a result: PDF, JPEG or PNG recognised by their first bytes (not by the name or
 * the browser's content type), at most {@value #MAX_MB} MB each and {@value #MAX_FILES} per KPI and
 * round, stored in the database with the result.
 */
@Service
class KpiEvidence {

  static final int MAX_MB = 5;
  static final int MAX_BYTES = MAX_MB * 1024 * 1024;
  static final int MAX_FILES = 10;

  private static final byte[] PDF = {'%', 'P', 'D', 'F', '-'};
  private static final byte[] JPEG = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF};
  private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A};

  private final KpiStore store;
  private final KpiResults results;
  private final PlanflowClock clock;

  KpiEvidence(KpiStore store, KpiResults results, PlanflowClock clock) {
    this.store = store;
    this.results = results;
    this.clock = clock;
  }

  /** The media type of a PDF, JPEG or PNG file, from its first bytes; null for anything else. */
  static String contentType(byte[] bytes) {
    if (startsWith(bytes, PDF)) {
      return "application/pdf";
    }
    if (startsWith(bytes, JPEG)) {
      return "image/jpeg";
    }
    if (startsWith(bytes, PNG)) {
      return "image/png";
    }
    return null;
  }

  @Transactional
  KpiStore.Evidence add(int year, KpiRound round, String owner, String code, String fileName, byte[] bytes) {
    Kpi kpi = ownKpi(year, round, owner, code);
    if (bytes == null || bytes.length == 0) {
      throw new UserInputException("ไม่พบไฟล์หลักฐาน หรือไฟล์ว่างเปล่า");
    }
    if (bytes.length > MAX_BYTES) {
      throw new UserInputException("ไฟล์หลักฐานใหญ่เกิน " + MAX_MB + " MB (ไฟล์นี้ "
          + String.format(java.util.Locale.ROOT, "%.1f", bytes.length / 1048576.0) + " MB)");
    }
    String type = contentType(bytes);
    if (type == null) {
      throw new UserInputException("ไฟล์หลักฐานต้องเป็น PDF, JPEG หรือ PNG เท่านั้น");
    }
    long existing = store.evidence(year, round).stream().filter(e -> e.kpiCode().equals(kpi.code())).count();
    if (existing >= MAX_FILES) {
      throw new UserInputException("แนบหลักฐานของตัวชี้วัด " + code + " ได้ไม่เกิน " + MAX_FILES + " ไฟล์");
    }
    long id = store.addEvidence(year, round, kpi.code(), safeName(fileName, type), type, bytes, owner, clock.now());
    return store.evidence(year, round, id).orElseThrow();
  }

  @Transactional
  void delete(int year, KpiRound round, String owner, String code, long id) {
    Kpi kpi = ownKpi(year, round, owner, code);
    KpiStore.Evidence evidence = store.evidence(year, round, id).filter(e -> e.kpiCode().equals(kpi.code()))
        .orElseThrow(() -> new UserInputException("ไม่พบไฟล์หลักฐานหมายเลข " + id + " ของตัวชี้วัด " + code));
    store.deleteEvidence(evidence.id());
  }

  List<KpiStore.Evidence> of(int year, KpiRound round, String code) {
    return store.evidence(year, round).stream().filter(e -> e.kpiCode().equals(code)).toList();
  }

  /** The owner's own KPI whose result may still change (round open, not submitted or approved). */
  private Kpi ownKpi(int year, KpiRound round, String owner, String code) {
    results.requireOpen(year, round);
    Kpi kpi = store.kpi(year, code)
        .orElseThrow(() -> new UserInputException("ไม่พบตัวชี้วัดรหัส '" + code + "' ในปีงบประมาณ " + year));
    if (!kpi.owner().equals(owner)) {
      throw new UserInputException("ตัวชี้วัด " + code + " ไม่ได้อยู่ในความรับผิดชอบของท่าน");
    }
    store.result(year, round, code).filter(r -> !r.status().editable()).ifPresent(r -> {
      throw new UserInputException("ผลของตัวชี้วัด " + code + " " + r.status().thai() + " จึงแก้ไขหลักฐานไม่ได้");
    });
    return kpi;
  }

  private static String safeName(String fileName, String type) {
    String name = fileName == null ? "" : fileName.replace('\\', '/');
    name = name.substring(name.lastIndexOf('/') + 1).replaceAll("[\\p{Cntrl}\"<>|:*?]", "_").trim();
    if (name.isEmpty()) {
      name = "หลักฐาน";
    }
    if (name.length() > 200) {
      name = name.substring(name.length() - 200);
    }
    String extension = switch (type) {
      case "application/pdf" -> ".pdf";
      case "image/jpeg" -> ".jpg";
      default -> ".png";
    };
    String lower = name.toLowerCase(java.util.Locale.ROOT);
    boolean matches = lower.endsWith(extension) || (extension.equals(".jpg") && lower.endsWith(".jpeg"));
    return matches ? name : name + extension;
  }

  private static boolean startsWith(byte[] bytes, byte[] magic) {
    return bytes != null && bytes.length >= magic.length && Arrays.equals(bytes, 0, magic.length, magic, 0, magic.length);
  }
}
