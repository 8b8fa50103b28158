package th.planflow.annualreport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static th.planflow.annualreport.AnnualReportApi.vars;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.AbstractAssertions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import th.planflow.EngineClock;
import th.planflow.FullProcessCoverage;
import th.planflow.PlanflowTest;
import th.planflow.deadline.DeadlineSweep;

/**
 * The annual report of a year, driven through the REST APIs as the office would: every group contributes
 * (with photos, one returned and fixed), the working group is appointed, the executives give feedback (one
 * late and reminded), the planner handles it, the director returns and then approves the publication; the
 * PDF, its QR code and the public page are checked, and a republication keeps the first version.
 */
@PlanflowTest
@FullProcessCoverage("annualReport")
class AnnualReportProcessTest {

  static final int YEAR = 2572;
  static final int DRAFT_YEAR = 2573;
  static final String PUBLIC_URL = "https://planflow.example.test/public/annual-report/" + YEAR;

  @Autowired
  TestRestTemplate http;
  @Autowired
  ProcessEngine engine;
  @Autowired
  RuntimeService runtime;
  @Autowired
  TaskService tasks;
  @Autowired
  ManagementService management;
  @Autowired
  JdbcTemplate jdbc;
  @Autowired
  AnnualReports reports;
  @Autowired
  DeadlineSweep sweep;

  @TempDir
  Path tmp;

  AnnualReportApi api;
  List<Long> policyRounds = new ArrayList<>();

  @BeforeEach
  void setUp() {
    AbstractAssertions.init(engine);
    api = new AnnualReportApi(http);
  }

  @AfterEach
  void cleanUp() {
    for (int year : List.of(YEAR, DRAFT_YEAR)) {
      runtime.createProcessInstanceQuery().processInstanceBusinessKey("annualReport:" + year).list()
          .forEach(pi -> runtime.deleteProcessInstance(pi.getId(), "test done"));
      reports.deleteYear(year);
    }
    for (long id : policyRounds) {
      jdbc.update("delete from policy_report where round_id = ?", id);
      jdbc.update("delete from policy_round where id = ?", id);
    }
    EngineClock.reset();
  }

  ProcessInstance start(int year) {
    ResponseEntity<Map> started = api.post("planner", "/api/processes/annualReport/start", "{\"fiscalYear\": " + year + "}");
    assertThat(started.getStatusCode().value()).isEqualTo(201);
    return runtime.createProcessInstanceQuery().processInstanceId((String) started.getBody().get("processInstanceId"))
        .singleResult();
  }

  /** The open task of a reviewed submission, found by its subjectRef. */
  Task taskOf(String subjectRef) {
    return tasks.createTaskQuery().processVariableValueEquals("subjectRef", subjectRef).singleResult();
  }

  Task contributionTask(String section) {
    return taskOf("annual-report:" + YEAR + ":" + section);
  }

  /** A policy round of the year in Planflow: 9 of 12 schools reported (the pre-fill's source). */
  void policyRoundWithNineOfTwelve() {
    jdbc.update("insert into policy_round (office_code, fiscal_year, name_th, opens_on, due_on, audience, status, opened_at)"
        + " values ('1001', ?, 'รอบที่ 1 ทดสอบรายงานประจำปี', date '2029-01-10', date '2029-02-15', 'SCHOOLS', 'CLOSED', ?)",
        YEAR, Timestamp.valueOf("2029-01-10 09:00:00"));
    long id = jdbc.queryForObject("select max(id) from policy_round where fiscal_year = ?", Long.class, YEAR);
    policyRounds.add(id);
    for (int i = 1; i <= 12; i++) {
      jdbc.update("insert into policy_report (round_id, reporter, office_code, status) values (?, ?, '1001', ?)",
          id, String.format("100100%02d", i), i <= 9 ? "SUBMITTED" : "MISSING");
    }
  }

  static byte[] png(int w, int h) throws Exception {
    BufferedImage image = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
    for (int x = 0; x < w; x++) {
      for (int y = 0; y < h; y++) {
        image.setRGB(x, y, (x * 255 / w) << 16 | (y * 255 / h) << 8 | 0x80);
      }
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ImageIO.write(image, "png", out);
    return out.toByteArray();
  }

  String contribution(String section) {
    return vars("quantity", "ดำเนินโครงการ 12 โครงการ ครบตามแผน (" + section + ")",
        "quality", "สถานศึกษาได้รับการพัฒนาตามมาตรฐาน ร้อยละ 95",
        "efficiency", "ใช้งบประมาณร้อยละ 98.5 ของที่ได้รับจัดสรร",
        "achievements", "ได้รับรางวัลหน่วยงานต้นแบบ " + section, "confirmed", true);
  }

  @Test
  void shouldCollectPresentRevisePublishAndRepublish() throws Exception {
    policyRoundWithNineOfTwelve();
    EngineClock.setTo("2029-10-01T09:00");
    ProcessInstance instance = start(YEAR);
    assertThat(instance).hasBusinessKey("annualReport:" + YEAR)
        .isWaitingAt("Call_Contributions", "Call_AppointWorkingGroup");
    assertThat(reports.report(YEAR).orElseThrow().status()).isEqualTo("DRAFT");

    // one contribution per group of the office, each to its contributor, due at the end of October
    List<AnnualReports.Section> sections = reports.sections(true);
    assertThat(sections).hasSize(10).extracting(AnnualReports.Section::name)
        .contains("กลุ่มอำนวยการ", "กลุ่มนโยบายและแผน", "กลุ่มนิเทศ ติดตามและประเมินผลการจัดการศึกษา", "กลุ่มกฎหมายและคดี");
    Task plan = contributionTask("PLAN");
    assertThat(plan.getAssignee()).isEqualTo("staff2");
    assertThat(plan.getName()).isEqualTo("ส่งงาน: ผลการดำเนินงานประจำปีงบประมาณ " + YEAR + ": กลุ่มนโยบายและแผน");
    assertThat(plan.getDueDate()).isEqualTo(EngineClock.at("2029-10-31T16:30"));
    // pre-filled from what Planflow holds for the year (the policy duty's round)
    assertThat((String) tasks.getVariable(plan.getId(), "quantity")).contains("รายงานแล้ว 9 จาก 12 หน่วย (ร้อยละ 75.0)");
    assertThat(tasks.getVariable(contributionTask("LEGAL").getId(), "quantity")).isNull();

    // photos: JPEG/PNG only (by their bytes), at most 2 MB, by the group's contributor
    String photos = "/api/annual-report/" + YEAR + "/sections/PLAN/photos";
    assertThat(api.upload("staff2", photos + "?caption=ประชุมเชิงปฏิบัติการจัดทำแผน", png(320, 200), "image/png")
        .getStatusCode().value()).isEqualTo(201);
    ResponseEntity<Map> notImage = api.upload("staff2", photos, "GIF89a-not-a-photo".getBytes(), "image/png");
    assertThat(notImage.getStatusCode().value()).isEqualTo(400);
    assertThat(notImage.getBody().get("message")).asString().contains("รับเฉพาะไฟล์รูปภาพ JPEG หรือ PNG");
    byte[] huge = new byte[AnnualReportController.PHOTO_MAX_BYTES + 1];
    huge[0] = (byte) 0xFF;
    huge[1] = (byte) 0xD8;
    huge[2] = (byte) 0xFF;
    ResponseEntity<Map> tooBig = api.upload("staff2", photos, huge, "image/jpeg");
    assertThat(tooBig.getStatusCode().value()).isEqualTo(400);
    assertThat(tooBig.getBody().get("message")).asString().contains("เกินกำหนด (ไม่เกิน 2 MB)");
    assertThat(api.upload("staff3", photos, png(10, 10), "image/png").getStatusCode().value()).isEqualTo(403);
    assertThat(http.postForEntity(photos, png(10, 10), Map.class).getStatusCode().value()).isEqualTo(401);
    assertThat(reports.photos(YEAR, "PLAN")).hasSize(1);

    // a contribution without its achievements is refused in Thai; nothing is kept
    ResponseEntity<Map> incomplete = api.submitForm("staff2", plan.getId(),
        vars("quantity", "x", "quality", "x", "efficiency", "x", "confirmed", true));
    assertThat(incomplete.getStatusCode().value()).isEqualTo(400);
    assertThat(incomplete.getBody().get("message")).isEqualTo("กรุณากรอกผลงานที่ประสบความสำเร็จ");
    assertThat(reports.contributions(YEAR)).isEmpty();
    assertThat(api.submitForm("staff3", plan.getId(), contribution("PLAN")).getStatusCode().is2xxSuccessful()).isFalse();

    for (AnnualReports.Section s : sections) {
      Task t = contributionTask(s.code());
      assertThat(api.submitForm(s.contributor(), t.getId(), contribution(s.code())).getStatusCode().value()).isEqualTo(204);
    }
    // the planner returns one, the group fixes it; the others are approved
    assertThat(api.submitForm("planner", contributionTask("ADMIN").getId(),
        vars("reviewDecision", "return", "reviewComment", "กรุณาระบุจำนวนหนังสือราชการที่ดำเนินการ")).getStatusCode().value())
        .isEqualTo(204);
    assertThat(reports.contributions(YEAR)).filteredOn(c -> c.sectionCode().equals("ADMIN"))
        .extracting(AnnualReports.Contribution::status).containsExactly(AnnualReports.ContributionStatus.RETURNED);
    assertThat(api.submitForm("staff1", contributionTask("ADMIN").getId(), contribution("ADMIN")).getStatusCode().value())
        .isEqualTo(204);
    for (AnnualReports.Section s : sections) {
      assertThat(api.submitForm("planner", contributionTask(s.code()).getId(), vars("reviewDecision", "approve"))
          .getStatusCode().value()).isEqualTo(204);
    }
    assertThat(reports.contributions(YEAR)).hasSize(10)
        .allMatch(c -> c.status() == AnnualReports.ContributionStatus.APPROVED);
    assertThat(instance).isWaitingAt("Call_AppointWorkingGroup");

    // the working group, approved by the director
    Task appoint = taskOf("annual-report-working-group:" + YEAR);
    assertThat(api.submitForm("planner", appoint.getId(), vars("workingGroup",
        "นางสาวตัวอย่าง ใจดี ผู้อำนวยการกลุ่มนโยบายและแผน ประธานคณะทำงาน\nนายทดสอบ รักงาน นักวิเคราะห์นโยบายและแผน เลขานุการ",
        "confirmed", true)).getStatusCode().value()).isEqualTo(204);
    Task approval = taskOf("annual-report-working-group:" + YEAR);
    assertThat(tasks.getIdentityLinksForTask(approval.getId())).extracting(l -> l.getGroupId()).contains("director");
    assertThat(api.submitForm("director", taskOf("annual-report-working-group:" + YEAR).getId(),
        vars("reviewDecision", "approve")).getStatusCode().value()).isEqualTo(204);

    // November: the executive team, in parallel, each with a due date
    assertThat(instance).isWaitingAt("Event_PresentationMonth");
    Job november = management.createJobQuery().processInstanceId(instance.getId()).timers().singleResult();
    assertThat(november.getDuedate()).isEqualTo(EngineClock.at("2029-11-01T08:00"));
    EngineClock.setTo("2029-11-01T09:00");
    management.executeJob(november.getId());
    List<Task> feedback = tasks.createTaskQuery().processInstanceId(instance.getId())
        .taskDefinitionKey("Task_ExecutiveFeedback").orderByTaskAssignee().asc().list();
    assertThat(feedback).extracting(Task::getAssignee).containsExactly("exec1", "exec2", "exec3");
    assertThat(feedback.get(0).getDueDate()).isEqualTo(EngineClock.at("2029-11-20T16:30"));
    ResponseEntity<Map> empty = api.submitForm("exec1", feedback.get(0).getId(), vars("feedback", "  "));
    assertThat(empty.getStatusCode().value()).isEqualTo(400);
    assertThat(empty.getBody().get("message")).isEqualTo("กรุณากรอกข้อเสนอแนะ");
    assertThat(api.submitForm("exec1", feedback.get(0).getId(),
        vars("feedback", "ควรเพิ่มข้อมูลเปรียบเทียบกับปีที่ผ่านมา")).getStatusCode().value()).isEqualTo(204);
    assertThat(api.submitForm("exec2", feedback.get(1).getId(),
        vars("feedback", "ควรเพิ่มภาพกิจกรรมของกลุ่มส่งเสริมการจัดการศึกษา")).getStatusCode().value()).isEqualTo(204);
    assertThat(tasks.getVariable(feedback.get(2).getId(), "feedback")).as("the next form starts empty").isNull();

    // exec3 is late: reminded seven days before, told it is overdue the day after
    EngineClock.setTo("2029-11-13T09:00");
    sweep.sweep();
    assertThat(queued(feedback.get(2).getId(), "reminder-7")).containsExactly("exec3@esa1001.planflow.test");
    EngineClock.setTo("2029-11-21T09:00");
    sweep.sweep();
    assertThat(queued(feedback.get(2).getId(), "overdue")).containsExactly("exec3@esa1001.planflow.test");
    assertThat(api.submitForm("exec3", feedback.get(2).getId(), vars("feedback", "ไม่มี")).getStatusCode().value())
        .isEqualTo(204);

    // the revision is done only when every piece of feedback is handled
    Task revise = tasks.createTaskQuery().processInstanceId(instance.getId()).taskDefinitionKey("Task_ReviseReport").singleResult();
    assertThat(revise.getDueDate()).isEqualTo(EngineClock.at("2029-11-30T16:30"));
    ResponseEntity<Map> notYet = api.submitForm("planner", revise.getId(), vars("revised", true));
    assertThat(notYet.getStatusCode().value()).isEqualTo(400);
    assertThat(notYet.getBody().get("message")).asString().contains("ยังมีข้อเสนอแนะของทีมบริหารที่ยังไม่ได้ดำเนินการ 3 รายการ");
    List<AnnualReports.Feedback> given = reports.feedback(YEAR);
    assertThat(given).extracting(AnnualReports.Feedback::executive).containsExactly("exec1", "exec2", "exec3");
    assertThat(api.put("head", "/api/annual-report/" + YEAR + "/feedback/" + given.get(0).id(), "{\"handling\": \"x\"}")
        .getStatusCode().value()).isEqualTo(403);
    assertThat(api.put("planner", "/api/annual-report/" + YEAR + "/feedback/" + given.get(0).id(), "{}")
        .getBody().get("message")).isEqualTo("กรุณากรอกการดำเนินการตามข้อเสนอแนะ");
    for (AnnualReports.Feedback f : given) {
      assertThat(api.put("planner", "/api/annual-report/" + YEAR + "/feedback/" + f.id(),
          "{\"handling\": \"ปรับปรุงรายงานตามข้อเสนอแนะแล้ว\"}").getStatusCode().value()).isEqualTo(200);
    }
    assertThat(api.submitForm("planner", revise.getId(), vars("revised", true)).getStatusCode().value()).isEqualTo(204);

    // December: the director returns the publication once, then approves it
    assertThat(instance).isWaitingAt("Call_ApprovePublication");
    Task publication = taskOf("annual-report-publication:" + YEAR);
    // 31 Dec 2029 is a public holiday, 29-30 Dec a weekend
    assertThat(publication.getDueDate()).isEqualTo(EngineClock.at("2029-12-28T16:30"));
    String foreword = "รายงานผลการดำเนินงานประจำปีฉบับนี้ จัดทำขึ้นเพื่อสรุปผลการดำเนินงานตามบทบาท อำนาจหน้าที่และภารกิจ";
    assertThat(api.submitForm("planner", publication.getId(), vars("foreword", foreword, "confirmed", true))
        .getStatusCode().value()).isEqualTo(204);
    assertThat(api.submitForm("director", taskOf("annual-report-publication:" + YEAR).getId(),
        vars("reviewDecision", "return", "reviewComment", "กรุณาเพิ่มคำขอบคุณคณะทำงานในคำนำ")).getStatusCode().value())
        .isEqualTo(204);
    assertThat(taskOf("annual-report-publication:" + YEAR).getTaskDefinitionKey()).isEqualTo("Task_Submit");
    assertThat(api.submitForm("planner", taskOf("annual-report-publication:" + YEAR).getId(),
        vars("foreword", foreword + " ขอขอบคุณคณะทำงานทุกท่าน", "confirmed", true)).getStatusCode().value()).isEqualTo(204);
    assertThat(publicPage(YEAR).getStatusCode().value()).as("not public before approval").isEqualTo(404);
    assertThat(api.submitForm("director", taskOf("annual-report-publication:" + YEAR).getId(),
        vars("reviewDecision", "approve")).getStatusCode().value()).isEqualTo(204);

    // the PDF is rendered in its own job
    assertThat(instance).isWaitingAt("Task_PublishReport");
    assertThat(publicPage(YEAR).getStatusCode().value()).isEqualTo(404);
    management.executeJob(management.createJobQuery().processInstanceId(instance.getId()).singleResult().getId());
    assertThat(instance).hasPassed("Task_PublishReport", "Event_Published").isEnded();
    assertThat(reports.report(YEAR).orElseThrow().status()).isEqualTo("PUBLISHED");

    // the public page, without login
    ResponseEntity<String> page = publicPage(YEAR);
    assertThat(page.getStatusCode().value()).isEqualTo(200);
    assertThat(page.getBody()).contains("รายงานผลการดำเนินงานประจำปีงบประมาณ พ.ศ. " + YEAR, "name=\"viewport\"",
        "ดาวน์โหลดรายงานฉบับเต็ม (PDF)", "/public/annual-report/" + YEAR + "/report.pdf", "data:image/png;base64,",
        "ได้รับรางวัลหน่วยงานต้นแบบ PLAN");
    ResponseEntity<byte[]> download = http.getForEntity("/public/annual-report/" + YEAR + "/report.pdf", byte[].class);
    assertThat(download.getStatusCode().value()).isEqualTo(200);
    assertThat(download.getHeaders().getContentType().toString()).startsWith("application/pdf");
    byte[] pdf = download.getBody();

    try (PDDocument document = Loader.loadPDF(pdf)) {
      assertThat(document.getNumberOfPages()).isBetween(6, 30);
      PDFTextStripper stripper = new PDFTextStripper();
      stripper.setWordSeparator("");
      String text = stripper.getText(document).replaceAll("\\s+", " ");
      assertThat(text).contains("รายงานผลการดำเนินงานประจำปีงบประมาณ พ.ศ. " + YEAR, "คำนำ", "ขอขอบคุณคณะทำงานทุกท่าน",
          "สารบัญ", "ส่วนที่ 1 ผลการดำเนินงานในภาพรวม", "ส่วนที่ 2 ผลการดำเนินงานรายกลุ่มงาน",
          "2.2 กลุ่มนโยบายและแผน", "ด้านปริมาณ", "ด้านคุณภาพ", "ด้านประสิทธิภาพ", "ผลงานที่ประสบความสำเร็จ",
          "รายงานแล้ว 9 จาก 12 หน่วย (ร้อยละ 75.0)", "75.0%", "ใช้งบประมาณร้อยละ 98.5",
          "กลุ่มงานที่ส่งผลการดำเนินงานและผ่านการตรวจสอบแล้ว 10 จาก 10 กลุ่มงาน", "ประชุมเชิงปฏิบัติการจัดทำแผน",
          "ภาคผนวก คณะทำงานจัดทำรายงาน", "ประธานคณะทำงาน", PUBLIC_URL);
      List<String> fonts = new ArrayList<>();
      for (PDPage p : document.getPages()) {
        for (COSName name : p.getResources().getFontNames()) {
          PDFont font = p.getResources().getFont(name);
          assertThat(font.isEmbedded()).as(font.getName() + " embedded").isTrue();
          fonts.add(font.getName());
        }
      }
      assertThat(fonts).anyMatch(f -> f.contains("Sarabun"));
      assertThat(document.getPage(0).getMediaBox().getWidth()).isCloseTo(595f, org.assertj.core.data.Offset.offset(2f));
    }
    assertThat(decodeQrOnFirstPage(pdf)).isEqualTo(PUBLIC_URL);

    // republishing keeps the first edition
    assertThat(api.post("planner", "/api/annual-report/" + YEAR + "/republish", "{}").getStatusCode().value()).isEqualTo(403);
    ResponseEntity<Map> again = api.post("director", "/api/annual-report/" + YEAR + "/republish", "{}");
    assertThat(again.getStatusCode().value()).isEqualTo(200);
    assertThat(again.getBody()).containsEntry("version", 2);
    assertThat(reports.versions(YEAR)).extracting(AnnualReports.Version::version).containsExactly(2, 1);
    assertThat(http.getForEntity("/public/annual-report/" + YEAR + "/report.pdf?version=1", byte[].class).getBody())
        .isEqualTo(pdf);
    assertThat(publicPage(YEAR).getBody()).contains("ฉบับก่อนหน้า", "report.pdf?version=1", "เผยแพร่ฉบับที่ 2");
  }

  @Test
  void draftsAreNotPublic() {
    EngineClock.setTo("2030-10-01T09:00");
    start(DRAFT_YEAR);
    assertThat(reports.report(DRAFT_YEAR)).isPresent();
    ResponseEntity<String> draft = publicPage(DRAFT_YEAR);
    assertThat(draft.getStatusCode().value()).isEqualTo(404);
    assertThat(draft.getBody()).contains("ยังไม่มีรายงานผลการดำเนินงานประจำปีงบประมาณ " + DRAFT_YEAR + " ที่เผยแพร่ต่อสาธารณะ");
    assertThat(http.getForEntity("/public/annual-report/" + DRAFT_YEAR + "/report.pdf", String.class).getStatusCode().value())
        .isEqualTo(404);
    assertThat(publicPage(2400).getStatusCode().value()).isEqualTo(404);
    assertThat(http.getForEntity("/public/annual-report/abc", String.class).getStatusCode().value()).isEqualTo(404);
    // the staff's API needs a login; the director may not republish what was never approved
    assertThat(http.getForEntity("/api/annual-report/" + DRAFT_YEAR, String.class).getStatusCode().value()).isEqualTo(401);
    assertThat(api.post("director", "/api/annual-report/" + DRAFT_YEAR + "/republish", "{}").getStatusCode().value())
        .isEqualTo(409);
  }

  ResponseEntity<String> publicPage(int year) {
    return http.getForEntity("/public/annual-report/" + year, String.class);
  }

  List<String> queued(String taskId, String stage) {
    return jdbc.queryForList("select recipient from mail_outbox where dedup_key like ? order by recipient", String.class,
        "task:" + taskId + ":" + stage + ":%");
  }

  /** Draws page 1 as pdftoppm does at 150 dpi and reads the QR code on it. */
  String decodeQrOnFirstPage(byte[] pdf) throws Exception {
    Path file = tmp.resolve("report.pdf");
    Files.write(file, pdf);
    Process process = new ProcessBuilder("pdftoppm", "-r", "150", "-png", "-f", "1", "-l", "1", "-singlefile",
        file.toString(), tmp.resolve("page").toString()).redirectErrorStream(true).start();
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(process.exitValue()).as(new String(process.getInputStream().readAllBytes())).isZero();
    BufferedImage page = ImageIO.read(tmp.resolve("page.png").toFile());
    return new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(new BufferedImageLuminanceSource(page))))
        .getText();
  }
}
