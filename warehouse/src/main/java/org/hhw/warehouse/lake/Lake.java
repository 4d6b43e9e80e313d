package org.hhw.warehouse.lake;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import org.hhw.sources.contract.Contract;
import org.hhw.sources.contract.OutputColumn;

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
        ROWS("rows"), REJECTS("rejects"), WARNINGS("warnings"), NON_DATA("non_data");

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
        return "'" + loadDir(source, fileKey).resolve(part.dir).resolve("*.parquet").toString().replace("'", "''") + "'";
    }

    public Path manifest(String source, int fileKey) {
        return loadDir(source, fileKey).resolve("file.parquet");
    }

    public static List<LakeColumn> rowColumns(Contract contract) {
        List<LakeColumn> columns = new ArrayList<>(LINEAGE);
        for (OutputColumn c : contract.outputColumns()) {
            columns.add(new LakeColumn(c.name(), switch (c.type()) {
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

    /** Removes what an earlier, abandoned attempt at this load left, before it starts afresh. */
    public void clear(String source, int fileKey) {
        deleteTree(loadDir(source, fileKey));
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
                    LakePartWriter.create(dir.resolve("part-000000.parquet"), columns(part, contract)).close();
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
        try (Stream<Path> files = Files.find(root, 3, (p, a) -> p.getFileName().toString().equals("file.parquet"))) {
            return files.map(Manifest::of).sorted(Comparator.comparingInt(Manifest::fileKey)).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public record Manifest(String source, int fileKey, Path file) {
        static Manifest of(Path file) {
            Path load = file.getParent();
            String key = load.getFileName().toString().substring("file_key=".length());
            String source = load.getParent().getFileName().toString().substring("source=".length());
            return new Manifest(source, Integer.parseInt(key), file);
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
