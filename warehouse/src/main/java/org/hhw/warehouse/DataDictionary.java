package org.hhw.warehouse;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The data dictionary kept in {@code /dictionary.yaml}: every table of the warehouse with its
 * meaning, grain and key, and every column with its meaning, in English and Chinese, in the order
 * the file gives them. A test holds it to the live schema, so it cannot drift.
 */
public final class DataDictionary {

    private static final String RESOURCE = "/dictionary.yaml";

    /** A table: its meaning, grain and key in English and Chinese, and its columns by name. */
    public record Table(String name, String en, String zh, String grain, String grainZh, String key,
                        Map<String, Column> columns) {
    }

    /** A column's meaning in English and Chinese. */
    public record Column(String en, String zh) {
    }

    private DataDictionary() {
    }

    /** Every documented table, by name, in the file's order. */
    @SuppressWarnings("unchecked")
    public static Map<String, Table> tables() {
        Map<String, Object> doc;
        try (InputStream in = DataDictionary.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("no " + RESOURCE + " on the classpath");
            }
            doc = new Yaml(new SafeConstructor(new LoaderOptions())).load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, Table> tables = new LinkedHashMap<>();
        doc.forEach((name, value) -> {
            Map<String, Object> t = (Map<String, Object>) value;
            Map<String, Column> columns = new LinkedHashMap<>();
            ((Map<String, List<String>>) t.get("columns")).forEach((column, texts) -> {
                if (texts.size() != 2) {
                    throw new IllegalStateException(RESOURCE + ": " + name + "." + column
                            + " needs [English, 中文], got " + texts);
                }
                columns.put(column, new Column(texts.get(0), texts.get(1)));
            });
            tables.put(name, new Table(name, (String) t.get("en"), (String) t.get("zh"), (String) t.get("grain"),
                    (String) t.get("grain_zh"), (String) t.get("key"), columns));
        });
        return tables;
    }
}
