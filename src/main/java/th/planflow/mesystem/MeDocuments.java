package th.planflow.mesystem;

import java.util.HashMap;
import java.util.Map;
import org.springframework.stereotype.Service;
import th.planflow.document.DocumentService;
import th.planflow.document.XlsxWriter;
import th.planflow.office.OfficeProperties;

/** The research report (PDF) and the data behind it (.xlsx). */
@Service
class MeDocuments {

  private final MeSurveyAnalysis analysis;
  private final MeStudyNotes notes;
  private final DocumentService documents;
  private final OfficeProperties office;

  MeDocuments(MeSurveyAnalysis analysis, MeStudyNotes notes, DocumentService documents, OfficeProperties office) {
    this.analysis = analysis;
    this.notes = notes;
    this.documents = documents;
    this.office = office;
  }

  Map<String, Object> model(int fiscalYear) {
    Map<String, Object> model = new HashMap<>();
    model.put("title", "รายงานการวิจัยและพัฒนาระบบการติดตาม ประเมินผล และรายงานผลการดำเนินงาน"
        + " ของสำนักงานเขตพื้นที่การศึกษา ปีงบประมาณ " + fiscalYear);
    model.put("office", office.name());
    model.put("a", analysis.of(fiscalYear));
    model.put("currentState", notes.find(fiscalYear, MeStudyNotes.CURRENT_STATE).orElse(null));
    model.put("knowledge", notes.find(fiscalYear, MeStudyNotes.KNOWLEDGE).orElse(null));
    model.put("framework", notes.find(fiscalYear, MeStudyNotes.FRAMEWORK).orElse(null));
    model.put("findings", notes.find(fiscalYear, MeStudyNotes.REPORT).orElse(null));
    return model;
  }

  byte[] reportPdf(int fiscalYear) {
    return documents.pdf("mesystem/report", model(fiscalYear));
  }

  byte[] reportXlsx(int fiscalYear) {
    MeSurveyAnalysis.Analysis a = analysis.of(fiscalYear);
    try (XlsxWriter xlsx = new XlsxWriter()) {
      xlsx.sheet("อัตราการตอบกลับ", "กลุ่มผู้ตอบ", "จำนวนที่ส่ง", "จำนวนที่ตอบ", "ร้อยละ")
          .row("บุคลากรในสำนักงานเขตพื้นที่การศึกษา", a.staffInvited(), a.staffResponded(),
              SurveyStatistics.format(SurveyStatistics.percent(a.staffResponded(), a.staffInvited())))
          .row("สถานศึกษา", a.schoolsInvited(), a.schoolsResponded(),
              SurveyStatistics.format(SurveyStatistics.percent(a.schoolsResponded(), a.schoolsInvited())))
          .row("รวม", a.invited(), a.responded(), a.responseRateText());
      XlsxWriter.Sheet likert = xlsx.sheet("มาตราส่วน 5 ระดับ", "ตอน", "ข้อ", "ข้อคำถาม", "n", "ค่าเฉลี่ย", "S.D.", "ระดับ");
      for (MeSurveyAnalysis.SectionResult s : a.likert()) {
        for (MeSurveyAnalysis.ItemResult i : s.items()) {
          likert.row(s.section(), i.seq(), i.text(), i.stats().n(), i.stats().meanText(), i.stats().sdText(), i.stats().level());
        }
        likert.row(s.section(), "", "รวมรายตอน", s.stats().n(), s.stats().meanText(), s.stats().sdText(), s.stats().level());
      }
      likert.row("", "", "รวมทั้งฉบับ", a.overall().n(), a.overall().meanText(), a.overall().sdText(), a.overall().level());
      likert.row("", "", "ค่าความเชื่อมั่น (Cronbach's alpha) จากผู้ตอบครบ " + a.alphaRespondents() + " ราย", "",
          a.alphaText(), "", "");
      XlsxWriter.Sheet choices = xlsx.sheet("ข้อเลือกตอบ", "ข้อ", "ข้อคำถาม", "ตัวเลือก", "ความถี่", "ร้อยละ");
      for (MeSurveyAnalysis.ChoiceResult c : a.choices()) {
        for (SurveyStatistics.Frequency f : c.frequencies()) {
          choices.row(c.seq(), c.text(), f.choice(), f.count(), f.percentText());
        }
      }
      XlsxWriter.Sheet open = xlsx.sheet("ข้อคำถามปลายเปิด", "ข้อ", "ข้อคำถาม", "คำตอบ");
      for (MeSurveyAnalysis.OpenResult o : a.open()) {
        for (String answer : o.answers()) {
          open.row(o.seq(), o.text(), answer);
        }
      }
      return xlsx.toBytes();
    }
  }
}
