package org.hhw.schedules;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.util.List;
import java.util.Properties;

import org.hhw.warehouse.AnalystConnection;
import org.hhw.warehouse.Home;
import org.hhw.warehouse.NoSpace;
import org.hhw.warehouse.WriterLock;

/**
 * {@code hhw status}: who writes, the published copy's recent files, failing data tests and
 * warnings, and the job history's recent runs. It runs without the application context, which
 * opens (and writes to) the job repository at start-up: with a full disk that start failed, and
 * status is what the operator needs most then. Each part that cannot be read says why.
 */
final class Status {

    private Status() {
    }

    static int run(Home home, PrintStream out) throws SQLException {
        out.println("Writer: " + WriterLock.holder(home.root()).map(Object::toString)
                .orElse("none (no hhw process is writing to " + home.root() + ")"));
        Path db = home.analyticsDb();
        if (Files.exists(db)) {
            try (Connection c = AnalystConnection.open(db)) {
                out.println("Recent files (" + db + "):");
                print(out, c, """
                        select file_key, source, file_name, status, rows_read as read, rows_loaded as loaded,
                               rows_rejected as rejected, rows_non_data as non_data,
                               strftime(received_at, '%Y-%m-%d %H:%M:%S') as received,
                               round(epoch(loaded_at - received_at), 1) as seconds, coalesce(error_code, '') as problem
                        from etl_file order by file_key desc limit 20
                        """);
                out.println();
                out.println("Failing data tests of the published copy (none = all pass; a run that failed on its "
                        + "data tests is listed below with their names):");
                print(out, c, "select test, rows, sample from etl_data_test order by test");
                out.println();
                out.println("Warnings (not failures) of the published copy: a department silent for 35 days, a file "
                        + "far from its source's usual size (none = nothing to look at):");
                boolean warnings;
                try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(
                        "select 1 from information_schema.tables where table_name = 'etl_data_warning'")) {
                    warnings = rs.next();
                }
                if (warnings) {
                    print(out, c, "select warning, rows, sample from etl_data_warning order by warning");
                } else {
                    out.println("(none recorded yet: this copy was published before data warnings existed)");
                }
            }
        } else {
            out.println("No published warehouse yet at " + db + ".");
        }
        out.println();
        out.println("Recent ingest runs (job repository):");
        jobHistory(home, out);
        return 0;
    }

    private static void jobHistory(Home home, PrintStream out) {
        Properties p = new Properties();
        p.setProperty("user", "sa");
        try (Connection c = DriverManager.getConnection(JobRepositoryConfiguration.url(home) + ";IFEXISTS=TRUE", p);
             Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("""
                     select e.job_execution_id, e.status, e.exit_code, e.start_time, e.end_time, f.parameter_value,
                            e.exit_message
                     from batch_job_execution e
                     left join batch_job_execution_params f
                       on f.job_execution_id = e.job_execution_id and f.parameter_name = 'file'
                     order by e.job_execution_id desc limit 20""")) {
            TextTable runs = new TextTable(List.of("run", "status", "exit", "started", "seconds", "file", "error"));
            while (rs.next()) {
                Timestamp start = rs.getTimestamp(4);
                Timestamp end = rs.getTimestamp(5);
                String file = rs.getString(6);
                runs.add(List.of(rs.getLong(1), rs.getString(2), rs.getString(3),
                        start == null ? "" : start.toLocalDateTime().withNano(0).toString().replace('T', ' '),
                        start == null || end == null ? ""
                                : String.format("%.1f", (end.getTime() - start.getTime()) / 1000.0),
                        file == null ? "" : Path.of(file).getFileName().toString(), failure(rs.getString(7))));
            }
            runs.print(out);
        } catch (SQLException e) {
            out.println(e.getMessage() != null && e.getMessage().contains("not found")
                    ? "(no job history yet)"
                    : "(the job history cannot be read: " + NoSpace.message(e, home.state()) + ")");
        }
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

    private static void print(PrintStream out, Connection c, String sql) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            TextTable.of(rs).print(out);
        }
    }
}
