package org.hhw.schedules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import javax.sql.DataSource;
import org.hhw.jobs.ingest.IngestJobConfiguration;
import org.hhw.jobs.publish.PublishJobConfiguration;
import org.hhw.warehouse.Home;
import org.hhw.warehouse.WriterLock;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Start-up recovery closes every run a crash left "running": one killed after its last step as
 * COMPLETED (its work is done), one killed in a step as FAILED, so its file restarts, and a publish
 * killed in its step as FAILED (the next poll publishes afresh). The job
 * history is set as a {@code kill -9} leaves it, since the moment after the last step is too
 * short to hit with a real kill in a test.
 */
@SpringBootTest(classes = HhwApplication.class)
class RunRecoveryTest {

    private static final Path HOME = TestHomes.create("hhw-run-recovery");

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("hhw.home", HOME::toString);
    }

    @Autowired
    Ingestor ingestor;

    @Autowired
    Home home;

    @Autowired
    JobRepository jobRepository;

    @Autowired
    DataSource jobs;

    @Test
    void runsLeftRunningByACrashAreClosedOnlyUnderTheLock() throws Exception {
        // given two files ingested, each by a poll: its run stopped after the load, the publish, the run launched
        // again for the receipt; the job history then altered as kills leave it: the first file's run killed after
        // its last step (the receipt), the second file's in its read step, and the second poll's publish in its step
        ingestor.ingest("registry", registryFile("南高崖乡.csv", "14022203001000001", "南高崖乡", "南高崖", "14022219800101017"));
        long afterLastStep = lastExecutionId("ingestReceiptStep");
        ingestor.ingest("registry", registryFile("米薪关镇.csv", "14022210001000001", "米薪关镇", "胡家屯", "14022219700101023"));
        long inReadStep = lastExecutionId("ingestReadStep");
        long inPublishStep = lastExecutionId("publishStep");
        try (Connection c = jobs.getConnection();
                Statement st = c.createStatement()) {
            st.execute("update batch_job_execution set status = 'STARTED', exit_code = 'UNKNOWN', end_time = null "
                    + "where job_execution_id in (" + afterLastStep + ", " + inReadStep + ", " + inPublishStep + ")");
            st.execute("update batch_step_execution set status = 'STARTED', exit_code = 'EXECUTING', end_time = null "
                    + "where job_execution_id in (" + inReadStep + ", " + inPublishStep + ") "
                    + "and step_name in ('ingestReadStep', 'publishStep')");
            st.execute("delete from batch_step_execution_context where step_execution_id in (select step_execution_id "
                    + "from batch_step_execution where job_execution_id = " + inReadStep
                    + " and step_name = 'ingestLoadStep')");
            st.execute("delete from batch_step_execution where job_execution_id = " + inReadStep
                    + " and step_name = 'ingestLoadStep'");
        }
        assertThat(running()).isEqualTo(3);

        // when recovery runs without the writer lock, it refuses
        WriterLock lock = WriterLock.tryAcquire(home.root(), "test").orElseThrow();
        lock.close();
        assertThatThrownBy(() -> ingestor.recoverInterrupted(lock))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("crash recovery needs the home's writer lock");
        assertThat(jobRepository.findRunningJobExecutions(IngestJobConfiguration.JOB_NAME))
                .hasSize(2);

        // when it runs holding the lock
        int recovered;
        try (WriterLock held = WriterLock.tryAcquire(home.root(), "test").orElseThrow()) {
            recovered = ingestor.recoverInterrupted(held);
        }

        // then all are closed: the first COMPLETED, the second FAILED with its read step, the publish FAILED
        assertThat(recovered).isEqualTo(3);
        assertThat(running()).isZero();
        JobExecution done = jobRepository.getJobExecution(afterLastStep);
        assertThat(done.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(done.getExitStatus().getExitCode()).isEqualTo("COMPLETED");
        assertThat(done.getEndTime()).isNotNull();
        JobExecution interrupted = jobRepository.getJobExecution(inReadStep);
        assertThat(interrupted.getStatus()).isEqualTo(BatchStatus.FAILED);
        assertThat(interrupted.getStepExecutions())
                .filteredOn(s -> s.getStepName().equals("ingestReadStep"))
                .extracting(s -> s.getStatus())
                .containsExactly(BatchStatus.FAILED);
        assertThat(jobRepository.getJobExecution(inPublishStep).getStatus()).isEqualTo(BatchStatus.FAILED);
    }

    private int running() {
        return jobRepository
                        .findRunningJobExecutions(IngestJobConfiguration.JOB_NAME)
                        .size()
                + jobRepository
                        .findRunningJobExecutions(PublishJobConfiguration.JOB_NAME)
                        .size();
    }

    /** The latest run that executed this step. */
    private long lastExecutionId(String step) throws Exception {
        try (Connection c = jobs.getConnection();
                Statement st = c.createStatement();
                ResultSet rs = st.executeQuery(
                        "select max(job_execution_id) from batch_step_execution where step_name = '" + step + "'")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private Path registryFile(String name, String household, String township, String village, String first17)
            throws IOException {
        return OnePersonRegistry.write(home.inbox("registry"), name, household, township, village, first17);
    }

    @AfterAll
    static void deleteHome() throws IOException {
        TestHomes.delete(HOME);
    }
}
