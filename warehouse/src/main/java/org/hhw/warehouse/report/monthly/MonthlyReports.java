package org.hhw.warehouse.report.monthly;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.hhw.warehouse.FileModes;
import org.hhw.warehouse.Home;
import org.hhw.warehouse.report.MonthlyReport;
import org.hhw.warehouse.report.ReportAssembler;
import org.hhw.warehouse.report.ReportData;
import org.hhw.warehouse.report.ReportForm;
import org.hhw.warehouse.report.ReportUnit;
import org.hhw.warehouse.report.blocks.Bulletin;
import org.hhw.warehouse.report.forms.ChangeNote;
import org.hhw.warehouse.report.forms.MonthIndexPage;
import org.hhw.warehouse.report.forms.ReportsIndexPage;
import org.hhw.warehouse.report.monthly.ReportLedger.Entry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes a month's reports: for the county and each township, a file per form, in
 * {@code <home>/reports/<yyyy-mm>/}, with the month's {@code index.html} and the reports' index.
 *
 * <p>A month is made from a snapshot of the published copy, {@code <home>/snapshots/analytics-<yyyy-mm>.duckdb}
 * (a hard link to the copy as it stands: the publish gate replaces the copy by renaming a new file over it, so
 * the snapshot keeps the old one and costs no disk until then), and only if that copy passed its data tests and
 * holds something for the month. Everything is written into a hidden folder first and moved into place once
 * complete; the ledger's line comes after the last file, so a crash leaves the month due and no half file where
 * leaders look. The index pages, which list what the ledger holds, are written after it.
 *
 * <p>A month made again is a new version: its files are named 第N版 beside the earlier ones, which stay, with a
 * 变更说明 of what changed in the county's totals; the snapshot of each version is kept, so any version can be
 * made again from the same data ({@link #makeAgain}).
 */
public final class MonthlyReports {

    private static final Logger log = LoggerFactory.getLogger(MonthlyReports.class);

    /** How long a failed attempt waits for its other files' writers, each a few seconds at most, to stop. */
    private static final Duration WRITER_PATIENCE = Duration.ofMinutes(5);

    /** What a made attempt wrote: the ledger's entry and the files, in the month's folder. */
    public record Made(Entry entry, Path folder, List<Path> files) {}

    private final Home home;
    private final String county;
    private final List<ReportForm> forms;
    private final Clock clock;
    private final String productVersion;
    private final int threads;
    private final ReportLedger ledger;

    /**
     * @param county         the county's name, heading every report (天镇县)
     * @param forms          the files made per unit, e.g. the workbook and the PDF
     * @param clock          the county's clock: the generation time the reports state
     * @param productVersion the product's version, which the reports state
     * @param threads        how many files are written at once
     */
    public MonthlyReports(
            Home home, String county, List<ReportForm> forms, Clock clock, String productVersion, int threads) {
        this.home = home;
        this.county = county;
        this.forms = List.copyOf(forms);
        this.clock = clock;
        this.productVersion = productVersion;
        this.threads = threads;
        this.ledger = new ReportLedger(home.reportLedger());
    }

    public ReportLedger ledger() {
        return ledger;
    }

    /**
     * The months due up to {@code lastDueMonth}, oldest first: those with data after the latest month reported.
     * With none reported yet, only the latest month with data: the history before it is made on demand
     * ({@code hhw report --month}), not at a first start.
     */
    public List<YearMonth> monthsDue(YearMonth lastDueMonth) {
        List<YearMonth> withData =
                monthsWithData().stream().filter(m -> !m.isAfter(lastDueMonth)).toList();
        Optional<YearMonth> last = ledger.lastReported();
        if (last.isEmpty()) {
            return withData.isEmpty() ? List.of() : List.of(withData.get(withData.size() - 1));
        }
        return withData.stream().filter(m -> m.isAfter(last.get())).toList();
    }

    /** The months of the published copy a report can be made for, oldest first; none without a copy. */
    public List<YearMonth> monthsWithData() {
        if (!Files.exists(home.analyticsDb())) {
            return List.of();
        }
        try (ReportData data = ReportData.open(home.analyticsDb())) {
            return data.monthsWithData();
        } catch (SQLException e) {
            throw new IllegalStateException(
                    "cannot read the published copy " + home.analyticsDb() + ": " + e.getMessage(), e);
        }
    }

    /** The month's reports for the county and every township. */
    public Made make(YearMonth month) {
        return make(month, Optional.empty());
    }

    /**
     * The month's reports, for every unit or for the one township named; a new version when the month was made
     * before. Throws {@link ReportNotMade} saying why when they cannot be made, after noting it in the ledger.
     */
    public Made make(YearMonth month, Optional<String> township) {
        try (FileChannel channel = FileChannel.open(
                        home.state().resolve("reports.lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                FileLock lock = channel.lock()) {
            return makeLocked(month, township);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot lock " + home.state().resolve("reports.lock"), e);
        }
    }

    private Made makeLocked(YearMonth month, Optional<String> township) throws IOException {
        int version = ledger.made(month).size() + 1;
        LocalDateTime at = LocalDateTime.now(clock).withNano(0);
        String units = township.orElse(Entry.ALL_UNITS);
        Path snapshot = home.snapshots().resolve(snapshotName(month, version));
        Made made;
        try {
            if (!Files.exists(home.analyticsDb())) {
                throw new ReportNotMade(month, "还没有发布的数据库（" + home.analyticsDb() + "），请先导入数据");
            }
            takeSnapshot(snapshot);
            Entry entry = new Entry(
                    month, version, units, true, at, snapshot.getFileName().toString(), "");
            made = write(entry, snapshot, township);
            ledger.append(entry);
        } catch (ReportNotMade e) {
            Files.deleteIfExists(snapshot);
            ledger.append(new Entry(month, version, units, false, at, "", e.getMessage()));
            throw e;
        } catch (SQLException | IOException | RuntimeException e) {
            Files.deleteIfExists(snapshot);
            String reason = "生成报表时出错：" + e.getMessage();
            ledger.append(new Entry(month, version, units, false, at, "", reason));
            throw new ReportNotMade(month, reason, e);
        }
        log.info(
                "monthly reports of {} made, version {}: {} files in {}",
                month,
                version,
                made.files().size(),
                made.folder());
        // The ledger's line has made the month: pages failing now must not undo it (its snapshot is what makes it
        // reproducible). They list only what the ledger holds, so the next report made writes them again.
        try {
            writeIndexPages(month);
        } catch (SQLException | IOException | RuntimeException e) {
            log.error(
                    "monthly reports of {} made, but the index pages could not be written: {}",
                    month,
                    e.getMessage(),
                    e);
        }
        return made;
    }

    /**
     * Makes a made version again, from its snapshot and with its generation time, into {@code folder}: the same
     * files, cell for cell, whatever has been loaded since.
     */
    public List<Path> makeAgain(YearMonth month, int version, Path folder) throws IOException, SQLException {
        Entry entry = ledger.made(month).stream()
                .filter(e -> e.version() == version)
                .findFirst()
                .orElseThrow(() -> new ReportNotMade(month, month + " 没有第" + version + "版报表"));
        Files.createDirectories(folder);
        try (ReportData data = ReportData.open(home.snapshots().resolve(entry.snapshot()))) {
            return writeUnits(entry, data, units(entry, data, Optional.empty()), folder);
        }
    }

    private Made write(Entry entry, Path snapshot, Optional<String> township) throws SQLException, IOException {
        YearMonth month = entry.month();
        Path folder = home.reports().resolve(month.toString());
        Path partial = folder.resolve(".第" + entry.version() + "版.partial");
        boolean newFolder = !Files.exists(folder);
        try (ReportData data = ReportData.open(snapshot)) {
            if (data.failingDataTests() > 0) {
                throw new ReportNotMade(month, "发布库有 " + data.failingDataTests() + " 项数据检验未通过，不能据此生成报表");
            }
            List<YearMonth> withData = data.monthsWithData();
            if (!withData.contains(month)) {
                throw new ReportNotMade(
                        month,
                        label(month) + "没有任何数据"
                                + (withData.isEmpty()
                                        ? "（发布库中还没有任何月份的数据）"
                                        : "（发布库中有数据的月份：" + withData.get(0) + " 至 " + withData.get(withData.size() - 1)
                                                + "）"));
            }
            List<ReportUnit> units = units(entry, data, township);
            Files.createDirectories(folder);
            FileModes.ownerOnly(folder);
            deleteTree(partial);
            Files.createDirectories(partial);
            List<Path> written = new ArrayList<>(writeUnits(entry, data, units, partial));
            Optional<Entry> before = ledger.made(month).stream()
                    .filter(e -> e.allUnits() || e.units().equals(entry.units()))
                    .reduce((a, b) -> b);
            if (before.isPresent()) {
                written.add(changeNote(before.get(), entry, data, partial));
            }
            List<Path> placed = new ArrayList<>();
            for (Path file : written) {
                placed.add(Files.move(
                        file,
                        folder.resolve(file.getFileName()),
                        StandardCopyOption.ATOMIC_MOVE,
                        StandardCopyOption.REPLACE_EXISTING));
            }
            Files.delete(partial);
            return new Made(entry, folder, placed);
        } finally {
            deleteTree(partial);
            // A month never made must not show leaders an empty folder.
            if (newFolder && isEmptyFolder(folder)) {
                Files.delete(folder);
            }
        }
    }

    /** The units of an attempt: the county and every township, or the one township it names. */
    private List<ReportUnit> units(Entry entry, ReportData data, Optional<String> township) throws SQLException {
        List<ReportUnit> all = data.units(county);
        Optional<String> one = township.or(() -> entry.allUnits() ? Optional.empty() : Optional.of(entry.units()));
        if (one.isEmpty()) {
            return all;
        }
        List<ReportUnit> named = all.stream()
                .filter(u -> !u.isCounty() && u.name().equals(one.get()))
                .toList();
        if (named.isEmpty()) {
            throw new ReportNotMade(
                    entry.month(),
                    "没有名为“" + one.get() + "”的乡镇；可选："
                            + String.join(
                                    "、",
                                    all.stream()
                                            .filter(u -> !u.isCounty())
                                            .map(ReportUnit::name)
                                            .toList()));
        }
        return named;
    }

    /** Assembles each unit (one at a time: the data is one connection), then writes the files, several at once. */
    private List<Path> writeUnits(Entry entry, ReportData data, List<ReportUnit> units, Path folder)
            throws SQLException, IOException {
        ReportAssembler assembler = assembler(entry);
        List<MonthlyReport> reports = new ArrayList<>();
        for (ReportUnit unit : units) {
            reports.add(assembler.assemble(data, unit, entry.month()));
        }
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<Path>> files = new ArrayList<>();
            for (MonthlyReport report : reports) {
                for (ReportForm form : forms) {
                    Path file = folder.resolve(fileName(report, form.extension(), entry.version()));
                    files.add(pool.submit(() -> {
                        form.write(report, file);
                        return file;
                    }));
                }
            }
            List<Path> written = new ArrayList<>();
            for (Future<Path> f : files) {
                written.add(f.get());
            }
            return written;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while writing the reports", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            throw new IOException(e.getCause().getMessage(), e.getCause());
        } finally {
            // After a failure the other writers may still be busy: their files must not land in a folder being
            // cleared, nor in the next attempt's.
            pool.shutdownNow();
            awaitTermination(pool);
        }
    }

    private ReportAssembler assembler(Entry entry) {
        return new ReportAssembler(county, Bulletin.blocks(entry.at(), productVersion));
    }

    /** The county's report (or the township's, for a township's run) of an earlier version, from its own snapshot. */
    private MonthlyReport assembleFromSnapshot(Entry entry, ReportUnit unit) throws SQLException {
        try (ReportData data = ReportData.open(home.snapshots().resolve(entry.snapshot()))) {
            return assembler(entry).assemble(data, unit, entry.month());
        }
    }

    private Path changeNote(Entry before, Entry entry, ReportData data, Path folder) throws SQLException, IOException {
        ReportUnit unit = units(entry, data, Optional.empty()).get(0);
        MonthlyReport now = assembler(entry).assemble(data, unit, entry.month());
        MonthlyReport was = assembleFromSnapshot(before, unit);
        return ChangeNote.write(
                folder.resolve(changeNoteName(entry.version())), was, before.version(), now, entry.version());
    }

    /**
     * The month's page (the county's figures of its latest version with the county, and a link to every file of
     * every version) and the reports' index of every month made with the county's report.
     */
    private void writeIndexPages(YearMonth month) throws SQLException, IOException {
        List<Entry> made = ledger.made(month);
        Optional<Entry> countyVersion = made.stream().filter(Entry::allUnits).reduce((a, b) -> b);
        Path folder = home.reports().resolve(month.toString());
        if (countyVersion.isPresent()) {
            MonthlyReport countyReport = assembleFromSnapshot(countyVersion.get(), ReportUnit.county(county));
            List<MonthIndexPage.ReportFile> files = new ArrayList<>();
            for (Entry e : made) {
                try (ReportData data = ReportData.open(home.snapshots().resolve(e.snapshot()))) {
                    for (ReportUnit unit : units(e, data, Optional.empty())) {
                        MonthlyReport stub = new MonthlyReport(county, unit, month, List.of());
                        for (ReportForm form : forms) {
                            files.add(new MonthIndexPage.ReportFile(
                                    unit.name() + (e.version() > 1 ? "（第" + e.version() + "版）" : ""),
                                    form.extension(),
                                    fileName(stub, form.extension(), e.version())));
                        }
                    }
                }
                Path note = folder.resolve(changeNoteName(e.version()));
                if (Files.exists(note)) {
                    files.add(new MonthIndexPage.ReportFile(
                            "变更说明（第" + e.version() + "版）",
                            "txt",
                            note.getFileName().toString()));
                }
            }
            MonthIndexPage.write(folder, countyReport, files);
        }
        List<ReportsIndexPage.MonthFolder> months = ledger.entries().stream()
                .filter(e -> e.made() && e.allUnits())
                .map(Entry::month)
                .distinct()
                .sorted(Comparator.reverseOrder())
                .map(m -> new ReportsIndexPage.MonthFolder(m, m.toString()))
                .toList();
        ReportsIndexPage.write(home.reports(), county, months);
    }

    /** 天镇县脱贫攻坚数据月报_2019年6月.xlsx, and from the second version on 天镇县…_2019年6月_第2版.xlsx. */
    static String fileName(MonthlyReport report, String extension, int version) {
        return report.fileStem() + (version > 1 ? "_第" + version + "版" : "") + "." + extension;
    }

    static String changeNoteName(int version) {
        return "变更说明_第" + version + "版.txt";
    }

    static String snapshotName(YearMonth month, int version) {
        return "analytics-" + month + (version > 1 ? "-v" + version : "") + ".duckdb";
    }

    /**
     * A hard link to the published copy: the publish gate only ever renames a new copy over it, never writes into
     * it, so the link keeps this state. A file system without hard links gets a copy.
     */
    private void takeSnapshot(Path snapshot) throws IOException {
        Files.createDirectories(snapshot.getParent());
        Files.deleteIfExists(snapshot);
        try {
            Files.createLink(snapshot, home.analyticsDb());
        } catch (UnsupportedOperationException | IOException e) {
            Files.copy(home.analyticsDb(), snapshot);
            FileModes.ownerOnly(snapshot);
        }
    }

    private static String label(YearMonth month) {
        return month.getYear() + "年" + month.getMonthValue() + "月";
    }

    private static void awaitTermination(ExecutorService pool) {
        try {
            if (!pool.awaitTermination(WRITER_PATIENCE.toSeconds(), TimeUnit.SECONDS)) {
                log.warn("report writers still running after {}", WRITER_PATIENCE);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static boolean isEmptyFolder(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return false;
        }
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.findAny().isEmpty();
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
