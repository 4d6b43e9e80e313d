package org.hhw.warehouse.lake;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;

/**
 * The clerk's own values of the findings the lake keeps masked, kept for the file's receipt alone:
 * {@code <root>/<source>/<file_key>/part-NNNNNN.parquet}, numbered as the chunk's lake parts so a
 * restarted chunk replaces its part. Outside the lake, so a copy or backup of the lake never holds
 * a raw ID and a rebuild never needs one; under a folder only the owner may open; deleted once the
 * receipt is written. A finding that masking left unchanged is not spooled: the lake has it as written.
 */
public final class ReceiptSpool {

    public static final List<LakeColumn> COLUMNS = List.of(
            new LakeColumn("sheet", LakeType.TEXT),
            new LakeColumn("row_number", LakeType.INT),
            new LakeColumn("column_name", LakeType.TEXT),
            new LakeColumn("reason_code", LakeType.TEXT),
            new LakeColumn("raw_value", LakeType.TEXT),
            new LakeColumn("message", LakeType.TEXT));

    private static final FileAttribute<?> OWNER_ONLY =
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------"));

    private final Path root;

    public ReceiptSpool(Path root) {
        this.root = root;
    }

    public Path dir(String source, int fileKey) {
        return root.resolve(source).resolve(Integer.toString(fileKey));
    }

    /** Where a chunk's spooled values go; the spool's root is made owner-only first if need be. */
    Path partFile(String source, int fileKey, int partNo) throws IOException {
        if (!Files.isDirectory(root)) {
            boolean posix = root.getFileSystem().supportedFileAttributeViews().contains("posix");
            Files.createDirectories(root, posix ? new FileAttribute<?>[] {OWNER_ONLY} : new FileAttribute<?>[0]);
        }
        return dir(source, fileKey).resolve(String.format("part-%06d.parquet", partNo));
    }

    /**
     * A SQL relation of the file's spooled values (columns {@link #COLUMNS}). With nothing spooled
     * there is no part to glob, and DuckDB refuses a glob that matches no file: then an empty one.
     */
    public String relation(String source, int fileKey) {
        Path dir = dir(source, fileKey);
        boolean any;
        try (Stream<Path> files = Files.isDirectory(dir) ? Files.list(dir) : Stream.empty()) {
            any = files.anyMatch(p -> p.getFileName().toString().endsWith(".parquet"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (any) {
            return "read_parquet('" + dir.resolve("*.parquet").toString().replace("'", "''") + "')";
        }
        return "(select null::varchar as sheet, null::integer as row_number, null::varchar as column_name, "
                + "null::varchar as reason_code, null::varchar as raw_value, null::varchar as message limit 0)";
    }

    /** Removes a file's spooled values: its receipt is written, or it will never have one. */
    public void delete(String source, int fileKey) {
        Lake.deleteTree(dir(source, fileKey));
    }
}
