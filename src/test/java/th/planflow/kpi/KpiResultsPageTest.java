package th.planflow.kpi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;
import th.planflow.EngineClock;
import th.planflow.PlanflowTest;

/** The owner's page of a round: their KPIs only, figures saved (or kept with a Thai error), evidence attached. */
@PlanflowTest
class KpiResultsPageTest {

  static final int YEAR = 2585;
  static final String PAGE = "/kpi/" + YEAR + "/rounds/Q2";

  @Autowired
  WebApplicationContext context;
  @Autowired
  KpiStore store;

  MockMvc mvc;

  @BeforeEach
  void setUp() {
    mvc = MockMvcBuilders.webAppContextSetup(context).apply(SecurityMockMvcConfigurers.springSecurity()).build();
    EngineClock.setTo("2042-04-10T09:00");
    store.replaceKpis(YEAR, KpiTestData.KPIS, "planner", Instant.now());
    store.openRound(YEAR, KpiRound.Q2, List.of("staff1", "staff2", "staff3"), Instant.now());
  }

  @AfterEach
  void tearDown() {
    store.deleteYear(YEAR);
    EngineClock.reset();
  }

  static RequestPostProcessor staff(String id) {
    return user(id).authorities(() -> "esa-staff");
  }

  @Test
  void showsTheOwnersKpisOnly() throws Exception {
    String html = mvc.perform(get(PAGE).with(staff("staff1"))).andExpect(status().isOk())
        .andReturn().getResponse().getContentAsString();

    assertThat(html).contains("ผลการดำเนินงานตัวชี้วัดตามแผนปฏิบัติราชการ สพฐ. ไตรมาสที่ 2 (สะสม 6 เดือน)")
        .contains("K-1.1 ร้อยละของสถานศึกษาที่จัดกิจกรรมส่งเสริมคุณธรรม", "K-2.1", "name=\"actual:K-2.1\"")
        .doesNotContain("K-2.2", "K-1.2");
    mvc.perform(get(PAGE).with(user("planner").authorities(() -> "plan-officer"))).andExpect(status().isForbidden());
  }

  @Test
  void savesTheFiguresOrShowsTheThaiErrorWithWhatWasTyped() throws Exception {
    mvc.perform(post(PAGE).with(staff("staff1")).with(csrf())
            .param("actual:K-1.1", "85").param("narrative:K-1.1", "จัดกิจกรรมครบ")
            .param("actual:K-2.1", "").param("problems:K-2.1", "รอผลสอบ"))
        .andExpect(status().is3xxRedirection()).andExpect(redirectedUrl(PAGE))
        .andExpect(flash().attribute("message", "บันทึกแล้ว ยังไม่ได้กรอกผลของตัวชี้วัด K-2.1"));
    assertThat(store.result(YEAR, KpiRound.Q2, "K-1.1").orElseThrow().actual()).isEqualByComparingTo("85");
    assertThat(store.result(YEAR, KpiRound.Q2, "K-2.1").orElseThrow().problems()).isEqualTo("รอผลสอบ");

    String html = mvc.perform(post(PAGE).with(staff("staff1")).with(csrf())
            .param("actual:K-1.1", "85").param("actual:K-2.1", "เก้าสิบ"))
        .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    assertThat(html).contains("ผลการดำเนินงานของตัวชี้วัด K-2.1 ต้องเป็นตัวเลข (ได้รับ &#39;เก้าสิบ&#39;)")
        .contains("value=\"เก้าสิบ\"");

    mvc.perform(post(PAGE).with(staff("staff1")).param("actual:K-1.1", "1")).andExpect(status().isForbidden());
  }

  @Test
  void attachesAndRemovesEvidence() throws Exception {
    MockMultipartFile pdf = new MockMultipartFile("file", "หลักฐาน.pdf", "application/pdf", KpiResultsApiTest.PDF);
    mvc.perform(multipart(PAGE + "/evidence").file(pdf).param("code", "K-1.1").with(staff("staff1")).with(csrf()))
        .andExpect(redirectedUrl(PAGE)).andExpect(flash().attribute("message", "แนบไฟล์ หลักฐาน.pdf ให้ตัวชี้วัด K-1.1 แล้ว"));
    MockMultipartFile text = new MockMultipartFile("file", "notes.txt", "text/plain", "hello".getBytes());
    mvc.perform(multipart(PAGE + "/evidence").file(text).param("code", "K-1.1").with(staff("staff1")).with(csrf()))
        .andExpect(flash().attribute("error", "ไฟล์หลักฐานต้องเป็น PDF, JPEG หรือ PNG เท่านั้น"));

    KpiStore.Evidence saved = store.evidence(YEAR, KpiRound.Q2).get(0);
    String html = mvc.perform(get(PAGE).with(staff("staff1"))).andReturn().getResponse().getContentAsString();
    assertThat(html).contains("/api/kpi/" + YEAR + "/rounds/Q2/results/K-1.1/evidence/" + saved.id());

    mvc.perform(post(PAGE + "/evidence/" + saved.id() + "/delete").param("code", "K-1.1").with(staff("staff2")).with(csrf()))
        .andExpect(flash().attribute("error", "ตัวชี้วัด K-1.1 ไม่ได้อยู่ในความรับผิดชอบของท่าน"));
    mvc.perform(post(PAGE + "/evidence/" + saved.id() + "/delete").param("code", "K-1.1").with(staff("staff1")).with(csrf()))
        .andExpect(flash().attribute("message", "ลบไฟล์หลักฐานแล้ว"));
    assertThat(store.evidence(YEAR, KpiRound.Q2)).isEmpty();
  }
}
