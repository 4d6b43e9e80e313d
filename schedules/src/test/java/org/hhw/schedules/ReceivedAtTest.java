package org.hhw.schedules;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.util.List;
import org.hhw.warehouse.Home;
import org.hhw.warehouse.Warehouse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.batch.core.BatchStatus;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A file ingested with the time it was received (the demo replaying a county's year) is registered as received
 * then, and the registry's versions of it begin then; a file ingested without one is received now.
 */
@SpringBootTest(classes = HhwApplication.class)
class ReceivedAtTest {

    private static final Path HOME = TestHomes.create("hhw-received-at");

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("hhw.home", HOME::toString);
    }

    @Autowired
    Ingestor ingestor;

    @Autowired
    Warehouse warehouse;

    @Autowired
    Home home;

    @Test
    void aFileGivenItsTimeIsReceivedThenAndOneWithoutNow() throws Exception {
        // given two registry files in the inbox
        Path replayed = registryFile("南高崖乡.csv", "14022203001000001", "南高崖乡", "南高崖", "14022219800101017");
        Path dropped = registryFile("米薪关镇.csv", "14022210001000001", "米薪关镇", "胡家屯", "14022219700101023");

        // when the first is ingested as received on 2 January 2019, the second as a clerk's drop is
        Ingestor.Run first = ingestor.ingest("registry", replayed, LocalDateTime.of(2019, 1, 2, 9, 0));
        Ingestor.Run second = ingestor.ingest("registry", dropped);

        // then both are loaded, one registration each: the first received then, its household's version
        // beginning then, the second received today
        assertThat(List.of(first.status(), second.status())).containsOnly(BatchStatus.COMPLETED);
        assertThat(rows("select file_name, status, case when cast(received_at as date) = current_date then 'today' "
                        + "else strftime(received_at, '%Y-%m-%d %H:%M') end from etl_file "
                        + "where file_name in ('南高崖乡.csv', '米薪关镇.csv') order by file_key"))
                .containsExactly("南高崖乡.csv|LOADED|2019-01-02 09:00", "米薪关镇.csv|LOADED|today");
        assertThat(rows("select household_id, cast(valid_from as varchar) from dim_household where household_key <> 0 "
                        + "and household_id = '14022203001000001'"))
                .containsExactly("14022203001000001|2019-01-02 09:00:00");
    }

    @Test
    void aFileWhoseFirstRunFailedKeepsTheTimeItWasReceivedThen() throws Exception {
        // given a registry file whose run as received on 3 January 2019 failed in its load: its households' table
        // was away
        Path file = registryFile("张西河乡.csv", "14022211001000001", "张西河乡", "张西河", "14022219600101011");
        execute("alter table dim_household rename to dim_household_away");
        Ingestor.Run failed = ingestor.ingest("registry", file, LocalDateTime.of(2019, 1, 3, 9, 0));
        execute("alter table dim_household_away rename to dim_household");

        // when it is run again, given another time
        Ingestor.Run restarted = ingestor.ingest("registry", file, LocalDateTime.of(2019, 2, 1, 9, 0));

        // then the restart goes on with the first run's registration, received when it was then
        assertThat(failed.status()).isEqualTo(BatchStatus.FAILED);
        assertThat(restarted.status()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(rows("select status, strftime(received_at, '%Y-%m-%d %H:%M') from etl_file "
                        + "where file_name = '张西河乡.csv'"))
                .containsExactly("LOADED|2019-01-03 09:00");
    }

    private Path registryFile(String name, String household, String township, String village, String first17)
            throws IOException {
        return OnePersonRegistry.write(home.inbox("registry"), name, household, township, village, first17);
    }

    private void execute(String sql) throws SQLException {
        try (Statement st = warehouse.connectionForTests().createStatement()) {
            st.execute(sql);
        }
    }

    private List<String> rows(String sql) throws SQLException {
        return HhwProcesses.rows(warehouse.connectionForTests(), sql);
    }

    @AfterAll
    static void deleteHome() throws IOException {
        TestHomes.delete(HOME);
    }
}
