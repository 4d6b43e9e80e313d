package org.hhw.warehouse;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The data dictionary (the YAML beside every table and model under {@code sql/}) against the live schema of a warehouse with its marts built. */
class DataDictionaryTest {

    /** The tables every one of which must be documented; a new family of tables is one more prefix here. */
    private static final List<String> DOCUMENTED_PREFIXES = List.of("dim_", "fact_", "etl_", "ref_", "mart_", "rpt_");

    @TempDir
    Path dir;

    private RegistryLoads loads;

    @BeforeEach
    void open() {
        loads = new RegistryLoads(dir.resolve("home"));
        loads.warehouse().buildMarts();
    }

    @AfterEach
    void close() {
        loads.close();
    }

    @Test
    void everyTableAndColumnInScopeIsDocumentedAndEveryDocumentedOneExists() {
        // given the live schema and the dictionary
        TreeSet<String> live =
                loads.rows("""
                select table_name || '.' || column_name from information_schema.columns
                where table_catalog = current_database() and table_schema = 'main'""").stream().map(r -> (String) r.get(0)).collect(Collectors.toCollection(TreeSet::new));
        TreeSet<String> documented = new TreeSet<>();
        DataDictionary.tables()
                .forEach((table, t) -> t.columns().keySet().forEach(c -> documented.add(table + "." + c)));

        // then nothing in scope is undocumented, and nothing documented is missing
        assertThat(live)
                .filteredOn(DataDictionaryTest::inScope)
                .as("undocumented")
                .isSubsetOf(documented);
        assertThat(documented).as("documented but not in the warehouse").isSubsetOf(live);
        assertThat(DataDictionary.tables().keySet())
                .as("documented tables in scope")
                .allMatch(DataDictionaryTest::inScope);
    }

    @Test
    void everyEntryHasBothLanguagesAGrainAndAKeyOfItsOwnColumns() {
        // given the dictionary
        Map<String, DataDictionary.Table> tables = DataDictionary.tables();

        // then every table and column says what it is in English and Chinese, and its key names its columns
        List<String> gaps = new ArrayList<>();
        tables.values().forEach(t -> {
            if (blank(t.en()) || blank(t.zh()) || blank(t.grain()) || blank(t.grainZh()) || blank(t.key())) {
                gaps.add(t.name());
            }
            t.columns().forEach((c, column) -> {
                if (blank(column.en()) || blank(column.zh()) || !hasHan(column.zh())) {
                    gaps.add(t.name() + "." + c);
                }
            });
            Arrays.stream(t.key().replaceAll("\\(.*\\)", "").split(","))
                    .map(String::strip)
                    .filter(k -> !t.columns().containsKey(k))
                    .forEach(k -> gaps.add(t.name() + " key " + k));
        });
        assertThat(gaps).isEmpty();
        assertThat(tables).hasSize(42);
    }

    private static boolean inScope(String tableOrColumn) {
        return DOCUMENTED_PREFIXES.stream().anyMatch(tableOrColumn::startsWith);
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static boolean hasHan(String s) {
        return s.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN);
    }
}
