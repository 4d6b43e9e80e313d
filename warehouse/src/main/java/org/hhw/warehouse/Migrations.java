package org.hhw.warehouse;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hhw.sources.clean.CodeList;
import org.hhw.sources.clean.Gazetteer;
import org.hhw.sources.clean.Township;
import org.hhw.sources.clean.Village;
import org.hhw.sources.contract.Contract;
import org.hhw.sources.contract.PolicyRules;

/**
 * Brings a warehouse's schema up to date ({@code sql/migrations}, each applied once) and seeds its
 * reference data (places, code lists, programmes, policy rules, plan targets, dates) at every start.
 */
final class Migrations {

    /** Rows a seeding statement carries at most, so that a county's long gazetteer stays a few statements. */
    private static final int ROWS_PER_STATEMENT = 500;

    private final Writer writer;
    private final Connection connection;

    Migrations(Writer writer) {
        this.writer = writer;
        this.connection = writer.connection();
    }

    void migrate() throws SQLException {
        try (Statement st = connection.createStatement()) {
            st.execute("create table if not exists etl_migration (name varchar primary key, applied_at timestamp)");
        }
        for (String script : SqlResources.list("migrations")) {
            boolean applied;
            try (PreparedStatement ps = connection.prepareStatement("select 1 from etl_migration where name = ?")) {
                ps.setString(1, script);
                try (ResultSet rs = ps.executeQuery()) {
                    applied = rs.next();
                }
            }
            if (!applied) {
                writer.inTransaction(() -> {
                    SqlScript.resource(script).execute(connection, Map.of());
                    try (PreparedStatement ps = connection.prepareStatement(
                            "insert into etl_migration (name, applied_at) values (?, current_timestamp)")) {
                        ps.setString(1, script);
                        ps.executeUpdate();
                    }
                });
            }
        }
    }

    void seed(Gazetteer gazetteer, Collection<Contract> contracts) throws SQLException {
        writer.inTransaction(() -> {
            Map<Integer, Object[]> townships = new LinkedHashMap<>();
            for (Township township : gazetteer.townships()) {
                townships.put(
                        township.code(),
                        new Object[] {township.code(), township.name(), String.join("|", gazetteer.aliases(township))});
            }
            insertRows(
                    "insert into dim_township (township_key, township, aliases) values %s on conflict (township_key) "
                            + "do update set township = excluded.township, aliases = excluded.aliases",
                    townships.values());
            Map<Integer, Object[]> villages = new LinkedHashMap<>();
            for (Village village : gazetteer.villages()) {
                villages.put(village.code(), new Object[] {
                    village.code(),
                    village.township().code(),
                    village.township().name(),
                    village.name(),
                    String.join("|", gazetteer.aliases(village))
                });
            }
            insertRows(
                    "insert into dim_village (village_key, township_key, township, village, aliases) values %s "
                            + "on conflict (village_key) do update set township_key = excluded.township_key, "
                            + "township = excluded.township, village = excluded.village, aliases = excluded.aliases",
                    villages.values());
            // A code that two contracts list is written once, as the last one labels it.
            Map<List<String>, Object[]> codes = new LinkedHashMap<>();
            for (Contract contract : contracts) {
                for (CodeList list : contract.codeLists().values()) {
                    for (CodeList.Entry e : list.entries()) {
                        codes.put(List.of(list.domain(), e.code()), new Object[] {list.domain(), e.code(), e.label()});
                    }
                }
            }
            insertRows("insert or replace into dim_code (domain, code, label_zh) values %s", codes.values());
            seedProgrammes(contracts);
            seedPolicyRules();
            SqlScript.resource("seed/dim_date.sql").execute(connection, Map.of());
        });
    }

    /**
     * Runs {@code sql}, whose {@code %s} stands for a {@code VALUES} list, with the rows as that list: one
     * statement for a few hundred rows, not one each (at every start, a row's statement cost DuckDB about a
     * millisecond, the seed 0.3 s of an ingest's start).
     */
    private void insertRows(String sql, Collection<Object[]> rows) throws SQLException {
        List<Object[]> all = List.copyOf(rows);
        for (int from = 0; from < all.size(); from += ROWS_PER_STATEMENT) {
            List<Object[]> chunk = all.subList(from, Math.min(all.size(), from + ROWS_PER_STATEMENT));
            String row = "(" + String.join(", ", Collections.nCopies(chunk.get(0).length, "?")) + ")";
            try (PreparedStatement ps = connection.prepareStatement(
                    sql.formatted(String.join(", ", Collections.nCopies(chunk.size(), row))))) {
                int parameter = 1;
                for (Object[] values : chunk) {
                    for (Object value : values) {
                        ps.setObject(parameter++, value);
                    }
                }
                ps.executeUpdate();
            }
        }
    }

    /** Each department's programmes, from its contract's {@code programme} code list; keys are kept. */
    private void seedProgrammes(Collection<Contract> contracts) throws SQLException {
        try (PreparedStatement p = connection.prepareStatement("""
                insert into dim_programme (programme_key, department, code, name_zh)
                select coalesce((select max(programme_key) from dim_programme), 0) + 1, ?, ?, ?
                where not exists (select 1 from dim_programme where department = ? and code = ?)""");
                PreparedStatement rename = connection.prepareStatement(
                        "update dim_programme set name_zh = ? where department = ? and code = ?")) {
            for (Contract contract : contracts) {
                CodeList programmes = contract.codeLists().get("programme");
                if (programmes == null) {
                    continue;
                }
                for (CodeList.Entry e : programmes.entries()) {
                    p.setString(1, contract.source());
                    p.setString(2, e.code());
                    p.setString(3, e.label());
                    p.setString(4, contract.source());
                    p.setString(5, e.code());
                    p.executeUpdate();
                    rename.setString(1, e.label());
                    rename.setString(2, contract.source());
                    rename.setString(3, e.code());
                    rename.executeUpdate();
                }
            }
        }
    }

    /**
     * The policy standards and caps, and the plan's yearly targets, from {@code /rules/policy_rules.csv} and
     * {@code /rules/plan_targets.csv} of the sources: data, never code.
     */
    private void seedPolicyRules() throws SQLException {
        seedDatedValues("ref_policy_rule", "rule", PolicyRules.bundled());
        seedDatedValues("ref_plan_target", "target", PolicyRules.planTargets());
    }

    private void seedDatedValues(String table, String nameColumn, PolicyRules values) throws SQLException {
        try (Statement st = connection.createStatement()) {
            st.execute("delete from " + table);
        }
        insertRows(
                "insert into " + table + " (" + nameColumn + ", value, unit, valid_from, valid_to, applies_to, source) "
                        + "values %s",
                values.all().stream()
                        .map(r -> new Object[] {
                            r.rule(), r.value(), r.unit(), r.validFrom(), r.validTo(), r.appliesTo(), r.source()
                        })
                        .toList());
    }
}
