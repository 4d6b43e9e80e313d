package org.hhw.schedules;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.hhw.warehouse.AnalystConnection;
import org.hhw.warehouse.Home;

/**
 * {@code hhw sql ["query"]}: SQL against the published analytics copy, so an analyst never blocks or
 * sees half a load, through an {@link AnalystConnection}: the copy's data and nothing else of the
 * machine. Without a query it is an interactive prompt (statements end with {@code ;}, {@code .quit}
 * leaves). {@code --csv} and {@code --json} change the output. Every statement goes into the audit log.
 */
public final class SqlShell {

    enum Format {
        TABLE,
        CSV,
        JSON
    }

    /** A statement's result as the audit log records it; {@code ok} is false for an error or a refusal. */
    record Outcome(boolean ok, String result) {}

    static final String REFUSED = "refused: hhw sql reads the published warehouse only; "
            + "files, ATTACH, COPY, SET and extensions are disabled";

    /** How DuckDB's driver wraps the error of a query that failed: the error itself follows. */
    private static final Pattern PENDING_RESULT = Pattern.compile(
            "^Invalid Input Error: Attempting to execute an unsuccessful or closed pending query result\\s*Error: ");

    /** What a spreadsheet would take as the start of a formula (OWASP, CSV injection). */
    private static final String FORMULA_START = "=+-@\t\r";

    private SqlShell() {}

    public static int run(String[] args) throws Exception {
        return run(args, System.in, new PrintStream(System.out, true, StandardCharsets.UTF_8), System.err);
    }

    static int run(String[] args, InputStream stdin, PrintStream out, PrintStream err) throws Exception {
        Format format = Format.TABLE;
        List<String> query = new ArrayList<>();
        for (String a : args) {
            switch (a) {
                case "--csv" -> format = Format.CSV;
                case "--json" -> format = Format.JSON;
                default -> {
                    if (!a.startsWith("--hhw.")) {
                        query.add(a);
                    }
                }
            }
        }
        Home home = Home.resolve(args);
        Path db = home.analyticsDb();
        if (!Files.exists(db)) {
            err.println("No published warehouse at " + db + " yet: run `./hhw demo` or ingest a file first.");
            return 1;
        }
        AuditLog audit = new AuditLog(home);
        try {
            audit.ensureWritable();
        } catch (IOException e) {
            err.println("hhw sql logs every statement and cannot write its audit log " + audit.file() + ": " + e);
            return 1;
        }
        try (Connection c = AnalystConnection.open(db)) {
            if (!query.isEmpty()) {
                return logged(audit, c, String.join(" ", query), format, out, err) ? 0 : 1;
            }
            out.println(
                    "hhw sql on " + db + " (read-only). End statements with ;  .tables lists tables, .quit leaves.");
            BufferedReader in = new BufferedReader(new InputStreamReader(stdin, StandardCharsets.UTF_8));
            StringBuilder statement = new StringBuilder();
            out.print("hhw> ");
            for (String line; (line = in.readLine()) != null; ) {
                String t = line.strip();
                if (statement.isEmpty() && (t.equals(".quit") || t.equals(".exit") || t.equals("\\q"))) {
                    break;
                }
                if (statement.isEmpty() && t.equals(".tables")) {
                    logged(audit, c, "select table_name from information_schema.tables order by 1", format, out, err);
                } else {
                    statement.append(line).append('\n');
                    if (t.endsWith(";")) {
                        logged(audit, c, statement.toString().strip(), format, out, err);
                        statement.setLength(0);
                    }
                }
                out.print(statement.isEmpty() ? "hhw> " : "...> ");
            }
            out.println();
            return 0;
        }
    }

    private static boolean logged(
            AuditLog audit, Connection c, String sql, Format format, PrintStream out, PrintStream err)
            throws IOException {
        Outcome outcome = execute(c, sql, format, out, err);
        audit.append("sql", sql, outcome.result());
        return outcome.ok();
    }

    static Outcome execute(Connection c, String sql, Format format, PrintStream out, PrintStream err) {
        try (Statement st = c.createStatement()) {
            if (!st.execute(sql)) {
                out.println("OK");
                return new Outcome(true, "OK");
            }
            try (ResultSet rs = st.getResultSet()) {
                int rows = switch (format) {
                    case TABLE -> {
                        TextTable table = TextTable.of(rs);
                        table.print(out);
                        out.println("(" + table.size() + " rows)");
                        yield table.size();
                    }
                    case CSV -> printCsv(rs, out);
                    case JSON -> printJson(rs, out);
                };
                return new Outcome(true, rows + " rows");
            }
        } catch (SQLException e) {
            String message =
                    PENDING_RESULT.matcher(String.valueOf(e.getMessage())).replaceFirst("");
            if (AnalystConnection.refused(e)) {
                err.println(REFUSED);
                return new Outcome(false, "refused: " + message);
            }
            err.println("SQL error: " + message);
            return new Outcome(false, "error: " + message);
        }
    }

    /**
     * CSV for a spreadsheet. A text cell that starts with {@code = + - @}, a tab or a carriage return gets
     * a leading {@code '}, so that the spreadsheet shows it instead of running it as a formula; the
     * header too, since a query names its columns. A number column is left alone: its {@code -5} is a
     * number to the spreadsheet, not a formula, and must stay one.
     */
    private static int printCsv(ResultSet rs, PrintStream out) throws SQLException {
        ResultSetMetaData md = rs.getMetaData();
        int columns = md.getColumnCount();
        boolean[] text = new boolean[columns + 1];
        List<String> cells = new ArrayList<>();
        for (int i = 1; i <= columns; i++) {
            text[i] = !isNumber(md, i);
            cells.add(csv(md.getColumnLabel(i), true));
        }
        out.println(String.join(",", cells));
        int rows = 0;
        while (rs.next()) {
            cells.clear();
            for (int i = 1; i <= columns; i++) {
                String v = rs.getString(i);
                cells.add(v == null ? "" : csv(v, text[i]));
            }
            out.println(String.join(",", cells));
            rows++;
        }
        return rows;
    }

    private static String csv(String value, boolean text) {
        String v = text && !value.isEmpty() && FORMULA_START.indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
        return v.contains(",") || v.contains("\"") || v.contains("\n") || v.contains("\r")
                ? "\"" + v.replace("\"", "\"\"") + "\""
                : v;
    }

    /** By the Java class DuckDB gives the column: its HUGEINT, the type of sum(bigint), has no JDBC number type. */
    private static boolean isNumber(ResultSetMetaData md, int column) throws SQLException {
        try {
            return Number.class.isAssignableFrom(Class.forName(md.getColumnClassName(column)));
        } catch (ClassNotFoundException e) {
            return false;
        }
    }

    private static int printJson(ResultSet rs, PrintStream out) throws SQLException {
        ResultSetMetaData md = rs.getMetaData();
        out.println("[");
        int rows = 0;
        while (rs.next()) {
            StringBuilder sb = new StringBuilder(rows == 0 ? "  {" : ",\n  {");
            for (int i = 1; i <= md.getColumnCount(); i++) {
                Object v = rs.getObject(i);
                sb.append(i == 1 ? "" : ", ")
                        .append(json(md.getColumnLabel(i)))
                        .append(": ")
                        .append(
                                v == null
                                        ? "null"
                                        : v instanceof Number || v instanceof Boolean
                                                ? v.toString()
                                                : json(v.toString()));
            }
            out.print(sb.append('}'));
            rows++;
        }
        out.println(rows == 0 ? "]" : "\n]");
        return rows;
    }

    private static String json(String s) {
        StringBuilder sb = new StringBuilder("\"");
        for (char ch : s.toCharArray()) {
            switch (ch) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> sb.append(ch < 0x20 ? String.format("\\u%04x", (int) ch) : String.valueOf(ch));
            }
        }
        return sb.append('"').toString();
    }
}
