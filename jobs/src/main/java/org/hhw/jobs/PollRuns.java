package org.hhw.jobs;

import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.job.parameters.RunIdIncrementer;
import org.springframework.batch.core.repository.JobRepository;

/**
 * The runs of a job made once per poll (the poll's load, its publish): each a new instance, its {@code run.id} one
 * above the last run's. Incremented here, not by the job: Spring Batch ignores the parameters given with a job that has
 * an incrementer, and the poll gives each run its own (how many files, which).
 */
public final class PollRuns {

    private PollRuns() {}

    /** The parameters of the job's next run, to which the poll adds its own. */
    public static JobParametersBuilder next(JobRepository jobRepository, String jobName) {
        JobInstance last = jobRepository.getLastJobInstance(jobName);
        JobParameters previous = last == null
                ? new JobParameters()
                : jobRepository.getLastJobExecution(last).getJobParameters();
        return new JobParametersBuilder(new RunIdIncrementer().getNext(previous));
    }
}
