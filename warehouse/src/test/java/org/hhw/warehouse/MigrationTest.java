package org.hhw.warehouse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A warehouse an earlier version built, with its data, opened by this one: the migrations it lacks apply once. */
class MigrationTest {

    private static final List<String> BEFORE_NAMES = List.of(
            "migrations/V001__foundation.sql",
            "migrations/V002__department_facts.sql",
            "migrations/V003__education.sql",
            "migrations/V004__medical.sql",
            "migrations/V005__microloan.sql",
            "migrations/V006__training.sql",
            "migrations/V007__scd2_compare_columns.sql",
            "migrations/V008__data_warnings.sql");

    @Test
    void consistentNamesRenameTheColumnsAndKeepTheirValuesAndConstraints(@TempDir Path dir) throws Exception {
        // given a warehouse of V001 to V008 holding a day, a household, a claim, a ledger row and an enrolment
        Path home = Files.createDirectories(dir.resolve("home"));
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + home.resolve("warehouse.duckdb"));
                Statement st = c.createStatement()) {
            st.execute("create table etl_migration (name varchar primary key, applied_at timestamp)");
            for (String script : BEFORE_NAMES) {
                SqlScript.resource(script).execute(c, Map.of());
                try (PreparedStatement ps = c.prepareStatement(
                        "insert into etl_migration (name, applied_at) values (?, timestamp '2019-01-01 00:00:00')")) {
                    ps.setString(1, script);
                    ps.executeUpdate();
                }
            }
            st.execute("insert into dim_date (date_key, date, year, quarter, month, day, year_month, term) "
                    + "values (20190305, date '2019-03-05', 2019, 1, 3, 5, '2019-03', '2019-spring')");
            st.execute("insert into dim_household (household_key, household_id, relocated, members, valid_from, "
                    + "is_current, file_key, sheet, row_number) "
                    + "values (1, '3101000001', true, 3, timestamp '2019-01-02 09:00:00', true, 1, '花名册', 2)");
            st.execute("insert into fact_medical_claim (claim_key, file_key, sheet, row_number, person_key, "
                    + "household_key, person_id_hash, is_registered, hospital_key, hospital, hospital_level, admitted, "
                    + "admitted_date_key, discharged, settled, total_cost, self_paid, is_current) values (1, 2, '结算', 2, "
                    + "1, 1, 'h1', true, 1, '县医院', 'county', date '2019-03-05', 20190305, date '2019-03-09', "
                    + "date '2019-03-10', 5000.00, 800.00, true)");
            st.execute("insert into fact_microloan (microloan_key, file_key, sheet, row_number, person_key, "
                    + "household_key, person_id_hash, is_registered, bank_key, contract_number, as_of, as_of_date_key, "
                    + "principal, issue_date, issue_date_key, due_date, is_current) values (1, 3, '台账', 3, 1, 1, 'h1', "
                    + "true, 1, 'HT-1', date '2019-06-30', 20190630, 50000.00, date '2019-03-05', 20190305, "
                    + "date '2022-03-04', true)");
            st.execute(
                    "insert into fact_training (training_key, file_key, sheet, row_number, person_key, household_key, "
                            + "person_id_hash, is_registered, course_key, course, school_key, start_date, start_date_key, "
                            + "end_date, hours, completed, employed, is_current) values (1, 4, '花名册', 4, 1, 1, 'h1', true, 1, "
                            + "'cooking', 1, date '2019-03-05', 20190305, date '2019-04-05', 120, true, false, true)");
        }

        // when this version opens it
        try (RegistryLoads loads = new RegistryLoads(home)) {

            // then the values are under their new names
            assertThat(loads.rows("select date_key, cast(calendar_date as varchar) from dim_date"))
                    .containsExactly(List.of(20190305, "2019-03-05"));
            assertThat(loads.rows("select household_id, is_relocated from dim_household where household_key = 1"))
                    .containsExactly(List.of("3101000001", true));
            assertThat(loads.rows("select cast(admitted_date as varchar), cast(discharged_date as varchar), "
                            + "cast(settled_date as varchar) from fact_medical_claim"))
                    .containsExactly(List.of("2019-03-05", "2019-03-09", "2019-03-10"));
            assertThat(loads.rows("select contract_number, cast(as_of_date as varchar) from fact_microloan"))
                    .containsExactly(List.of("HT-1", "2019-06-30"));
            assertThat(loads.rows("select is_completed, is_employed from fact_training"))
                    .containsExactly(List.of(true, false));

            // and each renamed table has exactly the columns, in order, that a new warehouse has
            for (String table :
                    List.of("dim_date", "dim_household", "fact_medical_claim", "fact_microloan", "fact_training")) {
                List<Object> live = loads
                        .rows("select column_name from information_schema.columns where table_name = '" + table
                                + "' order by ordinal_position")
                        .stream()
                        .map(r -> r.get(0))
                        .toList();
                assertThat(live)
                        .as(table)
                        .containsExactlyElementsOf(Models.project()
                                .relations()
                                .get(table)
                                .doc()
                                .columns()
                                .keySet());
            }

            // and the constraints still hold under the new names
            try (Statement st = loads.warehouse().connectionForTests().createStatement()) {
                assertThatThrownBy(() -> st.execute("insert into dim_date (date_key, calendar_date, year, quarter, "
                                + "month, day, year_month, term) values (20190306, date '2019-03-05', 2019, 1, 3, 6, '2019-03', "
                                + "'2019-spring')"))
                        .hasMessageContaining("2019-03-05\" violates unique constraint");
            }

            // and the facts' keys are no longer indexed (V012), their rows kept
            assertThat(loads.rows("select table_name from duckdb_constraints() where constraint_type = 'PRIMARY KEY' "
                            + "and table_name like 'fact_%'"))
                    .isEmpty();
            assertThat(loads.rows("select claim_key from fact_medical_claim")).containsExactly(List.of(1));

            // and the migration is recorded once, after the ones the warehouse had
            assertThat(loads.rows("select name from etl_migration where name like 'migrations/V009%'"))
                    .containsExactly(List.of("migrations/V009__consistent_names.sql"));
        }
    }
}
