package org.hhw.warehouse;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The rows of a query as text, each value as the driver renders it (null stays null), under the
 * columns' labels: what the commands print, read before the statement is closed.
 */
public record QueryResult(List<String> columns, List<List<String>> rows) {

    /**
     * Runs one bundled query, {@code sql/<name>.sql} (the commands' own: {@code sql/cli}), its
     * {@code {placeholders}} filled from {@code values}, on {@code c}.
     */
    public static QueryResult bundled(Connection c, String name, Map<String, String> values) throws SQLException {
        List<String> statements = SqlScript.resource(name + ".sql").statements(values);
        if (statements.size() != 1) {
            throw new IllegalStateException("sql/" + name + ".sql must hold one query, not " + statements.size());
        }
        try (Statement st = c.createStatement();
                ResultSet rs = st.executeQuery(statements.get(0))) {
            return of(rs);
        }
    }

    public static QueryResult of(ResultSet rs) throws SQLException {
        ResultSetMetaData md = rs.getMetaData();
        List<String> columns = new ArrayList<>();
        for (int i = 1; i <= md.getColumnCount(); i++) {
            columns.add(md.getColumnLabel(i));
        }
        List<List<String>> rows = new ArrayList<>();
        while (rs.next()) {
            List<String> row = new ArrayList<>();
            for (int i = 1; i <= columns.size(); i++) {
                row.add(rs.getString(i));
            }
            rows.add(row);
        }
        return new QueryResult(columns, rows);
    }
}
