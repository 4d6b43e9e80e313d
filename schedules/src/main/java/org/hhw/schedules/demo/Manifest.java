package org.hhw.schedules.demo;

import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** What {@link RegistryFileWriter} put into one file: sheet by sheet, every row it made messy. */
public record Manifest(Path file, List<SheetSummary> sheets) {

    public Manifest {
        sheets = List.copyOf(sheets);
    }

    /** Person rows in the whole file, duplicates included. */
    public int dataRows() {
        return sheets.stream().mapToInt(SheetSummary::dataRows).sum();
    }

    public int count(Mess mess) {
        return sheets.stream().mapToInt(s -> s.count(mess)).sum();
    }

    /** Rows per row-level habit, for every habit that occurs in the file. */
    public Map<Mess, Integer> counts() {
        Map<Mess, Integer> counts = new EnumMap<>(Mess.class);
        for (SheetSummary s : sheets) {
            for (Injection i : s.injections()) {
                counts.merge(i.mess(), 1, Integer::sum);
            }
        }
        return counts;
    }

    /**
     * One sheet (a csv file is one sheet). Row numbers are 1-based, as Excel shows them.
     *
     * @param header the header of each column; under a two-row header, the text under the parent cell or,
     *               for a column without parent, the text merged over both rows. Empty for a sheet without data
     * @param headerRow the (last) header row, 0 when there is none
     * @param dataRows person rows, duplicates included
     * @param lastRow the number of the last row written, blank and footer rows included
     */
    public record SheetSummary(
            String name,
            boolean hidden,
            List<String> header,
            int headerRows,
            int headerRow,
            int dataRows,
            int households,
            int subtotalRows,
            int blankRows,
            int footerRows,
            int lastRow,
            List<Injection> injections) {

        public SheetSummary {
            header = List.copyOf(header);
            injections = List.copyOf(injections);
        }

        public int count(Mess mess) {
            return (int) injections.stream().filter(i -> i.mess() == mess).count();
        }
    }

    /** One data row carrying a habit; {@code value} is the cell as written (for a duplicate: the repeated ID). */
    public record Injection(Mess mess, int row, String value) {}
}
