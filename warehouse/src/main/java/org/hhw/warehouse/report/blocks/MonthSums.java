package org.hhw.warehouse.report.blocks;

import java.sql.SQLException;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.hhw.warehouse.report.Column;
import org.hhw.warehouse.report.Figure;
import org.hhw.warehouse.report.Measure;
import org.hhw.warehouse.report.ReportData;
import org.hhw.warehouse.report.ReportUnit;
import org.hhw.warehouse.report.Table;

/**
 * A unit's monthly totals of a report model with several rows a unit and month (a row per rule, per
 * department): each column summed over them by SQL, with its sum from january beside it, so that a
 * headline figure is still one documented query over the model.
 */
final class MonthSums {

    private final String model;
    private final Map<String, Map<String, Object>> byMonth = new HashMap<>();

    private MonthSums(String model) {
        this.model = model;
    }

    /** The sums of {@code columns} of {@code model}'s rows of the unit, a month a row. */
    static MonthSums of(ReportData data, String model, ReportUnit unit, List<String> columns) throws SQLException {
        StringBuilder sql = new StringBuilder("select year_month");
        for (String column : columns) {
            sql.append(", cast(sum(")
                    .append(column)
                    .append(") as bigint) as ")
                    .append(column)
                    .append(", cast(sum(sum(")
                    .append(column)
                    .append(")) over (partition by left(year_month, 4) order by year_month) as bigint) as ")
                    .append(column)
                    .append("_ytd");
        }
        sql.append(" from ")
                .append(model)
                .append(" where unit = ? and township_key is not distinct from ? group by year_month");
        MonthSums sums = new MonthSums(model);
        for (Map<String, Object> row : data.query(sql.toString(), unit.unitColumn(), unit.townshipKey())) {
            sums.byMonth.put((String) row.get("year_month"), row);
        }
        return sums;
    }

    /** The column's sum in the month; null for a month the model does not reach. */
    Object get(YearMonth month, String column) {
        Map<String, Object> row = byMonth.get(month.toString());
        return row == null ? null : row.get(column);
    }

    /**
     * A headline figure of a count: the month, the month before, a year before and, when {@code withYearToDate}, the
     * sum from january.
     */
    Figure figure(String label, String column, YearMonth month, boolean withYearToDate) {
        return new Figure(
                label,
                Measure.COUNT,
                get(month, column),
                get(month.minusMonths(1), column),
                get(month.minusYears(1), column),
                withYearToDate ? get(month, column + "_ytd") : null,
                model + "." + column);
    }

    /**
     * The twelve months to {@code month} as a table: a row each of the month and the columns' sums, headed by the
     * labels; a month the model does not reach has no figures (—), so every trend spans the same months.
     */
    Table trend(String title, YearMonth month, List<String> columns, String... labels) {
        List<Column> headings = new ArrayList<>();
        headings.add(new Column("月份", Measure.TEXT));
        for (String label : labels) {
            headings.add(new Column(label, Measure.COUNT));
        }
        List<List<Object>> rows = new ArrayList<>();
        for (YearMonth m = month.minusMonths(ReportData.TREND_MONTHS - 1); !m.isAfter(month); m = m.plusMonths(1)) {
            List<Object> row = new ArrayList<>();
            row.add(m.toString());
            for (String column : columns) {
                row.add(byMonth.containsKey(m.toString()) ? get(m, column) : null);
            }
            rows.add(row);
        }
        return new Table(title, headings, rows, null);
    }
}
