package org.hhw.schedules;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import org.hhw.schedules.bench.Benchmark;
import org.hhw.schedules.demo.DemoCounty;
import org.hhw.sources.clean.Gazetteer;
import org.hhw.sources.contract.ContractRegistry;
import org.hhw.sources.contract.Contracts;
import org.hhw.warehouse.DataTestFailure;
import org.hhw.warehouse.Home;
import org.hhw.warehouse.NoSpace;
import org.hhw.warehouse.Warehouse;
import org.hhw.warehouse.WarehouseException;
import org.hhw.warehouse.WriterLock;
import org.hhw.warehouse.lake.Lake;
import org.hhw.warehouse.lake.LegacyFindings;
import org.hhw.warehouse.report.monthly.MonthlyReports;
import org.quartz.Scheduler;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.stereotype.Component;
import sun.misc.Signal;

/** The commands of {@code hhw}; {@code hhw help} lists them. */
@Component
public class Cli implements ApplicationRunner, ExitCodeGenerator {

    /** The words that ask for the usage; {@link HhwApplication#main} answers them first, without the application. */
    static final Set<String> HELP = Set.of("help", "--help", "-h");

    static final String USAGE = """
            usage: hhw <command>
              demo [--seed=N]             generate sample files of all five sources for a synthetic Tianzhen, ingest,
                                          report, and make the monthly reports of its latest month
              run                         the service: poll every inbox on schedule and ingest what clerks drop
              ingest [--source=S] FILE…   copy files into the source's inbox and ingest them now (S: registry (default),
                                          education, medical, microloan, training); while the service runs, hand
                                          them to it and wait for their receipts
              status                      recent files and ingest runs, failing data tests, the monthly reports
              check                       the full check of the published copy: every data test over every row,
                                          every incremental model against a whole build (the service: nightly)
              report [--month=yyyy-mm] [--township=T]
                                          make a month's reports now (default: the latest month with data), for the
                                          county and every township or the one named; a month made before gets a
                                          new version beside the old
              sql ["select …"]            query the published warehouse (no query: interactive); --csv, --json
              log [--limit=N]             the audit log: who ran which query or command, when, what came of it
              rebuild                     recreate the warehouse from the Parquet lake alone (service stopped)
              bench [--persons=N]         time the ingest of a generated registry (default 1,000,000 persons) in xlsx,
                                          csv and of a medical csv as long, against a bare parse, then the latest
                                          month's reports, under <home>/bench; ends with issue 13's figures
              bench --province [--persons=N]
                                          a province (default 10,000,000 persons, 50,000,000 department facts) in
                                          county files, one poll, under <home>/bench (some 40 GB free needed)
            settings: --hhw.home=DIR (default ./home) and the others in the README, or HHW_* environment variables
            """;

    private final ObjectProvider<Warehouse> warehouse;
    private final ObjectProvider<WriterLock> writerLock;
    private final Ingestor ingestor;
    private final Home home;
    private final JobRepository jobRepository;
    private final ObjectProvider<Scheduler> scheduler;
    private final Gazetteer gazetteer;
    private final ContractRegistry contracts;
    private final Benchmark benchmark;
    private final ObjectProvider<MonthlyReports> monthlyReports;
    private final ConfigurableApplicationContext context;
    private final PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
    private int exitCode;

    public Cli(
            ObjectProvider<Warehouse> warehouse,
            ObjectProvider<WriterLock> writerLock,
            Ingestor ingestor,
            Home home,
            JobRepository jobRepository,
            ObjectProvider<Scheduler> scheduler,
            Gazetteer gazetteer,
            ContractRegistry contracts,
            Benchmark benchmark,
            ObjectProvider<MonthlyReports> monthlyReports,
            ConfigurableApplicationContext context) {
        this.warehouse = warehouse;
        this.writerLock = writerLock;
        this.ingestor = ingestor;
        this.home = home;
        this.jobRepository = jobRepository;
        this.scheduler = scheduler;
        this.gazetteer = gazetteer;
        this.contracts = contracts;
        this.benchmark = benchmark;
        this.monthlyReports = monthlyReports;
        this.context = context;
    }

    @Override
    public int getExitCode() {
        return exitCode;
    }

    @Override
    public void run(ApplicationArguments args) throws Exception {
        List<String> words = args.getNonOptionArgs();
        String command = words.isEmpty() ? "help" : words.get(0);
        List<String> rest = words.subList(Math.min(1, words.size()), words.size());
        try {
            exitCode = new AuditLog(home).record(command, args.getSourceArgs(), () -> switch (command) {
                case "demo" ->
                    demo(
                            args.containsOption("seed")
                                    ? Long.parseLong(
                                            args.getOptionValues("seed").get(0))
                                    : 2019L);
                case "run" -> serve();
                case "ingest" ->
                    ingest(
                            args.containsOption("source")
                                    ? args.getOptionValues("source").get(0)
                                    : "registry",
                            rest);
                case "rebuild" -> rebuild();
                case "report" ->
                    ReportCommand.run(
                            monthlyReports.getObject(),
                            option(args, "month"),
                            option(args, "township"),
                            out,
                            System.err);
                case "bench" ->
                    benchmark.run(
                            args.containsOption("persons")
                                    ? Integer.parseInt(
                                            args.getOptionValues("persons").get(0))
                                    : 1_000_000,
                            out);
                // reached when options come before the word (hhw --hhw.home=h help), or none is given
                case "help", "--help", "-h" -> {
                    out.print(USAGE);
                    yield 0;
                }
                default -> {
                    System.err.print("unknown command: " + command + "\n" + USAGE);
                    yield 2;
                }
            });
        } catch (WarehouseException e) {
            System.err.println("error: " + NoSpace.message(e, home.root()));
            exitCode = 1;
        } catch (RuntimeException e) {
            if (NoSpace.explain(e, home.root()).isEmpty()) {
                throw e;
            }
            System.err.println("error: " + NoSpace.message(e, home.root()));
            exitCode = 1;
        }
    }

    /** Readies the home, then opens the warehouse. */
    private Warehouse openForLoading() {
        prepareHome();
        Warehouse w = warehouse.getObject();
        List<Integer> missing = w.behindLake();
        if (!missing.isEmpty()) {
            throw new WarehouseException(
                    "the warehouse " + home.warehouseDb() + " is behind its lake: files " + missing
                            + " are recorded as dealt with in " + home.lake()
                            + " but not in the warehouse (its log was lost "
                            + "or damaged). Nothing was loaded. Run `hhw rebuild` to recreate the warehouse from the lake, then "
                            + "start again.",
                    null);
        }
        return w;
    }

    /**
     * Brings a home of an earlier version up to date and closes the runs a crash left "running".
     * Writing commands hold the home's writer lock, taken by {@link HhwApplication#main} before this
     * context started, so those runs are truly dead and nobody else is writing.
     */
    private void prepareHome() {
        WriterLock lock = writerLock.getIfAvailable();
        if (lock == null) {
            throw new WarehouseException(
                    "this command writes to " + home.root() + " and must hold its writer lock; "
                            + "start it through hhw (HhwApplication.main)",
                    null);
        }
        home.moveLegacyWarehouse();
        int masked = LegacyFindings.mask(new Lake(home.lake()), contracts);
        if (masked > 0) {
            out.println("Masked the resident IDs in " + masked + " reject and warning part(s) of the lake, written "
                    + "before findings were masked there.");
        }
        int recovered = ingestor.recoverInterrupted(lock);
        if (recovered > 0) {
            out.println("Recovered " + recovered + " ingest run(s) interrupted by a crash; their files restart now.");
        }
    }

    private int demo(long seed) throws Exception {
        Warehouse w = openForLoading();
        List<DemoCounty.Drop> drops = DemoCounty.writeInboxes(home::inbox, seed);
        out.println("Generated sample files for a synthetic Tianzhen (seed " + seed + ") in "
                + home.root().resolve("inbox") + ", each received when its clerk would have sent it:");
        drops.forEach(d -> out.println(
                "  " + d.receivedAt().toLocalDate() + " " + d.receivedAt().toLocalTime() + "  " + d.source() + "/"
                        + d.file().getFileName()));
        out.println();
        List<Ingestor.Run> runs = drops.stream()
                .map(d -> ingestor.ingest(d.source(), d.file(), d.receivedAt()))
                .toList();
        report(w, runs);
        findings(w);
        if (runs.stream().anyMatch(r -> r.status().isUnsuccessful())) {
            return 1;
        }
        out.println();
        out.println("The leaders' monthly report of the demo's latest month (./hhw report makes any other):");
        return ReportCommand.run(monthlyReports.getObject(), null, null, out, System.err);
    }

    /** The demo's closing summary: findings per rule, and the first rows of the README's example queries. */
    private void findings(Warehouse w) {
        out.println();
        out.println("Findings (mart_finding) by rule:");
        print(w, "demo_findings_by_rule", Map.of());
        out.println();
        out.println("One household across all departments (mart_household_year, the busiest household):");
        print(w, "demo_busiest_household", Map.of());
        out.println();
        out.println("Coverage by township, 2019 (mart_township_month, first rows):");
        print(w, "demo_township_coverage", Map.of());
        out.println();
        out.println("Top households by medical self-payment, 2019 (first rows):");
        print(w, "demo_medical_self_paid", Map.of());
    }

    private int ingest(String source, List<String> files) throws Exception {
        if (files.isEmpty()) {
            System.err.print("ingest needs at least one file\n" + USAGE);
            return 2;
        }
        if (!Contracts.SOURCES.contains(source)) {
            System.err.println("unknown source " + source + "; known: " + Contracts.SOURCES);
            return 2;
        }
        Warehouse w = openForLoading();
        List<Path> paths = new ArrayList<>();
        for (String f : files) {
            Path file = Path.of(f);
            if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
                System.err.println("no such file (or not a regular file): " + f);
                return 2;
            }
            paths.add(file);
        }
        // one poll: every file loaded, then one publish for all of them
        List<Ingestor.Run> runs = ingestor.ingestCopies(source, paths);
        report(w, runs);
        return runs.stream().anyMatch(r -> r.status().isUnsuccessful()) ? 1 : 0;
    }

    private int serve() throws Exception {
        openForLoading();
        out.println(
                "hhw service: watching " + home.root().resolve("inbox") + " (every source's folder); Ctrl-C stops.");
        CountDownLatch stopped = new CountDownLatch(1);
        // Stopped by Ctrl-C or SIGTERM, the service closes the application (the scheduler, then the job history) before
        // the JVM's shutdown hooks run, then ends as the signal would have ended it: H2's own hook, left to race
        // Spring's, closed the job history under the stopping scheduler at every stop.
        for (String name : List.of("TERM", "INT")) {
            Signal.handle(new Signal(name), signal -> {
                context.close();
                System.exit(128 + signal.getNumber());
            });
        }
        Runtime.getRuntime().addShutdownHook(new Thread(stopped::countDown));
        scheduler.getObject().start();
        stopped.await();
        return 0;
    }

    /** What the files of this run became, and how to look further. */
    private void report(Warehouse w, List<Ingestor.Run> runs) {
        int n = runs.size();
        Map<String, String> lastFiles = Map.of("files", Integer.toString(n));
        out.println("Files ingested (" + n + "):");
        print(w, "files_ingested", lastFiles);
        for (Ingestor.Run r : runs) {
            if (r.status().isUnsuccessful()) {
                out.println("  FAILED " + r.file().getFileName() + ": " + firstLine(r.failure()));
            }
        }
        out.println();
        out.println("By source:");
        print(w, "files_by_source", lastFiles);
        out.println();
        out.println("Rejected rows by reason:");
        print(w, "rejects_by_reason", lastFiles);
        out.println();
        out.println("Warehouse now:");
        print(w, "warehouse_now", Map.of());
        out.println();
        out.println("Receipts (回执) are in " + home.root().resolve("processed") + ", unusable files with their "
                + "explanations (说明) in " + home.root().resolve("rejected") + ".");
        out.println("Query the warehouse:");
        out.println("  ./hhw sql \"select township, count(*) as households, sum(members) as persons from dim_household "
                + "where is_current group by township order by households desc\"");
        out.println("  ./hhw sql            (interactive)      duckdb -readonly " + home.analyticsDb());
    }

    /** Prints one of the commands' queries ({@code sql/cli/<query>.sql}) on the warehouse as it is now. */
    private void print(Warehouse w, String query, Map<String, String> values) {
        TextTable.of(w.query("cli/" + query, values)).print(out);
    }

    /** Never opens the current warehouse file: it is replaced whatever state it is in (a damaged log included). */
    private int rebuild() throws Exception {
        prepareHome();
        Path target = home.warehouseDb();
        Path fresh = target.resolveSibling("warehouse.rebuild.duckdb");
        Files.deleteIfExists(fresh);
        Lake lake = new Lake(home.lake());
        Warehouse.rebuild(lake, fresh, gazetteer, contracts);
        Files.move(fresh, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        Files.deleteIfExists(target.resolveSibling(target.getFileName() + ".wal"));
        try (Warehouse rebuilt = Warehouse.open(target, lake, gazetteer, contracts)) {
            List<DataTestFailure> failures = rebuilt.publishIfTestsPass(home.analyticsDb(), home.analystsGroup());
            if (!failures.isEmpty()) {
                out.println("Rebuilt " + target + ", but not published: data tests failed (./hhw status lists them "
                        + "only once published; here they are):");
                failures.forEach(f -> out.println("  " + f.test() + ": " + f.rows() + " rows, e.g. " + f.sample()));
                return 1;
            }
            out.println("Rebuilt " + target + " from " + lake.manifests().size() + " files in the lake " + home.lake()
                    + ", and published " + home.analyticsDb() + ".");
        }
        return 0;
    }

    private static String option(ApplicationArguments args, String name) {
        return args.containsOption(name) ? args.getOptionValues(name).get(0) : null;
    }

    private static String firstLine(String s) {
        return s == null ? "" : s.lines().findFirst().orElse("");
    }
}
