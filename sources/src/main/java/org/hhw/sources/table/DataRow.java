package org.hhw.sources.table;

/**
 * A data row, its raw cells arranged by contract field ({@code raw[i]} belongs to the contract's
 * i-th field; null when the sheet has no column for it), and whether the sheet hides it.
 */
public record DataRow(int sheetIndex, String sheet, int rowNumber, String[] raw, SheetHeader header, boolean hidden)
        implements SheetRow {
}
