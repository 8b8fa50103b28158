package th.planflow.kpi;

import java.util.List;
import th.planflow.document.ImportException;
import th.planflow.document.ImportFile;

/** The columns of a KPI list file (.xlsx or .csv), read by {@link ImportFile}. */
final class KpiImportFile {

  /** The columns of the import file and the headers accepted for each (compared without spaces). */
  enum Column implements ImportFile.Column {
    CODE(true, "รหัสตัวชี้วัด", "รหัส"),
    NAME(true, "ชื่อตัวชี้วัด", "ตัวชี้วัด"),
    STRATEGY(true, "กลยุทธ์", "ยุทธศาสตร์", "กลยุทธ์สพฐ."),
    TARGET(true, "ค่าเป้าหมาย", "เป้าหมาย"),
    UNIT(true, "หน่วยนับ", "หน่วย"),
    DIRECTION(false, "ทิศทาง", "ทิศทางที่ดี"),
    OWNER(true, "ผู้รับผิดชอบ", "รหัสผู้รับผิดชอบ", "ชื่อผู้ใช้ผู้รับผิดชอบ");

    private final boolean required;
    private final List<String> headers;

    Column(boolean required, String... headers) {
      this.required = required;
      this.headers = List.of(headers);
    }

    @Override
    public List<String> headers() {
      return headers;
    }

    @Override
    public boolean required() {
      return required;
    }
  }

  static final int MAX_ROWS = 1000;

  private KpiImportFile() {
  }

  /** Reads the file; a problem with the file as a whole throws {@link KpiImportException}. */
  static List<ImportFile.Row<Column>> read(String fileName, byte[] bytes) {
    try {
      return ImportFile.read(fileName, bytes, Column.class, KpiImportException.ITEMS, MAX_ROWS);
    } catch (KpiImportException e) {
      throw e;
    } catch (ImportException e) {
      throw new KpiImportException(e.problems());
    }
  }
}
