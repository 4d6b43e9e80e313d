package org.hhw.warehouse;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.hhw.sources.contract.Contract;
import org.hhw.sources.contract.FieldType;
import org.hhw.warehouse.lake.Lake;

/** Loads a file's lake parts into the warehouse: the load scripts of {@code sql/load}, in one transaction. */
final class Loads {

    private final Writer writer;
    private final Connection connection;
    private final Lake lake;
    private final EtlFiles files;

    Loads(Writer writer, Lake lake, EtlFiles files) {
        this.writer = writer;
        this.connection = writer.connection();
        this.lake = lake;
        this.files = files;
    }

    /**
     * Loads a file's lake parts into the warehouse in one transaction. A file already LOADED is
     * left as it is (a load redone after a crash).
     */
    void load(Contract contract, int fileKey, SheetSummary sheets) {
        EtlFile file = files.file(fileKey).orElseThrow(() -> new WarehouseException("no etl_file " + fileKey, null));
        if (!EtlFile.LOADED.equals(file.status())) {
            lake.ensureParts(contract.source(), fileKey, contract);
            replay(contract, fileKey, () -> files.recordSheets(fileKey, sheets));
        }
        files.writeManifest(fileKey);
    }

    /**
     * The SQL of one load: shared staging, the source's own models, shared accounting. Each script's
     * preparation runs first, outside any transaction (it only makes temporary tables and views);
     * then {@code firstWrite} and every script's writes run in one transaction.
     */
    void replay(Contract contract, int fileKey, Writer.SqlWork firstWrite) {
        Map<String, String> values = new HashMap<>();
        String source = contract.source();
        values.put("file_key", Integer.toString(fileKey));
        values.put("rows", lake.glob(source, fileKey, Lake.Part.ROWS));
        values.put("rejects", lake.glob(source, fileKey, Lake.Part.REJECTS));
        values.put("warnings", lake.glob(source, fileKey, Lake.Part.WARNINGS));
        values.put("non_data", lake.glob(source, fileKey, Lake.Part.NON_DATA));
        Contract.Fact fact = contract.fact();
        values.put(
                "natural_key",
                fact != null && fact.naturalKeySql() != null
                        ? fact.naturalKeySql()
                        : String.join(", ", naturalKeyColumns(contract)));
        values.put(
                "key_label",
                fact != null && fact.naturalKeyLabel() != null
                        ? fact.naturalKeyLabel()
                        : contract.naturalKey().stream()
                                .map(k -> contract.field(k).label())
                                .collect(Collectors.joining("、")));
        values.put("valid_from", "(select received_at from etl_file where file_key = " + fileKey + ")");
        List<SqlScript> scripts = new ArrayList<>();
        scripts.add(SqlScript.resource("staging/stage_rows.sql"));
        scripts.add(SqlScript.resource("load/findings.sql"));
        if (fact != null) {
            values.put("fact_table", fact.table());
            values.put("event_date", fact.eventDate());
            scripts.add(SqlScript.resource("load/link_persons.sql"));
            scripts.add(SqlScript.resource("load/supersede.sql"));
        }
        scripts.add(SqlScript.resource("load/" + source + ".sql"));
        if (fact != null) {
            scripts.add(SqlScript.resource("load/changes.sql"));
        }
        scripts.add(SqlScript.resource("load/finish.sql"));
        try {
            for (SqlScript script : scripts) {
                script.preparation().execute(connection, values);
            }
        } catch (SQLException e) {
            throw new WarehouseException(e.getMessage(), e);
        }
        writer.inTransaction(() -> {
            firstWrite.run();
            for (SqlScript script : scripts) {
                script.writes().execute(connection, values);
            }
        });
    }

    private static List<String> naturalKeyColumns(Contract contract) {
        return contract.naturalKey().stream()
                .map(k -> contract.field(k).type() == FieldType.RESIDENT_ID ? "person_id_hash" : k)
                .toList();
    }
}
