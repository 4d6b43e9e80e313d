package org.hhw.schedules.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.hhw.schedules.bench.Figure.Unit;
import org.hhw.warehouse.Home;
import org.hhw.warehouse.intake.Intake;

/**
 * Issue 13, point 6: the disk a county's rows take in each place, from the sizes of its files. A file with several
 * names (an original in {@code processed/} is a hard link to its copy in {@code archive/}; a month's report snapshot
 * to a published copy) counts once, as {@code du} counts it.
 *
 * @param rows the rows the county's files loaded
 * @param ingestedBytes the sizes of the files the county was given
 * @param originals the originals kept: the inboxes, {@code processed/}, {@code rejected/} and {@code archive/}, less
 *     the receipts and notes written beside them
 * @param lake the Parquet lake
 * @param warehouse the warehouse's folder
 * @param publishedCopy the analysts' copy and its spare, the copy before it (which the next publish writes into)
 */
record DiskUse(long rows, long ingestedBytes, long originals, long lake, long warehouse, long publishedCopy) {

    /** Issue 13's target: each original kept once, so the originals take no more than the files given. */
    static final double ORIGINALS_TARGET = 1.0;

    /** What the product writes beside the originals (a file's receipt, a rejected file's note): not originals. */
    private static final List<String> BESIDE_ORIGINALS = List.of(
            Intake.receiptOf(Path.of("f")).getFileName().toString().substring(1),
            Intake.noteOf(Path.of("f")).getFileName().toString().substring(1));

    static DiskUse of(Home home, long rows, long ingestedBytes) throws IOException {
        return new DiskUse(
                rows,
                ingestedBytes,
                bytes(
                        List.of(
                                home.inbox("registry").getParent(),
                                home.processed("registry").getParent(),
                                home.rejected("registry").getParent(),
                                home.archive()),
                        file -> BESIDE_ORIGINALS.stream()
                                .noneMatch(file.getFileName().toString()::endsWith)),
                bytes(List.of(home.lake()), file -> true),
                bytes(List.of(home.warehouseDb().getParent()), file -> !file.equals(home.analyticsSpare())),
                bytes(List.of(home.analyticsDb(), home.analyticsSpare()), file -> true));
    }

    /** The sizes of the files under these paths that count, each file once however many names it has. */
    static long bytes(List<Path> paths, Predicate<Path> counts) throws IOException {
        Set<Object> seen = new HashSet<>();
        long bytes = 0;
        for (Path path : paths) {
            if (!Files.exists(path)) {
                continue;
            }
            List<Path> files = new ArrayList<>();
            try (Stream<Path> walk = Files.walk(path)) {
                walk.filter(Files::isRegularFile).filter(counts).forEach(files::add);
            } catch (UncheckedIOException e) {
                throw e.getCause();
            }
            for (Path file : files) {
                BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
                Object key = attributes.fileKey() != null ? attributes.fileKey() : file.toRealPath();
                if (seen.add(key)) {
                    bytes += attributes.size();
                }
            }
        }
        return bytes;
    }

    /** The closing table's lines of point 6: the originals kept once, then each place's megabytes a million rows. */
    List<Figure> figures() {
        List<Figure> figures = new ArrayList<>();
        figures.add(Figure.atMost(
                        "6",
                        "originals on disk ÷ the files given (each kept once)",
                        (double) originals / ingestedBytes,
                        ORIGINALS_TARGET,
                        Unit.TIMES)
                .with(megabytes(originals) + " for " + megabytes(ingestedBytes)));
        for (Place place : List.of(
                new Place("originals", originals),
                new Place("lake", lake),
                new Place("warehouse", warehouse),
                new Place("published copy", publishedCopy))) {
            figures.add(Figure.stated(
                    "6",
                    "disk a million rows take: " + place.name(),
                    megabytes(Math.round(place.bytes() * 1e6 / rows))
                            + String.format(" (%s for %,d rows)", megabytes(place.bytes()), rows)));
        }
        return figures;
    }

    private record Place(String name, long bytes) {}

    static String megabytes(long bytes) {
        return String.format("%,.1f MB", bytes / (double) (1 << 20));
    }
}
