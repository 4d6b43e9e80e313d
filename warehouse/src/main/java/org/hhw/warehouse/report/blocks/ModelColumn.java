package org.hhw.warehouse.report.blocks;

import java.util.List;
import java.util.Map;
import org.hhw.warehouse.report.Column;
import org.hhw.warehouse.report.Measure;
import org.hhw.warehouse.report.Table;

/** A column of a report table as leaders read it, and the report model column its values come from. */
record ModelColumn(String label, Measure measure, String column) {

    static ModelColumn count(String label, String column) {
        return new ModelColumn(label, Measure.COUNT, column);
    }

    /** A table of one row per model row, its values read from the columns' model columns. */
    static Table table(String title, List<ModelColumn> columns, List<Map<String, Object>> rows, String note) {
        return new Table(
                title,
                columns.stream().map(c -> new Column(c.label(), c.measure())).toList(),
                rows.stream()
                        .map(row ->
                                columns.stream().map(c -> row.get(c.column())).toList())
                        .toList(),
                note);
    }
}
