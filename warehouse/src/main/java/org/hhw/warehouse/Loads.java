package org.hhw.warehouse;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.hhw.sources.contract.Contract;
import org.hhw.sources.contract.FieldType;
import org.hhw.warehouse.lake.Lake;

/**
 * Loads files' lake parts into the warehouse: the load scripts of {@code sql/load}, each pass in one transaction. The
 * files of one department that come one after the other load in one pass: one run of the scripts over all their
 * parts, which gives what loading them one after the other would (in key order, the order a rebuild replays them in),
 * for the cost of about one; the scripts' statements cost much the same for a thousand rows as for twenty thousand.
 * A registry file replaces the state of the townships it covers, and loads alone.
 */
final class Loads {

    /**
     * The most files one pass loads: the staging numbers a row's place in the load as one bigint, its file's place in
     * the load above bit 48 ({@code staging/stage_rows.sql}).
     */
    static final int MAX_FILES_IN_ONE_PASS = 1_000;

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
     * Loads the files, in the order given, the department files that come one after the other of one source in one
     * pass (one transaction); then writes each file's lake manifest. A file already LOADED is left as it is (a load
     * redone after a crash).
     */
    void load(List<FileToLoad> toLoad) {
        List<FileToLoad> waiting = toLoad.stream()
                .filter(f -> !EtlFile.LOADED.equals(files.file(f.fileKey())
                        .orElseThrow(() -> new WarehouseException("no etl_file " + f.fileKey(), null))
                        .status()))
                .toList();
        for (List<FileToLoad> pass : passes(waiting)) {
            Contract contract = pass.get(0).contract();
            for (FileToLoad f : pass) {
                lake.ensureParts(contract.source(), f.fileKey(), contract);
            }
            replay(contract, pass.stream().map(FileToLoad::fileKey).toList(), () -> {
                for (FileToLoad f : pass) {
                    files.recordSheets(f.fileKey(), f.sheets());
                }
            });
        }
        for (FileToLoad f : toLoad) {
            files.writeManifest(f.fileKey());
        }
    }

    /** The passes of a load: runs of department files of one source, each in key order; a registry file alone. */
    private static List<List<FileToLoad>> passes(List<FileToLoad> files) {
        List<List<FileToLoad>> passes = new ArrayList<>();
        List<FileToLoad> pass = new ArrayList<>();
        for (FileToLoad f : files) {
            boolean joins = !pass.isEmpty()
                    && f.contract().fact() != null
                    && pass.get(0).contract().source().equals(f.contract().source())
                    && pass.size() < MAX_FILES_IN_ONE_PASS;
            if (!joins && !pass.isEmpty()) {
                passes.add(pass);
                pass = new ArrayList<>();
            }
            pass.add(f);
        }
        if (!pass.isEmpty()) {
            passes.add(pass);
        }
        passes.forEach(p -> p.sort(Comparator.comparingInt(FileToLoad::fileKey)));
        return passes;
    }

    /** One file's load, as {@link #replay(Contract, List, Writer.SqlWork)}: what a rebuild replays. */
    void replay(Contract contract, int fileKey, Writer.SqlWork firstWrite) {
        replay(contract, List.of(fileKey), firstWrite);
    }

    /**
     * The SQL of one pass over these files of one source (a registry file alone): shared staging, the source's own
     * models, shared accounting. Each script's preparation runs first, outside any transaction (it only makes
     * temporary tables and views); then {@code firstWrite} and every script's writes run in one transaction.
     */
    void replay(Contract contract, List<Integer> fileKeys, Writer.SqlWork firstWrite) {
        Contract.Fact fact = contract.fact();
        if (fact == null && fileKeys.size() != 1) {
            throw new IllegalArgumentException("a registry file loads alone, not with " + fileKeys);
        }
        Map<String, String> values = new HashMap<>();
        String source = contract.source();
        values.put("file_keys", fileKeys.stream().map(String::valueOf).collect(Collectors.joining(", ")));
        values.put("rows", globs(source, fileKeys, Lake.Part.ROWS));
        values.put("rejects", globs(source, fileKeys, Lake.Part.REJECTS));
        values.put("warnings", globs(source, fileKeys, Lake.Part.WARNINGS));
        values.put("non_data", globs(source, fileKeys, Lake.Part.NON_DATA));
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
        List<SqlScript> scripts = new ArrayList<>();
        scripts.add(SqlScript.resource("staging/stage_rows.sql"));
        scripts.add(SqlScript.resource("load/findings.sql"));
        if (fact != null) {
            values.put("fact_table", fact.table());
            values.put("event_date", fact.eventDate());
            scripts.add(SqlScript.resource("load/link_persons.sql"));
            scripts.add(SqlScript.resource("load/supersede.sql"));
        } else {
            int fileKey = fileKeys.get(0);
            values.put("file_key", Integer.toString(fileKey));
            values.put("valid_from", "(select received_at from etl_file where file_key = " + fileKey + ")");
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

    /** A SQL list of the globs of one kind of part of these files. */
    private String globs(String source, List<Integer> fileKeys, Lake.Part part) {
        return fileKeys.stream().map(k -> lake.glob(source, k, part)).collect(Collectors.joining(", ", "[", "]"));
    }

    private static List<String> naturalKeyColumns(Contract contract) {
        return contract.naturalKey().stream()
                .map(k -> contract.field(k).type() == FieldType.RESIDENT_ID ? "person_id_hash" : k)
                .toList();
    }
}
