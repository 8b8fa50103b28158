package th.planflow.project;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;
import th.planflow.office.OfficeProperties;
import th.planflow.review.FormInput;
import th.planflow.web.ApiException;
import th.planflow.web.UserInputException;

/**
 * The 3-level plans as the office sees them: the national items shipped with Planflow (office 'ALL')
 * and the office's own, minus what the office has retired. The planner adds, retires and imports items
 * (all or nothing, Thai problems by row number); projects link to the items usable in their year.
 */
@Repository
public class PlanItems {

  static final String NATIONAL = "ALL";
  static final int MAX_ROWS = 2000;
  private static final String MORE = "… (รายการทั้งหมดดูได้ที่ /api/plan-items)\n";
  private static final Pattern CODE = Pattern.compile("[A-Za-z0-9\u0E00-\u0E7F][A-Za-z0-9\u0E00-\u0E7F._-]{0,31}");

  public record PlanItem(long id, String code, int level, PlanKind kind, String parentCode, String name, String target,
      Integer firstYear, Integer lastYear, boolean national, boolean retired) {

    public boolean usableIn(int fiscalYear) {
      return !retired && (firstYear == null || firstYear <= fiscalYear) && (lastYear == null || fiscalYear <= lastYear);
    }

    /** "2566-2570", "ตั้งแต่ 2564", or "" when open. */
    public String years() {
      if (firstYear == null && lastYear == null) {
        return "";
      }
      if (lastYear == null) {
        return "ตั้งแต่ " + firstYear;
      }
      return (firstYear == null ? "" : firstYear) + "-" + lastYear;
    }
  }

  /** An item as the planner enters or imports it; numbers may come as text. */
  public record ItemInput(Object level, String kind, String code, String parentCode, String name, String target,
      Object firstYear, Object lastYear) {
  }

  public record ImportResult(int added, int updated) {
  }

  private final JdbcTemplate jdbc;
  private final String officeCode;

  public PlanItems(JdbcTemplate jdbc, OfficeProperties office) {
    this.jdbc = jdbc;
    this.officeCode = office.code();
  }

  /** Every item the office can see, by level and order; retired ones only when asked. */
  public List<PlanItem> all(boolean includeRetired) {
    List<PlanItem> items = jdbc.query("select i.id, i.code, i.plan_level, i.kind, i.parent_code, i.name_th, i.target_th,"
            + " i.first_year, i.last_year, i.office_code, r.code from plan_item i"
            + " left join plan_item_retired r on r.office_code = ? and r.code = i.code"
            + " where i.office_code in (?, ?) order by i.plan_level, i.sort_order, i.code",
        (rs, n) -> new PlanItem(rs.getLong(1), rs.getString(2), rs.getInt(3), PlanKind.valueOf(rs.getString(4)),
            rs.getString(5), rs.getString(6), rs.getString(7), (Integer) rs.getObject(8, Integer.class),
            (Integer) rs.getObject(9, Integer.class), NATIONAL.equals(rs.getString(10)), rs.getString(11) != null),
        officeCode, NATIONAL, officeCode);
    return includeRetired ? items : items.stream().filter(i -> !i.retired()).toList();
  }

  /** Items a project of the fiscal year may link to. */
  public List<PlanItem> usableIn(int fiscalYear) {
    return all(false).stream().filter(i -> i.usableIn(fiscalYear)).toList();
  }

  public Optional<PlanItem> find(String code) {
    if (code == null) {
      return Optional.empty();
    }
    String key = code.trim().toUpperCase(Locale.ROOT);
    return all(true).stream().filter(i -> i.code().toUpperCase(Locale.ROOT).equals(key)).findFirst();
  }

  /**
   * Resolves the codes a project links to, level by level, adding a Thai problem for every missing
   * level, unknown, misplaced, retired or out-of-period code.
   */
  public List<PlanItem> resolveLinks(int fiscalYear, Map<Integer, List<String>> codesByLevel, List<String> problems) {
    Map<String, PlanItem> byCode = new HashMap<>();
    all(true).forEach(i -> byCode.put(i.code().toUpperCase(Locale.ROOT), i));
    List<PlanItem> linked = new ArrayList<>();
    for (int level = 1; level <= 3; level++) {
      List<String> codes = codesByLevel.getOrDefault(level, List.of());
      if (codes.isEmpty()) {
        problems.add("ยังไม่ได้ระบุความเชื่อมโยงกับ" + shortLevel(level) + " อย่างน้อย 1 รายการ");
        continue;
      }
      for (String code : codes) {
        PlanItem item = byCode.get(code.toUpperCase(Locale.ROOT));
        if (item == null) {
          problems.add("ไม่พบรหัส " + code + " ในรายการแผน ๓ ระดับ");
        } else if (item.level() != level) {
          problems.add("รหัส " + item.code() + " เป็นรายการของ" + shortLevel(item.level()) + " ไม่ใช่" + shortLevel(level));
        } else if (item.retired()) {
          problems.add("รายการ " + item.code() + " " + item.name() + " เลิกใช้แล้ว");
        } else if (!item.usableIn(fiscalYear)) {
          problems.add("รายการ " + item.code() + " ใช้ได้ในปีงบประมาณ " + item.years() + " เท่านั้น");
        } else if (linked.stream().noneMatch(i -> i.id() == item.id())) {
          linked.add(item);
        }
      }
    }
    return linked;
  }

  static String shortLevel(int level) {
    return "แผนระดับที่ " + level;
  }

  /** Adds (or, for the office's own code, updates) one item. */
  @Transactional
  public ImportResult add(ItemInput input, String user, Instant now) {
    return save(List.of(new Row(0, input)), user, now);
  }

  /** One input with the row number it has in a file (0: not from a file). */
  public record Row(int number, ItemInput input) {
  }

  /**
   * Adds or updates the office's items, all or nothing: any bad row and nothing changes, the Thai
   * message lists every problem with its row number. National items cannot be changed, only retired.
   */
  @Transactional
  public ImportResult save(List<Row> rows, String user, Instant now) {
    if (rows == null || rows.isEmpty()) {
      throw new UserInputException("ไม่มีรายการแผนในไฟล์ที่นำเข้า");
    }
    if (rows.size() > MAX_ROWS) {
      throw new UserInputException("นำเข้าได้ครั้งละไม่เกิน " + MAX_ROWS + " รายการ กรุณาแบ่งไฟล์");
    }
    Map<String, PlanItem> existing = new HashMap<>();
    all(true).forEach(i -> existing.put(i.code().toUpperCase(Locale.ROOT), i));
    Map<String, Integer> levelsInFile = new HashMap<>();
    Map<String, Integer> rowOfCode = new HashMap<>();
    for (Row row : rows) {
      String code = row.input().code() == null ? null : row.input().code().trim().toUpperCase(Locale.ROOT);
      Integer level = intOrNull(row.input().level());
      if (code != null && !code.isEmpty() && level != null && !levelsInFile.containsKey(code)) {
        levelsInFile.put(code, level);
      }
    }
    List<String> problems = new ArrayList<>();
    List<Clean> clean = new ArrayList<>();
    for (Row row : rows) {
      List<String> rowProblems = new ArrayList<>();
      Clean item = check(row.input(), existing, levelsInFile, rowOfCode, row.number(), rowProblems);
      String where = row.number() > 0 ? "แถวที่ " + row.number() + ": " : "";
      rowProblems.forEach(p -> problems.add(where + p));
      if (item != null && rowProblems.isEmpty()) {
        clean.add(item);
      }
    }
    if (!problems.isEmpty()) {
      String prefix = rows.size() == 1 && rows.get(0).number() == 0 ? "บันทึกรายการแผนไม่สำเร็จ: "
          : "นำเข้าไม่สำเร็จ ไม่มีการบันทึกข้อมูล: ";
      throw new UserInputException(prefix + String.join("; ", problems));
    }
    int added = 0;
    int updated = 0;
    Integer maxOrder = jdbc.queryForObject("select max(sort_order) from plan_item where office_code in (?, ?)",
        Integer.class, NATIONAL, officeCode);
    int order = maxOrder == null ? 1000 : Math.max(1000, maxOrder);
    Timestamp at = Timestamp.from(now);
    for (Clean c : clean) {
      int changed = jdbc.update("update plan_item set plan_level = ?, kind = ?, parent_code = ?, name_th = ?, target_th = ?,"
              + " first_year = ?, last_year = ? where office_code = ? and upper(code) = ?",
          c.level(), c.kind().name(), c.parentCode(), c.name(), c.target(), c.firstYear(), c.lastYear(), officeCode,
          c.code().toUpperCase(Locale.ROOT));
      if (changed > 0) {
        updated++;
      } else {
        jdbc.update("insert into plan_item (office_code, code, plan_level, kind, parent_code, name_th, target_th,"
                + " first_year, last_year, sort_order, created_by, created_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            officeCode, c.code(), c.level(), c.kind().name(), c.parentCode(), c.name(), c.target(), c.firstYear(),
            c.lastYear(), ++order, user, at);
        added++;
      }
    }
    return new ImportResult(added, updated);
  }

  private record Clean(String code, int level, PlanKind kind, String parentCode, String name, String target,
      Integer firstYear, Integer lastYear) {
  }

  private Clean check(ItemInput in, Map<String, PlanItem> existing, Map<String, Integer> levelsInFile,
      Map<String, Integer> rowOfCode, int rowNumber, List<String> problems) {
    Integer level = null;
    try {
      level = intOrNull(in.level());
      if (level == null || level < 1 || level > 3) {
        problems.add("ระดับแผนต้องเป็น 1, 2 หรือ 3");
        level = null;
      }
    } catch (NumberFormatException e) {
      problems.add("ระดับแผนต้องเป็น 1, 2 หรือ 3 (ได้รับ '" + in.level() + "')");
    }
    PlanKind kind = null;
    if (in.kind() == null || in.kind().isBlank()) {
      problems.add("กรุณากรอกประเภทแผน");
    } else {
      kind = PlanKind.parse(in.kind()).orElse(null);
      if (kind == null) {
        problems.add("ไม่รู้จักประเภทแผน '" + in.kind().trim() + "' (ใช้ได้: " + String.join(", ",
            java.util.Arrays.stream(PlanKind.values()).map(PlanKind::thaiName).toList()) + ")");
      } else if (level != null && kind.level() != level) {
        problems.add(kind.thaiName() + " อยู่ใน" + shortLevel(kind.level()) + " ไม่ใช่" + shortLevel(level));
      }
    }
    String code = in.code() == null ? "" : in.code().trim();
    String key = code.toUpperCase(Locale.ROOT);
    if (code.isEmpty()) {
      problems.add("กรุณากรอกรหัส");
    } else if (!CODE.matcher(code).matches()) {
      problems.add("รหัส '" + code + "' ใช้ได้เฉพาะตัวอักษร ตัวเลข จุด และขีด ไม่เกิน 32 ตัว ไม่มีช่องว่าง");
    } else if (rowOfCode.containsKey(key)) {
      int first = rowOfCode.get(key);
      problems.add("รหัส " + code + " ซ้ำ" + (first > 0 ? "กับแถวที่ " + first : ""));
    } else {
      rowOfCode.put(key, rowNumber);
      PlanItem old = existing.get(key);
      if (old != null && old.national()) {
        problems.add("รหัส " + code + " เป็นรายการแผนระดับชาติที่มีอยู่แล้ว แก้ไขไม่ได้ (เลิกใช้ได้ หรือใช้รหัสใหม่)");
      }
    }
    String parent = in.parentCode() == null || in.parentCode().isBlank() ? null : in.parentCode().trim();
    if (parent != null) {
      PlanItem parentItem = existing.get(parent.toUpperCase(Locale.ROOT));
      Integer parentLevel = parentItem != null ? Integer.valueOf(parentItem.level())
          : levelsInFile.get(parent.toUpperCase(Locale.ROOT));
      if (parent.equalsIgnoreCase(code)) {
        problems.add("รหัสรายการหลักต้องไม่ใช่รหัสของรายการเอง");
      } else if (parentLevel == null) {
        problems.add("ไม่พบรหัสรายการหลัก " + parent);
      } else if (level != null && parentLevel != level.intValue()) {
        problems.add("รายการหลัก " + parent + " อยู่ใน" + shortLevel(parentLevel) + " ต้องอยู่ในระดับเดียวกัน");
      } else if (parentItem != null) {
        parent = parentItem.code();
      }
    }
    String name = null;
    String target = null;
    try {
      name = FormInput.text(in.name(), "ชื่อรายการ", 1000, true);
    } catch (UserInputException e) {
      problems.add(e.getMessage());
    }
    try {
      target = FormInput.text(in.target(), "เป้าหมาย", 2000, false);
    } catch (UserInputException e) {
      problems.add(e.getMessage());
    }
    Integer first = year(in.firstYear(), "ปีงบประมาณเริ่มต้น", problems);
    Integer last = year(in.lastYear(), "ปีงบประมาณสิ้นสุด", problems);
    if (first != null && last != null && first > last) {
      problems.add("ปีงบประมาณเริ่มต้น (" + first + ") ต้องไม่หลังปีงบประมาณสิ้นสุด (" + last + ")");
    }
    if (!problems.isEmpty() || level == null || kind == null) {
      return null;
    }
    return new Clean(code, level, kind, parent, name, target, first, last);
  }

  private static Integer year(Object value, String label, List<String> problems) {
    try {
      Integer year = intOrNull(value);
      if (year != null && (year < 2500 || year > 2700)) {
        problems.add(label + " ต้องเป็นปี พ.ศ. เช่น 2571 (ได้รับ " + year + ")");
        return null;
      }
      return year;
    } catch (NumberFormatException e) {
      problems.add(label + " ต้องเป็นตัวเลขปี พ.ศ. เช่น 2571 (ได้รับ '" + value + "')");
      return null;
    }
  }

  static Integer intOrNull(Object value) {
    if (value == null) {
      return null;
    }
    if (value instanceof Integer i) {
      return i;
    }
    if (value instanceof Number n) {
      if (n.doubleValue() != Math.rint(n.doubleValue())) {
        throw new NumberFormatException(value.toString());
      }
      return n.intValue();
    }
    String text = value.toString().trim();
    if (text.isEmpty()) {
      return null;
    }
    if (text.matches("\\d{1,6}\\.0+")) {
      text = text.substring(0, text.indexOf('.'));
    }
    if (!text.matches("\\d{1,6}")) {
      throw new NumberFormatException(text);
    }
    return Integer.parseInt(text);
  }

  /** The office stops linking to an item (national or its own); existing links stay. */
  @Transactional
  public PlanItem retire(String code, String reasonInput, String user, Instant now) {
    PlanItem item = find(code).orElseThrow(() -> ApiException.notFound("ไม่พบรายการแผนรหัส " + code));
    String reason = FormInput.text(reasonInput, "เหตุผลที่เลิกใช้", 1000, false);
    if (item.retired()) {
      throw new UserInputException("รายการ " + item.code() + " เลิกใช้แล้ว");
    }
    jdbc.update("insert into plan_item_retired (office_code, code, reason_th, retired_by, retired_at) values (?, ?, ?, ?, ?)",
        officeCode, item.code(), reason, user, Timestamp.from(now));
    return find(item.code()).orElseThrow();
  }

  @Transactional
  public PlanItem reactivate(String code) {
    PlanItem item = find(code).orElseThrow(() -> ApiException.notFound("ไม่พบรายการแผนรหัส " + code));
    if (!item.retired()) {
      throw new UserInputException("รายการ " + item.code() + " ยังใช้งานอยู่");
    }
    jdbc.update("delete from plan_item_retired where office_code = ? and code = ?", officeCode, item.code());
    return find(item.code()).orElseThrow();
  }

  /** The items usable in a year as lines "CODE ชื่อ" per level, for the owner's form (at most ~3,900 characters). */
  public Map<Integer, String> choices(int fiscalYear) {
    Map<Integer, StringBuilder> text = new LinkedHashMap<>();
    for (int level = 1; level <= 3; level++) {
      text.put(level, new StringBuilder());
    }
    for (PlanItem item : usableIn(fiscalYear)) {
      StringBuilder sb = text.get(item.level());
      String line = (item.parentCode() == null ? "" : "  ") + item.code() + "  " + item.name() + "\n";
      if (sb.length() + line.length() < 3800) {
        sb.append(line);
      } else if (sb.indexOf(MORE) < 0) {
        sb.append(MORE);
      }
    }
    Map<Integer, String> result = new LinkedHashMap<>();
    text.forEach((level, sb) -> result.put(level, sb.toString().stripTrailing()));
    return result;
  }
}
