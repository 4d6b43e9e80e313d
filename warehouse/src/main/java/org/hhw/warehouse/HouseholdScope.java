package org.hhw.warehouse;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hhw.warehouse.Models.Relation;

/**
 * The households the pending changes touched, closed over what they read ({@code sql/incremental/household_scope.sql}),
 * as temporary tables on the writer's connection: {@code scope_household}, {@code scope_household_key},
 * {@code scope_person}, {@code scope_person_key}, and the files of those changes, {@code scope_file}. While {@link #shadow shadowing}, temporary tables named like the
 * warehouse's tables hold only the rows of the scope: DuckDB resolves a name to a temporary table first, inside views too, so the models' SQL and
 * the data tests run unchanged over the scope alone. Nothing else may use the connection meanwhile, and closing drops
 * every one of them. Shadows {@link #park parked} (renamed aside) while the models built whole read the tables
 * themselves come back for the data tests without being copied again.
 */
final class HouseholdScope implements AutoCloseable {

    private static final String SCOPE_TABLES =
            "scope_household, scope_household_key, scope_person, scope_person_key, scope_file";

    private final Connection connection;
    private final List<String> shadows = new ArrayList<>();
    private final Set<String> parked = new HashSet<>();
    private boolean closed;
    private long nanos;

    private HouseholdScope(Connection connection) {
        this.connection = connection;
    }

    /**
     * The households of {@code etl_change}: what the loads since the last build touched; and, as {@code scope_file}, the
     * files whose rows touched them (every file that wrote a fact or a dimension row records its households there).
     */
    static HouseholdScope pending(Connection connection) throws SQLException {
        execute(
                connection,
                "create or replace temp table scope_household as "
                        + "select distinct household_id from etl_change where household_id is not null");
        execute(connection, "create or replace temp table scope_file as select distinct file_key from etl_change");
        return new HouseholdScope(connection);
    }

    /** The households in scope: those the loads touched, and once shadowed, those the scope was closed over. */
    long households() throws SQLException {
        return count(connection, "scope_household");
    }

    /**
     * Shadows each relation by its rows of the scope: a table by its {@code household_scope}, an incremental model by
     * its partition column. The first time, the scope is closed over what it reads: each round of the script adds
     * what the households in scope read, until a round adds none (a round or two: a household and the persons who
     * moved in or out of it).
     */
    void shadow(Collection<Relation> relations) throws SQLException {
        long start = System.nanoTime();
        if (!closed) {
            long before;
            long after = households();
            do {
                before = after;
                SqlScript.resource("incremental/household_scope.sql").execute(connection, Map.of());
                after = households();
            } while (after > before);
            closed = true;
        }
        String database = text(connection, "select current_database()").replace("\"", "\"\"");
        for (Relation relation : relations) {
            if (parked.remove(relation.name())) {
                execute(
                        connection,
                        "alter table temp.main." + parkedName(relation.name()) + " rename to " + relation.name());
                shadows.add(relation.name());
                continue;
            }
            String rows = relation.scope() != null
                    ? relation.scope()
                    : relation.incremental() + " in (select household_id from scope_household)";
            shadows.add(relation.name());
            execute(
                    connection,
                    "create or replace temp table " + relation.name() + " as select * from \"" + database + "\".main."
                            + relation.name() + " where " + rows);
        }
        nanos += System.nanoTime() - start;
    }

    /**
     * Shadows a model just redone for the scope by the rows it was redone with, {@code table}, which becomes the
     * shadow: they are its rows of the scope, and reading them back from the model's whole table cost a scan of it (at
     * a million persons ~0.1 s for {@code mart_household_year} alone).
     */
    void shadowWith(Relation model, String table) throws SQLException {
        long start = System.nanoTime();
        execute(connection, "alter table temp.main." + table + " rename to " + model.name());
        shadows.add(model.name());
        nanos += System.nanoTime() - start;
    }

    /** The time spent closing the scope and shadowing: what an update costs besides the models' own queries. */
    long millis() {
        return nanos / 1_000_000;
    }

    /** Drops the shadows: the names are the warehouse's tables again. */
    void unshadow() throws SQLException {
        for (String shadow : shadows) {
            // named in full: an unqualified drop would find the table itself once its shadow is gone
            execute(connection, "drop table if exists temp.main." + shadow);
        }
        shadows.clear();
    }

    /**
     * Sets the shadows aside: the names are the warehouse's tables again, and {@link #shadow} brings a parked shadow
     * back as it was. Only while what it holds does not change: the tables, and incremental models already redone.
     */
    void park() throws SQLException {
        for (String shadow : shadows) {
            execute(connection, "alter table temp.main." + shadow + " rename to " + parkedName(shadow));
            parked.add(shadow);
        }
        shadows.clear();
    }

    @Override
    public void close() throws SQLException {
        unshadow();
        for (String shadow : parked) {
            execute(connection, "drop table if exists temp.main." + parkedName(shadow));
        }
        parked.clear();
        for (String table : SCOPE_TABLES.split(", ")) {
            execute(connection, "drop table if exists temp.main." + table);
        }
    }

    private static String parkedName(String shadow) {
        return shadow + "__parked";
    }

    private static long count(Connection connection, String table) throws SQLException {
        return Long.parseLong(text(connection, "select count(*) from " + table));
    }

    private static void execute(Connection connection, String sql) throws SQLException {
        try (Statement st = connection.createStatement()) {
            st.execute(sql);
        }
    }

    private static String text(Connection connection, String sql) throws SQLException {
        try (Statement st = connection.createStatement();
                ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }
}
