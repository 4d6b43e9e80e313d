package org.hhw.warehouse.report;

import java.util.List;

/**
 * A table of a report block, as every form shows it. A value is a {@code String} (TEXT), a
 * {@code Long} (COUNT) or a {@code BigDecimal} (the others); null means the warehouse has no figure
 * for it (shown as —, never as 0).
 *
 * @param note one line under the table saying what it counts, or null
 */
public record Table(String title, List<Column> columns, List<List<Object>> rows, String note) {

    public Table {
        columns = List.copyOf(columns);
        rows = rows.stream()
                .map(r -> java.util.Collections.unmodifiableList(new java.util.ArrayList<>(r)))
                .toList();
        for (List<Object> row : rows) {
            if (row.size() != columns.size()) {
                throw new IllegalArgumentException(
                        title + ": a row of " + row.size() + " values under " + columns.size() + " columns");
            }
        }
    }
}
