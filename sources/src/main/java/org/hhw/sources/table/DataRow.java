package org.hhw.sources.table;

import java.util.Set;

/**
 * A data row, its raw cells arranged by contract field ({@code raw[i]} belongs to the contract's
 * i-th field; null when the sheet has no column for it), and whether the sheet hides it.
 *
 * @param uncalculated the fields (indices, as of {@code raw}) whose cell is a formula saved without
 *                     a result: its raw value is "", though Excel shows the clerk a value there
 */
public record DataRow(
        int sheetIndex,
        String sheet,
        int rowNumber,
        String[] raw,
        SheetHeader header,
        boolean hidden,
        Set<Integer> uncalculated)
        implements SheetRow {}
