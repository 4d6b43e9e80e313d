package org.hhw.warehouse.receipt;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;

import org.hhw.sources.clean.Reason;
import org.hhw.sources.contract.Contract;
import org.hhw.sources.table.NonDataRow;
import org.hhw.warehouse.EtlFile;
import org.hhw.warehouse.Warehouse;
import org.hhw.warehouse.WarehouseException;
import org.hhw.warehouse.lake.Lake;
import org.hhw.warehouse.lake.ReceiptSpool;

/**
 * Builds a file's receipt from what the warehouse and the lake recorded of it. Rejected and warned
 * values, and the messages quoting them, are shown as the clerk wrote them, since the receipt goes
 * back to the clerk who owns the data: the lake and the warehouse keep resident IDs only masked, so
 * what masking changed is read from the file's {@link ReceiptSpool}, which is deleted once the
 * receipt is written. (A crash after that rewrites the receipt with the IDs masked: a receipt that
 * shows less, rather than raw IDs kept past their use.)
 */
public final class Receipts {

    private static final String STATUS_LOADED = "已入库";
    private static final String STATUS_DUPLICATE = "重复文件，未重复入库";

    private Receipts() {
    }

    public static void write(Warehouse warehouse, ReceiptSpool spool, Contract contract, int fileKey, Path target) {
        EtlFile file = warehouse.file(fileKey).orElseThrow();
        EtlFile original = file.duplicateOf() == null ? null : warehouse.file(file.duplicateOf()).orElseThrow();
        Connection c = warehouse.connection();
        Lake lake = warehouse.lake();
        Map<String, String> labels = new LinkedHashMap<>();
        for (Reason r : Reason.values()) {
            labels.put(r.name(), r.labelZh());
        }
        try {
            if (original != null) {
                // Nothing of a duplicate was read, so it has no lake parts, no findings and nothing spooled.
                ReceiptWriter.write(target, summary(contract, file, original, c, new long[] {0, 0}),
                        Collections.emptyIterator(), Collections.emptyIterator(), labels);
                return;
            }
            long[] people = counts(c, contract, lake.glob(contract.source(), fileKey, Lake.Part.ROWS));
            String sheetOrder = sheetOrder(file);
            String spooled = spool.relation(contract.source(), fileKey);
            try (Lines rejectLines = findings(c, "etl_reject", spooled, sheetOrder, fileKey);
                 Lines warningLines = findings(c, "etl_warning", spooled, sheetOrder, fileKey)) {
                ReceiptWriter.write(target, summary(contract, file, null, c, people), rejectLines, warningLines,
                        labels);
            }
            spool.delete(contract.source(), fileKey);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the receipt " + target, e);
        }
    }

    private static ReceiptSummary summary(Contract contract, EtlFile file, EtlFile original, Connection c,
            long[] people) {
        boolean duplicate = original != null;
        return new ReceiptSummary(file.fileName(), contract.label(), file.sha256(), file.receivedAt(),
                duplicate ? null : file.loadedAt(), duplicate ? STATUS_DUPLICATE : STATUS_LOADED,
                duplicate ? original.loadedAt() : null, duplicate ? original.fileName() : null,
                nz(file.rowsRead()), nz(file.rowsLoaded()), nz(file.rowsRejected()), nz(file.rowsNonData()),
                nz(file.rowsWarned()), byReason(c, file.fileKey()), nonDataByKind(c, file.fileKey()),
                split(file.sheetsRead()), split(file.sheetsSkipped()), split(file.unknownColumns()), people[0],
                people[1]);
    }

    /** A file's findings in {@code table}, with the value and message as written where the spool has them. */
    private static Lines findings(Connection c, String table, String spooled, String sheetOrder, int fileKey) {
        return new Lines(c, """
                select f.sheet, f.row_number, f.column_name, coalesce(s.raw_value, f.raw_value), f.reason_code,
                       coalesce(s.message, f.message)
                from %s f
                left join (select distinct sheet, row_number, column_name, reason_code, raw_value, message
                           from %s) s
                  using (sheet, row_number, column_name, reason_code)
                where f.file_key = ?
                order by list_position(%s, f.sheet), f.row_number, f.column_name
                """.formatted(table, spooled, sheetOrder), fileKey);
    }

    private static String sheetOrder(EtlFile file) {
        List<String> sheets = split(file.sheetsRead());
        StringBuilder sb = new StringBuilder("[");
        for (int i = 0; i < sheets.size(); i++) {
            sb.append(i == 0 ? "" : ", ").append('\'').append(sheets.get(i).replace("'", "''")).append('\'');
        }
        return sb.append("]::varchar[]").toString();
    }

    private static long[] counts(Connection c, Contract contract, String rowsGlob) {
        boolean households = contract.fields().stream().anyMatch(f -> f.name().equals("household_id"));
        String sql = "select " + (households ? "count(distinct household_id)" : "0")
                + ", count(distinct person_id_hash) from read_parquet(" + rowsGlob + ")";
        try (PreparedStatement ps = c.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
            rs.next();
            return new long[] {rs.getLong(1), rs.getLong(2)};
        } catch (SQLException e) {
            throw new WarehouseException("cannot count the file's people: " + e.getMessage(), e);
        }
    }

    private static Map<String, Long> byReason(Connection c, int fileKey) {
        return grouped(c, "select reason_code, count(*) from (select distinct sheet, row_number, reason_code "
                + "from etl_reject where file_key = ?) group by reason_code order by count(*) desc, reason_code", fileKey);
    }

    private static Map<String, Long> nonDataByKind(Connection c, int fileKey) {
        Map<String, Long> byCode = grouped(c, "select kind, count(*) from etl_non_data where file_key = ? "
                + "group by kind order by kind", fileKey);
        Map<String, Long> out = new LinkedHashMap<>();
        byCode.forEach((kind, n) -> out.put(NonDataRow.Kind.valueOf(kind).labelZh(), n));
        return out;
    }

    private static Map<String, Long> grouped(Connection c, String sql, int fileKey) {
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

    private static List<String> split(String list) {
        return list == null || list.isEmpty() ? List.of() : Arrays.asList(list.split("；"));
    }

    private static long nz(Long n) {
        return n == null ? 0 : n;
    }

    /** Receipt lines streamed from a query, so a file with a million rejects stays in bounded memory. */
    private static final class Lines implements Iterator<ReceiptLine>, AutoCloseable {
        private final PreparedStatement statement;
        private final ResultSet rows;
        private Boolean hasNext;

        Lines(Connection c, String sql, int fileKey) {
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
                return new ReceiptLine(rows.getString(1), rows.getInt(2), rows.getString(3), rows.getString(4),
                        rows.getString(5), rows.getString(6));
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
