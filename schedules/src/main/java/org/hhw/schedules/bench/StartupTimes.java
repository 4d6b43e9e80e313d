package org.hhw.schedules.bench;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.hhw.schedules.bench.Figure.Unit;

/**
 * Issue 13, point 3: {@code hhw help}, {@code hhw status} and {@code hhw ingest} of a 100-row file, each timed from
 * the shell as a clerk starts them: through the launcher, a JVM of their own each. The bench knows the launcher when
 * {@code HHW_LAUNCHER} names it, or when the bench itself runs from the jar the launcher builds and starts
 * ({@code schedules/target/hhw.jar}, the launcher {@code hhw} two folders up); otherwise it says so instead of a figure.
 */
final class StartupTimes {

    static final double COMMAND_TARGET_SECONDS = 2;
    static final double INGEST_TARGET_SECONDS = 4;
    /** The rows of the file whose ingest is timed. */
    static final int ROWS = 100;
    /** Each quick command is timed this many times, and the median kept: one start can be slowed by anything. */
    static final int TRIES = 3;

    static final String NO_LAUNCHER = "not measured (run from ./hhw)";

    /** What the launcher prints when it builds the jar or prepares its fast start first: no start-up of a command. */
    private static final List<String> NOT_A_START = List.of("Building hhw", "Preparing a faster start");

    private StartupTimes() {}

    /**
     * The launcher: {@code HHW_LAUNCHER} when set, else the {@code hhw} beside the source tree whose jar is the class
     * path alone (as {@code java -jar} sets it).
     */
    static Optional<Path> launcher(Map<String, String> env, String classPath) {
        String named = env.get("HHW_LAUNCHER");
        if (named != null && !named.isBlank()) {
            return Optional.of(Path.of(named)).filter(Files::isExecutable);
        }
        if (classPath == null || classPath.contains(File.pathSeparator)) {
            return Optional.empty();
        }
        Path jar = Path.of(classPath).toAbsolutePath().normalize();
        Path target = jar.getParent();
        if (!jar.getFileName().toString().equals("hhw.jar")
                || target == null
                || !target.getFileName().toString().equals("target")
                || target.getParent() == null
                || target.getParent().getParent() == null) {
            return Optional.empty();
        }
        return Optional.of(target.getParent().getParent().resolve("hhw")).filter(Files::isExecutable);
    }

    /**
     * The seconds each command took from its start to its end, or why they were not taken.
     *
     * @param failure null when measured
     */
    record Times(double helpSeconds, double statusSeconds, double ingestSeconds, String failure) {

        static Times notMeasured(String why) {
            return new Times(Double.NaN, Double.NaN, Double.NaN, why);
        }

        /** The closing table's lines of point 3. */
        List<Figure> figures() {
            return List.of(
                    figure("hhw help, wall time from the shell", helpSeconds, COMMAND_TARGET_SECONDS),
                    figure("hhw status, wall time from the shell", statusSeconds, COMMAND_TARGET_SECONDS),
                    figure(
                            "hhw ingest of a " + ROWS + "-row file, wall time from the shell",
                            ingestSeconds,
                            INGEST_TARGET_SECONDS));
        }

        private Figure figure(String figure, double seconds, double target) {
            return failure != null
                    ? Figure.notMeasured("3", figure, failure, Unit.SECONDS.limit(target))
                    : Figure.atMost("3", figure, seconds, target, Unit.SECONDS);
        }
    }

    /**
     * Into a fresh home: the registry file ingested first, untimed (it creates the databases, and the launcher may
     * first build the jar or prepare its fast start), then {@code help} and {@code status} {@value #TRIES} times
     * each, then each claims file ingested (a file of other claims each time, {@value #TRIES} of them), each timed.
     * Each command's output is kept in {@code <home>/../<home's name>-logs}.
     */
    static Times measure(Path launcher, Path home, Path registry, List<Path> claims) throws IOException {
        Benchmark.deleteTree(home);
        Path logs = home.resolveSibling(home.getFileName() + "-logs");
        Benchmark.deleteTree(logs);
        Files.createDirectories(logs);
        Run first = run(launcher, home, logs, List.of("ingest", registry.toString()));
        if (first.exit() != 0) {
            return Times.notMeasured("not measured: hhw ingest exited " + first.exit() + ", see " + first.log());
        }
        List<Run> runs = new ArrayList<>();
        List<Double> help = new ArrayList<>();
        List<Double> status = new ArrayList<>();
        for (int i = 0; i < TRIES; i++) {
            help.add(timed(run(launcher, home, logs, List.of("help")), runs));
            status.add(timed(run(launcher, home, logs, List.of("status")), runs));
        }
        List<Double> ingest = new ArrayList<>();
        for (Path file : claims) {
            ingest.add(timed(run(launcher, home, logs, List.of("ingest", "--source=medical", file.toString())), runs));
        }
        for (Run run : runs) {
            if (run.exit() != 0) {
                return Times.notMeasured(
                        "not measured: hhw " + run.command() + " exited " + run.exit() + ", see " + run.log());
            }
            if (!run.started()) {
                return Times.notMeasured("not measured: the launcher rebuilt hhw meanwhile, see " + run.log());
            }
        }
        return new Times(median(help), median(status), median(ingest), null);
    }

    /** One command run through the launcher. */
    private record Run(String command, int exit, long nanos, Path log, boolean started) {}

    private static double timed(Run run, List<Run> runs) {
        runs.add(run);
        return run.nanos() / 1e9;
    }

    private static Run run(Path launcher, Path home, Path logs, List<String> args) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(launcher.toString());
        command.addAll(args);
        Path log = logs.resolve(String.format("%02d-%s.log", countFiles(logs) + 1, args.get(0)));
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        builder.environment().put("HHW_HOME", home.toString());
        long start = System.nanoTime();
        int exit;
        try {
            exit = builder.start().waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while hhw " + args.get(0) + " ran", e);
        }
        long nanos = System.nanoTime() - start;
        String printed = Files.readString(log, StandardCharsets.UTF_8);
        return new Run(args.get(0), exit, nanos, log, NOT_A_START.stream().noneMatch(printed::contains));
    }

    private static long countFiles(Path dir) throws IOException {
        try (var files = Files.list(dir)) {
            return files.count();
        }
    }

    static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }
}
