package org.hhw.warehouse;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A data test a model's or table's YAML declares ({@code unique}, {@code not_null}, {@code relationships},
 * {@code accepted_values}), made into a query that returns the offending rows, as a hand-written data
 * test does, and named after what it checks, e.g. {@code mart_household_year.unique(household_id, year)}.
 * Each is one aggregate or one anti-join over its table: cheap enough for the per-load path.
 */
record GenericTest(String name, String sql) {

    /**
     * The test one YAML entry declares: {@code unique: [columns]}, {@code not_null: [columns]},
     * {@code relationships: {column: c, to: table.column}} or {@code accepted_values: {column: c, values: [...]}}.
     *
     * @param columns what the relation has, to refuse a test of a column it does not have
     * @param key     the relation's key columns, which identify an offending row
     */
    static GenericTest of(
            String relation,
            Set<String> columns,
            List<String> key,
            Map<String, Object> spec,
            Map<String, Set<String>> columnsOf) {
        if (spec.size() != 1) {
            throw invalid(relation, "a test is one of unique, not_null, relationships, accepted_values: " + spec);
        }
        Map.Entry<String, Object> test = spec.entrySet().iterator().next();
        switch (test.getKey()) {
            case "unique" -> {
                String cols = columnList(relation, columns, test.getValue());
                return new GenericTest(relation + ".unique(" + cols + ")", """
                        with duplicated as (
                            select %2$s, count(*) as copies from %1$s group by %2$s having count(*) > 1
                        )
                        select %2$s, copies from %1$s join duplicated using (%2$s) order by %2$s""".formatted(relation, cols));
            }
            case "not_null" -> {
                String cols = columnList(relation, columns, test.getValue());
                return new GenericTest(
                        relation + ".not_null(" + cols + ")",
                        "select %s from %s where %s order by %s"
                                .formatted(
                                        identifying(key, cols),
                                        relation,
                                        List.of(cols.split(", ")).stream()
                                                .map(c -> c + " is null")
                                                .collect(Collectors.joining(" or ")),
                                        String.join(", ", key)));
            }
            case "relationships" -> {
                Map<String, Object> args = arguments(relation, test);
                String column = column(relation, columns, args.get("column"));
                String to = String.valueOf(args.get("to"));
                String[] target = to.split("\\.");
                if (target.length != 2
                        || !columnsOf.getOrDefault(target[0], Set.of()).contains(target[1])) {
                    throw invalid(
                            relation,
                            "relationships of " + column + " to " + to + ", which is no documented table.column");
                }
                return new GenericTest(relation + ".relationships(" + column + " -> " + to + ")", """
                        select %s from %s c
                        where c.%s is not null and not exists (select 1 from %s p where p.%s = c.%s)
                        order by %s""".formatted(
                                identifying(key, column),
                                relation,
                                column,
                                target[0],
                                target[1],
                                column,
                                String.join(", ", key)));
            }
            case "accepted_values" -> {
                Map<String, Object> args = arguments(relation, test);
                String column = column(relation, columns, args.get("column"));
                if (!(args.get("values") instanceof List<?> values) || values.isEmpty()) {
                    throw invalid(relation, "accepted_values of " + column + " needs a list of values");
                }
                return new GenericTest(
                        relation + ".accepted_values(" + column + ")",
                        "select %s from %s where %s not in (%s) order by %s"
                                .formatted(
                                        identifying(key, column),
                                        relation,
                                        column,
                                        values.stream()
                                                .map(v ->
                                                        "'" + String.valueOf(v).replace("'", "''") + "'")
                                                .collect(Collectors.joining(", ")),
                                        String.join(", ", key)));
            }
            default ->
                throw invalid(
                        relation,
                        "unknown test " + test.getKey() + " (unique, not_null, relationships, accepted_values)");
        }
    }

    /** The key columns and the tested ones, each once: what a clerk of the data needs to find the row. */
    private static String identifying(List<String> key, String tested) {
        Set<String> out = new LinkedHashSet<>(key);
        out.addAll(List.of(tested.split(", ")));
        return String.join(", ", out);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> arguments(String relation, Map.Entry<String, Object> test) {
        if (!(test.getValue() instanceof Map<?, ?> args)) {
            throw invalid(relation, test.getKey() + " needs its arguments as a map");
        }
        return (Map<String, Object>) args;
    }

    private static String columnList(String relation, Set<String> columns, Object value) {
        if (!(value instanceof List<?> list) || list.isEmpty()) {
            throw invalid(relation, "unique and not_null need a list of columns, got " + value);
        }
        return list.stream().map(c -> column(relation, columns, c)).collect(Collectors.joining(", "));
    }

    private static String column(String relation, Set<String> columns, Object column) {
        if (!columns.contains(String.valueOf(column))) {
            throw invalid(relation, "a test of " + column + ", which is no column of it");
        }
        return String.valueOf(column);
    }

    private static IllegalStateException invalid(String relation, String why) {
        return new IllegalStateException("sql models: " + relation + ".yml: " + why);
    }
}
