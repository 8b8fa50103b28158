package th.planflow.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import th.planflow.testsupport.TestPostgres;

/**
 * The scale benchmark of issues 5 and 11 (bench/scale.sh; not a test, never run by {@code mvn verify}):
 * Planflow's policy rounds against the naive multi-instance design on a bare Camunda 7.24, and the
 * dashboard's response time with one office's data and with national-scale generated data, all on one
 * PostgreSQL server started from the local binaries (the tests' {@link TestPostgres}).
 *
 * <p>Both apps run as separate JVMs from their jars and are driven over HTTP only, the way Tasklist and
 * the planner's tools call them. Settings: see bench/README.md.
 */
public final class ScaleBench {

  static final String OFFICE = "1001";
  static final int FISCAL_YEAR = 2570;
  static final int DEMO_SCHOOLS = 300;
  static final String[] DUTIES = {"inspection", "provincialStrategy", "annualReport", "kpiReporting",
      "projectMonitoring", "policyReporting", "meSystemDevelopment"};

  final int small = intSetting("SMALL", 300);
  final int large = intSetting("LARGE", 30000);
  final int completions = intSetting("COMPLETE", 3000);
  final int warmReports = intSetting("WARM_REPORTS", 3000);
  final int clients = intSetting("CLIENTS", 8);
  final int dashRequests = intSetting("DASH_REQUESTS", 200);
  final int dashWarmup = intSetting("DASH_WARMUP", 100);
  /** Each side's completion stops after this many seconds even when not all schools were tried. */
  final int maxCompleteSeconds = intSetting("MAX_COMPLETE_SECONDS", 300);
  final int esas = intSetting("ESAS", 245);
  final String xmx = setting("XMX", "2g");
  /** Development knobs: skip the baseline's side or the dashboard blocks; extra JVM flags for Planflow. */
  final boolean withBaseline = !"0".equals(setting("BASELINE", "1"));
  final boolean withDashboard = !"0".equals(setting("DASHBOARD", "1"));
  final String planflowJavaOpts = setting("PF_JAVA_OPTS", "");
  /** Prints PostgreSQL's most expensive statements of Planflow's school reports (pg_stat_statements). */
  final boolean pgStats = "1".equals(setting("PG_STATS", "0"));
  final Path root = Path.of(setting("ROOT", ".")).toAbsolutePath().normalize();
  final Path out = root.resolve("target/bench-scale");

  final ObjectMapper json = new ObjectMapper();
  final List<Process> apps = new ArrayList<>();
  final Map<String, String> results = new LinkedHashMap<>();
  final List<String> notes = new ArrayList<>();
  TestPostgres pg;
  String planflow;
  String baseline;
  Process planflowProcess;
  Process baselineProcess;

  public static void main(String[] args) throws Exception {
    // the JDK keeps 5 idle connections per server by default: every client must find its own again
    System.setProperty("http.maxConnections", "64");
    // a report is sent once: a send that fails is counted as failed, never silently sent again
    System.setProperty("sun.net.http.retryPost", "false");
    ScaleBench bench = new ScaleBench();
    Runtime.getRuntime().addShutdownHook(new Thread(bench::stopApps));
    try {
      bench.run();
    } finally {
      bench.stopApps();
    }
    System.exit(0);
  }

  void run() throws Exception {
    Files.createDirectories(out);
    if (pgStats) {
      System.setProperty("planflow.test.pg-conf", "shared_preload_libraries = 'pg_stat_statements'");
    }
    pg = TestPostgres.get();
    try (Connection c = pg.connect(); Statement s = c.createStatement()) {
      s.execute("create database baseline template template0 encoding 'UTF8'");
    }
    log("PostgreSQL " + pg.version() + " on port " + pg.port() + "; settings " + pgSettings());
    log("machine: " + Runtime.getRuntime().availableProcessors() + " CPUs, " + memTotal() + ", load " + load());

    planflow = startPlanflow();
    if (withBaseline) {
      baseline = startBaseline();
      deployNaiveRound();
    }

    for (String duty : DUTIES) {
      Reply r = send("POST", planflow + "/api/processes/" + duty + "/start", "planner",
          "{\"fiscalYear\": " + FISCAL_YEAR + "}");
      log("duty " + duty + ": HTTP " + r.status + (r.ok() ? "" : " " + r.body));
    }

    // ---- A1: open a round of the demo office's schools
    load("open " + small);
    Opened pfSmall = openPlanflowRound(small, "รอบที่ 1");
    Opened blSmall = withBaseline ? openBaselineRound(small) : Opened.NOT_RUN;
    results.put("open " + small + " schools (s)", row(pfSmall.seconds, blSmall.seconds));

    // the dashboard's office has 3 rounds; the other two are not timed
    Opened second = openPlanflowRound(small, "รอบที่ 2");
    Opened third = openPlanflowRound(small, "รอบที่ 3");
    log("rounds 2 and 3 open in " + fmt(second.seconds) + " / " + fmt(third.seconds) + " s");

    // warm-up of the submission path, and submitted reports for the dashboard
    // the whole first round: the JIT has compiled the report path before the measured reports start
    int warm = small;
    Completion pfWarm = completePlanflow(pfSmall.roundId, schools(1, warm));
    Completion blWarm = withBaseline ? completeBaseline(blSmall.instanceId, schools(1, warm)) : Completion.NOT_RUN;
    log("warm-up completion of " + warm + ": Planflow " + pfWarm + ", baseline " + blWarm);

    double[] dashNational = {Double.NaN, Double.NaN, Double.NaN, Double.NaN};
    if (withDashboard) {
      // ---- B1: dashboard, one office
      load("dashboard one ESA");
      double[] dashOne = dashboard();
      results.put("dashboard p50 / p95, one ESA (ms)", fmt(dashOne[0]) + " / " + fmt(dashOne[1]));
      results.put("  CPU per request, one ESA, app + PostgreSQL (ms)", fmt(dashOne[2]) + " + " + fmt(dashOne[3]));

      // ---- B2: national-scale data in Planflow's tables, then the same office's dashboard again
      load("national data");
      long generated = generateNational();
      log("national data generated in " + fmt(generated / 1000.0) + " s: " + tableCounts());
      load("dashboard national");
      dashNational = dashboard();
      results.put("dashboard p50 / p95, one ESA at national scale (ms)",
          fmt(dashNational[0]) + " / " + fmt(dashNational[1]));
      results.put("  CPU per request, national scale, app + PostgreSQL (ms)", fmt(dashNational[2]) + " + "
          + fmt(dashNational[3]));
    }

    // ---- A2: a round of `large` schools
    long setUp = addSchools(large);
    log("added schools up to " + large + " (rows, users, groups by SQL) in " + fmt(setUp / 1000.0) + " s");
    load("open " + large);
    resetStatementStats();
    Opened pfLarge = openPlanflowRound(large, "รอบที่ 4 (ทุกโรงเรียน)");
    printStatementStats(large);
    load("open " + large + " baseline");
    Opened blLarge = withBaseline ? openBaselineRound(large) : Opened.NOT_RUN;
    results.put("open " + large + " schools (s)", row(pfLarge.seconds, blLarge.seconds));

    // ---- A3: school reports with concurrent clients, generated schools only (one open task each)
    int first = DEMO_SCHOOLS + 1;
    int last = Math.min(large, DEMO_SCHOOLS + completions);
    // steady state, as a server that has run for a day: schools after the measured ones report first, until the
    // JIT has compiled the whole path (300 reports leave much of it in the profiling tier). Not for the baseline:
    // its large round takes a few reports a second, and its bound is the shared parent's row, not the JIT.
    int warmLast = Math.min(large, last + warmReports);
    if (warmLast > last) {
      Completion warmLarge = completePlanflow(pfLarge.roundId, schools(last + 1, warmLast));
      log("warm-up in the large round, schools " + (last + 1) + "-" + warmLast + ": Planflow " + warmLarge);
      results.put("warm-up reports before measuring (tasks/s)", row(warmLarge.rate(), Double.NaN));
    }
    load("complete Planflow");
    resetStatementStats();
    Completion pf = completePlanflow(pfLarge.roundId, schools(first, last));
    printStatementStats(pf.ok() + pf.failed());
    load("complete baseline");
    Completion bl = withBaseline ? completeBaseline(blLarge.instanceId, schools(first, last)) : Completion.NOT_RUN;
    load("end");
    results.put("completion, " + clients + " clients (tasks/s)", row(pf.rate(), bl.rate()));
    results.put("failed submissions (non-2xx)", String.format("%14s | %14s", pf.failed, bl.failed));
    results.put("  schools tried", String.format("%14s | %14s", pf.ok + pf.failed, bl.ok + bl.failed));
    results.put("  CPU per task, app (ms)", row(pf.msPerTask(pf.appCpu), bl.msPerTask(bl.appCpu)));
    results.put("  CPU per task, PostgreSQL (ms)", row(pf.msPerTask(pf.dbCpu), bl.msPerTask(bl.dbCpu)));
    results.put("  CPU per task, clients (ms)", row(pf.msPerTask(pf.clientCpu), bl.msPerTask(bl.clientCpu)));

    report(pfLarge.seconds, blLarge.seconds, pf, bl, dashNational[1]);
  }

  // ------------------------------------------------------------------ apps

  String startPlanflow() throws Exception {
    int port = freePort();
    Path jar = root.resolve("target/planflow-0.1.0-SNAPSHOT.jar");
    if (!Files.exists(jar)) {
      jar = Files.list(root.resolve("target")).filter(p -> p.toString().matches(".*/planflow-[^/]*\\.jar"))
          .findFirst().orElseThrow(() -> new IllegalStateException("no target/planflow-*.jar; build first"));
    }
    List<String> cmd = new ArrayList<>(List.of(java(), "-Xmx" + xmx));
    if (!planflowJavaOpts.isBlank()) {
      cmd.addAll(Arrays.asList(planflowJavaOpts.trim().split("\\s+")));
    }
    cmd.addAll(List.of("-jar", jar.toString(), "--server.port=" + port, "--server.address=127.0.0.1",
        "--spring.profiles.active=postgres"));
    String batch = System.getenv("BATCH");
    if (batch != null && !batch.isBlank()) {
      cmd.add("--planflow.policy.batch-size=" + batch);
    }
    ProcessBuilder pb = new ProcessBuilder(cmd);
    pb.environment().put("PLANFLOW_DB_URL", pg.jdbcUrl());
    pb.environment().put("PLANFLOW_DB_USER", TestPostgres.USERNAME);
    pb.environment().put("PLANFLOW_DB_PASSWORD", TestPostgres.PASSWORD);
    // nothing listens there: mails stay in the outbox, as when the SMTP server is down
    pb.environment().put("PLANFLOW_SMTP_PORT", String.valueOf(freePort()));
    pb.environment().put("PLANFLOW_PUBLIC_BASE_URL", "http://127.0.0.1:" + port);
    String base = start("planflow", pb, "http://127.0.0.1:" + port, "/actuator/health");
    planflowProcess = apps.get(apps.size() - 1);
    return base;
  }

  String startBaseline() throws Exception {
    int port = freePort();
    Path jar = root.resolve("bench/baseline/target/camunda-baseline.jar");
    ProcessBuilder pb = new ProcessBuilder(java(), "-Xmx" + xmx, "-jar", jar.toString(),
        "--server.port=" + port, "--server.address=127.0.0.1",
        "--spring.datasource.url=" + pg.jdbcUrl("baseline"),
        "--spring.datasource.username=" + TestPostgres.USERNAME,
        "--spring.datasource.password=" + TestPostgres.PASSWORD,
        "--spring.datasource.driver-class-name=" + TestPostgres.DRIVER);
    String base = start("baseline", pb, "http://127.0.0.1:" + port, "/engine-rest/engine");
    baselineProcess = apps.get(apps.size() - 1);
    return base;
  }

  String start(String name, ProcessBuilder pb, String base, String probe) throws Exception {
    Path logFile = out.resolve(name + ".log");
    pb.redirectErrorStream(true).redirectOutput(logFile.toFile());
    long t0 = System.nanoTime();
    Process p = pb.start();
    apps.add(p);
    while (System.nanoTime() - t0 < Duration.ofMinutes(5).toNanos()) {
      if (!p.isAlive()) {
        throw new IllegalStateException(name + " exited; see " + logFile);
      }
      try {
        if (send("GET", base + probe, null, null).status == 200) {
          log(name + " up at " + base + " after " + fmt(seconds(t0)) + " s (log " + logFile + ")");
          return base;
        }
      } catch (IOException notYet) {
        // not listening yet
      }
      Thread.sleep(500);
    }
    throw new IllegalStateException(name + " did not come up; see " + logFile);
  }

  void stopApps() {
    for (Process p : apps) {
      p.destroy();
    }
    for (Process p : apps) {
      try {
        p.waitFor(30, java.util.concurrent.TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      p.destroyForcibly();
    }
    apps.clear();
  }

  void deployNaiveRound() throws Exception {
    byte[] bpmn = Files.readAllBytes(root.resolve("bench/baseline/naive-round.bpmn"));
    String boundary = "----planflowbench";
    String head = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"deployment-name\"\r\n\r\nnaive\r\n"
        + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"data\"; filename=\"naive-round.bpmn\"\r\n"
        + "Content-Type: application/octet-stream\r\n\r\n";
    byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
    byte[] body = concat(head.getBytes(StandardCharsets.UTF_8), bpmn, tail);
    Reply r = exchange("POST", baseline + "/engine-rest/deployment/create",
        Map.of("Content-Type", "multipart/form-data; boundary=" + boundary), body);
    check(r.status() == 200, "deploy naive round: " + r.status() + " " + r.body());
  }

  // ------------------------------------------------------------------ A: rounds

  record Opened(double seconds, long roundId, String instanceId) {
    static final Opened NOT_RUN = new Opened(Double.NaN, 0, null);
  }

  /** Planflow's real path: the planner's POST, then the job executor's batches, until Tasklist sees all. */
  Opened openPlanflowRound(int expected, String name) throws Exception {
    double app0 = cpuSeconds(planflowProcess.pid());
    double db0 = postgresCpuSeconds();
    long t0 = System.nanoTime();
    Reply r = send("POST", planflow + "/api/policy/rounds", "planner", "{\"fiscalYear\": " + FISCAL_YEAR
        + ", \"name\": \"" + name + "\", \"dueOn\": \"" + LocalDate.now().plusDays(60) + "\", \"audience\": \"SCHOOLS\"}");
    check(r.status == 201, "open Planflow round: " + r.status + " " + r.body);
    long roundId = json.readTree(r.body).get("id").asLong();
    String count = planflow + "/engine-rest/task/count?taskDefinitionKey=Task_Submit"
        + "&processInstanceBusinessKeyLike=policyRound:" + roundId + ":%25";
    // polled in Planflow's table (a batch records its instances in the transaction that creates their tasks):
    // polling the engine's task count every second cost PostgreSQL a fifth of its time in this phase
    waitForCreated(roundId, expected, t0);
    waitForCount(count, "planner", expected, t0);
    double seconds = seconds(t0);
    double appMs = 1000 * (cpuSeconds(planflowProcess.pid()) - app0) / expected;
    double dbMs = 1000 * (postgresCpuSeconds() - db0) / expected;
    // visible to each school's own Tasklist query (candidate group), checked on a sample
    for (String school : sample(expected)) {
      Reply tasks = send("GET", planflow + "/engine-rest/task?candidateGroup=school-" + school
          + "&processInstanceBusinessKey=policyRound:" + roundId + ":" + school, "school" + school, null);
      check(tasks.ok() && json.readTree(tasks.body).size() == 1, "school " + school + " sees no task: " + tasks.body);
    }
    log("Planflow round " + roundId + " of " + expected + " schools: all tasks visible after " + fmt(seconds)
        + " s; CPU per school " + fmt(appMs) + " ms app + " + fmt(dbMs) + " ms PostgreSQL");
    return new Opened(seconds, roundId, null);
  }

  /** The naive design: one instance, a parallel multi-instance task over the schools. */
  Opened openBaselineRound(int expected) throws Exception {
    long t0 = System.nanoTime();
    Reply r = send("POST", baseline + "/engine-rest/process-definition/key/naiveRound/start", null,
        "{\"variables\": {\"office\": {\"value\": \"" + OFFICE + "\"}, \"schoolCount\": {\"value\": " + expected
            + ", \"type\": \"Integer\"}}}");
    check(r.ok(), "open baseline round: " + r.status + " " + r.body);
    String instance = json.readTree(r.body).get("id").asText();
    waitForCount(baseline + "/engine-rest/task/count?processInstanceId=" + instance, null, expected, t0);
    double seconds = seconds(t0);
    for (String school : sample(expected)) {
      Reply tasks = send("GET", baseline + "/engine-rest/task?candidateGroup=school-" + school
          + "&processInstanceId=" + instance, null, null);
      check(tasks.ok() && json.readTree(tasks.body).size() == 1, "baseline school " + school + ": " + tasks.body);
    }
    log("baseline round of " + expected + " schools: all tasks visible after " + fmt(seconds) + " s");
    return new Opened(seconds, 0, instance);
  }

  void waitForCreated(long roundId, int expected, long t0) throws Exception {
    try (Connection c = pg.connect(); java.sql.PreparedStatement q = c.prepareStatement(
        "select count(*) from policy_report where round_id = ? and process_instance_id is not null")) {
      q.setLong(1, roundId);
      while (true) {
        long n;
        try (ResultSet rs = q.executeQuery()) {
          rs.next();
          n = rs.getLong(1);
        }
        if (n >= expected) {
          return;
        }
        check(System.nanoTime() - t0 < Duration.ofMinutes(40).toNanos(), "gave up waiting: " + n + "/" + expected);
        Thread.sleep(100);
      }
    }
  }

  void waitForCount(String url, String user, int expected, long t0) throws Exception {
    long last = -1;
    while (true) {
      Reply r = send("GET", url, user, null);
      check(r.ok(), "count: " + r.status + " " + r.body);
      long n = json.readTree(r.body).get("count").asLong();
      if (n >= expected) {
        return;
      }
      if (n != last && System.nanoTime() - t0 > Duration.ofSeconds(10).toNanos()) {
        System.out.print("\r  " + n + " / " + expected + " tasks after " + fmt(seconds(t0)) + " s   ");
      }
      last = n;
      check(System.nanoTime() - t0 < Duration.ofMinutes(40).toNanos(), "gave up waiting: " + n + "/" + expected);
      // the count query itself costs the server: poll less often once it is clearly a long wait
      Thread.sleep(System.nanoTime() - t0 < Duration.ofSeconds(10).toNanos() ? 250 : 1000);
    }
  }

  // ------------------------------------------------------------------ A: completion

  /**
   * {@code appCpu}, {@code dbCpu}, {@code clientCpu}: CPU seconds of the app's JVM, of all PostgreSQL processes and
   * of this JVM (the clients) meanwhile: all three share the machine's CPUs.
   */
  record Completion(int ok, int failed, double seconds, List<String> errors, double appCpu, double dbCpu,
      double clientCpu) {
    static final Completion NOT_RUN = new Completion(0, 0, Double.NaN, List.of(), Double.NaN, Double.NaN, Double.NaN);

    double rate() {
      return ok / seconds;
    }

    @Override
    public String toString() {
      return ok + " ok, " + failed + " failed in " + fmt(seconds) + " s = " + fmt(rate()) + " tasks/s; CPU per task "
          + fmt(msPerTask(appCpu)) + " ms app + " + fmt(msPerTask(dbCpu)) + " ms PostgreSQL + "
          + fmt(msPerTask(clientCpu)) + " ms clients";
    }

    /** CPU seconds spread over the tasks tried, in milliseconds per task. */
    double msPerTask(double cpuSeconds) {
      return 1000 * cpuSeconds / Math.max(1, ok + failed);
    }
  }

  interface Submission {
    /** Null when the school's report went through, else what failed. */
    String submit(String school) throws Exception;
  }

  Completion run(Process app, List<String> schools, Submission submission) throws Exception {
    ConcurrentLinkedQueue<String> queue = new ConcurrentLinkedQueue<>(schools);
    AtomicInteger ok = new AtomicInteger();
    ConcurrentLinkedQueue<String> errors = new ConcurrentLinkedQueue<>();
    ExecutorService pool = Executors.newFixedThreadPool(clients);
    double app0 = cpuSeconds(app.pid());
    double db0 = postgresCpuSeconds();
    double client0 = cpuSeconds(ProcessHandle.current().pid());
    long t0 = System.nanoTime();
    long stopAt = t0 + Duration.ofSeconds(maxCompleteSeconds).toNanos();
    List<Future<?>> futures = new ArrayList<>();
    for (int i = 0; i < clients; i++) {
      futures.add(pool.submit(() -> {
        String school;
        while (System.nanoTime() < stopAt && (school = queue.poll()) != null) {
          try {
            String error = submission.submit(school);
            if (error == null) {
              ok.incrementAndGet();
            } else {
              errors.add(school + ": " + error);
            }
          } catch (Exception e) {
            errors.add(school + ": " + e);
          }
        }
        return null;
      }));
    }
    for (Future<?> f : futures) {
      f.get();
    }
    double seconds = seconds(t0);
    double appCpu = cpuSeconds(app.pid()) - app0;
    double dbCpu = postgresCpuSeconds() - db0;
    double clientCpu = cpuSeconds(ProcessHandle.current().pid()) - client0;
    pool.shutdown();
    if (!queue.isEmpty()) {
      log("stopped after " + maxCompleteSeconds + " s with " + queue.size() + " schools not tried");
    }
    List<String> sample = errors.stream().limit(3).toList();
    if (!errors.isEmpty()) {
      log(errors.size() + " failed submissions, e.g. " + sample);
    }
    return new Completion(ok.get(), errors.size(), seconds, sample, appCpu, dbCpu, clientCpu);
  }

  /**
   * A school's real path in Planflow, as its own user: its report page (the round's policies, what was saved,
   * whether it can be sent), then "ส่งรายงาน": the results per policy and the send in one request.
   */
  Completion completePlanflow(long roundId, List<String> schools) throws Exception {
    Reply policies = send("GET", planflow + "/api/policy/" + FISCAL_YEAR + "/policies", "planner", null);
    check(policies.ok(), "policies: " + policies.body);
    List<String> codes = new ArrayList<>();
    json.readTree(policies.body).forEach(p -> codes.add(p.get("code").asText()));
    String results = resultsJson(codes);
    String submission = "{\"confirmed\": true, \"note\": \"ส่งรายงานครบทุกนโยบาย\", \"results\": " + results + "}";
    return run(planflowProcess, schools, school -> {
      String user = "school" + school;
      String report = planflow + "/api/policy/rounds/" + roundId + "/report";
      Reply page = send("GET", report, user, null);
      if (!page.ok()) {
        return "report page " + page.status + " " + page.body;
      }
      if (!json.readTree(page.body).get("editable").asBoolean()) {
        return "report not open for sending: " + page.body;
      }
      Reply sent = send("POST", report, user, submission);
      return sent.ok() ? null : "send " + sent.status + " " + sent.body;
    });
  }

  /** The same school's path in the naive design: Tasklist query, then the form's submit with the results. */
  Completion completeBaseline(String instanceId, List<String> schools) throws Exception {
    String results = json.writeValueAsString(resultsJson(List.of("P01", "P02", "P03", "P04", "P05", "P06", "P07", "P08")));
    return run(baselineProcess, schools, school -> {
      Reply list = send("GET", baseline + "/engine-rest/task?candidateGroup=school-" + school
          + "&processInstanceId=" + instanceId, null, null);
      if (!list.ok()) {
        return "task list " + list.status + " " + list.body;
      }
      JsonNode tasks = json.readTree(list.body);
      if (tasks.size() != 1) {
        return "task list has " + tasks.size() + " tasks";
      }
      Reply submitted = send("POST", baseline + "/engine-rest/task/" + tasks.get(0).get("id").asText() + "/submit-form",
          null, "{\"variables\": {\"confirmed\": {\"value\": true}, \"submissionNote\": {\"value\": \"ส่งรายงานครบทุกนโยบาย\"},"
              + " \"policyResults\": {\"value\": " + results + "}}}");
      return submitted.ok() ? null : "submit " + submitted.status + " " + submitted.body;
    });
  }


  static String resultsJson(List<String> codes) {
    StringBuilder b = new StringBuilder("[");
    for (String code : codes) {
      b.append(b.length() > 1 ? ", " : "").append("{\"policyCode\": \"").append(code)
          .append("\", \"result\": \"ดำเนินการตามนโยบายครบทุกกิจกรรม ผู้เรียนร้อยละ 85 ผ่านเกณฑ์\",")
          .append(" \"problems\": \"งบประมาณไม่เพียงพอ\", \"suggestions\": \"ขอรับการสนับสนุนครูอัตราจ้าง\"}");
    }
    return b.append("]").toString();
  }

  void resetStatementStats() throws SQLException {
    if (pgStats) {
      try (Connection c = pg.connect(); Statement s = c.createStatement()) {
        s.execute("create extension if not exists pg_stat_statements");
        s.execute("select pg_stat_statements_reset()");
      }
    }
  }

  /** The statements that took most of PostgreSQL's time since the reset, per school. */
  void printStatementStats(int reports) throws SQLException {
    if (!pgStats) {
      return;
    }
    try (Connection c = pg.connect(); Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("select total_exec_time, calls, left(regexp_replace(query, '\\s+', ' ', 'g'), 160)"
            + " from pg_stat_statements order by total_exec_time desc limit 25")) {
      log("PostgreSQL's costliest statements (ms and calls per school, statement):");
      while (rs.next()) {
        System.out.printf("  %7.3f %6.2f  %s%n", rs.getDouble(1) / reports, rs.getDouble(2) / reports, rs.getString(3));
      }
    }
    // the rest of PostgreSQL's CPU is the protocol, planning, transactions and its background processes
    try (Connection c = pg.connect(); Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("select sum(total_exec_time), sum(calls), count(*) from pg_stat_statements")) {
      rs.next();
      System.out.printf("  %7.3f %6.2f  all %d statements%n", rs.getDouble(1) / reports, rs.getDouble(2) / reports,
          rs.getLong(3));
    }
  }

  // ------------------------------------------------------------------ B: dashboard

  /** Median and p95 of GET /api/dashboard as the director, one client, after a warm-up. */
  double[] dashboard() throws Exception {
    for (int i = 0; i < dashWarmup; i++) {
      Reply r = send("GET", planflow + "/api/dashboard", "director", null);
      check(r.ok(), "dashboard: " + r.status + " " + r.body);
    }
    double[] ms = new double[dashRequests];
    double app0 = cpuSeconds(planflowProcess.pid());
    double db0 = postgresCpuSeconds();
    for (int i = 0; i < dashRequests; i++) {
      long t0 = System.nanoTime();
      Reply r = send("GET", planflow + "/api/dashboard", "director", null);
      ms[i] = (System.nanoTime() - t0) / 1e6;
      check(r.ok(), "dashboard: " + r.status);
    }
    double appMs = 1000 * (cpuSeconds(planflowProcess.pid()) - app0) / dashRequests;
    double dbMs = 1000 * (postgresCpuSeconds() - db0) / dashRequests;
    Arrays.sort(ms);
    double p50 = ms[(int) Math.ceil(0.50 * ms.length) - 1];
    double p95 = ms[(int) Math.ceil(0.95 * ms.length) - 1];
    log("dashboard over " + dashRequests + " requests: p50 " + fmt(p50) + " ms, p95 " + fmt(p95) + " ms, max "
        + fmt(ms[ms.length - 1]) + " ms; CPU per request " + fmt(appMs) + " ms Planflow + " + fmt(dbMs)
        + " ms PostgreSQL");
    return new double[] {p50, p95, appMs, dbMs};
  }

  /**
   * Offices 2001.. with 300 schools, 10 policies and 3 rounds each, every report with a result per policy,
   * in Planflow's tables only (their engines' instances are not generated).
   */
  long generateNational() throws Exception {
    long t0 = System.nanoTime();
    String others = "select (2000 + g)::varchar as code from generate_series(1, " + (esas - 1) + ") g";
    String[] sql = {
        "insert into office (code, name_th) select code, 'สำนักงานเขตพื้นที่การศึกษาทดสอบ ' || code from (" + others + ") o",
        "insert into school (office_code, code, name_th, district_th, email) select o.code, o.code || lpad(s::text, 4, '0'),"
            + " 'โรงเรียนทดสอบ ' || s, 'อำเภอ ' || (s % 7), null from (" + others + ") o cross join generate_series(1, 300) s",
        "insert into policy (office_code, fiscal_year, code, name_th, indicator_th, sort_order) select o.code, "
            + FISCAL_YEAR + ", 'P' || lpad(p::text, 2, '0'), 'นโยบายทดสอบ ' || p, 'ตัวชี้วัดทดสอบ ' || p, p"
            + " from (" + others + ") o cross join generate_series(1, 10) p",
        "insert into policy_round (office_code, fiscal_year, name_th, opens_on, due_on, audience, status, opened_by,"
            + " opened_at, closed_at) select o.code, " + FISCAL_YEAR + ", 'รอบที่ ' || r, date '2026-10-01' + 40 * r,"
            + " date '2026-10-20' + 40 * r, 'SCHOOLS', case when r < 3 then 'CLOSED' else 'OPEN' end, 'planner',"
            + " now(), case when r < 3 then now() end from (" + others + ") o cross join generate_series(1, 3) r",
        "insert into policy_round_policy (round_id, office_code, policy_code) select r.id, r.office_code, p.code from policy_round r"
            + " join policy p on p.office_code = r.office_code and p.fiscal_year = r.fiscal_year where r.office_code <> '" + OFFICE + "'",
        "insert into policy_report (round_id, reporter, office_code, status, submitted_at, late, approved_at)"
            + " select r.id, s.code, s.office_code, case when h < 60 then 'APPROVED' when h < 80 then 'SUBMITTED'"
            + " when h < 85 then 'RETURNED' when r.status = 'CLOSED' then 'MISSING' else 'PENDING' end,"
            + " case when h < 85 then now() end, h % 10 = 0, case when h < 60 then now() end"
            + " from policy_round r join school s on s.office_code = r.office_code"
            + " cross join lateral (select abs(hashtext(s.code || r.id)) % 100 as h) x where r.office_code <> '" + OFFICE + "'",
        "insert into policy_result (round_id, reporter, policy_code, office_code, result_th, problems_th, suggestions_th,"
            + " updated_by, updated_at) select rep.round_id, rep.reporter, rp.policy_code, rep.office_code,"
            + " 'ดำเนินการตามนโยบายครบทุกกิจกรรม ผู้เรียนร้อยละ 85 ผ่านเกณฑ์', 'งบประมาณไม่เพียงพอ', null, 'school', now()"
            + " from policy_report rep join policy_round_policy rp on rp.round_id = rep.round_id"
            + " where rep.office_code <> '" + OFFICE + "'",
        "analyze"};
    try (Connection c = pg.connect(); Statement s = c.createStatement()) {
      for (String q : sql) {
        s.execute(q);
      }
    }
    return (System.nanoTime() - t0) / 1_000_000;
  }

  String tableCounts() throws SQLException {
    StringBuilder b = new StringBuilder();
    try (Connection c = pg.connect(); Statement s = c.createStatement()) {
      for (String t : List.of("office", "school", "policy", "policy_round", "policy_round_policy", "policy_report",
          "policy_result")) {
        try (ResultSet rs = s.executeQuery("select count(*) from " + t)) {
          rs.next();
          b.append(b.length() == 0 ? "" : ", ").append(t).append(' ').append(rs.getLong(1));
        }
      }
    }
    return b.toString();
  }

  /** Set-up, not measured: schools DEMO_SCHOOLS+1..count with their users and groups, by SQL. */
  long addSchools(int count) throws SQLException {
    long t0 = System.nanoTime();
    String codes = "select '" + OFFICE + "' || lpad(i::text, 5, '0') as code, i from generate_series("
        + (DEMO_SCHOOLS + 1) + ", " + count + ") i";
    try (Connection c = pg.connect(); Statement s = c.createStatement()) {
      s.execute("insert into school (office_code, code, name_th, district_th, email) select '" + OFFICE + "', code,"
          + " 'โรงเรียนทดสอบ ' || i, 'อำเภอ ' || (i % 40), 'school' || code || '@esa" + OFFICE + ".planflow.test'"
          + " from (" + codes + ") c");
      s.execute("insert into act_id_group (id_, rev_, name_, type_) select 'school-' || code, 1, 'โรงเรียนทดสอบ ' || i,"
          + " 'WORKFLOW' from (" + codes + ") c");
      // the same password as the demo schools ("demo"): copy the demo user's salted hash
      s.execute("insert into act_id_user (id_, rev_, first_, last_, email_, pwd_, salt_) select 'school' || code, 1,"
          + " 'โรงเรียนทดสอบ ' || i, 'ผู้ประสานงาน', 'school' || code || '@esa" + OFFICE + ".planflow.test', u.pwd_, u.salt_"
          + " from (" + codes + ") c cross join (select pwd_, salt_ from act_id_user where id_ = 'school" + OFFICE
          + "0001') u");
      s.execute("insert into act_id_membership (user_id_, group_id_) select 'school' || code, 'school' from (" + codes + ") c");
      s.execute("insert into act_id_membership (user_id_, group_id_) select 'school' || code, 'school-' || code from ("
          + codes + ") c");
      s.execute("analyze");
    }
    return (System.nanoTime() - t0) / 1_000_000;
  }

  // ------------------------------------------------------------------ report

  void report(double pfOpen, double blOpen, Completion pf, Completion bl, double dashP95) throws IOException {
    List<String> lines = new ArrayList<>();
    lines.add("");
    lines.add(String.format("%-55s %14s | %14s", "measure", "planflow", "baseline"));
    results.forEach((k, v) -> lines.add(String.format("%-55s %s", k, v)));
    lines.add("");
    lines.add("goals");
    lines.add(goal("open " + large + " schools <= 30 s", pfOpen <= 30, fmt(pfOpen) + " s"));
    lines.add(goal("open " + large + " schools <= 1/3 of baseline", pfOpen <= blOpen / 3,
        fmt(pfOpen) + " s vs " + fmt(blOpen) + " s (ratio " + fmt(pfOpen / blOpen) + ")"));
    lines.add(goal("completion >= 150 tasks/s", pf.rate() >= 150, fmt(pf.rate()) + " tasks/s"));
    lines.add(goal("completion >= 9x baseline", pf.rate() >= 9 * bl.rate(),
        fmt(pf.rate()) + " vs " + fmt(bl.rate()) + " tasks/s (" + fmt(pf.rate() / bl.rate()) + "x)"));
    lines.add(goal("zero failed submissions (Planflow)", pf.failed == 0, pf.failed + " failed"));
    lines.add(goal("dashboard p95 <= 200 ms, one ESA at national scale", dashP95 <= 200, fmt(dashP95) + " ms"));
    lines.add("");
    lines.add("load average during the run: " + String.join("; ", notes));
    lines.forEach(System.out::println);
    Files.write(out.resolve("result.txt"), lines, StandardCharsets.UTF_8);
  }

  static String goal(String what, boolean met, String value) {
    return String.format("  %-52s %-5s %s", what, met ? "PASS" : "OVER", value);
  }

  String row(double planflowValue, double baselineValue) {
    return String.format("%14s | %14s", fmt(planflowValue), fmt(baselineValue));
  }

  // ------------------------------------------------------------------ helpers

  record Reply(int status, String body) {
    boolean ok() {
      return status >= 200 && status < 300;
    }
  }

  Reply send(String method, String url, String user, String body) throws IOException {
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("Accept", "application/json");
    if (body != null) {
      headers.put("Content-Type", "application/json; charset=UTF-8");
    }
    if (user != null) {
      headers.put("Authorization", "Basic " + Base64.getEncoder()
          .encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8)));
    }
    return exchange(method, url, headers, body == null ? null : body.getBytes(StandardCharsets.UTF_8));
  }

  /**
   * One request on a kept-alive connection, in the calling thread: the load generator shares the two CPUs with
   * the apps it measures, and the JDK's asynchronous HttpClient spent a quarter as much CPU per report as
   * Planflow did (same client for both apps).
   */
  static Reply exchange(String method, String url, Map<String, String> headers, byte[] body) throws IOException {
    HttpURLConnection c = (HttpURLConnection) URI.create(url).toURL().openConnection();
    c.setRequestMethod(method);
    c.setConnectTimeout(10_000);
    c.setReadTimeout((int) Duration.ofMinutes(30).toMillis());
    headers.forEach(c::setRequestProperty);
    if (body != null) {
      c.setDoOutput(true);
      c.setFixedLengthStreamingMode(body.length);
      try (OutputStream out = c.getOutputStream()) {
        out.write(body);
      }
    }
    int status = c.getResponseCode();
    // read to the end and close: that returns the connection to the keep-alive cache
    try (InputStream in = status >= 400 ? c.getErrorStream() : c.getInputStream()) {
      return new Reply(status, in == null ? "" : new String(in.readAllBytes(), StandardCharsets.UTF_8));
    }
  }

  /** School codes i..j as the demo data and {@link #addSchools} give them. */
  static List<String> schools(int from, int to) {
    List<String> codes = new ArrayList<>();
    for (int i = from; i <= to; i++) {
      codes.add(OFFICE + String.format(i <= DEMO_SCHOOLS ? "%04d" : "%05d", i));
    }
    return codes;
  }

  /** About 20 schools spread over 1..n, first and last included. */
  static List<String> sample(int n) {
    List<String> codes = new ArrayList<>();
    int step = Math.max(1, n / 19);
    for (int i = 1; i <= n; i += step) {
      codes.addAll(schools(i, i));
    }
    codes.addAll(schools(n, n));
    return codes;
  }

  /** user + system CPU seconds of a process (clock ticks of 1/100 s, as on Linux). */
  static double cpuSeconds(long pid) {
    try {
      String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
      String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
      return (Long.parseLong(f[11]) + Long.parseLong(f[12])) / 100.0;
    } catch (IOException | RuntimeException e) {
      return 0;
    }
  }

  /** CPU seconds of the PostgreSQL server: the postmaster and its live children (the backends). */
  double postgresCpuSeconds() {
    try {
      long postmaster = Long.parseLong(Files.readAllLines(pg.dataDir().resolve("postmaster.pid")).get(0).trim());
      double total = cpuSeconds(postmaster);
      for (ProcessHandle child : ProcessHandle.of(postmaster).map(p -> p.children().toList()).orElse(List.of())) {
        total += cpuSeconds(child.pid());
      }
      return total;
    } catch (IOException | RuntimeException e) {
      return 0;
    }
  }

  String pgSettings() throws SQLException {
    StringBuilder b = new StringBuilder();
    try (Connection c = pg.connect(); Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("select name, setting, unit from pg_settings where name in ('shared_buffers',"
            + " 'work_mem', 'max_connections', 'fsync', 'synchronous_commit', 'full_page_writes', 'effective_cache_size')"
            + " order by name")) {
      while (rs.next()) {
        b.append(b.length() == 0 ? "" : ", ").append(rs.getString(1)).append('=').append(rs.getString(2))
            .append(rs.getString(3) == null ? "" : " x " + rs.getString(3));
      }
    }
    return b.toString();
  }

  void load(String phase) {
    String l = load();
    notes.add(phase + ": " + l);
    log("[" + phase + "] load average " + l);
  }

  static String load() {
    try {
      String[] parts = Files.readString(Path.of("/proc/loadavg")).split(" ");
      return parts[0] + " " + parts[1] + " " + parts[2];
    } catch (IOException e) {
      return "?";
    }
  }

  static String memTotal() {
    try {
      return Files.readAllLines(Path.of("/proc/meminfo")).get(0).replaceAll("\\s+", " ");
    } catch (IOException e) {
      return "?";
    }
  }

  static String java() {
    String home = System.getProperty("java.home");
    return Path.of(home, "bin", "java").toString();
  }

  static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    }
  }

  static byte[] concat(byte[]... parts) {
    int n = 0;
    for (byte[] p : parts) {
      n += p.length;
    }
    byte[] all = new byte[n];
    int at = 0;
    for (byte[] p : parts) {
      System.arraycopy(p, 0, all, at, p.length);
      at += p.length;
    }
    return all;
  }

  static void check(boolean ok, String message) {
    if (!ok) {
      throw new IllegalStateException(message);
    }
  }

  static double seconds(long t0) {
    return (System.nanoTime() - t0) / 1e9;
  }

  static String fmt(double d) {
    return String.format(java.util.Locale.ROOT, d >= 100 ? "%.0f" : "%.2f", d);
  }

  static void log(String message) {
    System.out.println("[bench " + java.time.LocalTime.now().withNano(0) + "] " + message);
  }

  static String setting(String name, String fallback) {
    String v = System.getenv(name);
    return v == null || v.isBlank() ? fallback : v;
  }

  static int intSetting(String name, int fallback) {
    return Integer.parseInt(setting(name, String.valueOf(fallback)));
  }
}
