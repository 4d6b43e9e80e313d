package org.hhw.schedules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.hhw.warehouse.Home;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Who did what: the audit log's lines, the commands it records, {@code hhw log}, appends from many processes. */
class AuditLogTest {

    private static final String USER = System.getProperty("user.name");

    @TempDir
    Path home;

    @Test
    void writesOneOwnerOnlyLinePerEntryAndReadsItBack() throws Exception {
        // given
        AuditLog log = new AuditLog(new Home(home));
        String statement = "select 'a\tb'\nfrom t where x like '%\\_%'";

        // when
        log.append("sql", statement, "1 rows");

        // then
        Path file = home.resolve("state/audit.log");
        assertThat(Files.getPosixFilePermissions(file)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        assertThat(lines).hasSize(1);
        assertThat(lines.get(0))
                .matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}(Z|[+-]\\d\\d:\\d\\d)\t.*")
                .endsWith("\t" + USER + "\tsql\tselect 'a\\tb'\\nfrom t where x like '%\\\\_%'\t1 rows");
        assertThat(log.entries())
                .extracting(
                        AuditLog.Entry::user,
                        AuditLog.Entry::command,
                        AuditLog.Entry::statement,
                        AuditLog.Entry::result)
                .containsExactly(tuple(USER, "sql", statement, "1 rows"));
    }

    @Test
    void logsACommandThatChangesTheHomeAsItStartsAndEnds() throws Exception {
        // given
        AuditLog log = new AuditLog(new Home(home));
        String[] args = {"--hhw.home=" + home, "ingest", "--source=medical", "claims.csv", "--hhw.pseudonym-key=00ff"};
        String logged = "--hhw.home=" + home + " --source=medical "
                + Path.of("claims.csv").toAbsolutePath() + " --hhw.pseudonym-key=***";

        // when
        int exit = log.record("ingest", args, () -> 1);

        // then
        assertThat(exit).isEqualTo(1);
        assertThat(log.entries())
                .extracting(AuditLog.Entry::command, AuditLog.Entry::statement, AuditLog.Entry::result)
                .containsExactly(tuple("ingest", logged, "started"), tuple("ingest", logged, "exit 1"));
    }

    @Test
    void logsTheErrorOfACommandThatFailsAndPassesItOn() throws Exception {
        // given
        AuditLog log = new AuditLog(new Home(home));

        // when / then
        assertThatThrownBy(() -> log.record("rebuild", new String[] {"rebuild"}, () -> {
                    throw new IllegalStateException("the warehouse is in use by another process");
                }))
                .hasMessage("the warehouse is in use by another process");
        assertThat(log.entries())
                .extracting(AuditLog.Entry::command, AuditLog.Entry::statement, AuditLog.Entry::result)
                .containsExactly(
                        tuple("rebuild", "", "started"),
                        tuple("rebuild", "", "error: the warehouse is in use by another process"));
    }

    @Test
    void leavesOutCommandsThatOnlyRead() throws Exception {
        // given
        AuditLog log = new AuditLog(new Home(home));

        // when
        int exit = log.record("status", new String[] {"status"}, () -> 0);

        // then
        assertThat(exit).isZero();
        assertThat(home.resolve("state/audit.log")).doesNotExist();
    }

    @Test
    void printsTheLatestEntriesNewestLast() throws Exception {
        // given
        Files.createDirectories(home.resolve("state"));
        Files.writeString(
                home.resolve("state/audit.log"),
                String.join(
                        "\n",
                        "2026-12-01T09:00:00.000+08:00\tops\trun\t\tstarted",
                        "2026-12-01T09:30:12.345+08:00\tli\tsql\tselect count(*)\\n  from dim_person\t1 rows",
                        "2026-12-01T10:00:00.000+08:00\tli\tsql\tselect '" + "x".repeat(120) + "'\t1 rows",
                        "2026-12-01T17:00:00.001+08:00\tops\trun\t\tstopped",
                        ""),
                StandardCharsets.UTF_8);
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        // when
        int exit = AuditLog.run(
                new String[] {"--limit=3", "--hhw.home=" + home},
                new PrintStream(out, true, StandardCharsets.UTF_8),
                System.err);

        // then statements are on one line and cut at 100 characters
        String row = "%-29s  %-4s  %-7s  %-100s  %s";
        assertThat(exit).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8).lines().toList())
                .containsExactly(
                        row.formatted("time", "user", "command", "statement", "result"),
                        row.formatted("-".repeat(29), "-".repeat(4), "-".repeat(7), "-".repeat(100), "-".repeat(7)),
                        row.formatted(
                                "2026-12-01T09:30:12.345+08:00",
                                "li",
                                "sql",
                                "select count(*) from dim_person",
                                "1 rows"),
                        row.formatted(
                                "2026-12-01T10:00:00.000+08:00",
                                "li",
                                "sql",
                                "select '" + "x".repeat(91) + "…",
                                "1 rows"),
                        row.formatted("2026-12-01T17:00:00.001+08:00", "ops", "run", "", "stopped"),
                        "(3 of 4 entries; the file holds every statement in full: " + home.resolve("state/audit.log")
                                + ")");
    }

    @Test
    void refusesALimitThatIsNotAPositiveNumber() throws Exception {
        // given
        ByteArrayOutputStream err = new ByteArrayOutputStream();

        // when
        int exit = AuditLog.run(
                new String[] {"--limit=0", "--hhw.home=" + home},
                System.out,
                new PrintStream(err, true, StandardCharsets.UTF_8));

        // then
        assertThat(exit).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8))
                .isEqualTo("usage: hhw log [--limit=N] (N a positive number, default 50)" + System.lineSeparator());
    }

    @Test
    @Timeout(120)
    void keepsEveryEntryWholeWhenProcessesAppendAtOnce() throws Exception {
        // given three processes, each appending entries far longer than an atomic pipe write (4 KiB)
        int processes = 3;
        int entries = 100;
        List<Process> appenders = new ArrayList<>();

        // when
        for (int p = 0; p < processes; p++) {
            appenders.add(java(Appender.class, home.toString(), "p" + p, String.valueOf(entries))
                    .start());
        }
        for (Process a : appenders) {
            assertThat(a.waitFor(100, TimeUnit.SECONDS)).isTrue();
            assertThat(a.exitValue()).isZero();
        }

        // then
        List<AuditLog.Entry> logged = new AuditLog(new Home(home)).entries();
        List<String> expected = new ArrayList<>();
        for (int p = 0; p < processes; p++) {
            for (int i = 0; i < entries; i++) {
                expected.add(Appender.statement("p" + p, i));
            }
        }
        assertThat(logged).extracting(AuditLog.Entry::statement).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(logged).extracting(AuditLog.Entry::result).containsOnly("1 rows");
    }

    @Test
    @Timeout(180)
    void theServiceIsLoggedWhenItStartsAndWhenItIsStopped() throws Exception {
        // given
        Process service =
                java(HhwApplication.class, "run", "--hhw.home=" + home).start();
        BufferedReader out =
                new BufferedReader(new InputStreamReader(service.getInputStream(), StandardCharsets.UTF_8));
        try {
            for (String line = out.readLine(); !line.startsWith("hhw service: watching"); line = out.readLine()) {
                assertThat(line).as("the service's output before it watches").isNotNull();
            }

            // when
            service.destroy();
            assertThat(service.waitFor(60, TimeUnit.SECONDS)).isTrue();
        } finally {
            service.destroyForcibly();
        }

        // then
        assertThat(new AuditLog(new Home(home)).entries())
                .extracting(
                        AuditLog.Entry::user,
                        AuditLog.Entry::command,
                        AuditLog.Entry::statement,
                        AuditLog.Entry::result)
                .containsExactly(
                        tuple(USER, "run", "--hhw.home=" + home, "started"),
                        tuple(USER, "run", "--hhw.home=" + home, "stopped"));
    }

    private static ProcessBuilder java(Class<?> mainClass, String... args) {
        List<String> command = HhwProcesses.java("256m", mainClass);
        command.addAll(List.of(args));
        return new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT);
    }

    /** Another process of {@code hhw}: appends {@code <count>} long entries to the audit log of {@code <home>}. */
    public static final class Appender {

        static String statement(String tag, int i) {
            return "select '" + tag + "-" + i + "', '" + "x".repeat(20_000) + "'";
        }

        public static void main(String[] args) throws Exception {
            AuditLog log = new AuditLog(new Home(Path.of(args[0])));
            for (int i = 0; i < Integer.parseInt(args[2]); i++) {
                log.append("sql", statement(args[1], i), "1 rows");
            }
        }
    }
}
