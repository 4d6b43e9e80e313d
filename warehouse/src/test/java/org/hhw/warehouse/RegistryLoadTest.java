package org.hhw.warehouse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hhw.warehouse.RegistryLoads.personIdHash;
import static org.hhw.warehouse.RegistryLoads.row;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RegistryLoadTest {

    private static final LocalDateTime RECEIVED = LocalDateTime.of(2024, 3, 1, 9, 30);
    private static final String SHEET = "玉泉镇花名册";

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
    void registryFileBecomesHouseholdsAndPersonsWithEveryRowAccountedFor() {
        // given
        Path file = RegistryFiles.withProblems(dir);

        // when
        int fileKey = loads.load(file, RECEIVED);

        // then
        assertThat(fileKey).isEqualTo(1);
        assertThat(
                        loads.rows(
                                "select household_key, household_id, township_key, village_key, township, village, "
                                        + "poverty_status, main_cause, exit_status, exit_year, is_relocated, members, declared_size, valid_from, "
                                        + "valid_to, is_current, file_key, sheet, row_number from dim_household where household_key > 0 order by household_key"))
                .containsExactly(
                        row(
                                1,
                                "3101000001",
                                1,
                                2,
                                "玉泉镇",
                                "李家庄",
                                "ordinary",
                                "illness",
                                "exited",
                                2019,
                                null,
                                3,
                                3,
                                RECEIVED,
                                null,
                                true,
                                1,
                                SHEET,
                                2),
                        row(
                                2,
                                "3101000002",
                                1,
                                3,
                                "玉泉镇",
                                "鲍家屯",
                                "dibao",
                                "disability",
                                "not_exited",
                                null,
                                null,
                                2,
                                3,
                                RECEIVED,
                                null,
                                true,
                                1,
                                SHEET,
                                5));
        assertThat(loads.rows("select person_key, person_id_hash, id_masked, name, sex, birth_date, is_registered, "
                        + "household_id, township_key, village_key, relation, valid_from, valid_to, is_current, file_key, sheet, "
                        + "row_number from dim_person order by person_key"))
                .containsExactly(
                        row(
                                1,
                                personIdHash("140222196503120117"),
                                "140222********0117",
                                "张建国",
                                "male",
                                LocalDate.of(1965, 3, 12),
                                true,
                                "3101000001",
                                1,
                                2,
                                "head",
                                RECEIVED,
                                null,
                                true,
                                1,
                                SHEET,
                                2),
                        row(
                                2,
                                personIdHash("140222196807050226"),
                                "140222********0226",
                                "李秀英",
                                "female",
                                LocalDate.of(1968, 7, 5),
                                true,
                                "3101000001",
                                1,
                                2,
                                "spouse",
                                RECEIVED,
                                null,
                                true,
                                1,
                                SHEET,
                                3),
                        row(
                                3,
                                personIdHash("140222199201180337"),
                                "140222********0337",
                                "张伟",
                                "male",
                                LocalDate.of(1992, 1, 18),
                                true,
                                "3101000001",
                                1,
                                2,
                                "son",
                                RECEIVED,
                                null,
                                true,
                                1,
                                SHEET,
                                4),
                        row(
                                4,
                                personIdHash("140222195809200449"),
                                "140222********0449",
                                "王桂兰",
                                "female",
                                LocalDate.of(1958, 9, 20),
                                true,
                                "3101000002",
                                1,
                                3,
                                "head",
                                RECEIVED,
                                null,
                                true,
                                1,
                                SHEET,
                                5),
                        row(
                                5,
                                personIdHash("140222198505051230"),
                                "140222********1230",
                                "王小明",
                                "male",
                                LocalDate.of(1985, 5, 5),
                                true,
                                "3101000002",
                                1,
                                3,
                                "son",
                                RECEIVED,
                                null,
                                true,
                                1,
                                SHEET,
                                6));
        assertThat(loads.rows("select status, rows_read, rows_loaded, rows_rejected, rows_non_data, rows_warned, "
                        + "received_at, sheets_read, sheets_skipped, unknown_columns from etl_file"))
                .containsExactly(row("LOADED", 9L, 5L, 2L, 2L, 2L, RECEIVED, SHEET, "", ""));
        assertThat(loads.rows("select sheet, row_number, kind from etl_non_data order by row_number"))
                .containsExactly(row(SHEET, 8, "BLANK"), row(SHEET, 10, "TOTAL"));
    }

    @Test
    void rejectsAndWarningsNameTheCellAndKeepResidentIdsMasked() {
        // given
        Path file = RegistryFiles.withProblems(dir);

        // when
        loads.load(file, RECEIVED);

        // then
        assertThat(loads.rows("select file_key, sheet, row_number, column_name, raw_value, reason_code, message "
                        + "from etl_reject order by row_number, reason_code"))
                .containsExactly(
                        row(
                                1,
                                SHEET,
                                7,
                                "证件号码",
                                "140222********0562",
                                "ID_CHECKSUM",
                                "身份证号码“140222********0562”校验不通过，号码中至少有一位录错了。请对照身份证或户口簿逐位核对后重新填写。"),
                        row(
                                1,
                                SHEET,
                                7,
                                "行政村",
                                "不存在村",
                                "VILLAGE_UNKNOWN",
                                "行政村“不存在村”不在玉泉镇的村名单中。请核对村名的写法；如果它确实是玉泉镇的行政村，请联系县扶贫办把它加入村名单。"),
                        row(
                                1,
                                SHEET,
                                9,
                                "证件号码",
                                null,
                                "DUPLICATE_IN_FILE",
                                "与本文件工作表“玉泉镇花名册”第3行是同一人（同一证件号码），重复的行未入库。请删除重复行，或核对证件号码是否填错。"));
        assertThat(loads.rows("select file_key, sheet, row_number, column_name, raw_value, reason_code, message "
                        + "from etl_warning order by row_number"))
                .containsExactly(
                        row(1, SHEET, 4, "性别", "女", "INCONSISTENT", "性别与身份证号不符：身份证号显示为男。已按身份证号入库，请核对性别或身份证号。"),
                        row(
                                1,
                                SHEET,
                                6,
                                "证件号码",
                                "140222*****5123",
                                "ID_CONVERTED_15",
                                "15位旧身份证号码“140222*****5123”已自动转换为18位号码“140222********1230”。"
                                        + "如本人已换发新身份证，请在表中改填新证上的18位号码。"));
        assertThat(loads
                        .rows("select raw_value, message from etl_reject union all select raw_value, message "
                                + "from etl_warning union all select id_masked, null from dim_person")
                        .stream()
                        .flatMap(r -> r.stream())
                        .filter(v -> v != null)
                        .map(Object::toString)
                        .filter(v -> v.matches("(?s).*[0-9]{15}.*")))
                .isEmpty();
    }

    @Test
    void loadingTheSameFileKeyAgainChangesNothing() {
        // given
        Path file = RegistryFiles.withProblems(dir);
        int fileKey = loads.load(file, RECEIVED);
        var before = RegistryLoads.contents(loads.warehouse().connectionForTests());

        // when
        loads.warehouse().load(loads.contract(), fileKey, loads.readToLake(file, fileKey));

        // then
        assertThat(RegistryLoads.contents(loads.warehouse().connectionForTests()))
                .isEqualTo(before);
        assertThat(before.get("dim_person")).hasSize(5);
        assertThat(before.get("etl_reject")).hasSize(3);
    }
}
