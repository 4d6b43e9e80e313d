package org.hhw.jobs.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.hhw.jobs.publish.PublishJobConfiguration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A poll of several files loads them together: each file's run stops after its read, the poll's load job loads them
 * all, and after the publish each run goes on to its receipt. On the medical fixtures after the registry, the
 * correction among them: what loading them one after the other gives ({@link MedicalIngestFunctionalTest}).
 */
class PollLoadFunctionalTest extends IngestFunctionalTest {

    private static final Path HOME = IngestTestSupport.createHome("hhw-poll-load-functional");
    private static final Path REGISTRY_FIXTURES = Path.of("src/test/resources/fixtures/registry");
    private static final Path FIXTURES = Path.of("src/test/resources/fixtures/medical");

    @Autowired
    Job loadJob;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        IngestTestSupport.properties(registry, HOME, "poll-load-functional");
    }

    @Test
    void filesReadForThePollsLoadAreLoadedTogetherThenEachGoesOnToItsReceiptAfterThePublish() throws Exception {
        // given the registry, then the three claim files and the correction of two of their claims in the inbox
        assertThat(pollOf(
                                "registry",
                                IngestTestSupport.drop(
                                        home, "registry", REGISTRY_FIXTURES.resolve(RegistryFixtures.XLSX)))
                        .getStatus())
                .isEqualTo(BatchStatus.COMPLETED);
        List<JobParameters> files = new ArrayList<>();
        for (String name : List.of(
                MedicalFixtures.XLSX,
                MedicalFixtures.XLS,
                MedicalFixtures.CSV_GB18030,
                MedicalFixtures.CSV_CORRECTION)) {
            files.add(IngestJobConfiguration.parameters(
                    "medical", IngestTestSupport.drop(home, "medical", FIXTURES.resolve(name))));
        }

        // when each file's run is launched for the poll's load
        List<JobExecution> read = new ArrayList<>();
        for (JobParameters file : files) {
            read.add(jobOperator.start(ingestJob, IngestJobConfiguration.withThePollsLoad(file)));
        }

        // then each stopped after its read, nothing of it loaded yet
        assertThat(read).allSatisfy(run -> {
            assertThat(run.getStatus()).isEqualTo(BatchStatus.STOPPED);
            assertThat(IngestJobConfiguration.awaitsThePollsLoad(run)).isTrue();
            assertThat(run.getStepExecutions())
                    .extracting(
                            StepExecution::getStepName, s -> s.getExitStatus().getExitCode())
                    .containsExactly(
                            tuple("ingestArchiveStep", "COMPLETED"),
                            tuple("ingestReadStep", IngestJobConfiguration.AWAITING_LOAD));
        });
        assertThat(rows("select status, count(*) from etl_file where source = 'medical' group by status"))
                .containsExactly("RUNNING|4");

        // when the poll's load loads them
        JobExecution load = jobOperator.start(
                loadJob,
                PollLoadJobConfiguration.parameters(
                        jobRepository, read.stream().map(JobExecution::getId).toList()));

        // then every file is loaded as one after the other would have been, the correction superseding two claims
        assertThat(load.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(load.getStepExecutions().iterator().next().getExitStatus().getExitDescription())
                .startsWith("loaded 4 files in ");
        assertThat(rows("""
                select file_key, status, rows_read, rows_loaded, rows_rejected, rows_non_data, rows_warned, sheets_read
                from etl_file where source = 'medical' order by file_key"""))
                .containsExactly(
                        "2|LOADED|6|2|2|2|1|县级及市级",
                        "3|LOADED|4|2|2|0|0|南河堡乡卫生院",
                        "4|LOADED|2|1|1|0|0|2019年省级及省外住院结算明细（GB18030）",
                        "5|LOADED|2|2|0|0|0|2019年县医保中心住院一站式结算明细（更正）");
        assertThat(rows("select file_key, sheet, row_number, column_name, raw_value, reason_code from etl_reject "
                        + "where file_key > 1 order by file_key, sheet, row_number"))
                .containsExactly(
                        "2|县级及市级|6|出院日期|2019/4/1|INCONSISTENT",
                        "2|县级及市级|8|结算单号|null|DUPLICATE_IN_FILE",
                        "3|南河堡乡卫生院|5|民政救助|待定|AMOUNT_INVALID",
                        "3|南河堡乡卫生院|6|医疗机构级别|二级甲等|CODE_UNKNOWN",
                        "4|2019年省级及省外住院结算明细（GB18030）|3|个人自付|-100|AMOUNT_INVALID");
        assertThat(rows(
                        "select claim_key, file_key, person_key, household_key, hospital_key, settlement_no, total_cost, "
                                + "is_current, superseded_by from fact_medical_claim order by claim_key"))
                .containsExactly(
                        "1|2|1|1|1|JS2019001|8000.00|true|null",
                        "2|2|5|3|2|JS2019003|30000.00|false|5",
                        "3|3|4|2|3|null|1500.00|false|5",
                        "4|3|7|0|1|null|2400.00|true|null",
                        "5|4|6|4|4|JS2019101|50000.00|true|null",
                        "6|5|5|3|2|JS2019003|31000.00|true|null",
                        "7|5|4|2|3|null|1600.00|true|null");
        assertThat(rows("select person_key, name, is_registered, file_key, row_number from dim_person "
                        + "where not is_registered"))
                .containsExactly("7|王五|false|3|4");

        // when one run is launched again before any publish
        JobExecution early = jobOperator.start(ingestJob, files.get(0));

        // then its load step finds its file loaded and it stops for the publish
        assertThat(early.getStatus()).isEqualTo(BatchStatus.STOPPED);
        assertThat(early.getStepExecutions())
                .extracting(StepExecution::getStepName)
                .containsExactly("ingestLoadStep");
        assertThat(IngestJobConfiguration.awaitsPublish(jobRepository.getJobExecutions(early.getJobInstance())))
                .isTrue();

        // when the publish passes and every run is launched again with it
        JobExecution publish = jobOperator.start(publishJob, PublishJobConfiguration.parameters(jobRepository, 4));
        assertThat(publish.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        List<JobExecution> delivered = new ArrayList<>();
        for (JobParameters file : files) {
            delivered.add(jobOperator.start(ingestJob, IngestJobConfiguration.published(file, publish.getId())));
        }

        // then each went straight on to its receipt, the poll's load having loaded its file
        assertThat(delivered).extracting(JobExecution::getStatus).containsOnly(BatchStatus.COMPLETED);
        assertThat(delivered)
                .allSatisfy(run -> assertThat(run.getStepExecutions())
                        .extracting(StepExecution::getStepName)
                        .containsExactly("ingestReceiptStep"));
        assertThat(IngestTestSupport.receiptRejects(home, "medical", MedicalFixtures.XLS))
                .extracting(r -> r.split("\\|")[4])
                .containsExactly("AMOUNT_INVALID", "CODE_UNKNOWN");
        assertThat(home.inbox("medical")).isEmptyDirectory();
        assertThat(IngestTestSupport.published(home, "select count(*) from fact_medical_claim where is_current"))
                .containsExactly("5");
    }

    private List<String> rows(String sql) throws SQLException {
        return IngestTestSupport.rows(warehouse, sql);
    }

    @AfterAll
    static void deleteHome() throws IOException {
        IngestTestSupport.deleteHome(HOME);
    }
}
