package org.hhw.warehouse.report;

import java.util.List;

/**
 * One section of a month's report (registry, education, medical, …): its headline figures, which the
 * 概要 also shows, then its tables and the charts drawn from them. A workbook gives each block a sheet.
 *
 * @param sheet the sheet's name, short (Excel allows 31 characters), e.g. 小额信贷
 * @param title the section's heading, e.g. 四、扶贫小额信贷
 */
public record Block(String sheet, String title, List<Figure> figures, List<Table> tables, List<Chart> charts) {

    public Block {
        figures = List.copyOf(figures);
        tables = List.copyOf(tables);
        charts = List.copyOf(charts);
        for (Chart chart : charts) {
            if (chart.table() < 0 || chart.table() >= tables.size()) {
                throw new IllegalArgumentException(
                        sheet + ": chart " + chart.title() + " names table " + chart.table());
            }
        }
    }
}
