package org.hhw.schedules;

import org.hhw.jobs.HhwProperties;
import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.SimpleScheduleBuilder;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The schedule of {@code hhw run}: every inbox polled every {@code hhw.poll-interval}. */
@Configuration
public class ScheduleConfiguration {

    @Bean
    public JobDetail inboxPollJobDetail() {
        return JobBuilder.newJob(InboxPollJob.class)
                .withIdentity("inboxPoll")
                .storeDurably()
                .build();
    }

    @Bean
    public Trigger inboxPollTrigger(JobDetail inboxPollJobDetail, HhwProperties properties) {
        return TriggerBuilder.newTrigger()
                .forJob(inboxPollJobDetail)
                .withIdentity("inboxPollTrigger")
                .withSchedule(SimpleScheduleBuilder.simpleSchedule()
                        .withIntervalInMilliseconds(properties.pollInterval().toMillis())
                        .repeatForever()
                        .withMisfireHandlingInstructionNextWithRemainingCount())
                .startNow()
                .build();
    }
}
