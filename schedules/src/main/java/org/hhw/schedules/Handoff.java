package org.hhw.schedules;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import org.hhw.jobs.publish.PublishJobConfiguration;
import org.hhw.sources.contract.Contracts;
import org.hhw.warehouse.AnalystConnection;
import org.hhw.warehouse.Home;
import org.hhw.warehouse.WriterLock;
import org.hhw.warehouse.intake.Intake;

/**
 * {@code hhw ingest} while the service runs: the service is the home's one writer, so the command
 * writes nothing itself. It drops copies of the files into the inbox, as a clerk would, and waits
 * until the service has dealt with each (the file leaves the inbox, its row is in the published
 * copy) or has failed on it (a failed run in the job history, or a failed publish after its run
 * stopped awaiting it), then reports what became of them.
 * Runs without the application context: it needs none of it.
 */
final class Handoff {

    private static final Duration TICK = Duration.ofMillis(500);

    private final Home home;
    private final PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
    /** Each dropped file's content hash, taken while it is still there: the published copy names files by it. */
    private final Map<Path, String> shas = new LinkedHashMap<>();

    private Handoff(Home home) {
        this.home = home;
    }

    /** What became of one handed-over file. */
    private record Outcome(String status, String counts, String where, boolean unsuccessful) {}

    static int run(Path home, WriterLock.Holder service, String[] args) throws Exception {
        String source = "registry";
        List<Path> files = new ArrayList<>();
        for (String a : args) {
            if (a.startsWith("--source=")) {
                source = a.substring("--source=".length());
            } else if (!a.startsWith("--")) {
                files.add(Path.of(a));
            }
        }
        if (files.isEmpty()) {
            System.err.print("ingest needs at least one file\n" + Cli.USAGE);
            return 2;
        }
        if (!Contracts.SOURCES.contains(source)) {
            System.err.println("unknown source " + source + "; known: " + Contracts.SOURCES);
            return 2;
        }
        for (Path f : files) {
            if (!Files.isRegularFile(f, LinkOption.NOFOLLOW_LINKS)) {
                System.err.println("no such file (or not a regular file): " + f);
                return 2;
            }
        }
        return new Handoff(new Home(home)).handOver(source, files, service);
    }

    private int handOver(String source, List<Path> files, WriterLock.Holder service) throws Exception {
        out.println("The service " + service + " is running, so it loads these files: they go into "
                + home.inbox(source) + " and this waits for their receipts.");
        long before = lastExecution();
        Intake intake = new Intake(home);
        Map<Path, Outcome> outcomes = new LinkedHashMap<>();
        for (Path f : files) {
            Path dropped = intake.drop(source, f);
            out.println("  " + f + " -> " + dropped);
            shas.put(dropped, Intake.sha256(dropped));
            outcomes.put(dropped, null);
        }
        while (outcomes.containsValue(null)) {
            Thread.sleep(TICK.toMillis());
            for (Map.Entry<Path, Outcome> e : outcomes.entrySet()) {
                if (e.getValue() == null) {
                    e.setValue(outcome(source, e.getKey(), before).orElse(null));
                }
            }
            if (outcomes.containsValue(null)
                    && WriterLock.holder(home.root())
                            .filter(h -> h.pid() == service.pid())
                            .isEmpty()) {
                out.println("The service stopped before it had dealt with every file. Those left wait in "
                        + home.inbox(source) + ": start the service again, or run hhw ingest once more.");
                report(outcomes);
                return 1;
            }
        }
        report(outcomes);
        return outcomes.values().stream().anyMatch(Outcome::unsuccessful) ? 1 : 0;
    }

    private void report(Map<Path, Outcome> outcomes) {
        TextTable table = new TextTable(List.of("file", "status", "read / loaded / rejected / non-data", "where"));
        outcomes.forEach((file, o) -> table.add(List.of(
                file.getFileName(),
                o == null ? "WAITING" : o.status(),
                o == null ? "" : o.counts(),
                o == null ? file.getParent() : o.where())));
        table.print(out);
    }

    /**
     * The file's outcome once the service has dealt with it or failed on it; empty while it is at work. It has failed
     * when its latest run since the hand-over failed, or stopped awaiting the publish and a publish after it failed
     * (the data tests: the file waits in the inbox, and so does every other file of that poll).
     */
    private Optional<Outcome> outcome(String source, Path dropped, long before) throws SQLException {
        if (!Files.exists(dropped, LinkOption.NOFOLLOW_LINKS)) {
            return Optional.of(published(source, dropped));
        }
        try (Connection c = jobRepository()) {
            Optional<String[]> run = first(c, """
                    select e.job_execution_id, e.status, e.exit_message from batch_job_execution e
                    join batch_job_execution_params p on p.job_execution_id = e.job_execution_id
                    where p.parameter_name = 'file' and p.parameter_value = ? and e.job_execution_id > ?
                    order by e.job_execution_id desc limit 1""", dropped.toAbsolutePath().toString(), before);
            Optional<String[]> failed =
                    run.filter(r -> List.of("FAILED", "ABANDONED").contains(r[1]));
            if (run.isPresent() && run.get()[1].equals("STOPPED")) {
                failed = first(c, """
                        select e.job_execution_id, e.status, e.exit_message from batch_job_execution e
                        join batch_job_instance i on i.job_instance_id = e.job_instance_id
                        where i.job_name = ? and e.job_execution_id > ? and e.status = 'FAILED'
                        order by e.job_execution_id desc limit 1""", PublishJobConfiguration.JOB_NAME, Long.parseLong(run.get()[0]));
            }
            return failed.map(f -> new Outcome(
                    f[1],
                    f[2] == null ? "" : f[2].lines().findFirst().orElse(""),
                    dropped.getParent()
                            + " (it waits there; the service retries it at every poll; hhw status shows the runs)",
                    true));
        }
    }

    /** The first row of a query on the job history, its cells as text. */
    private static Optional<String[]> first(Connection c, String sql, Object... values) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < values.length; i++) {
                ps.setObject(i + 1, values[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                String[] row = new String[rs.getMetaData().getColumnCount()];
                for (int i = 0; i < row.length; i++) {
                    row[i] = rs.getString(i + 1);
                }
                return Optional.of(row);
            }
        }
    }

    /** What the published copy says of a file that has left the inbox. */
    private Outcome published(String source, Path dropped) throws SQLException {
        if (!Files.exists(home.analyticsDb())) {
            return setAside(source);
        }
        try (Connection c = AnalystConnection.open(home.analyticsDb());
                PreparedStatement ps = c.prepareStatement("""
                     select status, rows_read, rows_loaded, rows_rejected, rows_non_data, coalesce(error_code, '')
                     from etl_file where file_name = ? and sha256 = ? order by file_key desc limit 1""")) {
            ps.setString(1, dropped.getFileName().toString());
            ps.setString(2, shas.get(dropped));
            try (ResultSet rs = ps.executeQuery()) {
                if (rs.next() && !rs.getString(1).equals("RUNNING")) {
                    String status = rs.getString(1);
                    boolean rejected = status.equals("REJECTED");
                    return new Outcome(
                            status + (rejected ? " " + rs.getString(6) : ""),
                            rs.getLong(2) + " / " + rs.getLong(3) + " / " + rs.getLong(4) + " / " + rs.getLong(5),
                            rejected
                                    ? home.rejected(source) + " (with its 说明)"
                                    : home.processed(source) + " (with its 回执)",
                            rejected);
                }
            }
        }
        return setAside(source);
    }

    private Outcome setAside(String source) {
        return new Outcome(
                "SET_ASIDE",
                "",
                home.rejected(source) + " (the service could not load it; see its 说明 " + "and hhw status)",
                true);
    }

    private long lastExecution() throws SQLException {
        try (Connection c = jobRepository();
                Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("select coalesce(max(job_execution_id), 0) from batch_job_execution")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private Connection jobRepository() throws SQLException {
        Properties p = new Properties();
        p.setProperty("user", "sa");
        return DriverManager.getConnection(JobRepositoryConfiguration.url(home), p);
    }
}
