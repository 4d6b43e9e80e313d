package org.hhw.warehouse;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hhw.warehouse.Models.Relation;

/**
 * Brings the models up to date after loads: for the households the loads changed, not from every fact.
 *
 * <p>Every load records in {@code etl_change}, in its own transaction, the file and the households it may have changed
 * ({@code sql/load/changes.sql}, {@code sql/load/registry.sql}). A build then does one of three things:
 * <ul>
 *   <li><b>whole</b>: every model built from every fact ({@link Models#build}), when the models were never built, or
 *       were built from another project or other reference data (the fingerprint in {@code etl_model_build}: a new
 *       version of the product, a changed policy rule), or when the changes touch so many households that redoing
 *       them would cost more than building everything;
 *   <li><b>update</b>: the tables not declared {@code incremental} in their YAML are rebuilt whole (the county's
 *       calendars and aggregates); each incremental model has its rows of the households in scope deleted and its
 *       query run again for them alone. The query runs over temporary tables named like the tables it reads and
 *       holding only the rows those households read (each table's {@code household_scope}): DuckDB resolves a name
 *       to a temporary table first, inside views too, so the model's SQL is the same for both builds. An
 *       incremental model that reads a whole-built table whose rows changed (a new year in {@code int_event_year},
 *       a later admission moving the medical rule's 12-month window) is built whole instead, and so is every
 *       incremental model that reads it;
 *   <li><b>none</b>: nothing changed since the last build.
 * </ul>
 * An update gives the same rows as a whole build (tested on random sequences of loads: IncrementalModelsTest); runs
 * in the caller's transaction, so the models and the emptied change log commit together.
 */
final class ModelBuild {

    /**
     * What a build did, for the log and the benchmark.
     *
     * @param millisByModel each table model's time, slowest first; empty when nothing was built
     */
    record Outcome(
            String kind, long households, List<String> builtWhole, long millis, Map<String, Long> millisByModel) {

        static final String WHOLE = "whole";
        static final String UPDATE = "update";
        static final String NONE = "none";
    }

    /**
     * The tables {@link Migrations#seed} fills from the product's own data at every start: the models read them, so
     * other reference data means a whole build.
     */
    private static final List<String> REFERENCE = List.of(
            "dim_township",
            "dim_village",
            "dim_code",
            "dim_programme",
            "dim_date",
            "ref_policy_rule",
            "ref_plan_target");

    /**
     * Redoing a household copies what it reads into temporary tables: past a quarter of the county's households (a
     * registry file of a whole county), building everything from the tables themselves is the cheaper. Below ten
     * thousand households, redoing them takes well under a second whatever the county.
     */
    private static final int WHOLE_ABOVE_ONE_IN = 4;

    private static final int ALWAYS_UPDATE_UP_TO = 10_000;

    private static final String IN_SCOPE = " in (select household_id from scope_household)";

    private final Connection connection;
    private final Models models;

    ModelBuild(Connection connection, Models models) {
        this.connection = connection;
        this.models = models;
    }

    /**
     * Builds whole or brings up to date for the pending changes, whose households {@code scope} holds, as the class
     * comment says; call it inside a transaction.
     */
    Outcome run(HouseholdScope scope) throws SQLException {
        long start = System.nanoTime();
        String fingerprint = fingerprint();
        String builtFrom = text("select max(fingerprint) from etl_model_build");
        if (!fingerprint.equals(builtFrom)) {
            return whole(fingerprint, start);
        }
        if (number("select count(*) from etl_change") == 0) {
            return new Outcome(Outcome.NONE, 0, List.of(), millis(start), Map.of());
        }
        long households = scope.households();
        if (households > ALWAYS_UPDATE_UP_TO
                && households * WHOLE_ABOVE_ONE_IN > number("select count(distinct household_id) from dim_household")) {
            return whole(fingerprint, start);
        }
        // Views stand as the project (the same fingerprint) made them. The tables in three rounds: those the
        // incremental models read that are built whole (the county's calendars), the incremental models over the
        // scope's shadows (made once for all of them), then the models built whole that read those.
        List<Relation> tables =
                models.buildOrder().stream().filter(Relation::isTable).toList();
        Set<String> readByIncremental = new HashSet<>();
        tables.stream().filter(t -> t.incremental() != null).forEach(t -> readByIncremental.addAll(upstream(t)));
        List<String> builtWhole = new ArrayList<>();
        Set<String> changedWhole = new HashSet<>();
        Map<String, Long> millisByModel = new HashMap<>();
        for (Relation model : tables) {
            if (model.incremental() == null && readByIncremental.contains(model.name())) {
                long modelStart = System.nanoTime();
                rebuildWatched(model, changedWhole);
                millisByModel.put(model.name(), millis(modelStart));
            }
        }
        boolean shadowed = false;
        try {
            for (Relation model : tables) {
                if (model.incremental() == null) {
                    continue;
                }
                long modelStart = System.nanoTime();
                if (upstream(model).stream().anyMatch(changedWhole::contains)) {
                    if (shadowed) {
                        scope.unshadow();
                        shadowed = false;
                    }
                    Models.build(connection, model);
                    changedWhole.add(model.name());
                    builtWhole.add(model.name());
                } else {
                    if (!shadowed) {
                        scope.shadow(tables.stream()
                                .filter(t -> t.incremental() != null
                                        && millisByModel.containsKey(t.name())
                                        && !changedWhole.contains(t.name()))
                                .toList());
                        scope.shadow(models.relations().values().stream()
                                .filter(r -> r.scope() != null && readByIncremental.contains(r.name()))
                                .toList());
                        shadowed = true;
                        // the scope's own cost is logged apart (HouseholdScope#millis), not as this model's
                        modelStart = System.nanoTime();
                    }
                    redo(model, scope);
                }
                millisByModel.put(model.name(), millis(modelStart));
            }
        } finally {
            // the data tests after the build read the same rows of the scope: set aside, not copied again
            scope.park();
        }
        for (Relation model : tables) {
            if (!millisByModel.containsKey(model.name())) {
                long modelStart = System.nanoTime();
                Models.build(connection, model);
                millisByModel.put(model.name(), millis(modelStart));
            }
        }
        record(fingerprint, false);
        return new Outcome(Outcome.UPDATE, households, builtWhole, millis(start), slowestFirst(millisByModel));
    }

    /**
     * The incremental models whose rows differ from what a whole build of the same warehouse gives, each with the
     * number of rows in one and not the other; empty when the models brought up to date are what building them whole
     * makes. The others are built whole at every build. Compared in build order, each model's query reading the models
     * before it as they are: once those are equal, so is what it reads. Changes nothing.
     */
    Map<String, Long> differencesFromWhole() throws SQLException {
        Map<String, Long> differences = new LinkedHashMap<>();
        for (Relation model : models.buildOrder()) {
            if (model.incremental() == null) {
                continue;
            }
            execute("create or replace temp table model_whole as " + model.query());
            long rows = number("select count(*) from ((select * from model_whole except all select * from "
                    + model.name() + ") union all (select * from " + model.name()
                    + " except all select * from model_whole))");
            execute("drop table temp.main.model_whole");
            if (rows > 0) {
                differences.put(model.name(), rows);
            }
        }
        return differences;
    }

    /** Builds every model whole, whatever changed; call it inside a transaction. */
    Outcome whole() throws SQLException {
        return whole(fingerprint(), System.nanoTime());
    }

    private Outcome whole(String fingerprint, long start) throws SQLException {
        Map<String, Long> millisByModel = new HashMap<>();
        for (Relation model : models.buildOrder()) {
            long modelStart = System.nanoTime();
            Models.build(connection, model);
            if (model.isTable()) {
                millisByModel.put(model.name(), millis(modelStart));
            }
        }
        record(fingerprint, true);
        List<String> all = models.buildOrder().stream()
                .filter(Relation::isTable)
                .map(Relation::name)
                .toList();
        return new Outcome(Outcome.WHOLE, -1, all, millis(start), slowestFirst(millisByModel));
    }

    private static Map<String, Long> slowestFirst(Map<String, Long> millisByModel) {
        Map<String, Long> slowestFirst = new LinkedHashMap<>();
        millisByModel.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .forEach(e -> slowestFirst.put(e.getKey(), e.getValue()));
        return slowestFirst;
    }

    /**
     * Rebuilds a model built whole every time; when an incremental model reads it, whether its rows changed is noted,
     * for then that model's rows of every household may have changed.
     */
    private void rebuildWatched(Relation model, Set<String> changedWhole) throws SQLException {
        boolean watched = models.buildOrder().stream()
                .anyMatch(m -> m.incremental() != null && upstream(m).contains(model.name()));
        if (!watched) {
            Models.build(connection, model);
            return;
        }
        execute("create or replace temp table model_before as select * from " + model.name());
        Models.build(connection, model);
        boolean changed = number("select count(*) from ((select * from model_before except all select * from "
                        + model.name() + ") union all (select * from " + model.name()
                        + " except all select * from model_before))")
                > 0;
        execute("drop table temp.main.model_before");
        if (changed) {
            changedWhole.add(model.name());
        }
    }

    /**
     * Redoes an incremental model's rows of the households in scope, the tables it reads shadowed by the rows those
     * households read (the incremental models redone before it by their own households): its query over them, its rows
     * of those households replaced, then it is shadowed too, for the models after it.
     */
    private void redo(Relation model, HouseholdScope scope) throws SQLException {
        execute("create or replace temp table model_delta as select * from (" + model.query() + ") where "
                + model.incremental() + IN_SCOPE);
        // the model itself is not shadowed yet: these write its table
        execute("delete from " + model.name() + " where " + model.incremental() + IN_SCOPE);
        execute("insert into " + model.name() + " select * from model_delta");
        scope.shadowWith(model, "model_delta");
    }

    /** Every relation the model reads, directly or through the models it reads. */
    private Set<String> upstream(Relation model) {
        Set<String> seen = new LinkedHashSet<>();
        List<String> next = new ArrayList<>(model.dependsOn());
        while (!next.isEmpty()) {
            String name = next.remove(next.size() - 1);
            if (seen.add(name)) {
                next.addAll(models.relations().get(name).dependsOn());
            }
        }
        return seen;
    }

    /** The project's models and the reference data they read: another fingerprint, another set of models. */
    private String fingerprint() throws SQLException {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (Relation r : models.relations().values()) {
                digest.update(String.join(
                                "\u0000",
                                r.name(),
                                String.valueOf(r.sql()),
                                String.valueOf(r.incremental()),
                                String.valueOf(r.scope()),
                                "")
                        .getBytes(StandardCharsets.UTF_8));
            }
            for (String table : REFERENCE) {
                digest.update(
                        text("select coalesce(md5(string_agg(cast(t as varchar), '|' order by cast(t as varchar))), '') from "
                                        + table + " t")
                                .getBytes(StandardCharsets.UTF_8));
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private void record(String fingerprint, boolean whole) throws SQLException {
        execute("delete from etl_change");
        execute("delete from etl_model_build");
        try (PreparedStatement ps = connection.prepareStatement(
                "insert into etl_model_build (fingerprint, built_at, whole) values (?, current_timestamp, ?)")) {
            ps.setString(1, fingerprint);
            ps.setBoolean(2, whole);
            ps.executeUpdate();
        }
    }

    private void execute(String sql) throws SQLException {
        try (Statement st = connection.createStatement()) {
            st.execute(sql);
        }
    }

    private long number(String sql) throws SQLException {
        return Long.parseLong(text(sql));
    }

    private String text(String sql) throws SQLException {
        try (Statement st = connection.createStatement();
                ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }

    private static long millis(long start) {
        return (System.nanoTime() - start) / 1_000_000;
    }
}
