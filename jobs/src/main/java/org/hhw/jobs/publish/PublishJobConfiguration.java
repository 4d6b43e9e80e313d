package org.hhw.jobs.publish;

import java.util.List;
import org.hhw.jobs.PollRuns;
import org.hhw.warehouse.DataTestFailure;
import org.hhw.warehouse.Home;
import org.hhw.warehouse.Warehouse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.job.Job;
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
 * The publish job, once per poll: {@code publishStep} passes the publish gate ({@link Warehouse#publishIfTestsPass}:
 * the models brought up to date, the data tests, then the analysts' copy, or nothing) for every file the poll's
 * ingest runs left waiting (loaded, recorded as a duplicate, or rejected). Analysts thus see every file of a poll at
 * once or none of them, and a poll of twenty files publishes once, not twenty times. A failing data test fails the
 * step ({@link DataTestsFailedException}): the files wait in the inbox, and the next poll's publish checks again.
 *
 * <p>Each run is a new instance ({@link PollRuns}; {@code files}, not identifying, says how many files were
 * waiting). The gate is idempotent, so a run that failed or was killed is never resumed: the next poll publishes
 * afresh. The step records how long the gate took: in its exit description ({@code published 20 files in 812 ms},
 * which {@code hhw status} shows) and as {@value #MILLIS} in its execution context.
 */
@Configuration(proxyBeanMethods = false)
public class PublishJobConfiguration {

    public static final String JOB_NAME = "publishJob";
    public static final String STEP_NAME = "publishStep";
    public static final String FILES = "files";
    /** The gate's milliseconds, in the step's execution context. */
    public static final String MILLIS = "publish.millis";

    private static final Logger log = LoggerFactory.getLogger(PublishJobConfiguration.class);

    /** The parameters of the next publish: a new instance, for {@code files} files waiting. */
    public static JobParameters parameters(JobRepository jobRepository, long files) {
        return PollRuns.next(jobRepository, JOB_NAME)
                .addLong(FILES, files, false)
                .toJobParameters();
    }

    @Bean
    public Job publishJob(JobRepository jobRepository, Step publishStep) {
        return new JobBuilder(JOB_NAME, jobRepository).start(publishStep).build();
    }

    @Bean
    public Step publishStep(
            JobRepository jobRepository, PlatformTransactionManager transactionManager, Tasklet publishTasklet) {
        return new StepBuilder(STEP_NAME, jobRepository)
                .tasklet(publishTasklet, transactionManager)
                .build();
    }

    @Bean
    @StepScope
    public Tasklet publishTasklet(@Value("#{jobParameters['files']}") Long files, Home home, Warehouse warehouse) {
        return (contribution, chunk) -> {
            long start = System.nanoTime();
            List<DataTestFailure> failures = warehouse.publishIfTestsPass(home.analyticsDb(), home.analystsGroup());
            long millis = (System.nanoTime() - start) / 1_000_000;
            for (DataTestFailure f : failures) {
                log.error("data test {} returned {} offending rows, e.g. {}", f.test(), f.rows(), f.sample());
            }
            if (!failures.isEmpty()) {
                throw new DataTestsFailedException(files, failures);
            }
            String published = "published " + files + (files == 1 ? " file" : " files") + " in " + millis + " ms";
            log.info("{} (the publish gate: models, data tests, the analysts' copy)", published);
            contribution.getStepExecution().getExecutionContext().putLong(MILLIS, millis);
            contribution.setExitStatus(ExitStatus.COMPLETED.addExitDescription(published));
            return RepeatStatus.FINISHED;
        };
    }
}
