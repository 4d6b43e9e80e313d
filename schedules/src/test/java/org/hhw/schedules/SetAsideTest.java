package org.hhw.schedules;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.hhw.sources.clean.ResidentIds;
import org.hhw.warehouse.Home;
import org.hhw.warehouse.Warehouse;
import org.hhw.warehouse.intake.Intake;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.batch.core.BatchStatus;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A file whose runs keep failing, none of it loaded, is set aside after the attempt limit the way
 * every file that cannot be used leaves: REJECTED as INTERNAL_ERROR, its spool deleted, published,
 * the note beside it in rejected/. Also when its attempts failed before it was even registered.
 */
@SpringBootTest(classes = HhwApplication.class)
class SetAsideTest {

    private static final Path HOME = TestHomes.create("hhw-set-aside");

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
    void aRegisteredFileWhoseLoadKeepsFailingIsRejectedAsAnInternalErrorPublishedAndMovedWithANote() throws Exception {
        // given a registry file with a good row and a row whose ID is refused (its value spooled for the receipt),
        // and a warehouse whose load of it fails: its households' table is away
        String bad = "14022219800101017" + (ResidentIds.checkChar("14022219800101017") == '0' ? '1' : '0');
        Path file = Files.writeString(
                home.inbox("registry").resolve("浑源.csv"),
                "户编号,乡镇,行政村,姓名,证件号码,与户主关系\r\n"
                        + "14022203001000001,南高崖乡,南高崖,白一,14022219700101023" + ResidentIds.checkChar("14022219700101023")
                        + ",户主\r\n14022203001000001,南高崖乡,南高崖,白二," + bad + ",配偶\r\n",
                StandardCharsets.UTF_8);
        execute("alter table dim_household rename to dim_household_away");
        List<Ingestor.Run> runs = attempts(file);
        execute("alter table dim_household_away rename to dim_household");
        assertThat(rows("select file_key, status from etl_file where file_name = '浑源.csv'"))
                .containsExactly("1|RUNNING");
        assertThat(home.spool().resolve("registry/1")).isNotEmptyDirectory();

        // when it is ingested once more than the attempt limit
        Ingestor.Run last = ingestor.ingest("registry", file);

        // then the attempts failed at the load, and the last set the file aside
        assertThat(runs).extracting(Ingestor.Run::status).containsOnly(BatchStatus.FAILED);
        assertThat(last.status()).isEqualTo(BatchStatus.ABANDONED);
        assertThat(last.exitCode()).isEqualTo("SET_ASIDE");
        // and its row is REJECTED as INTERNAL_ERROR, in the warehouse and in the published copy, its spool gone
        String rejected = "1|REJECTED|INTERNAL_ERROR|系统处理该文件时出错（已尝试处理3次均未成功），文件中的数据均未入库。"
                + "已通知系统管理员排查；您也可以用Excel或WPS打开后另存为新的xlsx文件再发送一次。";
        String query = "select file_key, status, error_code, error from etl_file where file_name = '浑源.csv'";
        assertThat(rows(query)).containsExactly(rejected);
        assertThat(published(query)).containsExactly(rejected);
        assertThat(home.spool().resolve("registry/1")).doesNotExist();
        // and the original is in rejected/ with the clerk's note
        assertThat(file).doesNotExist();
        assertThat(home.rejected("registry").resolve("浑源.csv")).exists();
        assertThat(Files.readString(home.rejected("registry").resolve("浑源.csv.说明.txt"), StandardCharsets.UTF_8))
                .contains("INTERNAL_ERROR", "文件中的数据均未入库");
    }

    @Test
    void aFileWhoseAttemptsFailedBeforeItWasRegisteredIsSetAsideAllTheSame() throws Exception {
        // given a file that cannot be archived (its temporary name in the archive is taken by a folder)
        Path file = OnePersonRegistry.write(
                home.inbox("registry"), "广灵.csv", "14022204001000001", "贾家屯乡", "贾家屯", "14022219600101018");
        Path blocker = home.archive().resolve(Intake.sha256(file) + ".csv.tmp");
        Files.writeString(Files.createDirectories(blocker).resolve("占位"), "x");
        List<Ingestor.Run> runs = attempts(file);

        // when it is ingested once more than the attempt limit
        Ingestor.Run last = ingestor.ingest("registry", file);

        // then the attempts failed before registering it, and the last set it aside without a row to mark
        assertThat(runs).extracting(Ingestor.Run::status).containsOnly(BatchStatus.FAILED);
        assertThat(last.exitCode()).isEqualTo("SET_ASIDE");
        assertThat(rows("select count(*) from etl_file where file_name = '广灵.csv'"))
                .containsExactly("0");
        assertThat(file).doesNotExist();
        assertThat(Files.readString(home.rejected("registry").resolve("广灵.csv.说明.txt"), StandardCharsets.UTF_8))
                .contains("INTERNAL_ERROR");
    }

    private List<Ingestor.Run> attempts(Path file) {
        List<Ingestor.Run> runs = new ArrayList<>();
        for (int attempt = 0; attempt < Ingestor.MAX_ATTEMPTS; attempt++) {
            runs.add(ingestor.ingest("registry", file));
        }
        return runs;
    }

    private void execute(String sql) throws SQLException {
        try (Statement st = warehouse.connectionForTests().createStatement()) {
            st.execute(sql);
        }
    }

    private List<String> rows(String sql) throws SQLException {
        return HhwProcesses.rows(warehouse.connectionForTests(), sql);
    }

    private List<String> published(String sql) throws SQLException {
        return HhwProcesses.query(home.analyticsDb(), sql);
    }

    @AfterAll
    static void deleteHome() throws IOException {
        TestHomes.delete(HOME);
    }
}
