package th.planflow.testsupport;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.UserPrincipal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real PostgreSQL server for tests, started from the locally installed server binaries (no
 * Docker, no downloads): one server per JVM, started lazily by {@link #get()} and stopped, with its
 * data directory deleted, by a JVM shutdown hook.
 *
 * <p>PostgreSQL refuses to run as root. When this JVM runs as root (as in CI and the dev
 * containers), {@code initdb} and {@code pg_ctl} are run through {@code runuser -u postgres --}
 * (or {@code nobody} when there is no {@code postgres} user) and the data directory is handed to
 * that user first.
 *
 * <p>Settings (system property, else environment variable):
 *
 * <ul>
 *   <li>{@code planflow.pg.bin} / {@code PLANFLOW_PG_BIN}: directory holding {@code initdb} and
 *       {@code pg_ctl}. Default: the newest {@code /usr/lib/postgresql/<version>/bin} (Debian and
 *       Ubuntu {@code postgresql} package), else the {@code PATH}.
 *   <li>{@code planflow.pg.dir} / {@code PLANFLOW_PG_DIR}: where to create the temporary server
 *       directory. Default: {@code java.io.tmpdir}. When running as root, the {@code postgres}
 *       user must be able to reach it (every parent directory world-traversable).
 *   <li>{@code planflow.pg.user} / {@code PLANFLOW_PG_USER}: the user to run the server as when
 *       this JVM runs as root. Default: {@code postgres}, else {@code nobody}.
 * </ul>
 */
public final class TestPostgres {

  /** System property (or environment variable {@code PLANFLOW_TEST_DB}) that selects the database. */
  public static final String SELECT_PROPERTY = "planflow.test.db";
  public static final String DATABASE = "planflow";
  public static final String USERNAME = "postgres";
  public static final String PASSWORD = "";
  public static final String DRIVER = "org.postgresql.Driver";

  private static final Logger log = LoggerFactory.getLogger(TestPostgres.class);
  private static final long PROCESS_TIMEOUT_SECONDS = 120;
  private static final int START_ATTEMPTS = 3;
  /** Unix socket paths are limited to 107 bytes; leave room for "/.s.PGSQL.65535". */
  private static final int MAX_SOCKET_DIR_LENGTH = 90;

  private static TestPostgres instance;

  private final Path binDir;
  private final Path baseDir;
  private final Path dataDir;
  private final Path serverLog;
  /** The user to run PostgreSQL as (via runuser), or null when this JVM is not root. */
  private final String runAsUser;
  private int port;
  private long startupMillis;
  private String version;

  private TestPostgres(Path binDir, Path baseDir, String runAsUser) {
    this.binDir = binDir;
    this.baseDir = baseDir;
    this.dataDir = baseDir.resolve("data");
    this.serverLog = baseDir.resolve("postgres.log");
    this.runAsUser = runAsUser;
  }

  /** True when the tests were asked to run on PostgreSQL ({@code -Dplanflow.test.db=postgres}). */
  /**
   * JVM shutdown hooks run at the same time. Spring closes the cached test contexts in its own hook; if the
   * server stops first, the closing contexts wait for connections that never come and surefire kills the
   * JVM after 30 s. So wait (bounded) for Spring's hook to finish.
   */
  private static void afterSpringHasClosedItsContexts() {
    // the JVM starts all hooks at once, so Spring's may not be running yet when this one looks for it
    long lookUntil = System.nanoTime() + 2_000_000_000L;
    do {
      for (Thread thread : Thread.getAllStackTraces().keySet()) {
        if ("SpringApplicationShutdownHook".equals(thread.getName())) {
          try {
            thread.join(25_000);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
          return;
        }
      }
      try {
        Thread.sleep(20);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    } while (System.nanoTime() < lookUntil);
  }

  public static boolean isRequested() {
    String value = setting(SELECT_PROPERTY, "PLANFLOW_TEST_DB");
    return value != null && value.trim().toLowerCase(Locale.ROOT).matches("postgres(ql)?|pg");
  }

  /** The server of this JVM, started on first use. Fails with the server's output if it cannot. */
  public static synchronized TestPostgres get() {
    if (instance == null) {
      instance = startNew();
    }
    return instance;
  }

  public int port() {
    return port;
  }

  /** JDBC URL of the {@value #DATABASE} database. */
  public String jdbcUrl() {
    return jdbcUrl(DATABASE);
  }

  public String jdbcUrl(String database) {
    return "jdbc:postgresql://localhost:" + port + "/" + database;
  }

  public Connection connect() throws SQLException {
    return DriverManager.getConnection(jdbcUrl(), USERNAME, PASSWORD);
  }

  /** How long initdb + start + creating the database took. */
  public long startupMillis() {
    return startupMillis;
  }

  /** {@code select version()} of the running server. */
  public String version() {
    return version;
  }

  public Path dataDir() {
    return dataDir;
  }

  // ---------------------------------------------------------------- start

  private static TestPostgres startNew() {
    long started = System.nanoTime();
    Path binDir = findBinDir();
    String runAsUser = isRoot() ? runAsUser() : null;
    Path baseDir;
    try {
      String parent = setting("planflow.pg.dir", "PLANFLOW_PG_DIR");
      Path parentDir = Path.of(parent != null ? parent : System.getProperty("java.io.tmpdir"));
      Files.createDirectories(parentDir);
      baseDir = Files.createTempDirectory(parentDir.toAbsolutePath(), "planflow-pg-");
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot create a directory for the test PostgreSQL server", e);
    }
    TestPostgres pg = new TestPostgres(binDir, baseDir, runAsUser);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      afterSpringHasClosedItsContexts();
      pg.stopAndDelete();
    }, "test-postgres-stop"));
    try {
      pg.initAndStart();
    } catch (RuntimeException | Error e) {
      pg.stopAndDelete();
      throw e;
    }
    pg.startupMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
    log.info("Test PostgreSQL started in {} ms on port {} ({}; bin {}; data {}{})",
        pg.startupMillis, pg.port, pg.version, binDir, pg.dataDir,
        runAsUser == null ? "" : "; running as " + runAsUser);
    return pg;
  }

  private void initAndStart() {
    if (runAsUser != null) {
      giveToRunAsUser();
    }
    initdb();
    configure();
    startServer();
    startWatchdog();
    createDatabase();
  }

  private void giveToRunAsUser() {
    try {
      UserPrincipal owner = baseDir.getFileSystem().getUserPrincipalLookupService()
          .lookupPrincipalByName(runAsUser);
      Files.setOwner(baseDir, owner);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot hand " + baseDir + " to user " + runAsUser, e);
    }
    Result check = run("check access", List.of("test", "-w", baseDir.toString(), "-a", "-x",
        baseDir.toString()), true);
    if (check.exitCode != 0) {
      throw new IllegalStateException("Test PostgreSQL: user '" + runAsUser + "' cannot write "
          + baseDir + ". Every parent directory must be traversable by that user (chmod o+x), or"
          + " choose another place with -Dplanflow.pg.dir=... / PLANFLOW_PG_DIR.\n" + check.output);
    }
  }

  private void initdb() {
    List<String> common = List.of(binDir.resolve("initdb").toString(), "-D", dataDir.toString(),
        "-A", "trust", "-U", USERNAME, "-E", "UTF8", "--no-sync");
    List<String> withLocale = new ArrayList<>(common);
    withLocale.add("--locale=C.UTF-8");
    Result result = run("initdb", withLocale, true);
    if (result.exitCode != 0) {
      // C.UTF-8 is missing on some systems; the C locale still stores UTF-8 text fine.
      log.warn("initdb with --locale=C.UTF-8 failed, retrying with --no-locale:\n{}", result.output);
      deleteRecursively(dataDir);
      List<String> noLocale = new ArrayList<>(common);
      noLocale.add("--no-locale");
      run("initdb", noLocale, false);
    }
  }

  private void configure() {
    String socketDir = dataDir.toString();
    if (socketDir.getBytes(StandardCharsets.UTF_8).length > MAX_SOCKET_DIR_LENGTH
        || socketDir.contains("'")) {
      socketDir = ""; // TCP only; pg_ctl -w does not need the socket
    }
    String conf = String.join("\n",
        "",
        "# planflow test server",
        "listen_addresses = 'localhost'",
        "unix_socket_directories = '" + socketDir + "'",
        "max_connections = 300",
        "fsync = off",
        "synchronous_commit = off",
        "full_page_writes = off",
        "timezone = 'Asia/Bangkok'",
        // e.g. "shared_preload_libraries = 'pg_stat_statements'" for the scale benchmark's PG_STATS=1
        System.getProperty("planflow.test.pg-conf", ""),
        "");
    try {
      Files.writeString(dataDir.resolve("postgresql.conf"), conf, StandardCharsets.UTF_8,
          java.nio.file.StandardOpenOption.APPEND);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write postgresql.conf in " + dataDir, e);
    }
  }

  private void startServer() {
    for (int attempt = 1; ; attempt++) {
      port = freePort();
      Result result = run("pg_ctl start", List.of(binDir.resolve("pg_ctl").toString(),
          "-D", dataDir.toString(), "-l", serverLog.toString(), "-o", "-p " + port,
          "-w", "-t", "60", "start"), true);
      if (result.exitCode == 0) {
        return;
      }
      String serverOutput = readServerLog();
      boolean portTaken = serverOutput.contains("could not bind")
          || serverOutput.contains("Address already in use");
      if (!portTaken || attempt >= START_ATTEMPTS) {
        throw new IllegalStateException("Test PostgreSQL: the server did not start (pg_ctl exit "
            + result.exitCode + ")\n--- pg_ctl output ---\n" + result.output
            + "\n--- server log " + serverLog + " ---\n" + serverOutput);
      }
      log.warn("Port {} was taken, retrying on another port", port);
      run("pg_ctl stop", List.of(binDir.resolve("pg_ctl").toString(), "-D", dataDir.toString(),
          "-m", "immediate", "-w", "stop"), true);
    }
  }

  private void createDatabase() {
    try (Connection c = DriverManager.getConnection(jdbcUrl("postgres"), USERNAME, PASSWORD);
        Statement s = c.createStatement()) {
      s.execute("CREATE DATABASE " + DATABASE + " TEMPLATE template0 ENCODING 'UTF8'");
      try (ResultSet rs = s.executeQuery("select version()")) {
        rs.next();
        version = rs.getString(1);
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Test PostgreSQL: cannot create database " + DATABASE
          + " on port " + port + ": " + e.getMessage() + "\n--- server log ---\n"
          + readServerLog(), e);
    }
  }

  /**
   * Shutdown hooks do not run when the JVM is killed (e.g. a surefire fork timeout), so a small
   * shell loop stops the server and deletes its directory once this JVM is gone.
   */
  private void startWatchdog() {
    String pgCtl = (runAsUser == null ? "" : "runuser -u " + shellQuote(runAsUser) + " -- ")
        + shellQuote(binDir.resolve("pg_ctl").toString());
    String script = "while kill -0 " + ProcessHandle.current().pid() + " 2>/dev/null;"
        + " do sleep 1; done; "
        + pgCtl + " -D " + shellQuote(dataDir.toString()) + " -m immediate stop;"
        + " rm -rf " + shellQuote(baseDir.toString());
    try {
      new ProcessBuilder("sh", "-c", script)
          .directory(baseDir.toFile())
          .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
          .redirectOutput(ProcessBuilder.Redirect.DISCARD)
          .redirectErrorStream(true)
          .start();
    } catch (IOException e) {
      log.warn("Cannot start the test PostgreSQL watchdog; a killed JVM may leave the server"
          + " running: {}", e.toString());
    }
  }

  private static String shellQuote(String s) {
    return "'" + s.replace("'", "'\\''") + "'";
  }

  // ---------------------------------------------------------------- stop

  private void stopAndDelete() {
    try {
      if (Files.exists(dataDir.resolve("postmaster.pid"))) {
        Result result = run("pg_ctl stop", List.of(binDir.resolve("pg_ctl").toString(),
            "-D", dataDir.toString(), "-m", "fast", "-w", "-t", "30", "stop"), true);
        if (result.exitCode != 0 && Files.exists(dataDir.resolve("postmaster.pid"))) {
          System.err.println("Test PostgreSQL: pg_ctl stop failed: " + result.output);
        }
      }
    } finally {
      deleteRecursively(baseDir);
    }
  }

  // ---------------------------------------------------------------- helpers

  private record Result(int exitCode, String output) {
  }

  /** Runs a command (as {@link #runAsUser} when set); output and errors go to a file. */
  private Result run(String what, List<String> command, boolean mayFail) {
    List<String> full = new ArrayList<>();
    if (runAsUser != null) {
      full.addAll(List.of("runuser", "-u", runAsUser, "--"));
    }
    full.addAll(command);
    File output = null;
    try {
      output = File.createTempFile("planflow-pg-cmd-", ".log");
      Process process = new ProcessBuilder(full)
          .directory(baseDir.toFile())
          .redirectErrorStream(true)
          .redirectOutput(output)
          .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
          .start();
      if (!process.waitFor(PROCESS_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new IllegalStateException("Test PostgreSQL: " + what + " did not finish within "
            + PROCESS_TIMEOUT_SECONDS + " s: " + String.join(" ", full) + "\n"
            + Files.readString(output.toPath(), StandardCharsets.UTF_8));
      }
      Result result = new Result(process.exitValue(),
          Files.readString(output.toPath(), StandardCharsets.UTF_8));
      if (result.exitCode != 0 && !mayFail) {
        throw new IllegalStateException("Test PostgreSQL: " + what + " failed (exit "
            + result.exitCode + "): " + String.join(" ", full) + "\n" + result.output);
      }
      return result;
    } catch (IOException e) {
      throw new UncheckedIOException("Test PostgreSQL: cannot run " + String.join(" ", full), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Test PostgreSQL: interrupted while running " + what, e);
    } finally {
      if (output != null) {
        output.delete();
      }
    }
  }

  private String readServerLog() {
    try {
      return Files.exists(serverLog)
          ? Files.readString(serverLog, StandardCharsets.UTF_8) : "(no server log)";
    } catch (IOException e) {
      return "(cannot read " + serverLog + ": " + e + ")";
    }
  }

  private static Path findBinDir() {
    String configured = setting("planflow.pg.bin", "PLANFLOW_PG_BIN");
    if (configured == null) {
      configured = System.getProperty("PLANFLOW_PG_BIN");
    }
    if (configured != null) {
      Path dir = Path.of(configured);
      if (!Files.isExecutable(dir.resolve("initdb")) || !Files.isExecutable(dir.resolve("pg_ctl"))) {
        throw new IllegalStateException("Test PostgreSQL: PLANFLOW_PG_BIN=" + configured
            + " does not contain the initdb and pg_ctl programs");
      }
      return dir;
    }
    Path debian = Path.of("/usr/lib/postgresql");
    if (Files.isDirectory(debian)) {
      try (Stream<Path> versions = Files.list(debian)) {
        Path newest = versions
            .map(v -> v.resolve("bin"))
            .filter(bin -> Files.isExecutable(bin.resolve("initdb")))
            .max(Comparator.comparing(bin -> bin.getParent().getFileName().toString(),
                TestPostgres::compareVersions))
            .orElse(null);
        if (newest != null) {
          return newest;
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    String path = System.getenv("PATH");
    if (path != null) {
      for (String entry : path.split(File.pathSeparator)) {
        Path dir = Path.of(entry.isEmpty() ? "." : entry);
        if (Files.isExecutable(dir.resolve("initdb")) && Files.isExecutable(dir.resolve("pg_ctl"))) {
          return dir;
        }
      }
    }
    throw new IllegalStateException("Test PostgreSQL: no PostgreSQL server programs (initdb,"
        + " pg_ctl) found in /usr/lib/postgresql/*/bin or on the PATH. Install them (Debian/Ubuntu:"
        + " apt-get install postgresql) or point -DPLANFLOW_PG_BIN=... / PLANFLOW_PG_BIN at their"
        + " directory.");
  }

  /** Compares "15" and "9.6" style version names numerically. */
  static int compareVersions(String a, String b) {
    int[] x = versionParts(a);
    int[] y = versionParts(b);
    for (int i = 0; i < Math.max(x.length, y.length); i++) {
      int cmp = Integer.compare(i < x.length ? x[i] : 0, i < y.length ? y[i] : 0);
      if (cmp != 0) {
        return cmp;
      }
    }
    return 0;
  }

  private static int[] versionParts(String version) {
    return Arrays.stream(version.split("\\."))
        .mapToInt(part -> part.matches("\\d+") ? Integer.parseInt(part) : -1)
        .toArray();
  }

  private static boolean isRoot() {
    try {
      Object uid = Files.getAttribute(Path.of("/proc/self"), "unix:uid");
      return Integer.valueOf(0).equals(uid);
    } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
      return "root".equals(System.getProperty("user.name"));
    }
  }

  private static String runAsUser() {
    String configured = setting("planflow.pg.user", "PLANFLOW_PG_USER");
    if (configured != null) {
      return configured;
    }
    try {
      Process id = new ProcessBuilder("id", "-u", "postgres")
          .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
      if (id.waitFor(10, TimeUnit.SECONDS) && id.exitValue() == 0) {
        return "postgres";
      }
    } catch (IOException e) {
      // fall through
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    log.warn("No 'postgres' user; running the test PostgreSQL server as 'nobody'");
    return "nobody";
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot find a free port", e);
    }
  }

  private static String setting(String property, String env) {
    String value = System.getProperty(property);
    if (value == null || value.isBlank()) {
      value = System.getenv(env);
    }
    return value == null || value.isBlank() ? null : value;
  }

  private static void deleteRecursively(Path dir) {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(dir)) {
      paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException | UncheckedIOException e) {
      System.err.println("Test PostgreSQL: cannot delete " + dir + ": " + e);
    }
  }
}
