package org.hhw.warehouse;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import org.hhw.sources.clean.Gazetteer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RebuildTest {

    @TempDir
    Path dir;

    private RegistryLoads loads;

    @BeforeEach
    void open() {
        loads = new RegistryLoads(dir.resolve("home"));
    }

    @AfterEach
    void close() {
        loads.close();
    }

    @Test
    void rebuildFromTheLakeGivesTheWarehouseTableForTable() throws Exception {
        // given: a load retried after a newer file, a duplicate, an unusable file and another township
        Path first = RegistryFiles.yuquan(dir);
        int retried = loads.register(first, LocalDateTime.of(2024, 3, 1, 9, 0));
        Path corrected = RegistryFiles.yuquanCorrected(dir);
        int correctedKey = loads.load(corrected, LocalDateTime.of(2024, 6, 1, 10, 0));
        loads.warehouse().load(loads.contract(), retried, loads.readToLake(first, retried));
        Path copy = Files.copy(corrected, dir.resolve("玉泉镇花名册（再次报送）.csv"));
        int duplicate = loads.register(copy, LocalDateTime.of(2024, 6, 2, 8, 0));
        loads.warehouse().markDuplicate(duplicate, correctedKey);
        Path unusable = Files.writeString(dir.resolve("说明.csv"), "这不是花名册\n", StandardCharsets.UTF_8);
        int rejected = loads.register(unusable, LocalDateTime.of(2024, 6, 3, 8, 0));
        loads.warehouse().markRejected(rejected, "COLUMNS_MISSING", "找不到花名册的表头。");
        loads.load(RegistryFiles.mixinguan(dir), LocalDateTime.of(2024, 6, 4, 8, 0));
        Map<String, List<String>> warehouse =
                RegistryLoads.contents(loads.warehouse().connectionForTests());
        Path rebuilt = dir.resolve("rebuilt").resolve("warehouse.duckdb");

        // when: rebuilt, then its marts built, as `hhw rebuild` does
        Warehouse.rebuild(loads.lake(), rebuilt, Gazetteer.bundled(), RegistryLoads.contracts());
        try (Warehouse w = Warehouse.open(rebuilt, loads.lake(), Gazetteer.bundled(), RegistryLoads.contracts())) {
            w.buildMarts();
        }

        // then
        try (Connection c = RegistryLoads.openReadOnly(rebuilt)) {
            assertThat(RegistryLoads.contents(c)).containsExactlyEntriesOf(warehouse);
        }
        assertThat(warehouse.get("etl_file")).hasSize(5);
        assertThat(warehouse.get("dim_person")).hasSize(10);
        assertThat(warehouse.get("dim_household")).hasSize(7);
        assertThat(warehouse.keySet())
                .containsExactly(
                        "dim_bank",
                        "dim_code",
                        "dim_course",
                        "dim_date",
                        "dim_hospital",
                        "dim_household",
                        "dim_person",
                        "dim_programme",
                        "dim_school",
                        "dim_township",
                        "dim_training_school",
                        "dim_village",
                        "etl_change",
                        "etl_data_test",
                        "etl_data_warning",
                        "etl_file",
                        "etl_migration",
                        "etl_model_build",
                        "etl_non_data",
                        "etl_reject",
                        "etl_warning",
                        "fact_education_aid",
                        "fact_medical_claim",
                        "fact_microloan",
                        "fact_training",
                        "int_bank_ledger_year",
                        "int_event_year",
                        "int_household_file",
                        "int_household_month",
                        "int_registry_household_month",
                        "mart_finding",
                        "mart_finding_dates",
                        "mart_household_year",
                        "mart_township_month",
                        "ref_plan_target",
                        "ref_policy_rule",
                        "rpt_data_received_month",
                        "rpt_education_month",
                        "rpt_finding_month",
                        "rpt_medical_month",
                        "rpt_medical_warning",
                        "rpt_microloan_month",
                        "rpt_plan_target_month",
                        "rpt_provenance_month",
                        "rpt_registry_month",
                        "rpt_reject_reason_month",
                        "rpt_training_month");
    }
}
