package org.hhw.jobs.ingest;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.hhw.jobs.PollRuns;
import org.hhw.sources.contract.ContractRegistry;
import org.hhw.warehouse.FileToLoad;
import org.hhw.warehouse.Warehouse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The poll's load job, for a poll of several files: {@code loadStep} loads the files whose ingest runs stopped after
 * their read awaiting it ({@link IngestJobConfiguration#awaitsThePollsLoad}), one department's files in one pass
 * ({@link Warehouse#load(List)}), where each file loaded on its own cost nearly as much as all of them together.
 *
 * <p>Each run is a new instance ({@link PollRuns}); {@value #RUNS}, not identifying, names the ingest runs whose files
 * it loads (at most {@value #MOST_RUNS}: a poll of more runs it again), {@value #FILES} counts them. A run that failed
 * or was killed is never resumed: loading is idempotent (a file already loaded is left as it is), and the next poll
 * loads what is left. When it fails, the poll launches each file's run again, which loads its file on its own, so
 * that a file the load cannot take fails alone.
 */
@Configuration(proxyBeanMethods = false)
public class PollLoadJobConfiguration {

    public static final String JOB_NAME = "loadJob";
    public static final String STEP_NAME = "loadStep";
    public static final String FILES = "files";
    public static final String RUNS = "runs";
    /** The most ingest runs one load names: their ids fit in a job parameter (2,500 characters). */
    public static final int MOST_RUNS = 100;

    private static final Logger log = LoggerFactory.getLogger(PollLoadJobConfiguration.class);

    /** The parameters of the next load: a new instance, for the files of these ingest runs. */
    public static JobParameters parameters(JobRepository jobRepository, List<Long> ingestRuns) {
        if (ingestRuns.isEmpty() || ingestRuns.size() > MOST_RUNS) {
            throw new IllegalArgumentException("a load takes 1 to " + MOST_RUNS + " runs, not " + ingestRuns.size());
        }
        return PollRuns.next(jobRepository, JOB_NAME)
                .addLong(FILES, (long) ingestRuns.size(), false)
                .addString(RUNS, ingestRuns.stream().map(String::valueOf).collect(Collectors.joining(",")), false)
                .toJobParameters();
    }

    @Bean
    public Job loadJob(JobRepository jobRepository, Step loadStep) {
        return new JobBuilder(JOB_NAME, jobRepository).start(loadStep).build();
    }

    @Bean
    public Step loadStep(
            JobRepository jobRepository, PlatformTransactionManager transactionManager, Tasklet loadTasklet) {
        return new StepBuilder(STEP_NAME, jobRepository)
                .tasklet(loadTasklet, transactionManager)
                .build();
    }

    @Bean
    @StepScope
    public Tasklet loadTasklet(
            @Value("#{jobParameters['runs']}") String runs,
            JobRepository jobRepository,
            Warehouse warehouse,
            ContractRegistry contracts) {
        return (contribution, chunk) -> {
            long start = System.nanoTime();
            List<FileToLoad> files = new ArrayList<>();
            for (long id :
                    Arrays.stream(runs.split(",")).mapToLong(Long::parseLong).toArray()) {
                JobExecution run = jobRepository.getJobExecution(id);
                if (run == null) {
                    throw new IllegalStateException("no ingest run " + id + " in the job history");
                }
                files.add(IngestJobConfiguration.fileToLoad(run, contracts, warehouse));
            }
            warehouse.load(files);
            String loaded = "loaded " + files.size() + (files.size() == 1 ? " file" : " files") + " in "
                    + (System.nanoTime() - start) / 1_000_000 + " ms";
            log.info(loaded);
            contribution.setExitStatus(ExitStatus.COMPLETED.addExitDescription(loaded));
            return RepeatStatus.FINISHED;
        };
    }
}
