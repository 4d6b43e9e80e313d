package org.hhw.warehouse.lake;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;
import org.hhw.sources.contract.ContractRegistry;
import org.hhw.sources.contract.Contracts;
import org.hhw.warehouse.FileModes;

/**
 * Masks the resident IDs that lakes written before findings were masked at the source still hold
 * in their reject and warning parts. Those lakes relied on the warehouse's load to mask, which it
 * no longer does, so a rebuild from them would put raw IDs in front of analysts (and fail the
 * {@code no_raw_resident_id} data test). Runs once per lake, by a holder of the writer lock;
 * {@code findings-masked} in the lake's root records that it has. Each part is rewritten under
 * its own name atomically, so a crash midway leaves every part either old or masked and the next
 * start carries on.
 */
public final class LegacyFindings {

    private static final String DONE = "findings-masked";

    private LegacyFindings() {}

    /** Masks every part that needs it; returns how many parts were rewritten (0 once done). */
    public static int mask(Lake lake, ContractRegistry contracts) {
        Path done = lake.root().resolve(DONE);
        if (Files.exists(done) || !Files.isDirectory(lake.root())) {
            return 0;
        }
        int rewritten = 0;
        try (Connection duck = DriverManager.getConnection("jdbc:duckdb:")) {
            for (Path part : findingParts(lake.root())) {
                if (maskPart(duck, part, contracts)) {
                    rewritten++;
                }
            }
            Files.writeString(done, "resident IDs in reject and warning parts are masked\n");
            FileModes.ownerOnly(done);
        } catch (SQLException e) {
            throw new IllegalStateException(
                    "cannot mask the findings of the lake " + lake.root() + ": " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "cannot mask the findings of the lake " + lake.root() + ": " + e.getMessage(), e);
        }
        return rewritten;
    }

    /** {@code source=…/file_key=…/{rejects,warnings}/*.parquet}, of every source the contracts know. */
    private static List<Path> findingParts(Path root) throws IOException {
        List<Path> parts = new ArrayList<>();
        for (String source : Contracts.SOURCES) {
            Path dir = root.resolve("source=" + source);
            if (!Files.isDirectory(dir)) {
                continue;
            }
            try (Stream<Path> files = Files.find(
                    dir,
                    3,
                    (p, a) -> a.isRegularFile()
                            && p.getFileName().toString().endsWith(".parquet")
                            && (p.getParent().getFileName().toString().equals("rejects")
                                    || p.getParent().getFileName().toString().equals("warnings")))) {
                parts.addAll(files.sorted().toList());
            }
        }
        return parts;
    }

    private static boolean maskPart(Connection duck, Path part, ContractRegistry contracts)
            throws SQLException, IOException {
        String source = part.getParent()
                .getParent()
                .getParent()
                .getFileName()
                .toString()
                .substring("source=".length());
        FindingMask mask = new FindingMask(contracts.get(source));
        List<Object[]> rows = new ArrayList<>();
        boolean changed = false;
        try (Statement st = duck.createStatement();
                ResultSet rs = st.executeQuery(
                        "select sheet, row_number, field, column_name, raw_value, reason_code, message from read_parquet('"
                                + part.toString().replace("'", "''") + "')")) {
            while (rs.next()) {
                String field = rs.getString(3);
                String raw = rs.getString(5);
                String message = rs.getString(7);
                String value = mask.value(field, raw);
                String maskedMessage = mask.message(field, raw, message);
                changed |= !Objects.equals(value, raw) || !Objects.equals(maskedMessage, message);
                rows.add(new Object[] {
                    rs.getString(1),
                    (Integer) rs.getObject(2),
                    field,
                    rs.getString(4),
                    value,
                    rs.getString(6),
                    maskedMessage
                });
            }
        }
        if (changed) {
            try (LakePartWriter writer = LakePartWriter.create(part, Lake.FINDING_COLUMNS)) {
                for (Object[] row : rows) {
                    writer.write(row);
                }
            }
        }
        return changed;
    }
}
