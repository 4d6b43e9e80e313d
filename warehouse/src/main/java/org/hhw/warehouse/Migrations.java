package org.hhw.warehouse;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Collection;
import java.util.Map;
import org.hhw.sources.clean.CodeList;
import org.hhw.sources.clean.Gazetteer;
import org.hhw.sources.clean.Township;
import org.hhw.sources.clean.Village;
import org.hhw.sources.contract.Contract;
import org.hhw.sources.contract.PolicyRule;
import org.hhw.sources.contract.PolicyRules;

/**
 * Brings a warehouse's schema up to date ({@code sql/migrations}, each applied once) and seeds its
 * reference data (places, code lists, programmes, policy rules, plan targets, dates) at every start.
 */
final class Migrations {

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
            try (PreparedStatement t = connection.prepareStatement(
                            "insert into dim_township (township_key, township, aliases) values (?, ?, ?) "
                                    + "on conflict (township_key) do update set township = excluded.township, "
                                    + "aliases = excluded.aliases");
                    PreparedStatement v = connection.prepareStatement(
                            "insert into dim_village (village_key, township_key, township, village, aliases) "
                                    + "values (?, ?, ?, ?, ?) on conflict (village_key) do update set "
                                    + "township_key = excluded.township_key, township = excluded.township, "
                                    + "village = excluded.village, aliases = excluded.aliases")) {
                for (Township township : gazetteer.townships()) {
                    t.setInt(1, township.code());
                    t.setString(2, township.name());
                    t.setString(3, String.join("|", gazetteer.aliases(township)));
                    t.executeUpdate();
                }
                for (Village village : gazetteer.villages()) {
                    v.setInt(1, village.code());
                    v.setInt(2, village.township().code());
                    v.setString(3, village.township().name());
                    v.setString(4, village.name());
                    v.setString(5, String.join("|", gazetteer.aliases(village)));
                    v.executeUpdate();
                }
            }
            try (PreparedStatement c = connection.prepareStatement(
                    "insert or replace into dim_code (domain, code, label_zh) values (?, ?, ?)")) {
                for (Contract contract : contracts) {
                    for (CodeList list : contract.codeLists().values()) {
                        for (CodeList.Entry e : list.entries()) {
                            c.setString(1, list.domain());
                            c.setString(2, e.code());
                            c.setString(3, e.label());
                            c.executeUpdate();
                        }
                    }
                }
            }
            seedProgrammes(contracts);
            seedPolicyRules();
            SqlScript.resource("seed/dim_date.sql").execute(connection, Map.of());
        });
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
        try (Statement st = connection.createStatement();
                PreparedStatement ps = connection.prepareStatement("insert into " + table + " (" + nameColumn
                        + ", value, unit, valid_from, valid_to, applies_to, source) values (?, ?, ?, ?, ?, ?, ?)")) {
            st.execute("delete from " + table);
            for (PolicyRule r : values.all()) {
                ps.setString(1, r.rule());
                ps.setBigDecimal(2, r.value());
                ps.setString(3, r.unit());
                ps.setObject(4, r.validFrom());
                ps.setObject(5, r.validTo());
                ps.setString(6, r.appliesTo());
                ps.setString(7, r.source());
                ps.executeUpdate();
            }
        }
    }
}
