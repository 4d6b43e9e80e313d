package org.hhw.schedules.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.dhatim.fastexcel.reader.Sheet;

/**
 * The baseline for benchmarks: fastexcel alone, with its default options, walking every sheet
 * and counting what it parsed. The cost of the product's reader above this is the cost of the
 * checks and the cell conventions.
 */
public final class FastXlsxParse {

    public record Counts(long rows, long cells) {}

    private FastXlsxParse() {}

    public static Counts count(Path xlsx) throws IOException {
        long rows = 0;
        long cells = 0;
        try (ReadableWorkbook workbook = new ReadableWorkbook(xlsx.toFile())) {
            for (Sheet sheet : (Iterable<Sheet>) workbook.getSheets()::iterator) {
                try (Stream<Row> stream = sheet.openStream()) {
                    for (Row row : (Iterable<Row>) stream::iterator) {
                        rows++;
                        cells += row.getPhysicalCellCount();
                    }
                } catch (UncheckedIOException e) {
                    throw e.getCause();
                }
            }
        }
        return new Counts(rows, cells);
    }
}
