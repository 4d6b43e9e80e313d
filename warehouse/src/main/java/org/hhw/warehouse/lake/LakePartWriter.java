package org.hhw.warehouse.lake;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.bytes.ByteBufferAllocator;
import org.apache.parquet.bytes.HeapByteBufferAllocator;
import org.apache.parquet.conf.ParquetConfiguration;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.hadoop.ParquetFileWriter;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.api.WriteSupport;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.LocalOutputFile;
import org.apache.parquet.io.OutputFile;
import org.hhw.warehouse.FileModes;

/**
 * Writes one Parquet part file of the lake (snappy, every column nullable).
 *
 * <p>Rows go to {@code <file>.tmp}; {@link #close()} renames it to {@code file} atomically,
 * replacing a file of the same name. So a crash never leaves a half-written file under the final
 * name, and re-running a chunk after a crash simply overwrites its earlier output. A stray
 * {@code .tmp} is overwritten by the next attempt; readers must only glob {@code *.parquet}.
 *
 * <p>A row whose values do not fit the columns is refused before anything of it is written. Any
 * other failure while writing spoils the part: {@link #close()} then deletes the temporary file
 * and publishes nothing.
 */
public final class LakePartWriter implements AutoCloseable {

    private final Path file;
    private final Path tmp;
    private final RowWriteSupport rows;
    private final ParquetWriter<Object[]> writer;
    private boolean failed;
    private boolean closed;

    private LakePartWriter(Path file, Path tmp, RowWriteSupport rows, ParquetWriter<Object[]> writer) {
        this.file = file;
        this.tmp = tmp;
        this.rows = rows;
        this.writer = writer;
    }

    /** Opens a part file; the parent directories are created when missing. */
    public static LakePartWriter create(Path file, List<LakeColumn> columns) throws IOException {
        return create(file, columns, new HeapByteBufferAllocator());
    }

    /** Opens a part file whose Parquet buffers come from (and go back to) {@code buffers}. */
    static LakePartWriter create(Path file, List<LakeColumn> columns, ByteBufferAllocator buffers) throws IOException {
        if (columns.isEmpty()) {
            throw new IllegalArgumentException("A lake part needs at least one column");
        }
        Path target = file.toAbsolutePath();
        Path tmp = target.resolveSibling(target.getFileName() + ".tmp");
        Files.createDirectories(target.getParent());
        RowWriteSupport rows = new RowWriteSupport(columns);
        Builder builder = new Builder(new LocalOutputFile(tmp), rows)
                // A plain configuration: no Hadoop XML resources to load for every part.
                .withConf(new PlainParquetConfiguration())
                .withAllocator(buffers)
                .withWriteMode(ParquetFileWriter.Mode.OVERWRITE)
                .withCompressionCodec(CompressionCodecName.SNAPPY)
                // Parts are always read whole (by the load and by a rebuild), so the encodings that pay off
                // only for selective reads are left out: dictionaries (snappy catches repeated values
                // anyway) and the statistics of text columns. Together they took a third of the writing.
                .withDictionaryEncoding(false)
                .withSizeStatisticsEnabled(false);
        for (LakeColumn column : columns) {
            if (column.type() == LakeType.TEXT) {
                builder.withStatisticsEnabled(column.name(), false);
            }
        }
        ParquetWriter<Object[]> writer = builder.build();
        return new LakePartWriter(target, tmp, rows, writer);
    }

    /**
     * Appends one row: values in column order, each a String, Integer, Long, LocalDate,
     * BigDecimal, Boolean or LocalDateTime matching its column's type, or null.
     *
     * @throws IllegalArgumentException when the count or a value's type does not fit the columns;
     *         nothing of that row is written and the part stays usable
     */
    public void write(Object[] values) throws IOException {
        if (closed) {
            throw new IllegalStateException("Lake part " + file + " is already closed");
        }
        rows.prepare(values);
        try {
            writer.write(values);
        } catch (IOException | RuntimeException e) {
            failed = true;
            throw e;
        }
    }

    /**
     * Starts writing a part of one row of every type into a temporary folder, then deleting it, on a daemon thread, and
     * returns at once: the first part of a process spent some 0.2 s of a 100-row ingest's read loading Parquet's and
     * Hadoop's classes and codecs; begun while the Spring context starts, an ingest's first part no longer waits for
     * them. A failure is left to the real part, which reports it.
     */
    public static void warmUpInBackground() {
        Thread warmUp = new Thread(
                () -> {
                    try {
                        warmUp();
                    } catch (IOException | RuntimeException | LinkageError e) {
                        // the real part fails the same way, and says so
                    }
                },
                "lake-warm-up");
        warmUp.setDaemon(true);
        warmUp.start();
    }

    /** Writes a part of one row of every type into a temporary folder and deletes it: what {@link #warmUpInBackground} does. */
    static void warmUp() throws IOException {
        Path dir = Files.createTempDirectory("hhw-lake-warm-up");
        Path part = dir.resolve("part.parquet");
        try {
            LakeType[] types = LakeType.values();
            List<LakeColumn> columns = new ArrayList<>();
            for (LakeType type : types) {
                columns.add(new LakeColumn(type.name().toLowerCase(Locale.ROOT), type));
            }
            try (LakePartWriter writer = create(part, columns)) {
                writer.write(new Object[] {
                    "-",
                    1,
                    1L,
                    LocalDate.EPOCH,
                    BigDecimal.ONE,
                    BigDecimal.ONE,
                    true,
                    LocalDateTime.of(2019, 1, 1, 0, 0)
                });
            }
        } finally {
            Files.deleteIfExists(part);
            Files.deleteIfExists(dir);
        }
    }

    /** Finishes the file and publishes it under its final name (unless a write failed). */
    @Override
    public void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        try {
            writer.close();
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(tmp);
            throw e;
        }
        if (failed) {
            Files.deleteIfExists(tmp);
            return;
        }
        FileModes.ownerOnly(tmp);
        Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    private static final class Builder extends ParquetWriter.Builder<Object[], Builder> {

        private final RowWriteSupport writeSupport;

        Builder(OutputFile file, RowWriteSupport writeSupport) {
            super(file);
            this.writeSupport = writeSupport;
        }

        @Override
        protected Builder self() {
            return this;
        }

        /** Abstract in the builder although deprecated, so it must be implemented. */
        @Override
        @SuppressWarnings("deprecation")
        protected WriteSupport<Object[]> getWriteSupport(Configuration conf) {
            return writeSupport;
        }

        @Override
        protected WriteSupport<Object[]> getWriteSupport(ParquetConfiguration conf) {
            return writeSupport;
        }
    }
}
