package org.hhw.warehouse.report.blocks;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** The rows the blocks' tests expect of a 近12个月走势 table. */
final class TrendRows {

    private TrendRows() {}

    /**
     * The row of a month the model has no row for: the month, then {@code figures} empty cells, which a form shows as
     * — (a gap in the chart, not a zero).
     */
    static List<Object> gap(String month, int figures) {
        List<Object> row = new ArrayList<>();
        row.add(month);
        row.addAll(Collections.nCopies(figures, null));
        return row;
    }
}
