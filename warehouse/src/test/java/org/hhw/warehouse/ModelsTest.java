package org.hhw.warehouse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The SQL project's models: their YAML, their build order and the tests they declare. */
class ModelsTest {

    private static final String TABLE = """
            en: "Things."
            zh: "物品"
            grain: "one thing"
            grain_zh: "每件物品一行"
            key: "thing_key (natural key code)"
            tests:
              - unique: [code]
              - not_null: [code]
              - accepted_values: {column: colour, values: [red, blue]}
            columns:
              thing_key: ["the key", "键"]
              code: ["the code", "代码"]
              colour: ["the colour", "颜色"]
            """;

    @Test
    void modelsAreBuiltAfterWhatTheyDependOnWhateverTheirNames() {
        // given a mart read by nothing, reading an intermediate model that reads another one
        Map<String, String> files = project(
                "intermediate/int_b",
                "depends_on: [int_c, thing]",
                "create view int_b as select * from int_c;",
                "intermediate/int_c",
                "depends_on: [thing]",
                "create view int_c as select * from thing;",
                "marts/mart_a",
                "depends_on: [int_b]",
                "create table mart_a as select * from int_b;");

        // when
        List<String> order = Models.of(files).buildOrder().stream()
                .map(Models.Relation::name)
                .toList();

        // then
        assertThat(order).containsExactly("int_c", "int_b", "mart_a");
    }

    @Test
    void aCycleIsAnErrorNamingIt() {
        // given two models that read each other
        Map<String, String> files = project(
                "intermediate/int_a",
                "depends_on: [int_b]",
                "select * from int_b;",
                "intermediate/int_b",
                "depends_on: [int_a]",
                "select * from int_a;");

        // then
        assertThatThrownBy(() -> Models.of(files))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("sql models: a cycle of dependencies: int_a -> int_b -> int_a");
    }

    @Test
    void anUnknownDependencyIsAnError() {
        // given a model depending on a table nobody documented
        Map<String, String> files = project("marts/mart_a", "depends_on: [thing, stuff]", "select 1;");

        // then
        assertThatThrownBy(() -> Models.of(files))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("sql models: mart_a depends on stuff, which is neither a model nor a documented table");
    }

    @Test
    void aModelReadWithoutBeingDeclaredIsAnError() {
        // given a mart reading an intermediate model it does not declare (its comment may name anything)
        Map<String, String> files = project(
                "intermediate/int_b",
                "depends_on: [thing]",
                "select * from thing;",
                "marts/mart_a",
                "depends_on: [thing]",
                "-- unlike mart_z\nselect * from thing join int_b using (code);");

        // then
        assertThatThrownBy(() -> Models.of(files))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("sql models: marts/mart_a.sql reads int_b without declaring it in its depends_on");
    }

    @Test
    void aModelWithoutItsYamlIsAnError() {
        // given
        Map<String, String> files = project();
        files.put("marts/mart_a.sql", "select 1;");

        // then
        assertThatThrownBy(() -> Models.of(files))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("sql models: mart_a.sql has no mart_a.yml beside it");
    }

    @Test
    void aTestOfAColumnTheTableLacksIsAnError() {
        // given
        Map<String, String> files = project();
        files.put("tables/other.yml", TABLE.replace("- unique: [code]", "- unique: [kode]"));

        // then
        assertThatThrownBy(() -> Models.of(files))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("sql models: other.yml: a test of kode, which is no column of it");
    }

    @Test
    void generatedTestsReturnTheOffendingRowsUnderTheirNames() throws Exception {
        // given a table whose code is repeated and missing once, a colour outside its list, and a mart naming a
        // thing that does not exist
        Map<String, String> files = project("marts/mart_a", """
                depends_on: [thing]
                tests:
                  - relationships: {column: thing_key, to: thing.thing_key}""", "select 1;");
        Models models = Models.of(files);
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:");
                Statement st = c.createStatement()) {
            st.execute("create table thing (thing_key integer, code varchar, colour varchar)");
            st.execute("insert into thing (thing_key, code, colour) values (1, 'a', 'red'), (2, 'a', 'blue'), "
                    + "(3, null, 'green'), (4, 'b', null)");
            st.execute("create table mart_a (thing_key integer)");
            st.execute("insert into mart_a (thing_key) values (1), (9), (null)");

            // when
            Map<String, List<String>> rows = new LinkedHashMap<>();
            for (GenericTest test : models.tests()) {
                rows.put(test.name(), rows(c, test.sql()));
            }

            // then
            assertThat(rows)
                    .containsExactly(
                            Map.entry("thing.unique(code)", List.of("a|2", "a|2")),
                            Map.entry("thing.not_null(code)", List.of("3|null")),
                            Map.entry("thing.accepted_values(colour)", List.of("3|green")),
                            Map.entry("mart_a.relationships(thing_key -> thing.thing_key)", List.of("9")));
        }
    }

    @Test
    void theProjectOnTheClasspathIsConsistentAndDocumentsEveryModelsLiveColumns() {
        // when the project is read (it is checked as it is)
        Models models = Models.project();

        // then every model has columns documented, and every model is built
        assertThat(models.buildOrder())
                .extracting(Models.Relation::name)
                .containsAll(models.relations().values().stream()
                        .filter(Models.Relation::isModel)
                        .map(Models.Relation::name)
                        .toList());
        assertThat(models.relations().values()).allMatch(r -> !r.doc().columns().isEmpty());
    }

    @Test
    void everyIntermediateModelHasTheColumnsItsYamlDocuments(@TempDir Path dir) {
        // given a warehouse with its models built (the tables and marts are DataDictionaryTest's)
        try (RegistryLoads loads = new RegistryLoads(dir.resolve("home"))) {
            loads.warehouse().buildMarts();

            for (Models.Relation model : Models.project().buildOrder()) {
                if (!"intermediate".equals(model.folder())) {
                    continue;
                }
                // when its live columns are listed
                List<Object> live = loads
                        .rows("select column_name from information_schema.columns where table_name = '" + model.name()
                                + "' order by ordinal_position")
                        .stream()
                        .map(r -> r.get(0))
                        .toList();

                // then they are the documented ones, in order
                assertThat(live)
                        .as(model.name())
                        .containsExactlyElementsOf(model.doc().columns().keySet());
            }
        }
    }

    /** The table {@code thing} and models given three strings at a time: path, YAML above the columns, SQL. */
    private static Map<String, String> project(String... models) {
        Map<String, String> files = new LinkedHashMap<>();
        files.put("tables/thing.yml", TABLE);
        for (int i = 0; i < models.length; i += 3) {
            files.put(models[i] + ".yml", """
                    en: "A model."
                    zh: "模型"
                    grain: "one thing"
                    grain_zh: "每件物品一行"
                    key: "thing_key"
                    %s
                    columns:
                      thing_key: ["the thing", "物品"]
                    """.formatted(models[i + 1]));
            files.put(models[i] + ".sql", models[i + 2]);
        }
        return files;
    }

    private static List<String> rows(Connection c, String sql) {
        return RegistryLoads.rows(c, sql).stream()
                .map(row -> String.join("|", row.stream().map(String::valueOf).toList()))
                .toList();
    }
}
