package org.hhw.sources.table;

/** A row below a sheet's header: a data row or a recognised non-data row. */
public sealed interface SheetRow permits DataRow, NonDataRow {

    /** 0-based position of the sheet among the sheets read, for a stable file-wide row order. */
    int sheetIndex();

    String sheet();

    int rowNumber();
}
