package org.hhw.schedules;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import org.hhw.jobs.publish.PublishJobConfiguration;
import org.hhw.warehouse.AnalystConnection;
import org.hhw.warehouse.Home;
import org.hhw.warehouse.NoSpace;
import org.hhw.warehouse.QueryResult;
import org.hhw.warehouse.WriterLock;
import org.hhw.warehouse.report.ReportData;
import org.hhw.warehouse.report.monthly.ReportLedger;

/**
 * {@code hhw status}: who writes, the published copy's recent files, failing data tests and
 * warnings, the months and their reports, and from the job history the last publish (when, how many
 * files, how long) and the recent runs. It runs without the application context, which
 * opens (and writes to) the job repository at start-up: with a full disk that start failed, and
 * status is what the operator needs most then. Each part that cannot be read says why.
 */
final class Status {

    private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private Status() {}

    static int run(Home home, PrintStream out) throws SQLException {
        // Read meanwhile: opening H2 and opening DuckDB each take a few tenths of a second, on one core each.
        CompletableFuture<String> jobHistory = CompletableFuture.supplyAsync(() -> jobHistory(home));
        out.println("Writer: "
                + WriterLock.holder(home.root())
                        .map(Object::toString)
                        .orElse("none (no hhw process is writing to " + home.root() + ")"));
        Path db = home.analyticsDb();
        if (Files.exists(db)) {
            try (Connection c = AnalystConnection.open(db)) {
                out.println("Recent files (" + db + "):");
                print(out, c, "status_recent_files");
                out.println();
                out.println("Failing data tests of the published copy (none = all pass; a publish that failed on "
                        + "its data tests is listed below with their names):");
                print(out, c, "status_failing_tests");
                out.println();
                out.println("Warnings (not failures) of the published copy: a department silent for 35 days, a file "
                        + "far from its source's usual size (none = nothing to look at):");
                if (!QueryResult.bundled(c, "cli/status_has_warnings", Map.of())
                        .rows()
                        .isEmpty()) {
                    print(out, c, "status_warnings");
                } else {
                    out.println("(none recorded yet: this copy was published before data warnings existed)");
                }
            }
        } else {
            out.println("No published warehouse yet at " + db + ".");
        }
        out.println();
        out.println("Last full check of the published copy (hhw check; the service's, nightly): "
                + CheckCommand.last(home));
        out.println();
        out.println("Monthly reports (" + home.reports() + "; the log of every attempt: " + home.reportLedger() + "):");
        reports(home, out);
        out.println();
        out.print(jobHistory.join());
        return 0;
    }

    /**
     * A line per month with data or with a report attempt, newest first: its versions made, the latest, and
     * the reason of a last attempt that was not made.
     */
    private static void reports(Home home, PrintStream out) throws SQLException {
        List<ReportLedger.Entry> entries = new ReportLedger(home.reportLedger()).entries();
        TreeSet<YearMonth> months = new TreeSet<>(Comparator.reverseOrder());
        entries.forEach(e -> months.add(e.month()));
        if (Files.exists(home.analyticsDb())) {
            try (ReportData data = ReportData.open(home.analyticsDb())) {
                months.addAll(data.monthsWithData());
            }
        }
        if (months.isEmpty()) {
            out.println("(none: no month with data yet)");
            return;
        }
        TextTable table = new TextTable(List.of("month", "versions", "latest made", "units", "last attempt"));
        for (YearMonth month : months) {
            List<ReportLedger.Entry> made = entries.stream()
                    .filter(e -> e.made() && e.month().equals(month))
                    .toList();
            ReportLedger.Entry lastTry = entries.stream()
                    .filter(e -> e.month().equals(month))
                    .reduce((a, b) -> b)
                    .orElse(null);
            ReportLedger.Entry latest = made.isEmpty() ? null : made.get(made.size() - 1);
            table.add(List.of(
                    month.toString(),
                    made.size(),
                    latest == null ? "" : time(latest.at()),
                    latest == null ? "" : latest.units(),
                    lastTry == null ? "no report yet" : lastTry.made() ? "made" : "not made: " + lastTry.reason()));
        }
        table.print(out);
    }

    /**
     * The job history's part, or why it cannot be read, as printed: when the analysts' copy was last published, for
     * how many files and how long the publish gate took (the publish step's own account, {@code published 20 files
     * in 812 ms}), a later publish that failed, then the recent runs.
     */
    private static String jobHistory(Home home) {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(printed, true, StandardCharsets.UTF_8);
        Properties p = new Properties();
        p.setProperty("user", "sa");
        try (Connection c = DriverManager.getConnection(JobRepositoryConfiguration.url(home) + ";IFEXISTS=TRUE", p);
                Statement st = c.createStatement()) {
            lastPublish(st, out);
            out.println();
            out.println("Recent runs (job repository): each file's ingest (STOPPED: waiting for its poll's load or "
                    + "publish), each poll's load (of several files) and publish:");
            try (ResultSet rs = st.executeQuery("""
                     select e.job_execution_id, i.job_name, e.status, e.exit_code, e.start_time, e.end_time,
                            f.parameter_value, n.parameter_value, e.exit_message
                     from batch_job_execution e
                     join batch_job_instance i on i.job_instance_id = e.job_instance_id
                     left join batch_job_execution_params f
                       on f.job_execution_id = e.job_execution_id and f.parameter_name = 'file'
                     left join batch_job_execution_params n
                       on n.job_execution_id = e.job_execution_id and n.parameter_name = 'files'
                     order by e.job_execution_id desc limit 20""")) {
                TextTable runs =
                        new TextTable(List.of("run", "job", "status", "exit", "started", "seconds", "file", "error"));
                while (rs.next()) {
                    Timestamp start = rs.getTimestamp(5);
                    Timestamp end = rs.getTimestamp(6);
                    String file = rs.getString(7);
                    String files = rs.getString(8);
                    runs.add(List.of(
                            rs.getLong(1),
                            rs.getString(2).replaceFirst("Job$", ""),
                            rs.getString(3),
                            rs.getString(4),
                            start == null ? "" : time(start),
                            start == null || end == null
                                    ? ""
                                    : String.format("%.1f", (end.getTime() - start.getTime()) / 1000.0),
                            file != null
                                    ? Path.of(file).getFileName().toString()
                                    : files != null ? files + (files.equals("1") ? " file" : " files") : "",
                            failure(rs.getString(9))));
                }
                runs.print(out);
            }
        } catch (SQLException e) {
            out.println(
                    e.getMessage() != null && e.getMessage().contains("not found")
                            ? "(no job history yet)"
                            : "(the job history cannot be read: " + NoSpace.message(e, home.state()) + ")");
        }
        return printed.toString(StandardCharsets.UTF_8);
    }

    private static void lastPublish(Statement st, PrintStream out) throws SQLException {
        String publishes = """
                select e.status, e.end_time, s.exit_message, e.exit_message
                from batch_job_execution e
                join batch_job_instance i on i.job_instance_id = e.job_instance_id
                left join batch_step_execution s on s.job_execution_id = e.job_execution_id and s.step_name = '%s'
                where i.job_name = '%s' %%s order by e.job_execution_id desc limit 1""".formatted(PublishJobConfiguration.STEP_NAME, PublishJobConfiguration.JOB_NAME);
        try (ResultSet last = st.executeQuery(publishes.formatted("and e.status = 'COMPLETED'"))) {
            out.println("Last publish: "
                    + (last.next() ? time(last.getTimestamp(2)) + ", " + last.getString(3) : "none recorded yet"));
        }
        try (ResultSet latest = st.executeQuery(publishes.formatted(""))) {
            if (latest.next() && !latest.getString(1).equals("COMPLETED")) {
                out.println("  and a later publish " + latest.getString(1) + ": " + failure(latest.getString(4)));
            }
        }
    }

    private static String time(Timestamp t) {
        return time(t.toLocalDateTime());
    }

    /** A time to the second, its seconds always shown (LocalDateTime's own text drops them on a whole minute). */
    static String time(LocalDateTime t) {
        return SECONDS.format(t);
    }

    /** The first line of a run's stored failure, without the exception's class name. */
    private static String failure(String exitMessage) {
        if (exitMessage == null || exitMessage.isBlank()) {
            return "";
        }
        String first = exitMessage.lines().findFirst().orElse("");
        int colon = first.indexOf(": ");
        return colon > 0 && !first.substring(0, colon).contains(" ") ? first.substring(colon + 2) : first;
    }

    /** Prints one of the commands' queries ({@code sql/cli/<query>.sql}) on the published copy. */
    private static void print(PrintStream out, Connection c, String query) throws SQLException {
        TextTable.of(QueryResult.bundled(c, "cli/" + query, Map.of())).print(out);
    }
}
