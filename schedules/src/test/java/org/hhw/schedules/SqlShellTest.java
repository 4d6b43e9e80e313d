package org.hhw.schedules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hhw.sources.clean.Gazetteer;
import org.hhw.sources.contract.ContractRegistry;
import org.hhw.sources.contract.Contracts;
import org.hhw.warehouse.Home;
import org.hhw.warehouse.Warehouse;
import org.hhw.warehouse.lake.Lake;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What an analyst gets from {@code hhw sql}: aligned tables (Chinese counts double), CSV safe to open in a
 * spreadsheet, JSON; the published copy's data and nothing else of the machine; every statement in the
 * audit log.
 */
class SqlShellTest {

    private static final String QUERY = """
            select * from (values ('南河堡乡', 12, 'ok'), ('玉泉镇', 3, 'a,"b"')) t(township, households, note)
            order by households desc""";

    /** A home with an empty published warehouse, beside the files of the home an analyst must not reach. */
    @TempDir
    static Path home;

    @BeforeAll
    static void publishAWarehouseBesideTheHomesFiles() throws Exception {
        Home h = new Home(home).create(Contracts.SOURCES);
        try (Warehouse w =
                Warehouse.open(h.warehouseDb(), new Lake(h.lake()), Gazetteer.bundled(), ContractRegistry.bundled())) {
            assertThat(w.publishIfTestsPass(h.analyticsDb(), null)).isEmpty();
        }
        Files.writeString(
                h.state().resolve("pseudonym.key"), "00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff");
        Files.writeString(h.archive().resolve("0a1b2c.csv"), "证件号码,姓名\n140222199001011234,张三\n");
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:");
                Statement st = c.createStatement()) {
            st.execute(
                    "copy (select '140222199001011234' as id) to '" + h.lake().resolve("part.parquet") + "'");
        }
    }

    @Test
    void printsATableAlignedByDisplayWidth() throws Exception {
        // given / when
        String out = run(SqlShell.Format.TABLE, QUERY);

        // then
        assertThat(out.lines().toList())
                .containsExactly(
                        "township  households  note",
                        "--------  ----------  -----",
                        "南河堡乡  12          ok",
                        "玉泉镇    3           a,\"b\"",
                        "(2 rows)");
    }

    @Test
    void printsCsvWithQuotingWhereNeeded() throws Exception {
        assertThat(run(SqlShell.Format.CSV, QUERY).lines().toList())
                .containsExactly("township,households,note", "南河堡乡,12,ok", "玉泉镇,3,\"a,\"\"b\"\"\"");
    }

    @Test
    void printsJsonWithNumbersUnquoted() throws Exception {
        assertThat(run(SqlShell.Format.JSON, QUERY).lines().toList())
                .containsExactly(
                        "[",
                        "  {\"township\": \"南河堡乡\", \"households\": 12, \"note\": \"ok\"},",
                        "  {\"township\": \"玉泉镇\", \"households\": 3, \"note\": \"a,\\\"b\\\"\"}",
                        "]");
    }

    @Test
    void prefixesCsvTextCellsASpreadsheetWouldRunAsFormulas() throws Exception {
        // given text that starts like a formula, and numbers (a sum is a HUGEINT) that are negative
        String sql = """
                select * from (values
                    ('=1+1', -5, '-5', 'ok'),
                    ('+cmd|'' /C calc''!A0', 3, '@SUM(A1)', 'a-b'),
                    (chr(9) || 'tab', 0, chr(13) || 'cr', '')
                ) t("@who", n, text, plain)""";
        String withSum = "select \"@who\", (select sum(-5::bigint)) as total, n, text, plain from (" + sql + ")";

        // when
        String csv = run(SqlShell.Format.CSV, withSum);
        String json = run(SqlShell.Format.JSON, withSum);

        // then text cells and the header are prefixed, numbers are not; JSON keeps the values as they are
        assertThat(csv)
                .isEqualTo(String.join(
                        "\n",
                        "'@who,total,n,text,plain",
                        "'=1+1,-5,-5,'-5,ok",
                        "'+cmd|' /C calc'!A0,-5,3,'@SUM(A1),a-b",
                        "'\ttab,-5,0,\"'\rcr\",",
                        ""));
        assertThat(json.lines().toList())
                .element(1)
                .isEqualTo("  {\"@who\": \"=1+1\", \"total\": -5, \"n\": -5, \"text\": \"-5\", \"plain\": \"ok\"},");
    }

    @Test
    void reportsAnSqlErrorWithoutThrowing() throws Exception {
        // given
        ByteArrayOutputStream err = new ByteArrayOutputStream();

        // when
        SqlShell.Outcome outcome;
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:")) {
            outcome = SqlShell.execute(
                    c,
                    "select * from no_such_table",
                    SqlShell.Format.TABLE,
                    new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                    new PrintStream(err, true, StandardCharsets.UTF_8));
        }

        // then
        assertThat(outcome.ok()).isFalse();
        assertThat(outcome.result()).startsWith("error: Catalog Error: Table with name no_such_table does not exist!");
        assertThat(err.toString(StandardCharsets.UTF_8))
                .startsWith("SQL error: Catalog Error: Table with name no_such_table does not exist!");
    }

    @Test
    void countsEastAsianCharactersAsTwoColumns() {
        assertThat(List.of(TextTable.width("abc"), TextTable.width("乡镇"), TextTable.width("１２"), TextTable.width("a乡")))
                .containsExactly(3, 4, 4, 3);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "select * from read_csv('/etc/passwd')",
                "select * from read_csv('HOME/archive/0a1b2c.csv')",
                "select * from 'HOME/archive/0a1b2c.csv'",
                "select content from read_text('HOME/state/pseudonym.key')",
                "select content from read_blob('HOME/archive/0a1b2c.csv')",
                "select * from read_parquet('HOME/lake/part.parquet')",
                "select * from glob('HOME/**')",
                "copy (select * from dim_person) to 'HOME/persons.csv'",
                "export database 'HOME/export'",
                "attach 'HOME/warehouse.duckdb' as writer",
                "create table scratch (x integer)",
                "set threads = 1",
                "set enable_external_access = true",
                "pragma enable_external_access = true",
                "reset enable_external_access",
                "set lock_configuration = false",
                "install httpfs",
                "load httpfs",
            })
    void refusesWhatIsNotThePublishedData(String attempt) throws Exception {
        // given
        String sql = attempt.replace("HOME", home.toString());

        // when
        Shell shell = shell("--hhw.home=" + home, sql);

        // then
        assertThat(shell.exit()).isEqualTo(1);
        assertThat(shell.err()).isEqualTo(SqlShell.REFUSED + System.lineSeparator());
        assertThat(shell.out()).isEmpty();
        assertThat(home.resolve("persons.csv")).doesNotExist();
        assertThat(home.resolve("export")).doesNotExist();
    }

    @Test
    void keepsTheLockForAWholeInteractiveSession() throws Exception {
        // given
        String session = """
                set enable_external_access = true;
                select content from read_text('%s');
                select count(*) as households from dim_household;
                .quit
                """.formatted(home.resolve("state/pseudonym.key"));

        // when
        Shell shell = shellWithInput(session, "--hhw.home=" + home);

        // then (the one household is the unknown household, key 0)
        assertThat(shell.exit()).isZero();
        assertThat(shell.err().lines().toList()).containsExactly(SqlShell.REFUSED, SqlShell.REFUSED);
        assertThat(shell.out()).contains("households\n----------\n1\n(1 rows)");
    }

    @Test
    void runsEveryQueryOfTheReadme() throws Exception {
        // given the README's SQL examples and its ./hhw sql examples, but for placeholders ("…")
        String readme = Files.readString(Path.of("../README.md"), StandardCharsets.UTF_8);
        List<String> queries = new ArrayList<>();
        for (Pattern example : List.of(
                Pattern.compile("```sql\n(.*?)```", Pattern.DOTALL),
                Pattern.compile("\\./hhw sql (?:--\\w+ )*\"([^\"]+)\""))) {
            Matcher m = example.matcher(readme);
            while (m.find()) {
                if (!m.group(1).contains("…")) {
                    queries.add(m.group(1));
                }
            }
        }

        // when
        List<String> failed = new ArrayList<>();
        for (String query : queries) {
            Shell shell = shell("--hhw.home=" + home, "--csv", query);
            if (shell.exit() != 0) {
                failed.add(query + "\n" + shell.err());
            }
        }

        // then
        assertThat(queries).hasSizeGreaterThanOrEqualTo(12);
        assertThat(failed).isEmpty();
    }

    @Test
    void logsEveryStatementWithItsUserAndResult(@TempDir Path own) throws Exception {
        // given a home of its own, with the published copy
        Files.copy(home.resolve("analytics.duckdb"), own.resolve("analytics.duckdb"));
        OffsetDateTime before = OffsetDateTime.now().minusSeconds(1);

        // when
        shell("--hhw.home=" + own, "select * from (values (1), (2)) t(x)");
        shell("--hhw.home=" + own, "select content from read_text('" + own.resolve("state/pseudonym.key") + "')");
        shell("--hhw.home=" + own, "select nothing");

        // then
        List<AuditLog.Entry> entries = new AuditLog(new Home(own)).entries();
        assertThat(entries)
                .extracting(AuditLog.Entry::user, AuditLog.Entry::command, AuditLog.Entry::statement)
                .containsExactly(
                        tuple(System.getProperty("user.name"), "sql", "select * from (values (1), (2)) t(x)"),
                        tuple(
                                System.getProperty("user.name"),
                                "sql",
                                "select content from read_text('" + own.resolve("state/pseudonym.key") + "')"),
                        tuple(System.getProperty("user.name"), "sql", "select nothing"));
        assertThat(entries.get(0).result()).isEqualTo("2 rows");
        assertThat(entries.get(1).result()).startsWith("refused: ").contains("file system operations are disabled");
        assertThat(entries.get(2).result())
                .startsWith("error: Binder Error: Referenced column \"nothing\" was not found");
        assertThat(entries)
                .allSatisfy(e -> assertThat(OffsetDateTime.parse(e.time())).isBetween(before, OffsetDateTime.now()));
    }

    @Test
    void doesNotRunUnlogged(@TempDir Path own) throws Exception {
        // given a published copy, and a directory where the audit log should be
        Files.copy(home.resolve("analytics.duckdb"), own.resolve("analytics.duckdb"));
        Files.createDirectories(own.resolve("state/audit.log"));

        // when
        Shell shell = shell("--hhw.home=" + own, "select 1");

        // then
        assertThat(shell.exit()).isEqualTo(1);
        assertThat(shell.out()).isEmpty();
        assertThat(shell.err())
                .startsWith("hhw sql logs every statement and cannot write its audit log "
                        + own.resolve("state/audit.log") + ": ");
    }

    @Test
    void findsTheHomeFromTheArgumentAndSaysWhenNothingIsPublished(@TempDir Path empty) throws Exception {
        // given / when
        Shell shell = shell("--hhw.home=" + empty, "select 1");

        // then
        assertThat(shell.exit()).isEqualTo(1);
        assertThat(shell.err())
                .isEqualTo("No published warehouse at " + empty.resolve("analytics.duckdb")
                        + " yet: run `./hhw demo` or ingest a file first." + System.lineSeparator());
    }

    record Shell(int exit, String out, String err) {}

    private static Shell shell(String... args) throws Exception {
        return shellWithInput("", args);
    }

    private static Shell shellWithInput(String stdin, String... args) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = SqlShell.run(
                args,
                new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Shell(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private static String run(SqlShell.Format format, String sql) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:")) {
            PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
            assertThat(SqlShell.execute(c, sql, format, out, out).ok()).isTrue();
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
