package org.hhw.sources.read;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Walks a file sheet after sheet and gives the non-blank rows. Blank rows are never emitted (a
 * gap in the row numbers shows them): spreadsheet programs write thousands of styled but empty
 * rows the clerk never sees, and leaving them out lets a sheet be recognised as empty while it
 * is streamed.
 */
abstract class SheetRows implements RowStream {

    private final List<SkippedSheet> skipped = new ArrayList<>();
    private final int maxColumns;
    private String sheet;
    private boolean sheetHasRows;

    SheetRows(int maxColumns) {
        this.maxColumns = maxColumns;
    }

    @Override
    public final RawRow next() throws IOException {
        while (true) {
            if (sheet == null) {
                sheet = openNextSheet();
                if (sheet == null) {
                    return null;
                }
                sheetHasRows = false;
            }
            RawRow row = nextRowOfSheet();
            if (row == null) {
                if (!sheetHasRows) {
                    skipped.add(new SkippedSheet(sheet, SkippedSheet.Reason.EMPTY));
                }
                sheet = null;
            } else if (!row.cells().isEmpty()) {
                sheetHasRows = true;
                return row;
            }
        }
    }

    @Override
    public final List<SkippedSheet> skippedSheets() {
        return List.copyOf(skipped);
    }

    /** The name of the next sheet to stream, or null when there is none; hidden ones go to {@link #skipHidden}. */
    protected abstract String openNextSheet() throws IOException;

    /** The next row of the current sheet (blank rows included), or null at its end. */
    protected abstract RawRow nextRowOfSheet() throws IOException;

    protected final void skipHidden(String name) {
        skipped.add(new SkippedSheet(name, SkippedSheet.Reason.HIDDEN));
    }

    /** A row of text, which has neither hidden rows nor formulas, by {@link #row(int, List, boolean, List, List)}. */
    protected final RawRow row(int rowNumber, List<String> cells) {
        return row(rowNumber, cells, false, List.of(), List.of());
    }

    /**
     * A row of the current sheet from its cells in column order. Trailing blank cells are dropped,
     * so a blank row has no cells and a stray formatted cell far to the right costs nothing.
     *
     * @param uncalculated the columns of formula cells saved without a result
     * @param formulas     the columns of formula cells
     */
    protected final RawRow row(
            int rowNumber, List<String> cells, boolean hidden, List<Integer> uncalculated, List<Integer> formulas) {
        int size = cells.size();
        while (size > 0 && cells.get(size - 1).isBlank()) {
            size--;
        }
        if (size > maxColumns) {
            throw Rejections.tooManyColumns(sheet, rowNumber, maxColumns);
        }
        return new RawRow(
                sheet,
                rowNumber,
                List.copyOf(cells.subList(0, size)),
                hidden,
                columns(uncalculated),
                columns(formulas));
    }

    /** Nearly every row has no formula: no set is made for it. */
    private static Set<Integer> columns(List<Integer> columns) {
        return columns.isEmpty() ? Set.of() : Set.copyOf(columns);
    }
}
