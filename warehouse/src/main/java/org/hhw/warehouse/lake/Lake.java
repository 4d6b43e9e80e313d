package org.hhw.warehouse.lake;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.hhw.sources.contract.Contract;
import org.hhw.sources.contract.OutputColumn;
import org.hhw.warehouse.FileModes;

/**
 * The Parquet lake: the durable record of every file received. Each file's load is a Hive-style
 * partition {@code source=<source>/file_key=<key>/} holding its cleaned rows, rejects, warnings
 * and non-data rows as Parquet parts (one per chunk, so a restarted load rewrites exactly the parts
 * it redoes), and {@code file.parquet}: its {@code etl_file} row, written once the load commits.
 * The warehouse can be rebuilt from the lake alone, and the lake keeps what that needs and no more:
 * resident IDs only pseudonymised and masked, in findings too (the clerk's own values wait for the
 * receipt in the {@link ReceiptSpool}, outside the lake).
 */
public final class Lake {

    public enum Part {
        ROWS("rows"),
        REJECTS("rejects"),
        WARNINGS("warnings"),
        NON_DATA("non_data");

        private final String dir;

        Part(String dir) {
            this.dir = dir;
        }
    }

    /** Lineage columns that lead every cleaned row. */
    public static final List<LakeColumn> LINEAGE = List.of(
            new LakeColumn("file_key", LakeType.INT),
            new LakeColumn("sheet_index", LakeType.INT),
            new LakeColumn("sheet", LakeType.TEXT),
            new LakeColumn("row_number", LakeType.INT));

    public static final List<LakeColumn> FINDING_COLUMNS = List.of(
            new LakeColumn("sheet", LakeType.TEXT),
            new LakeColumn("row_number", LakeType.INT),
            new LakeColumn("field", LakeType.TEXT),
            new LakeColumn("column_name", LakeType.TEXT),
            new LakeColumn("raw_value", LakeType.TEXT),
            new LakeColumn("reason_code", LakeType.TEXT),
            new LakeColumn("message", LakeType.TEXT));

    public static final List<LakeColumn> NON_DATA_COLUMNS = List.of(
            new LakeColumn("sheet", LakeType.TEXT),
            new LakeColumn("row_number", LakeType.INT),
            new LakeColumn("kind", LakeType.TEXT));

    private static final String CLAIM = "claim.properties";

    private final Path root;

    public Lake(Path root) {
        this.root = root;
    }

    public Path root() {
        return root;
    }

    public Path loadDir(String source, int fileKey) {
        return root.resolve("source=" + source).resolve("file_key=" + fileKey);
    }

    public Path partFile(String source, int fileKey, Part part, int partNo) {
        return loadDir(source, fileKey).resolve(part.dir).resolve(String.format("part-%06d.parquet", partNo));
    }

    /** A SQL string literal globbing every part of one kind of a load. */
    public String glob(String source, int fileKey, Part part) {
        return "'"
                + loadDir(source, fileKey)
                        .resolve(part.dir)
                        .resolve("*.parquet")
                        .toString()
                        .replace("'", "''") + "'";
    }

    public Path manifest(String source, int fileKey) {
        return loadDir(source, fileKey).resolve("file.parquet");
    }

    public static List<LakeColumn> rowColumns(Contract contract) {
        List<LakeColumn> columns = new ArrayList<>(LINEAGE);
        for (OutputColumn c : contract.outputColumns()) {
            columns.add(new LakeColumn(
                    c.name(),
                    switch (c.type()) {
                        case TEXT -> LakeType.TEXT;
                        case INT -> LakeType.INT;
                        case DATE -> LakeType.DATE;
                        case DECIMAL -> LakeType.DECIMAL_18_2;
                        case FRACTION -> LakeType.DECIMAL_18_6;
                        case BOOLEAN -> LakeType.BOOLEAN;
                    }));
        }
        return columns;
    }

    public static List<LakeColumn> columns(Part part, Contract contract) {
        return switch (part) {
            case ROWS -> rowColumns(contract);
            case REJECTS, WARNINGS -> FINDING_COLUMNS;
            case NON_DATA -> NON_DATA_COLUMNS;
        };
    }

    /**
     * Who a partition belongs to: written once, when its file_key is given to a file, and never
     * changed, so a key can never be handed out twice and no file can write into another's
     * partition. It also records the file's registration, which a warehouse that lost its log can
     * restore from.
     */
    public record Claim(String sha256, String fileName, LocalDateTime receivedAt) {}

    /**
     * Claims the partition {@code source=…/file_key=…} for a file. Returns false, touching nothing,
     * when any source's partition of that key exists already: the key is taken.
     */
    public boolean claim(String source, int fileKey, Claim claim) {
        if (keyInUse(fileKey)) {
            return false;
        }
        Path dir = loadDir(source, fileKey);
        Properties p = new Properties();
        p.setProperty("sha256", claim.sha256());
        p.setProperty("file_name", claim.fileName());
        p.setProperty("received_at", claim.receivedAt().toString());
        try {
            Files.createDirectories(dir);
            try (Writer w = new OutputStreamWriter(
                    Files.newOutputStream(dir.resolve(CLAIM), StandardOpenOption.CREATE_NEW), StandardCharsets.UTF_8)) {
                p.store(w, "the file this partition belongs to");
            }
            FileModes.ownerOnly(dir);
            FileModes.ownerOnly(dir.resolve(CLAIM));
            return true;
        } catch (FileAlreadyExistsException e) {
            return false;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot claim " + dir + ": " + e.getMessage(), e);
        }
    }

    /** The claim of a partition, if it was ever claimed. */
    public Optional<Claim> claimOf(String source, int fileKey) {
        Path file = loadDir(source, fileKey).resolve(CLAIM);
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(r);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
        return Optional.of(new Claim(
                p.getProperty("sha256"),
                p.getProperty("file_name"),
                LocalDateTime.parse(p.getProperty("received_at"))));
    }

    /**
     * Refuses to let a file write into a partition that is not its own: the claim must name its
     * content. (Two writers once gave one key to two files and the second overwrote the first's parts.)
     */
    public void checkClaim(String source, int fileKey, String sha256) {
        Optional<Claim> claim = claimOf(source, fileKey);
        if (claim.isEmpty() || !claim.get().sha256().equals(sha256)) {
            throw new IllegalStateException("the lake partition " + loadDir(source, fileKey) + " does not belong to "
                    + "the file with sha256 " + sha256
                    + (claim.map(c -> " but to " + c.fileName() + " (" + c.sha256() + ")")
                            .orElse(" (it was never claimed)"))
                    + "; nothing is written into it");
        }
    }

    /** The highest file_key any partition of any source was given; 0 for an empty lake. */
    public int maxFileKey() {
        return partitions().stream().mapToInt(Lake::keyOf).max().orElse(0);
    }

    /** The file_keys whose load the lake records as finished (their manifest is written). */
    public Set<Integer> manifestKeys() {
        return manifests().stream().map(Manifest::fileKey).collect(Collectors.toCollection(TreeSet::new));
    }

    private boolean keyInUse(int fileKey) {
        return partitions().stream().anyMatch(p -> keyOf(p) == fileKey);
    }

    /** Every partition directory {@code source=…/file_key=…}, of every source. */
    private List<Path> partitions() {
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        try (Stream<Path> dirs = Files.find(
                root,
                2,
                (p, a) -> a.isDirectory()
                        && p.getFileName().toString().startsWith("file_key=")
                        && p.getParent().getFileName().toString().startsWith("source="))) {
            return dirs.toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the lake " + root + ": " + e.getMessage(), e);
        }
    }

    private static int keyOf(Path partition) {
        return Integer.parseInt(partition.getFileName().toString().substring("file_key=".length()));
    }

    /** Makes sure every kind of part exists (an empty one if need be), so every glob matches. */
    public void ensureParts(String source, int fileKey, Contract contract) {
        for (Part part : Part.values()) {
            Path dir = loadDir(source, fileKey).resolve(part.dir);
            try {
                Files.createDirectories(dir);
                boolean any;
                try (Stream<Path> files = Files.list(dir)) {
                    any = files.anyMatch(p -> p.getFileName().toString().endsWith(".parquet"));
                }
                if (!any) {
                    LakePartWriter.create(dir.resolve("part-000000.parquet"), columns(part, contract))
                            .close();
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** Every load's manifest, in file_key order: the order the warehouse is rebuilt in. */
    public List<Manifest> manifests() {
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        try (Stream<Path> files =
                Files.find(root, 3, (p, a) -> p.getFileName().toString().equals("file.parquet"))) {
            return files.map(Manifest::of)
                    .sorted(Comparator.comparingInt(Manifest::fileKey))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public record Manifest(String source, int fileKey, Path file) {
        static Manifest of(Path file) {
            Path load = file.getParent();
            String source = load.getParent().getFileName().toString().substring("source=".length());
            return new Manifest(source, keyOf(load), file);
        }
    }

    static void deleteTree(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
