package org.hhw.sources.table;

import java.util.Iterator;
import java.util.List;
import java.util.Set;
import org.hhw.sources.read.RawRow;
import org.hhw.sources.read.RowStream;

/** A {@link RowStream} over rows held in memory, as a reader would stream them (no blank rows). */
public final class ListRowStream implements RowStream {

    private final Iterator<RawRow> rows;
    private final List<SkippedSheet> skipped;
    private boolean closed;

    public ListRowStream(List<RawRow> rows) {
        this(rows, List.of());
    }

    public ListRowStream(List<RawRow> rows, List<SkippedSheet> skipped) {
        this.rows = rows.iterator();
        this.skipped = List.copyOf(skipped);
    }

    /** A row of {@code sheet} at the 1-based {@code rowNumber}. */
    public static RawRow row(String sheet, int rowNumber, String... cells) {
        return new RawRow(sheet, rowNumber, List.of(cells));
    }

    /** A row the sheet hides. */
    public static RawRow hiddenRow(String sheet, int rowNumber, String... cells) {
        return new RawRow(sheet, rowNumber, List.of(cells), true, Set.of(), Set.of());
    }

    @Override
    public RawRow next() {
        if (closed) {
            throw new IllegalStateException("read after close");
        }
        return rows.hasNext() ? rows.next() : null;
    }

    @Override
    public List<SkippedSheet> skippedSheets() {
        return skipped;
    }

    @Override
    public void close() {
        closed = true;
    }

    public boolean closed() {
        return closed;
    }
}
