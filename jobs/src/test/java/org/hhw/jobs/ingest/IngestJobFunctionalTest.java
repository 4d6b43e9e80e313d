package org.hhw.jobs.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.poi.poifs.crypt.EncryptionInfo;
import org.apache.poi.poifs.crypt.EncryptionMode;
import org.apache.poi.poifs.crypt.Encryptor;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.hhw.warehouse.intake.Intake;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The ingest job on the checked-in registry fixtures, one per format (xlsx with title rows, several
 * sheets, subtotals, footers, a hidden and an empty sheet; xls with a two-row merged header; csv in
 * UTF-8 with BOM; csv in GB18030), then the same file again and an unusable file.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class IngestJobFunctionalTest extends IngestFunctionalTest {

    private static final Path HOME = IngestTestSupport.createHome("hhw-ingest-functional");
    private static final Path FIXTURES = Path.of("src/test/resources/fixtures/registry");

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        IngestTestSupport.properties(registry, HOME, "ingest-functional");
    }

    @Test
    @Order(1)
    void loadsEveryFormatWithExactCountsRejectsWarningsAndRows() throws Exception {
        // given the four fixtures in the inbox
        List<Path> files = new ArrayList<>();
        for (String name : List.of(
                RegistryFixtures.XLSX, RegistryFixtures.XLS, RegistryFixtures.CSV_UTF8, RegistryFixtures.CSV_GB18030)) {
            files.add(drop(name));
        }

        // when they are ingested by one poll
        IngestTestSupport.Poll poll = poll("registry", files);

        // then each run stopped after its load, one publish passed, and each run then delivered its file
        assertThat(poll.ingested()).extracting(JobExecution::getStatus).containsOnly(BatchStatus.STOPPED);
        assertThat(poll.publish().getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(poll.delivered())
                .extracting(JobExecution::getStatus)
                .containsExactly(
                        BatchStatus.COMPLETED, BatchStatus.COMPLETED, BatchStatus.COMPLETED, BatchStatus.COMPLETED);

        // then every file is accounted for, row by row
        assertThat(rows("""
                select file_key, file_name, status, rows_read, rows_loaded, rows_rejected, rows_non_data, rows_warned,
                       sheets_read, sheets_skipped, unknown_columns
                from etl_file order by file_key"""))
                .containsExactly(
                        "1|2019年南河堡乡新平堡镇花名册.xlsx|LOADED|13|6|2|5|1|南河堡乡；新平堡镇|说明（隐藏）；Sheet3（空表）|南河堡乡：备注",
                        "2|2019年米薪关镇花名册.xls|LOADED|5|3|1|1|1|米薪关镇||",
                        "3|2019年逯家湾镇花名册.csv|LOADED|8|2|3|3|0|2019年逯家湾镇花名册||2019年逯家湾镇花名册：备注",
                        "4|2019年卅里铺乡花名册（GB18030）.csv|LOADED|3|2|1|0|0|2019年卅里铺乡花名册（GB18030）||");
        assertThat(rows("select file_key, sheet, row_number, column_name, raw_value, reason_code from etl_reject "
                        + "order by file_key, sheet, row_number"))
                .containsExactly(
                        "1|南河堡乡|8|证件号码|140222********0130|ID_CHECKSUM",
                        "1|新平堡镇|3|身份证号|1.4022********5E17|ID_PRECISION_LOST",
                        "2|米薪关镇|7|行政村名称|红旗村|VILLAGE_UNKNOWN",
                        "3|2019年逯家湾镇花名册|5|证件号码|null|DUPLICATE_IN_FILE",
                        "3|2019年逯家湾镇花名册|6|与户主关系|干儿子|CODE_UNKNOWN",
                        "3|2019年逯家湾镇花名册|7|证件号码|1.4022*******E+17|ID_PRECISION_LOST",
                        "4|2019年卅里铺乡花名册（GB18030）|3|行政村|新建村|VILLAGE_UNKNOWN");
        assertThat(rows("select file_key, sheet, row_number, column_name, raw_value, reason_code from etl_warning "
                        + "order by file_key, row_number"))
                .containsExactly("1|南河堡乡|10|性别|女|INCONSISTENT", "2|米薪关镇|5|公民身份号码|140222*****7081|ID_CONVERTED_15");
        assertThat(rows("select file_key, sheet, row_number, kind from etl_non_data order by file_key, row_number"))
                .containsExactly(
                        "1|南河堡乡|7|TOTAL",
                        "1|南河堡乡|9|BLANK",
                        "1|南河堡乡|11|TOTAL",
                        "1|南河堡乡|12|FOOTER",
                        "1|南河堡乡|13|FOOTER",
                        "2|米薪关镇|8|TOTAL",
                        "3|2019年逯家湾镇花名册|8|BLANK",
                        "3|2019年逯家湾镇花名册|9|TOTAL",
                        "3|2019年逯家湾镇花名册|10|FOOTER");
        assertThat(rows("""
                select household_key, household_id, township, village, poverty_status, main_cause, exit_status,
                       exit_year, members, declared_size, is_current, file_key, sheet, row_number
                from dim_household where household_key > 0 order by household_key"""))
                .containsExactly(
                        "1|14022201001000001|南河堡乡|南河堡|ordinary|illness|not_exited|null|3|3|true|1|南河堡乡|4",
                        "2|14022201001000003|南河堡乡|赵小堡|dibao|lack_funds|exited|2018|1|1|true|1|南河堡乡|10",
                        "3|14022205002000001|新平堡镇|黄家湾|tekun|disability|exited|2017|1|2|true|1|新平堡镇|2",
                        "4|14022205002000002|新平堡镇|五里墩|ordinary|lack_labour|not_exited|null|1|1|true|1|新平堡镇|4",
                        "5|14022207001000001|米薪关镇|孤峰山|ordinary|schooling|not_exited|null|2|null|true|2|米薪关镇|4",
                        "6|14022207001000002|米薪关镇|赵家夭|ordinary|lack_funds|exited|2019|1|null|true|2|米薪关镇|6",
                        "7|14022209001000001|逯家湾镇|瓦夭口|ordinary|illness|not_exited|null|2|2|true|3|2019年逯家湾镇花名册|3",
                        "8|14022211001000001|卅里铺乡|孙家店|ordinary|lack_skills|not_exited|null|1|1|true|4|2019年卅里铺乡花名册（GB18030）|2",
                        "9|14022211001000003|卅里铺乡|孙家店|tekun|lack_labour|exited|2016|1|1|true|4|2019年卅里铺乡花名册（GB18030）|4");
        assertThat(rows("""
                select person_key, id_masked, name, sex, birth_date, household_id, relation, is_registered,
                       length(person_id_hash), file_key, row_number
                from dim_person order by person_key"""))
                .containsExactly(
                        "1|140222********0117|张三|male|1965-03-12|14022201001000001|head|true|64|1|4",
                        "2|140222********022X|李四|female|1967-05-20|14022201001000001|spouse|true|64|1|5",
                        "3|140222********0319|张小明|male|2005-01-01|14022201001000001|son|true|64|1|6",
                        "4|140222********0510|赵六|male|1970-01-01|14022201001000003|head|true|64|1|10",
                        "5|140222********0337|钱七|male|1952-02-02|14022205002000001|head|true|64|1|2",
                        "6|140222********009X|周九|male|1980-08-08|14022205002000002|head|true|64|1|4",
                        "7|140222********0715|吴十|male|1960-06-06|14022207001000001|head|true|64|2|4",
                        "8|140222********0816|吴小十|male|1996-07-07|14022207001000001|son|true|64|2|5",
                        "9|140222********0917|郑一|male|1945-09-09|14022207001000002|head|true|64|2|6",
                        "10|140222********1113|陈三|male|1966-06-06|14022209001000001|head|true|64|3|3",
                        "11|140222********1227|林四|female|1968-08-08|14022209001000001|spouse|true|64|3|4",
                        "12|140222********1414|马六|male|1971-01-01|14022211001000001|head|true|64|4|2",
                        "13|140222********1624|杨八|female|1973-03-03|14022211001000003|head|true|64|4|4");
        assertThat(warehouse.runDataTests()).isEmpty();

        // and each original is archived by hash and kept once: in processed/ beside its receipt, the archived copy
        for (Path file : files) {
            String name = file.getFileName().toString();
            assertThat(home.inbox("registry").resolve(name)).doesNotExist();
            assertThat(home.processed("registry").resolve(name)).exists();
            assertThat(home.processed("registry").resolve(name + ".回执.xlsx")).exists();
            assertThat(Files.mismatch(
                            FIXTURES.resolve(name), home.processed("registry").resolve(name)))
                    .isEqualTo(-1);
            assertThat(Files.isSameFile(
                            home.processed("registry").resolve(name),
                            home.archive()
                                    .resolve(Intake.sha256(FIXTURES.resolve(name))
                                            + name.substring(name.lastIndexOf('.')))))
                    .isTrue();
        }
        try (Stream<Path> archived = Files.list(home.archive())) {
            assertThat(archived.map(p -> p.getFileName().toString()).sorted().toList())
                    .containsExactlyElementsOf(files.stream()
                            .map(f -> Intake.sha256(
                                            FIXTURES.resolve(f.getFileName().toString()))
                                    + f.getFileName()
                                            .toString()
                                            .substring(
                                                    f.getFileName().toString().lastIndexOf('.')))
                            .sorted()
                            .toList());
        }
        // and the analysts' copy is published
        assertThat(home.analyticsDb()).exists();
    }

    @Test
    @Order(2)
    void theSameContentUnderAnotherNameIsNotLoadedTwice() throws Exception {
        // given the xlsx again, renamed as clerks do
        Path copy = home.inbox("registry").resolve("2019年南河堡乡新平堡镇花名册(1).xlsx");
        Files.copy(FIXTURES.resolve(RegistryFixtures.XLSX), copy);

        // when it is ingested
        JobExecution run = pollOf("registry", copy);

        // then it is recorded as a duplicate of file 1 and nothing more is loaded
        assertThat(run.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(run.getExitStatus().getExitCode()).isEqualTo("COMPLETED");
        assertThat(rows("select file_key, status, duplicate_of, rows_loaded from etl_file where file_key = 5"))
                .containsExactly("5|DUPLICATE|1|0");
        assertThat(rows("select count(*) from dim_person")).containsExactly("13");
        assertThat(home.processed("registry").resolve("2019年南河堡乡新平堡镇花名册(1).xlsx.回执.xlsx"))
                .exists();
    }

    @Test
    @Order(3)
    void unusableFilesGoToRejectedWithAnExplanationAndTheNextFileStillLoads() throws Exception {
        // given a corrupt workbook (half of a real one), a password-protected one, and then a good file
        byte[] xlsx = Files.readAllBytes(FIXTURES.resolve(RegistryFixtures.XLSX));
        Path broken = home.inbox("registry").resolve("坏文件.xlsx");
        Files.write(broken, java.util.Arrays.copyOf(xlsx, xlsx.length / 2));
        Path encrypted = home.inbox("registry").resolve("加密花名册.xlsx");
        try (POIFSFileSystem fs = new POIFSFileSystem()) {
            Encryptor encryptor = new EncryptionInfo(EncryptionMode.agile).getEncryptor();
            encryptor.confirmPassword("123456");
            try (OutputStream out = encryptor.getDataStream(fs)) {
                out.write(xlsx);
            }
            try (OutputStream out = Files.newOutputStream(encrypted)) {
                fs.writeFilesystem(out);
            }
        }
        Path good = home.inbox("registry").resolve("另一个花名册.csv");
        Files.writeString(
                good,
                String.join(
                        "\r\n",
                        List.of(
                                "户编号,乡镇,行政村,姓名,证件号码,与户主关系",
                                "14022203001000001,南高崖乡,南高崖,白一," + RegistryFixtures.id("19800101", "171") + ",户主")),
                StandardCharsets.UTF_8);

        // when all are ingested by one poll
        IngestTestSupport.Poll poll = poll("registry", List.of(broken, encrypted, good));

        // then the unusable ones are rejected as a whole, with a note in Chinese, and the good one loads
        assertThat(poll.delivered())
                .extracting(JobExecution::getStatus)
                .containsExactly(BatchStatus.COMPLETED, BatchStatus.COMPLETED, BatchStatus.COMPLETED);
        assertThat(rows("select status, error_code from etl_file where file_name = '加密花名册.xlsx'"))
                .containsExactly("REJECTED|ENCRYPTED");
        assertThat(Files.readString(home.rejected("registry").resolve("加密花名册.xlsx.说明.txt"), StandardCharsets.UTF_8))
                .contains("密码");
        assertThat(rows("select status, error_code, rows_loaded from etl_file where file_name = '坏文件.xlsx'"))
                .containsExactly("REJECTED|CORRUPT|0");
        assertThat(home.rejected("registry").resolve("坏文件.xlsx")).exists();
        String note = Files.readString(home.rejected("registry").resolve("坏文件.xlsx.说明.txt"), StandardCharsets.UTF_8);
        assertThat(note).contains("坏文件.xlsx").contains("CORRUPT");
        assertThat(rows("select status, rows_loaded from etl_file where file_name = '另一个花名册.csv'"))
                .containsExactly("LOADED|1");
    }

    private Path drop(String fixture) throws IOException {
        return IngestTestSupport.drop(home, "registry", FIXTURES.resolve(fixture));
    }

    private List<String> rows(String sql) throws SQLException {
        return IngestTestSupport.rows(warehouse, sql);
    }

    @AfterAll
    static void deleteHome() throws IOException {
        IngestTestSupport.deleteHome(HOME);
    }
}
