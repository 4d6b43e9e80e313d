package org.hhw.warehouse;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The warehouse's SQL project, laid out the way dbt projects are: the tables migrations make and loads
 * fill ({@code sql/tables/<table>.yml}), the intermediate models that hold logic several models share
 * ({@code sql/intermediate}), the marts ({@code sql/marts}) and the report models built after them, the
 * documented queries behind every number of a report ({@code sql/reports}), each model a {@code <name>.sql} with a
 * {@code <name>.yml} beside it. The YAML gives the meaning, grain, key and columns in English and
 * Chinese (the data dictionary), what the model reads ({@code depends_on}) and its generic tests.
 *
 * <p>Reading the project checks it: a model without its YAML, a dependency on nothing known, a model
 * read but not declared, a cycle, or a test of a column that does not exist is an error at start-up.
 */
public final class Models {

    static final String TABLES = "tables";
    private static final List<String> FOLDERS = List.of(TABLES, "intermediate", "marts", "reports");
    /** A word of SQL, as a model's name is one. */
    private static final Pattern WORD = Pattern.compile("\\w+");

    private static final Pattern COMMENT = Pattern.compile("--[^\n]*");
    private static final Pattern TABLE_MODEL =
            Pattern.compile("^create or replace table \\w+ as\\s", Pattern.MULTILINE);

    /**
     * A documented relation: a table, or a model built from {@link #script()}.
     *
     * @param dependsOn the models and tables a model reads; empty for a table
     * @param keyColumns the key's columns (its natural key, in parentheses, left out)
     * @param sql the model's SQL; null for a table
     * @param incremental the column a model brought up to date for what changed is redone by (its YAML's
     *        {@code incremental}, e.g. {@code household_id}); null for a model always built whole, and for a table
     * @param scope for a table the models brought up to date read, the rows of it the households in scope read (its
     *        YAML's {@code household_scope}, a condition on its columns); null for the others
     */
    record Relation(
            String folder,
            DataDictionary.Table doc,
            List<String> dependsOn,
            List<String> keyColumns,
            List<GenericTest> tests,
            String sql,
            String incremental,
            String scope) {

        String name() {
            return doc.name();
        }

        boolean isModel() {
            return !TABLES.equals(folder);
        }

        String script() {
            return folder + "/" + name() + ".sql";
        }

        /** A model that is a table (built by {@code create or replace table}), not a view. */
        boolean isTable() {
            return isModel() && TABLE_MODEL.matcher(sql).find();
        }

        /** The query whose rows a table model holds: its SQL after {@code create or replace table <name> as}. */
        String query() {
            Matcher m = TABLE_MODEL.matcher(sql);
            if (!m.find()) {
                throw new IllegalStateException(script() + " does not create a table");
            }
            return sql.substring(m.end()).strip().replaceAll(";$", "");
        }
    }

    private static Models project;

    private final Map<String, Relation> relations;
    private final List<Relation> buildOrder;

    private Models(Map<String, Relation> relations, List<Relation> buildOrder) {
        this.relations = relations;
        this.buildOrder = buildOrder;
    }

    /** The project on the classpath, read and checked once. */
    static synchronized Models project() {
        if (project == null) {
            Map<String, String> files = new LinkedHashMap<>();
            for (String folder : FOLDERS) {
                for (String ext : List.of(".yml", ".sql")) {
                    SqlResources.list(folder, ext)
                            .forEach(p -> files.put(p, SqlScript.resource(p).text()));
                }
            }
            project = of(files);
        }
        return project;
    }

    /**
     * A project of these files: each path ({@code tables/x.yml}, {@code marts/m.yml}, {@code marts/m.sql}, …)
     * with its text.
     */
    @SuppressWarnings("unchecked")
    static Models of(Map<String, String> files) {
        Map<String, Map<String, Object>> docs = new LinkedHashMap<>();
        Map<String, String> folderOf = new LinkedHashMap<>();
        for (String folder : FOLDERS) {
            files.keySet().stream()
                    .filter(p -> p.startsWith(folder + "/") && p.endsWith(".yml"))
                    .sorted()
                    .forEach(p -> {
                        String name = p.substring(folder.length() + 1, p.length() - ".yml".length());
                        if (folderOf.put(name, folder) != null) {
                            throw new IllegalStateException("sql models: " + name + " is documented twice");
                        }
                        docs.put(name, new Yaml(new SafeConstructor(new LoaderOptions())).load(files.get(p)));
                    });
        }
        files.keySet().stream()
                .filter(p -> p.endsWith(".sql"))
                .map(p -> p.substring(p.indexOf('/') + 1, p.length() - ".sql".length()))
                .filter(name -> !folderOf.containsKey(name))
                .findFirst()
                .ifPresent(name -> {
                    throw new IllegalStateException("sql models: " + name + ".sql has no " + name + ".yml beside it");
                });
        Map<String, Map<String, DataDictionary.Column>> columnsOf = new LinkedHashMap<>();
        docs.forEach((name, doc) -> columnsOf.put(name, columns(name, doc)));
        docs.forEach((name, doc) -> {
            if (doc.get("columns_like") instanceof String like) {
                if (!columnsOf.containsKey(like)) {
                    throw new IllegalStateException(
                            "sql models: " + name + ".yml: columns_like " + like + ", which is not documented");
                }
                columnsOf.put(name, columnsOf.get(like));
            }
        });
        Map<String, Set<String>> columnNames = new LinkedHashMap<>();
        columnsOf.forEach((name, columns) -> columnNames.put(name, columns.keySet()));

        Map<String, Relation> relations = new LinkedHashMap<>();
        docs.forEach((name, doc) -> {
            String folder = folderOf.get(name);
            DataDictionary.Table table = new DataDictionary.Table(
                    name,
                    (String) doc.get("en"),
                    (String) doc.get("zh"),
                    (String) doc.get("grain"),
                    (String) doc.get("grain_zh"),
                    (String) doc.get("key"),
                    columnsOf.get(name));
            List<String> key = table.key() == null
                    ? List.of()
                    : List.of(table.key().replaceAll("\\(.*\\)", "").split(",")).stream()
                            .map(String::strip)
                            .toList();
            List<GenericTest> tests = ((List<Map<String, Object>>) doc.getOrDefault("tests", List.of()))
                    .stream()
                            .map(spec -> GenericTest.of(name, columnNames.get(name), key, spec, columnNames))
                            .toList();
            List<String> dependsOn = (List<String>) doc.getOrDefault("depends_on", List.of());
            String sql = files.get(folder + "/" + name + ".sql");
            if (!TABLES.equals(folder) && sql == null) {
                throw new IllegalStateException("sql models: " + name + ".yml has no " + name + ".sql beside it");
            }
            String incremental = (String) doc.get("incremental");
            if (incremental != null && !columnNames.get(name).contains(incremental)) {
                throw new IllegalStateException("sql models: " + name + ".yml: incremental by " + incremental
                        + ", which is not one of its columns");
            }
            Relation relation =
                    new Relation(folder, table, List.copyOf(dependsOn), key, tests, sql, incremental, (String)
                            doc.get("household_scope"));
            if (incremental != null && !relation.isTable()) {
                throw new IllegalStateException("sql models: " + name + " is incremental but not a table");
            }
            relations.put(name, relation);
        });

        Map<String, List<String>> graph = new LinkedHashMap<>();
        relations.values().stream().filter(Relation::isModel).forEach(m -> {
            undeclared(m, relations);
            graph.put(m.name(), m.dependsOn());
        });
        Set<String> tables = relations.values().stream()
                .filter(r -> !r.isModel())
                .map(Relation::name)
                .collect(Collectors.toSet());
        List<Relation> order =
                ModelGraph.order(graph, tables).stream().map(relations::get).toList();
        return new Models(relations, order);
    }

    /** A model reading another must say so, or the build order could put it first. */
    private static void undeclared(Relation model, Map<String, Relation> relations) {
        Set<String> words = words(model.sql());
        for (Relation other : relations.values()) {
            if (other.isModel()
                    && other != model
                    && !model.dependsOn().contains(other.name())
                    && words.contains(other.name())) {
                throw new IllegalStateException("sql models: " + model.script() + " reads " + other.name()
                        + " without declaring it in its depends_on");
            }
        }
    }

    /**
     * The words of SQL outside its comments: the relations it names are among them. Looked up once a query, where a
     * pattern per relation scanned the code again for each (0.3 s of every command's start, a tenth of a publish).
     */
    static Set<String> words(String sql) {
        return WORD.matcher(COMMENT.matcher(sql).replaceAll(""))
                .results()
                .map(MatchResult::group)
                .collect(Collectors.toSet());
    }

    @SuppressWarnings("unchecked")
    private static Map<String, DataDictionary.Column> columns(String name, Map<String, Object> doc) {
        Map<String, DataDictionary.Column> columns = new LinkedHashMap<>();
        ((Map<String, List<String>>) doc.getOrDefault("columns", Map.of())).forEach((column, texts) -> {
            if (texts.size() != 2) {
                throw new IllegalStateException(
                        "sql models: " + name + ".yml: " + column + " needs [English, 中文], got " + texts);
            }
            columns.put(column, new DataDictionary.Column(texts.get(0), texts.get(1)));
        });
        return columns;
    }

    /** Every documented relation by name: the tables, the intermediate models, the marts, then the reports. */
    Map<String, Relation> relations() {
        return relations;
    }

    /** The models in the order they are built. */
    List<Relation> buildOrder() {
        return buildOrder;
    }

    /** Every generic test the YAML declares: the tables', then the models' in build order. */
    List<GenericTest> tests() {
        List<GenericTest> tests = new ArrayList<>();
        relations.values().stream().filter(r -> !r.isModel()).forEach(r -> tests.addAll(r.tests()));
        buildOrder.forEach(r -> tests.addAll(r.tests()));
        return tests;
    }

    /** Builds every model, each replacing its view or table, in dependency order. */
    /** Builds one model whole, replacing its view or table. */
    static void build(Connection connection, Relation model) throws SQLException {
        SqlScript.of(model.script(), model.sql()).execute(connection, Map.of());
    }
}
