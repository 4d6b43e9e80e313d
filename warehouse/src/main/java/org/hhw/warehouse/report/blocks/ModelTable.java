package org.hhw.warehouse.report.blocks;

import java.math.BigDecimal;
import java.sql.SQLException;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.hhw.warehouse.report.Column;
import org.hhw.warehouse.report.Figure;
import org.hhw.warehouse.report.Measure;
import org.hhw.warehouse.report.ReportData;
import org.hhw.warehouse.report.ReportUnit;
import org.hhw.warehouse.report.Table;

/** The tables the blocks lay out from a report model's rows: one column of the table per column of the model. */
final class ModelTable {

    private ModelTable() {}

    /** A column of a report model as a table shows it, under the leaders' heading. */
    record Field(String label, Measure measure, String column) {}

    /** A table of the rows, a column per field, in the rows' order. */
    static Table of(String title, List<Field> fields, List<Map<String, Object>> rows, String note) {
        List<Column> columns =
                fields.stream().map(f -> new Column(f.label(), f.measure())).toList();
        List<List<Object>> values = new ArrayList<>();
        for (Map<String, Object> row : rows) {
            List<Object> cells = new ArrayList<>();
            for (Field field : fields) {
                cells.add(row.get(field.column()));
            }
            values.add(cells);
        }
        return new Table(title, columns, values, note);
    }

    /**
     * The month's row of every township (乡镇 first), in township-code order with 未归属乡镇, which is no township,
     * last.
     */
    static Table townships(
            ReportData data, String model, YearMonth month, String title, List<Field> fields, String note)
            throws SQLException {
        List<Map<String, Object>> rows = new ArrayList<>(data.townships(model, month));
        rows.sort(Comparator.comparing(r -> ((Long) r.get("township_key")) == 0L));
        return of(title, withFirst(new Field("乡镇", Measure.TEXT, "township"), fields), rows, note);
    }

    /**
     * The unit's twelve months to the report's month (月份 first, as yyyy-mm), a month the model has no row for
     * with no figures rather than left out, so that every trend spans the same months.
     */
    static Table trend(
            ReportData data, String model, ReportUnit unit, YearMonth month, String title, List<Field> fields)
            throws SQLException {
        return of(
                title,
                withFirst(new Field("月份", Measure.TEXT, "year_month"), fields),
                data.trend(model, unit, month),
                null);
    }

    /**
     * A figure of persons the copy keeps as a decimal (a plan target is stored in its unit, persons or 万元) as the
     * whole number a COUNT is.
     */
    static Figure counted(Figure f) {
        return new Figure(
                f.label(),
                Measure.COUNT,
                whole(f.month()),
                whole(f.previousMonth()),
                whole(f.yearAgo()),
                whole(f.yearToDate()),
                f.source());
    }

    static Object whole(Object value) {
        return value instanceof BigDecimal d ? d.longValueExact() : value;
    }

    static List<Field> withFirst(Field first, List<Field> rest) {
        List<Field> all = new ArrayList<>();
        all.add(first);
        all.addAll(rest);
        return all;
    }
}
