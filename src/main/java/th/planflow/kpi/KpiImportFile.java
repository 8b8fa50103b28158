package th.planflow.kpi;

import java.util.List;
import th.planflow.document.ImportException;
import th.planflow.document.ImportFile;

/** The columns of a KPI list file (.xlsx or .csv), read by {@link ImportFile}. */
final class KpiImportFile {

  /** The columns of the import file and the headers accepted for each (compared without spaces). */
  enum Column implements ImportFile.Column {
    CODE(ImportFile.required("รหัสตัวชี้วัด", "รหัส")),
    NAME(ImportFile.required("ชื่อตัวชี้วัด", "ตัวชี้วัด")),
    STRATEGY(ImportFile.required("กลยุทธ์", "ยุทธศาสตร์", "กลยุทธ์สพฐ.")),
    TARGET(ImportFile.required("ค่าเป้าหมาย", "เป้าหมาย")),
    UNIT(ImportFile.required("หน่วยนับ", "หน่วย")),
    DIRECTION(ImportFile.optional("ทิศทาง", "ทิศทางที่ดี")),
    OWNER(ImportFile.required("ผู้รับผิดชอบ", "รหัสผู้รับผิดชอบ", "ชื่อผู้ใช้ผู้รับผิดชอบ"));

    private final ImportFile.Spec spec;

    Column(ImportFile.Spec spec) {
      this.spec = spec;
    }

    @Override
    public ImportFile.Spec spec() {
      return spec;
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
