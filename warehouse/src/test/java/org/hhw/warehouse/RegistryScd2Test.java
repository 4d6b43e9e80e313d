package org.hhw.warehouse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hhw.warehouse.RegistryFiles.CHEN_LAN;
import static org.hhw.warehouse.RegistryFiles.LIU_FU;
import static org.hhw.warehouse.RegistryFiles.LI_XIUYING;
import static org.hhw.warehouse.RegistryFiles.SUN_QIANG;
import static org.hhw.warehouse.RegistryFiles.WANG_GUILAN;
import static org.hhw.warehouse.RegistryFiles.WANG_XIAOMING;
import static org.hhw.warehouse.RegistryFiles.ZHANG_JIANGUO;
import static org.hhw.warehouse.RegistryFiles.ZHANG_WEI;
import static org.hhw.warehouse.RegistryFiles.ZHAO_LIU;
import static org.hhw.warehouse.RegistryLoads.personIdHash;
import static org.hhw.warehouse.RegistryLoads.row;

import java.nio.file.Path;
import java.time.LocalDateTime;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RegistryScd2Test {

    private static final LocalDateTime FIRST = LocalDateTime.of(2024, 3, 1, 9, 0);
    private static final LocalDateTime OTHER_TOWNSHIP = LocalDateTime.of(2024, 3, 2, 9, 0);
    private static final LocalDateTime CORRECTED = LocalDateTime.of(2024, 6, 1, 10, 0);

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
    void correctedFileVersionsWhatChangedInItsTownshipOnly() {
        // given
        loads.load(RegistryFiles.yuquan(dir), FIRST);
        loads.load(RegistryFiles.mixinguan(dir), OTHER_TOWNSHIP);

        // when
        int corrected = loads.load(RegistryFiles.yuquanCorrected(dir), CORRECTED);

        // then
        assertThat(corrected).isEqualTo(3);
        assertThat(loads.rows("select person_key, person_id_hash, name, household_id, township_key, village_key, "
                        + "is_current, valid_from, valid_to, file_key, row_number from dim_person order by person_key"))
                .containsExactly(
                        row(1, personIdHash(ZHANG_JIANGUO), "张建国", "3101000001", 1, 2, true, FIRST, null, 1, 2),
                        row(2, personIdHash(LI_XIUYING), "李秀英", "3101000001", 1, 2, true, FIRST, null, 1, 3),
                        row(3, personIdHash(ZHANG_WEI), "张伟", "3101000001", 1, 2, false, FIRST, CORRECTED, 1, 4),
                        row(4, personIdHash(WANG_GUILAN), "王桂兰", "3101000002", 1, 3, true, FIRST, null, 1, 5),
                        row(5, personIdHash(WANG_XIAOMING), "王小明", "3101000002", 1, 3, false, FIRST, CORRECTED, 1, 6),
                        row(6, personIdHash(ZHAO_LIU), "赵六", "3101000003", 1, 9, false, FIRST, CORRECTED, 1, 7),
                        row(7, personIdHash(LIU_FU), "刘福", "3103000001", 3, 14, true, OTHER_TOWNSHIP, null, 2, 2),
                        row(8, personIdHash(CHEN_LAN), "陈兰", "3103000001", 3, 14, true, OTHER_TOWNSHIP, null, 2, 3),
                        row(9, personIdHash(WANG_XIAOMING), "王小明", "3101000002", 1, 5, true, CORRECTED, null, 3, 5),
                        row(10, personIdHash(SUN_QIANG), "孙强", "3101000004", 1, 9, true, CORRECTED, null, 3, 6));
        assertThat(
                        loads.rows(
                                "select household_key, household_id, township_key, village_key, members, declared_size, "
                                        + "is_current, valid_from, valid_to, file_key, row_number from dim_household where household_key > 0 order by household_key"))
                .containsExactly(
                        row(1, "3101000001", 1, 2, 3, 3, false, FIRST, CORRECTED, 1, 2),
                        row(2, "3101000002", 1, 3, 2, 2, true, FIRST, null, 1, 5),
                        row(3, "3101000003", 1, 9, 1, 1, false, FIRST, CORRECTED, 1, 7),
                        row(4, "3103000001", 3, 14, 2, 2, true, OTHER_TOWNSHIP, null, 2, 2),
                        row(5, "3101000001", 1, 2, 2, 3, true, CORRECTED, null, 3, 2),
                        row(6, "3101000004", 1, 9, 1, 1, true, CORRECTED, null, 3, 6));
    }

    @Test
    void loadRetriedAfterANewerFileStartsItsVersionsNoEarlierThanThoseItCloses() {
        // given: the first 玉泉镇 file is registered but its load fails; the corrected one loads meanwhile
        Path first = RegistryFiles.yuquan(dir);
        int retried = loads.register(first, FIRST);
        loads.load(RegistryFiles.yuquanCorrected(dir), CORRECTED);

        // when
        loads.warehouse().load(loads.contract(), retried, loads.readToLake(first, retried));

        // then
        assertThat(loads.rows("select person_key, name, village_key, is_current, valid_from, valid_to, file_key "
                        + "from dim_person order by person_key"))
                .containsExactly(
                        row(1, "张建国", 2, true, CORRECTED, null, 2),
                        row(2, "李秀英", 2, true, CORRECTED, null, 2),
                        row(3, "王桂兰", 3, true, CORRECTED, null, 2),
                        row(4, "王小明", 5, false, CORRECTED, CORRECTED, 2),
                        row(5, "孙强", 9, false, CORRECTED, CORRECTED, 2),
                        row(6, "张伟", 2, true, CORRECTED, null, 1),
                        row(7, "王小明", 3, true, CORRECTED, null, 1),
                        row(8, "赵六", 9, true, CORRECTED, null, 1));
        assertThat(loads.rows("select household_key, household_id, members, is_current, valid_from, valid_to, file_key "
                        + "from dim_household where household_key > 0 order by household_key"))
                .containsExactly(
                        row(1, "3101000001", 2, false, CORRECTED, CORRECTED, 2),
                        row(2, "3101000002", 2, true, CORRECTED, null, 2),
                        row(3, "3101000004", 1, false, CORRECTED, CORRECTED, 2),
                        row(4, "3101000001", 3, true, CORRECTED, null, 1),
                        row(5, "3101000003", 1, true, CORRECTED, null, 1));
        loads.warehouse().buildMarts();
        assertThat(loads.warehouse().runDataTests()).isEmpty();
    }
}
