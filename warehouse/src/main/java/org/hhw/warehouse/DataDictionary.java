package org.hhw.warehouse;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The data dictionary: every table of the warehouse (and of the analysts' copy) with its meaning, grain
 * and key, and every column with its meaning, in English and Chinese, as the YAML beside it gives them:
 * {@code sql/tables/<table>.yml} for the tables migrations make and loads fill, {@code sql/marts/<mart>.yml}
 * for the marts and {@code sql/reports/<report>.yml} for the report models (see {@link Models}). A test holds it to the live schema, so it cannot drift.
 */
public final class DataDictionary {

    /** A table: its meaning, grain and key in English and Chinese, and its columns by name. */
    public record Table(
            String name, String en, String zh, String grain, String grainZh, String key, Map<String, Column> columns) {}

    /** A column's meaning in English and Chinese. */
    public record Column(String en, String zh) {}

    private DataDictionary() {}

    /**
     * Every documented table, by name: the tables, then the marts and reports, each by name. The intermediate
     * models are views the marts share, documented beside them but not tables of the warehouse.
     */
    public static Map<String, Table> tables() {
        Map<String, Table> tables = new LinkedHashMap<>();
        Models.project().relations().values().stream()
                .filter(r -> !"intermediate".equals(r.folder()))
                .forEach(r -> tables.put(r.name(), r.doc()));
        return tables;
    }
}
