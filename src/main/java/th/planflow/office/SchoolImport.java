package th.planflow.office;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import th.planflow.document.ImportException;
import th.planflow.document.ImportException.Problem;
import th.planflow.document.ImportFile;
import th.planflow.document.XlsxWriter;
import th.planflow.identity.AsSystem;
import th.planflow.office.Schools.School;
import th.planflow.review.FormInput;
import th.planflow.web.UserInputException;

/**
 * Imports the office's schools from .xlsx or .csv, all or nothing: every row is checked first, and one
 * bad row means nothing is saved and the plan officer gets every problem with its row and column.
 * Schools are matched by code and updated or added, each with its account; a school of the office
 * missing from the file is kept (it may have open reports) and listed in the result.
 */
@Service
public class SchoolImport {

  static final String ITEMS = "รายชื่อสถานศึกษา";
  static final int MAX_ROWS = 5000;
  private static final Pattern CODE = Pattern.compile("\\d{8}|\\d{10}");
  private static final Pattern EMAIL = Pattern.compile("[A-Za-z0-9._%+'-]+@[A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)*\\.[A-Za-z]{2,}");

  enum Column implements ImportFile.Column {
    CODE(ImportFile.required("รหัสโรงเรียน", "รหัสสถานศึกษา", "รหัส สพฐ.", "รหัสโรงเรียน 10 หลัก", "รหัส")),
    NAME(ImportFile.required("ชื่อโรงเรียน", "ชื่อสถานศึกษา", "โรงเรียน")),
    DISTRICT(ImportFile.required("อำเภอ")),
    NETWORK(ImportFile.required("เครือข่าย", "เครือข่ายสถานศึกษา", "กลุ่มเครือข่าย", "เครือข่ายโรงเรียน")),
    SIZE(ImportFile.required("ขนาดโรงเรียน", "ขนาด", "ขนาดสถานศึกษา")),
    EMAIL(ImportFile.required("อีเมล", "e-mail", "email", "อีเมล์")),
    CONTACT(ImportFile.optional("ผู้ประสานงาน", "ผู้ติดต่อ", "ชื่อผู้ประสานงาน")),
    PHONE(ImportFile.optional("โทรศัพท์", "เบอร์โทรศัพท์", "เบอร์โทร"));

    private final ImportFile.Spec spec;

    Column(ImportFile.Spec spec) {
      this.spec = spec;
    }

    @Override
    public ImportFile.Spec spec() {
      return spec;
    }
  }

  /** What the import did; {@code notInFile}: schools of the office the file did not list (kept as they are). */
  public record Result(int added, int updated, List<School> notInFile) {
  }

  private final Schools schools;
  private final AsSystem asSystem;

  SchoolImport(Schools schools, AsSystem asSystem) {
    this.schools = schools;
    this.asSystem = asSystem;
  }

  @Transactional
  public Result importFile(String fileName, byte[] bytes) {
    List<School> rows = check(ImportFile.read(fileName, bytes, Column.class, ITEMS, MAX_ROWS));
    int added = 0;
    Set<String> inFile = new HashSet<>();
    for (School school : rows) {
      added += schools.save(school) ? 1 : 0;
      inFile.add(school.code());
      // the engine's identity calls join this transaction, so a failure here saves nothing either
      asSystem.run(() -> schools.ensureAccount(school, null));
    }
    List<School> notInFile = schools.all().stream().filter(s -> !inFile.contains(s.code())).toList();
    return new Result(added, rows.size() - added, notInFile);
  }

  List<School> check(List<ImportFile.Row<Column>> rows) {
    List<Problem> problems = new ArrayList<>();
    Map<String, Integer> firstRowOfCode = new HashMap<>();
    List<School> result = new ArrayList<>();
    for (ImportFile.Row<Column> row : rows) {
      int before = problems.size();
      String code = row.text(Column.CODE);
      if (code == null) {
        problems.add(problem(row, Column.CODE, "ไม่มีรหัสโรงเรียน"));
      } else if (!CODE.matcher(code).matches()) {
        problems.add(problem(row, Column.CODE, "รหัสโรงเรียน '" + code
            + "' ไม่ถูกต้อง (ใช้รหัสโรงเรียนของ สพฐ. ตัวเลข 10 หลัก หรือรหัส SMIS 8 หลัก)"));
      } else if (firstRowOfCode.containsKey(code)) {
        problems.add(problem(row, Column.CODE, "รหัสโรงเรียน " + code + " ซ้ำกับแถวที่ " + firstRowOfCode.get(code)));
      } else {
        firstRowOfCode.put(code, row.number());
      }
      String name = text(row, Column.NAME, "ชื่อโรงเรียน", 300, problems);
      String district = text(row, Column.DISTRICT, "อำเภอ", 200, problems);
      String network = text(row, Column.NETWORK, "เครือข่าย", 200, problems);
      SchoolSize size = SchoolSize.parse(row.text(Column.SIZE));
      if (row.text(Column.SIZE) == null) {
        problems.add(problem(row, Column.SIZE, "ไม่มีขนาดโรงเรียน"));
      } else if (size == null) {
        problems.add(problem(row, Column.SIZE, "ขนาดโรงเรียน '" + row.text(Column.SIZE)
            + "' ไม่ถูกต้อง (ใช้ เล็ก, กลาง, ใหญ่ หรือ ใหญ่พิเศษ ตามเกณฑ์ สพฐ.)"));
      }
      String email = row.text(Column.EMAIL);
      if (email == null) {
        problems.add(problem(row, Column.EMAIL, "ไม่มีอีเมล (ใช้ส่งอีเมลติดตามการรายงาน)"));
      } else if (email.length() > 320 || !EMAIL.matcher(email).matches()) {
        problems.add(problem(row, Column.EMAIL, "อีเมล '" + email + "' ไม่ถูกต้อง"));
      }
      String contact = text(row, Column.CONTACT, null, 200, problems);
      String phone = text(row, Column.PHONE, null, 40, problems);
      if (problems.size() == before) {
        result.add(new School(code, name, district, network, size, email, contact, phone));
      }
    }
    if (!problems.isEmpty()) {
      throw new ImportException(ITEMS, problems);
    }
    return result;
  }

  private static Problem problem(ImportFile.Row<Column> row, Column column, String message) {
    return new Problem(row.number(), column.header(), message);
  }

  /** A cell's text, whitespace folded; {@code label} null: the column may be empty. */
  private static String text(ImportFile.Row<Column> row, Column column, String label, int max, List<Problem> problems) {
    String value = row.text(column);
    if (value == null) {
      if (label != null) {
        problems.add(problem(row, column, "ไม่มี" + label));
      }
      return null;
    }
    try {
      return FormInput.text(value.replaceAll("\\s+", " "), column.header(), max, false);
    } catch (UserInputException e) {
      problems.add(problem(row, column, e.getMessage()));
      return null;
    }
  }

  /** The header row and two example rows, for the plan officer to fill. */
  public static byte[] template() {
    try (XlsxWriter xlsx = new XlsxWriter()) {
      List<String> headers = new ArrayList<>();
      for (Column column : Column.values()) {
        headers.add(column.header());
      }
      xlsx.sheet("สถานศึกษา", headers)
          .row("1040100101", "โรงเรียนบ้านหนองบัว", "อำเภอเมือง", "เครือข่ายเมือง 1", "เล็ก",
              "school1@example.ac.th", "นางสาวอรุณี ใจดี", "043000001")
          .row("1040100102", "โรงเรียนอนุบาลโนนสูง", "อำเภอหนองเรือ", "เครือข่ายหนองเรือ 2", "ใหญ่พิเศษ",
              "school2@example.ac.th", "นายธนพล มั่นคง", "043000002");
      return xlsx.toBytes();
    }
  }
}
