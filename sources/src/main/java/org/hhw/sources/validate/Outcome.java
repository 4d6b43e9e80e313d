package org.hhw.sources.validate;

import java.util.List;
import org.hhw.sources.table.NonDataRow;

/**
 * What became of one row below a header: loaded (with any warnings), rejected (with every
 * rejecting finding, so the clerk fixes all at once), or recognised as non-data.
 *
 * @param values   the cleaned values in {@code Contract.outputColumns()} order, for a loaded row
 * @param findings warnings of a loaded row; every finding of a rejected one
 */
public record Outcome(
        int sheetIndex, String sheet, int rowNumber, Object[] values, List<Finding> findings, NonDataRow.Kind nonData) {

    public boolean loaded() {
        return values != null;
    }

    public boolean rejected() {
        return values == null && nonData == null;
    }

    public static Outcome nonData(NonDataRow row) {
        return new Outcome(row.sheetIndex(), row.sheet(), row.rowNumber(), null, List.of(), row.kind());
    }
}
