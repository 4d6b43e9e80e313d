package org.hhw.warehouse;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.List;

/**
 * The product's home directory and its fixed layout (documented in the README):
 * <pre>
 * inbox/&lt;source&gt;/      clerks drop files here
 * processed/&lt;source&gt;/  loaded originals and their receipts (&lt;name&gt;.回执.xlsx)
 * rejected/&lt;source&gt;/   unusable files and their explanations (&lt;name&gt;.说明.txt)
 * archive/             every original received, byte for byte, named by its sha256
 * lake/                the Parquet lake: the durable record the warehouse is rebuilt from
 * warehouse/           the warehouse (one writer: the service)
 * analytics.duckdb     the published read-only copy analysts open
 * state/               job repository, pseudonym key, writer lock, audit log
 * state/spool/         the clerks' own values of masked findings, owner-only, until each file's receipt is written
 * reports/             leaders' reports: a folder per month, its index.html, and reports/index.html
 * snapshots/           the published copy each month's report was made from (analytics-&lt;yyyy-mm&gt;.duckdb)
 * </pre>
 * Every folder is its owner's alone ({@code rwx------}) but the home itself, which others may pass
 * through but not list ({@code rwx--x--x}), so that clerks reach their folders and analysts the
 * published copy. With a clerks' group, the inboxes are that group's to write and the processed
 * and rejected folders its to read; with an analysts' group, the published copy is its to read.
 *
 * @param clerksGroup   the OS group of the clerks, or null: then only the owner reaches the clerks' folders
 * @param analystsGroup the OS group that may read the published copy, or null: then only the owner
 */
public record Home(Path root, String clerksGroup, String analystsGroup) {

    /** A home whose every file is its owner's (tests, the benchmark's homes). */
    public Home(Path root) {
        this(root, null, null);
    }

    private static final String ARGUMENT = "--hhw.home=";

    /**
     * The home that {@code hhw.home} names, looked up before the application starts (the writer
     * lock, hhw sql, hhw log) in the application's order: a {@code --hhw.home=DIR} argument, the
     * {@code hhw.home} system property, the {@code HHW_HOME} environment variable, else {@code ./home}
     * (an {@code application.properties} is not read). Nothing is created.
     */
    public static Home resolve(String... args) {
        String dir = Arrays.stream(args)
                .filter(a -> a.startsWith(ARGUMENT))
                .map(a -> a.substring(ARGUMENT.length()))
                .findFirst()
                .orElseGet(() -> System.getProperty("hhw.home", System.getenv().getOrDefault("HHW_HOME", "home")));
        return new Home(Path.of(dir).toAbsolutePath().normalize());
    }

    public Path inbox(String source) {
        return root.resolve("inbox").resolve(source);
    }

    public Path processed(String source) {
        return root.resolve("processed").resolve(source);
    }

    public Path rejected(String source) {
        return root.resolve("rejected").resolve(source);
    }

    public Path archive() {
        return root.resolve("archive");
    }

    public Path lake() {
        return root.resolve("lake");
    }

    public Path warehouseDb() {
        return root.resolve("warehouse").resolve("warehouse.duckdb");
    }

    public Path analyticsDb() {
        return root.resolve("analytics.duckdb");
    }

    /** The analysts' copy published before the current one, kept for the next publish to write into. */
    public Path analyticsSpare() {
        return PublishedCopy.spareOf(warehouseDb(), analyticsDb());
    }

    public Path state() {
        return root.resolve("state");
    }

    public Path auditLog() {
        return state().resolve("audit.log");
    }

    public Path spool() {
        return state().resolve("spool");
    }

    public Path reports() {
        return root.resolve("reports");
    }

    public Path snapshots() {
        return root.resolve("snapshots");
    }

    /** The reports made and not made, a line each, oldest first ({@code hhw status} lists them). */
    public Path reportLedger() {
        return state().resolve("reports.tsv");
    }

    /**
     * Creates every folder of the layout for these sources and gives each its permissions; existing
     * ones are kept, and their permissions set, so a home made before is closed too.
     */
    public Home create(List<String> sources) {
        try {
            Files.createDirectories(root);
            FileModes.set(root, "rwx--x--x");
            for (String folder : List.of("inbox", "processed", "rejected")) {
                Files.createDirectories(root.resolve(folder));
                FileModes.share(root.resolve(folder), "rwxr-x---", clerksGroup);
            }
            for (String s : sources) {
                FileModes.share(Files.createDirectories(inbox(s)), "rwxrwx---", clerksGroup);
                FileModes.share(Files.createDirectories(processed(s)), "rwxr-x---", clerksGroup);
                FileModes.share(Files.createDirectories(rejected(s)), "rwxr-x---", clerksGroup);
            }
            for (Path own : List.of(
                    archive(),
                    lake(),
                    state(),
                    reports(),
                    snapshots(),
                    warehouseDb().getParent())) {
                FileModes.ownerOnly(Files.createDirectories(own));
            }
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the home layout under " + root, e);
        }
    }

    /**
     * Moves a warehouse of the earlier layout ({@code <home>/warehouse.duckdb}, where the home's
     * passers-by could open it) into its own folder. Only a holder of the writer lock may call it.
     */
    public void moveLegacyWarehouse() {
        Path legacy = root.resolve("warehouse.duckdb");
        if (!Files.exists(legacy) || Files.exists(warehouseDb())) {
            return;
        }
        try {
            Files.move(legacy, warehouseDb(), StandardCopyOption.ATOMIC_MOVE);
            Path legacyLog = root.resolve("warehouse.duckdb.wal");
            if (Files.exists(legacyLog)) {
                Files.move(
                        legacyLog,
                        warehouseDb().resolveSibling("warehouse.duckdb.wal"),
                        StandardCopyOption.ATOMIC_MOVE);
            }
            FileModes.ownerOnly(warehouseDb());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot move " + legacy + " to " + warehouseDb() + ": " + e.getMessage(), e);
        }
    }
}
