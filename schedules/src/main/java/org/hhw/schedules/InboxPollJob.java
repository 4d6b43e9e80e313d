package org.hhw.schedules;

import org.quartz.DisallowConcurrentExecution;
import org.quartz.JobExecutionContext;
import org.springframework.scheduling.quartz.QuartzJobBean;

/** Quartz job: one poll of every inbox. Never two at once, since the warehouse has one writer. */
@DisallowConcurrentExecution
public class InboxPollJob extends QuartzJobBean {

    private final Ingestor ingestor;

    public InboxPollJob(Ingestor ingestor) {
        this.ingestor = ingestor;
    }

    @Override
    protected void executeInternal(JobExecutionContext context) {
        ingestor.poll();
    }
}
