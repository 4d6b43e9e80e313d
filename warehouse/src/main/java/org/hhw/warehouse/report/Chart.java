package org.hhw.warehouse.report;

import java.util.List;

/**
 * A chart drawn from one table of its block, so that every form plots exactly the figures it prints
 * (and a workbook's chart reads its series from the table's cells).
 *
 * @param table the index of the table in its block
 * @param categoryColumn the column naming the bars or the months
 * @param seriesColumns the columns plotted, one series each, named by their column labels
 */
public record Chart(ChartKind kind, String title, int table, int categoryColumn, List<Integer> seriesColumns) {

    public Chart {
        seriesColumns = List.copyOf(seriesColumns);
    }
}
