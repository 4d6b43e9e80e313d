package org.hhw.warehouse.report.blocks;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.hhw.warehouse.report.Column;
import org.hhw.warehouse.report.Measure;
import org.hhw.warehouse.report.Table;

/** A report table from a query over a report model whose columns are the table's, in order. */
final class Tables {

    private Tables() {}

    static Table of(String title, List<Map<String, Object>> result, String note, Column... columns) {
        List<List<Object>> rows = new ArrayList<>();
        for (Map<String, Object> row : result) {
            rows.add(new ArrayList<>(row.values()));
        }
        return new Table(title, List.of(columns), rows, note);
    }

    static Column text(String label) {
        return new Column(label, Measure.TEXT);
    }

    static Column count(String label) {
        return new Column(label, Measure.COUNT);
    }
}
