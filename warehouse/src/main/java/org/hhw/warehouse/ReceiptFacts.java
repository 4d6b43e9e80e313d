package org.hhw.warehouse;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import org.hhw.sources.contract.Contract;
import org.hhw.sources.table.NonDataRow;
import org.hhw.warehouse.lake.Lake;
import org.hhw.warehouse.receipt.ReceiptLine;

/**
 * What a file's receipt says that is not in its {@code etl_file} row: the people its rows name, its
 * rejects by reason, its non-data rows by kind, and its findings line by line. Asked of the warehouse
 * ({@link Warehouse#receiptFacts()}), which answers from its writer connection.
 */
public final class ReceiptFacts {

    /** The distinct households (0 for a source without them) and persons a file's loaded rows name. */
    public record People(long households, long persons) {}

    private final Connection c;
    private final Lake lake;

    ReceiptFacts(Connection c, Lake lake) {
        this.c = c;
        this.lake = lake;
    }

    public People people(Contract contract, int fileKey) {
        String rowsGlob = lake.glob(contract.source(), fileKey, Lake.Part.ROWS);
        boolean households = contract.fields().stream().anyMatch(f -> f.name().equals("household_id"));
        String sql = "select " + (households ? "count(distinct household_id)" : "0")
                + ", count(distinct person_id_hash) from read_parquet(" + rowsGlob + ")";
        try (PreparedStatement ps = c.prepareStatement(sql);
                ResultSet rs = ps.executeQuery()) {
            rs.next();
            return new People(rs.getLong(1), rs.getLong(2));
        } catch (SQLException e) {
            throw new WarehouseException("cannot count the file's people: " + e.getMessage(), e);
        }
    }

    /** Rejected rows by reason code, the commonest first. */
    public Map<String, Long> rejectsByReason(int fileKey) {
        return grouped(
                "select reason_code, count(*) from (select distinct sheet, row_number, reason_code "
                        + "from etl_reject where file_key = ?) group by reason_code order by count(*) desc, reason_code",
                fileKey);
    }

    /** Non-data rows by kind, labelled in Chinese. */
    public Map<String, Long> nonDataByKind(int fileKey) {
        Map<String, Long> byCode = grouped(
                "select kind, count(*) from etl_non_data where file_key = ? " + "group by kind order by kind", fileKey);
        Map<String, Long> out = new LinkedHashMap<>();
        byCode.forEach((kind, n) -> out.put(NonDataRow.Kind.valueOf(kind).labelZh(), n));
        return out;
    }

    /**
     * The file's rejected values in the order of its {@code sheets}, rows and columns, with the value and
     * message as written where the relation {@code spooled} has them.
     */
    public Lines rejects(int fileKey, List<String> sheets, String spooled) {
        return findings("etl_reject", spooled, sheets, fileKey);
    }

    /** The file's warned values, as {@link #rejects} gives the rejected ones. */
    public Lines warnings(int fileKey, List<String> sheets, String spooled) {
        return findings("etl_warning", spooled, sheets, fileKey);
    }

    /** A file's findings in {@code table}, with the value and message as written where the spool has them. */
    private Lines findings(String table, String spooled, List<String> sheets, int fileKey) {
        return new Lines(c, """
                select f.sheet, f.row_number, f.column_name, coalesce(s.raw_value, f.raw_value), f.reason_code,
                       coalesce(s.message, f.message)
                from %s f
                left join (select distinct sheet, row_number, column_name, reason_code, raw_value, message
                           from %s) s
                  using (sheet, row_number, column_name, reason_code)
                where f.file_key = ?
                order by list_position(%s, f.sheet), f.row_number, f.column_name
                """.formatted(table, spooled, sheetOrder(sheets)), fileKey);
    }

    private static String sheetOrder(List<String> sheets) {
        StringBuilder sb = new StringBuilder("[");
        for (int i = 0; i < sheets.size(); i++) {
            sb.append(i == 0 ? "" : ", ")
                    .append('\'')
                    .append(sheets.get(i).replace("'", "''"))
                    .append('\'');
        }
        return sb.append("]::varchar[]").toString();
    }

    private Map<String, Long> grouped(String sql, int fileKey) {
        Map<String, Long> out = new LinkedHashMap<>();
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setInt(1, fileKey);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.put(rs.getString(1), rs.getLong(2));
                }
            }
        } catch (SQLException e) {
            throw new WarehouseException(e.getMessage(), e);
        }
        return out;
    }

    /** Receipt lines streamed from a query, so a file with a million rejects stays in bounded memory. */
    public static final class Lines implements Iterator<ReceiptLine>, AutoCloseable {
        private final PreparedStatement statement;
        private final ResultSet rows;
        private Boolean hasNext;

        private Lines(Connection c, String sql, int fileKey) {
            try {
                statement = c.prepareStatement(sql);
                statement.setInt(1, fileKey);
                rows = statement.executeQuery();
            } catch (SQLException e) {
                throw new WarehouseException("cannot read the receipt lines: " + e.getMessage(), e);
            }
        }

        @Override
        public boolean hasNext() {
            if (hasNext == null) {
                try {
                    hasNext = rows.next();
                } catch (SQLException e) {
                    throw new WarehouseException(e.getMessage(), e);
                }
            }
            return hasNext;
        }

        @Override
        public ReceiptLine next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            hasNext = null;
            try {
                return new ReceiptLine(
                        rows.getString(1),
                        rows.getInt(2),
                        rows.getString(3),
                        rows.getString(4),
                        rows.getString(5),
                        rows.getString(6));
            } catch (SQLException e) {
                throw new WarehouseException(e.getMessage(), e);
            }
        }

        @Override
        public void close() {
            try {
                rows.close();
                statement.close();
            } catch (SQLException e) {
                throw new WarehouseException(e.getMessage(), e);
            }
        }
    }
}
