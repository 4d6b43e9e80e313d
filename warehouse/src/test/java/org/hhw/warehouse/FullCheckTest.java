package org.hhw.warehouse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hhw.warehouse.RegistryFiles.LIU_FU;
import static org.hhw.warehouse.RegistryFiles.ZHANG_JIANGUO;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A publish tests the rows of the households its load changed; the full check tests every row of the published copy
 * and every incremental model against a whole build, and so finds what went wrong elsewhere.
 */
class FullCheckTest {

    @TempDir
    Path dir;

    @Test
    void findsADamagedRowThePublishOfAnotherHouseholdsFileDidNotLookAt() throws Exception {
        // given a county published with a claim of 张建国's household (玉泉镇)
        try (RegistryLoads loads = new RegistryLoads(dir.resolve("home"))) {
            Path copy = dir.resolve("analytics.duckdb");
            loads.load(RegistryFiles.yuquan(dir), LocalDateTime.of(2019, 1, 5, 9, 0));
            loads.load(RegistryFiles.mixinguan(dir), LocalDateTime.of(2019, 1, 6, 9, 0));
            loads.load("medical", claims("张建国住院.csv", "M1,张建国," + ZHANG_JIANGUO), LocalDateTime.of(2019, 3, 1, 9, 0));
            assertThat(loads.warehouse().publishIfTestsPass(copy, null)).isEmpty();
            assertThat(FullCheck.run(copy, loads.lake().root(), LocalDate.of(2019, 3, 2))
                            .passed())
                    .isTrue();

            // when 张建国's household and its year are damaged, and a file of 刘福 (米薪关镇) is loaded and published
            try (Statement st = loads.warehouse().connectionForTests().createStatement()) {
                st.execute("update dim_household set exit_status = 'gone' where household_id = '3101000001'");
                st.execute("update mart_household_year set medical_stays = 7 where household_id = '3101000001'");
            }
            loads.load("medical", claims("刘福住院.csv", "M2,刘福," + LIU_FU), LocalDateTime.of(2019, 4, 1, 9, 0));
            assertThat(loads.warehouse().publishIfTestsPass(copy, null)).isEmpty();
            FullCheck.Result check = FullCheck.run(copy, loads.lake().root(), LocalDate.of(2019, 4, 2));

            // then the publish, which tested 刘福's household, passed; the full check finds both (each of the
            // household's two years once in the model and once in a whole build)
            assertThat(check.passed()).isFalse();
            assertThat(check.failures())
                    .extracting(DataTestFailure::test)
                    .contains(
                            "tests/registry_accepted_values.sql",
                            "tests/mart_household_year_totals.sql",
                            "models/mart_household_year equals a whole build");
            assertThat(check.failures())
                    .filteredOn(f -> f.test().equals("models/mart_household_year equals a whole build"))
                    .singleElement()
                    .satisfies(f -> assertThat(f.rows()).isEqualTo(4));
        }
    }

    @Test
    void aPublishAfterOneThatFailedItsDataTestsTestsEverything() throws Exception {
        // given a county whose publish failed on 张建国's household, damaged as its claim was loaded
        try (RegistryLoads loads = new RegistryLoads(dir.resolve("home"))) {
            Path copy = dir.resolve("analytics.duckdb");
            loads.load(RegistryFiles.yuquan(dir), LocalDateTime.of(2019, 1, 5, 9, 0));
            loads.load(RegistryFiles.mixinguan(dir), LocalDateTime.of(2019, 1, 6, 9, 0));
            assertThat(loads.warehouse().publishIfTestsPass(copy, null)).isEmpty();
            loads.warehouse()
                    .load(List.of(loads.registerAndRead(
                            "medical",
                            claims("张建国住院.csv", "M1,张建国," + ZHANG_JIANGUO),
                            LocalDateTime.of(2019, 3, 1, 9, 0))));
            try (Statement st = loads.warehouse().connectionForTests().createStatement()) {
                st.execute("update dim_household set exit_status = 'gone' where household_id = '3101000001'");
            }
            assertThat(loads.warehouse().publishIfTestsPass(copy, null))
                    .extracting(DataTestFailure::test)
                    .containsExactly("tests/registry_accepted_values.sql");

            // when a file of 刘福 (米薪关镇), another household, is loaded and published
            loads.warehouse()
                    .load(List.of(loads.registerAndRead(
                            "medical", claims("刘福住院.csv", "M2,刘福," + LIU_FU), LocalDateTime.of(2019, 4, 1, 9, 0))));
            List<DataTestFailure> failures = loads.warehouse().publishIfTestsPass(copy, null);

            // then the damage still stops the publish; repaired, the next publish passes
            assertThat(failures)
                    .extracting(DataTestFailure::test)
                    .containsExactly("tests/registry_accepted_values.sql");
            try (Statement st = loads.warehouse().connectionForTests().createStatement()) {
                st.execute("update dim_household set exit_status = 'exited' where household_id = '3101000001'");
            }
            assertThat(loads.warehouse().publishIfTestsPass(copy, null)).isEmpty();
        }
    }

    private Path claims(String name, String patient) throws IOException {
        return Files.writeString(
                dir.resolve(name),
                "结算单号,患者姓名,身份证号,就诊医院,医院级别,入院日期,出院日期,医疗总费用,基本医保报销,大病保险报销,补充医疗保险,医疗救助,其他报销,个人自付\n" + patient
                        + ",天镇县人民医院,县级,2019-02-10,2019-02-20,10000,6000,1500,500,800,200,1000\n",
                StandardCharsets.UTF_8);
    }
}
