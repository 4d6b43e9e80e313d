package org.hhw.schedules;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * Real {@code hhw} processes on one home, for the tests whose behaviour is about processes: a
 * service killed with {@code kill -9}, two writers at once. Each process's output goes to its own
 * log in the home; {@link #close} kills whatever is still running.
 */
final class HhwProcesses implements AutoCloseable {

    /** A finished command: its exit code and everything it printed. */
    record Result(int exitCode, String output) {}

    private final Path home;
    private final Path logDir;
    private final List<Process> started = new ArrayList<>();
    private int count;

    HhwProcesses(Path home) {
        this(home, home);
    }

    /** With the processes' output kept in {@code logDir} instead of the home. */
    HhwProcesses(Path home, Path logDir) {
        this.home = home;
        this.logDir = logDir;
    }

    /** The service, polling every second and taking files at once. */
    Process service() throws IOException {
        return start("run", "--hhw.poll-interval=1s", "--hhw.settle-time=0s", "--hhw.chunk-size=2000");
    }

    Process start(String... args) throws IOException {
        List<String> command = java("512m", HhwApplication.class);
        command.addAll(List.of(args));
        command.add("--hhw.home=" + home);
        Path log = logDir.resolve("process-" + ++count + "-" + args[0] + ".log");
        Process p = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.to(log.toFile()))
                .start();
        started.add(p);
        return p;
    }

    /**
     * The command line of a JVM that runs {@code mainClass} on the tests' class path. With the launcher's options for
     * short commands: the optimising compiler's work does not pay back in a test's processes, which live seconds (it
     * made them twice as costly in CPU, and the suite slower by as much on two cores).
     */
    static List<String> java(String maxHeap, Class<?> mainClass) {
        return new ArrayList<>(List.of(
                ProcessHandle.current().info().command().orElse("java"),
                "-Xmx" + maxHeap,
                "-XX:TieredStopAtLevel=1",
                "-XX:+UseSerialGC",
                "-cp",
                System.getProperty("java.class.path"),
                mainClass.getName()));
    }

    /** Runs a command to its end (at most {@code timeout}) and returns its exit code and output. */
    Result run(Duration timeout, String... args) throws Exception {
        Process p = start(args);
        if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            p.destroyForcibly().waitFor();
            throw new AssertionError(
                    "hhw " + String.join(" ", args) + " did not end within " + timeout + ":\n" + output(count));
        }
        return new Result(p.exitValue(), output(count));
    }

    /** Everything the n-th started process printed so far. */
    String output(int n) throws IOException {
        try (var files = Files.list(logDir)) {
            Path log = files.filter(f -> f.getFileName().toString().startsWith("process-" + n + "-"))
                    .findFirst()
                    .orElseThrow();
            return Files.readString(log, StandardCharsets.UTF_8);
        }
    }

    /** Every process's output, for a failure's message. */
    String allOutput() throws IOException {
        StringBuilder sb = new StringBuilder();
        for (int i = 1; i <= count; i++) {
            sb.append("--- process ").append(i).append(":\n").append(output(i));
        }
        return sb.toString();
    }

    void waitFor(BooleanSupplier condition, Duration timeout, String what) throws Exception {
        Instant end = Instant.now().plus(timeout);
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(end)) {
                throw new AssertionError("timed out waiting for " + what + "; output:\n" + allOutput());
            }
            Thread.sleep(100);
        }
    }

    /** The job history's runs, oldest first, as {@code job|status|exit_code}. */
    List<String> jobHistory() {
        return jobRepository("""
                select i.job_name, e.status, e.exit_code from batch_job_execution e
                join batch_job_instance i on i.job_instance_id = e.job_instance_id
                order by e.job_execution_id""");
    }

    /** Whether some run has begun this step (whatever came of it since). */
    boolean stepBegun(String step) {
        return !jobRepository("select 1 from batch_step_execution where step_name = '" + step + "'")
                .isEmpty();
    }

    private List<String> jobRepository(String sql) {
        try {
            return query(home.resolve("state/jobs"), sql);
        } catch (SQLException e) {
            return List.of();
        }
    }

    /** Rows of a query, cells joined by {@code |}: a DuckDB file read-only, or the H2 job repository. */
    static List<String> query(Path db, String sql) throws SQLException {
        String url;
        Properties props = new Properties();
        if (db.getFileName().toString().endsWith(".duckdb")) {
            url = "jdbc:duckdb:" + db;
            props.setProperty("duckdb.read_only", "true");
        } else {
            url = "jdbc:h2:file:" + db + ";AUTO_SERVER=TRUE";
            props.setProperty("user", "sa");
        }
        try (Connection c = DriverManager.getConnection(url, props)) {
            return rows(c, sql);
        }
    }

    /** Rows of a query on an open connection (the warehouse a test's context holds), as {@link #query} gives them. */
    static List<String> rows(Connection c, String sql) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Statement st = c.createStatement();
                ResultSet rs = st.executeQuery(sql)) {
            int n = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                List<String> cells = new ArrayList<>();
                for (int i = 1; i <= n; i++) {
                    cells.add(rs.getString(i));
                }
                rows.add(String.join("|", cells));
            }
        }
        return rows;
    }

    @Override
    public void close() throws InterruptedException {
        for (Process p : started) {
            p.destroyForcibly().waitFor();
        }
    }
}
