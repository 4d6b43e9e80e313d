package org.hhw.sources.table;

import java.util.List;

/**
 * Where a sheet's header was found and what it means.
 *
 * @param firstHeaderRow  1-based row of the header's first line
 * @param lastHeaderRow   1-based row of its last line (differs for a two-row header)
 * @param fieldHeaders    for each contract field, the header text as written, or null if absent
 * @param fieldColumns    for each contract field, its 0-based column, or -1 if absent
 * @param tenThousandYuan for each contract field, whether its header announces 万元
 * @param unknownColumns  header texts no field claims (ignored, listed in the receipt)
 * @param preamble        the non-blank texts above the header (titles, 填报单位 lines)
 */
public record SheetHeader(
        String sheet,
        int sheetIndex,
        int firstHeaderRow,
        int lastHeaderRow,
        String[] fieldHeaders,
        int[] fieldColumns,
        boolean[] tenThousandYuan,
        List<String> unknownColumns,
        List<String> preamble) {}
