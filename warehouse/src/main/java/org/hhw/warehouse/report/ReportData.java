package org.hhw.warehouse.report;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.hhw.warehouse.AnalystConnection;
import org.hhw.warehouse.QueryResult;

/**
 * The report models of one published copy (a month's snapshot), opened through the analysts' door:
 * reports read what analysts may read and nothing else. Values come back as the forms take them: whole
 * numbers as {@code Long}, decimals as {@code BigDecimal}, anything else as text, null as null.
 *
 * <p>A unit's rows of a model are read once and kept: a report asks each model for the month, the
 * month before, a year before and twelve months of trend.
 */
public final class ReportData implements AutoCloseable {

    private final Connection connection;
    private final Map<String, Map<String, Map<String, Object>>> byModelAndUnit = new HashMap<>();

    private ReportData(Connection connection) {
        this.connection = connection;
    }

    public static ReportData open(Path publishedCopy) throws SQLException {
        return new ReportData(AnalystConnection.open(publishedCopy));
    }

    /** The county and each township of the gazetteer (dim_township), in township-code order. */
    public List<ReportUnit> units(String county) throws SQLException {
        List<ReportUnit> units = new ArrayList<>();
        units.add(ReportUnit.county(county));
        for (Map<String, Object> row : query("select township_key, township from dim_township order by township_key")) {
            units.add(new ReportUnit(((Long) row.get("township_key")).intValue(), (String) row.get("township")));
        }
        return units;
    }

    /**
     * The months a report can be made for, oldest first: those in which a department's event happened (aid paid, a
     * stay admitted, a loan issued, a course started; {@code sql/cli/report_months.sql}).
     */
    public List<YearMonth> monthsWithData() throws SQLException {
        List<YearMonth> months = new ArrayList<>();
        for (List<String> row :
                QueryResult.bundled(connection, "cli/report_months", Map.of()).rows()) {
            months.add(YearMonth.parse(row.get(0)));
        }
        return months;
    }

    /** The data tests the copy failed (none for a copy the publish gate let through). */
    public long failingDataTests() throws SQLException {
        return (Long) query("select count(*) as n from etl_data_test").get(0).get("n");
    }

    /** The unit's row of a report model for the month (keyed by unit, township_key, year_month), if any. */
    public Optional<Map<String, Object>> row(String model, ReportUnit unit, YearMonth month) throws SQLException {
        return Optional.ofNullable(rowsOf(model, unit).get(month.toString()));
    }

    /** How many months a trend shows, the report's month the last. */
    public static final int TREND_MONTHS = 12;

    /**
     * The unit's rows of a report model for the twelve months to {@code month}, oldest first; a month the model has
     * no row for is a row with its {@code year_month} only, so that every trend spans the same months and a form
     * shows a gap (—), never a zero, where there is no figure.
     */
    public List<Map<String, Object>> trend(String model, ReportUnit unit, YearMonth month) throws SQLException {
        Map<String, Map<String, Object>> rows = rowsOf(model, unit);
        List<Map<String, Object>> out = new ArrayList<>();
        for (YearMonth m = month.minusMonths(TREND_MONTHS - 1); !m.isAfter(month); m = m.plusMonths(1)) {
            out.add(rows.getOrDefault(m.toString(), Map.of("year_month", m.toString())));
        }
        return out;
    }

    /** Every township row of a report model for the month in code order, 未归属乡镇 last, for rankings. */
    public List<Map<String, Object>> townships(String model, YearMonth month) throws SQLException {
        return query(
                "select * from " + identifier(model)
                        + " where unit = 'township' and year_month = ? order by township_key = 0, township_key",
                month.toString());
    }

    /**
     * A headline figure read from one column of a report model: the month, the month before, the same
     * month a year earlier, and the year-to-date column beside it (null for none).
     */
    public Figure figure(
            String label,
            Measure measure,
            String model,
            String column,
            String ytdColumn,
            ReportUnit unit,
            YearMonth month)
            throws SQLException {
        Map<String, Object> now = row(model, unit, month).orElse(Map.of());
        return new Figure(
                label,
                measure,
                now.get(column),
                row(model, unit, month.minusMonths(1)).map(r -> r.get(column)).orElse(null),
                row(model, unit, month.minusYears(1)).map(r -> r.get(column)).orElse(null),
                ytdColumn == null ? null : now.get(ytdColumn),
                model + "." + column);
    }

    /** Any query over the copy, its {@code ?} bound in order; for the lists a block shows. */
    public List<Map<String, Object>> query(String sql, Object... parameters) throws SQLException {
        try (PreparedStatement st = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                st.setObject(i + 1, parameters[i]);
            }
            try (ResultSet rs = st.executeQuery()) {
                ResultSetMetaData md = rs.getMetaData();
                List<Map<String, Object>> rows = new ArrayList<>();
                while (rs.next()) {
                    Map<String, Object> row = new LinkedHashMap<>();
                    for (int i = 1; i <= md.getColumnCount(); i++) {
                        row.put(md.getColumnLabel(i), value(rs.getObject(i)));
                    }
                    rows.add(row);
                }
                return rows;
            }
        }
    }

    private Map<String, Map<String, Object>> rowsOf(String model, ReportUnit unit) throws SQLException {
        String key = model + "/" + unit.townshipKey();
        Map<String, Map<String, Object>> rows = byModelAndUnit.get(key);
        if (rows == null) {
            rows = new HashMap<>();
            for (Map<String, Object> row : query(
                    "select * from " + identifier(model) + " where unit = ? and township_key is not distinct from ?",
                    unit.unitColumn(),
                    unit.townshipKey())) {
                rows.put((String) row.get("year_month"), row);
            }
            byModelAndUnit.put(key, rows);
        }
        return rows;
    }

    private static Object value(Object v) {
        if (v == null || v instanceof String || v instanceof BigDecimal || v instanceof Long) {
            return v;
        }
        if (v instanceof Integer || v instanceof Short || v instanceof Byte) {
            return ((Number) v).longValue();
        }
        if (v instanceof BigInteger b) {
            return b.longValueExact();
        }
        if (v instanceof Double || v instanceof Float) {
            return new BigDecimal(v.toString());
        }
        return v.toString();
    }

    /** Model names come from code, never from a user; checked anyway since they are spliced into SQL. */
    private static String identifier(String model) {
        if (!model.matches("[a-z_][a-z0-9_]*")) {
            throw new IllegalArgumentException("not a model name: " + model);
        }
        return model;
    }

    @Override
    public void close() throws SQLException {
        connection.close();
    }
}
