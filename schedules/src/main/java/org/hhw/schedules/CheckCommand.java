package org.hhw.schedules;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.stream.Collectors;
import org.hhw.warehouse.DataTestFailure;
import org.hhw.warehouse.FileModes;
import org.hhw.warehouse.FullCheck;
import org.hhw.warehouse.Home;

/**
 * {@code hhw check}, and what the service runs every night: the full check of the published copy ({@link FullCheck}:
 * every data test over every row, every incremental model against a whole build). Its outcome is printed and appended
 * to {@code state/checks.tsv}, the line {@code hhw status} shows. It reads the copy, never the writer's file, so it
 * runs without the application and while the service loads.
 */
final class CheckCommand {

    static final String LOG = "checks.tsv";

    private CheckCommand() {}

    /** Prints the check; 0 when it passes, 1 when a test fails, 2 when nothing is published yet. */
    static int run(Home home, PrintStream out) {
        if (!Files.exists(home.analyticsDb())) {
            out.println("Nothing to check: no published copy at " + home.analyticsDb());
            return 2;
        }
        out.println("Checking " + home.analyticsDb() + ": every data test over every row, every incremental model "
                + "against a whole build…");
        FullCheck.Result result = check(home);
        out.println();
        out.println("Failing (none = all pass):");
        print(out, result.failures());
        out.println();
        out.println("Warnings (not failures):");
        print(out, result.warnings());
        out.printf("%n%s in %.1f s%n", result.passed() ? "Passed" : "FAILED", result.millis() / 1000.0);
        return result.passed() ? 0 : 1;
    }

    /** Runs the check as of today and appends its line to {@code state/checks.tsv}. */
    static FullCheck.Result check(Home home) {
        FullCheck.Result result = FullCheck.run(home.analyticsDb(), home.lake(), LocalDate.now());
        record(home.state().resolve(LOG), result);
        return result;
    }

    /** The last line of {@code state/checks.tsv}: when, passed or failed, how long, which tests failed. */
    static String last(Home home) {
        Path log = home.state().resolve(LOG);
        try {
            if (!Files.exists(log)) {
                return "none yet";
            }
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            return lines.isEmpty() ? "none yet" : lines.get(lines.size() - 1).replace('\t', ' ');
        } catch (IOException e) {
            return "cannot read " + log + ": " + e.getMessage();
        }
    }

    private static void record(Path log, FullCheck.Result result) {
        String line = String.join(
                        "\t",
                        LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")),
                        result.passed() ? "passed" : "FAILED",
                        String.format("%.1f s", result.millis() / 1000.0),
                        result.failures().stream().map(DataTestFailure::test).collect(Collectors.joining(", ")))
                + "\n";
        try {
            Files.createDirectories(log.getParent());
            Files.writeString(log, line, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            FileModes.ownerOnly(log);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot record the check in " + log, e);
        }
    }

    private static void print(PrintStream out, List<DataTestFailure> outcomes) {
        TextTable table = new TextTable(List.of("test", "rows", "sample"));
        outcomes.forEach(f -> table.add(List.of(
                f.test(), f.rows(), f.sample().isEmpty() ? "" : f.sample().get(0))));
        table.print(out);
    }
}
