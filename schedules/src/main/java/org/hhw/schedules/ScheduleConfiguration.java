package org.hhw.schedules;

import java.time.YearMonth;
import java.util.List;
import org.hhw.jobs.HhwProperties;
import org.hhw.warehouse.report.monthly.MonthlyReports;
import org.quartz.CronScheduleBuilder;
import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.SimpleScheduleBuilder;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The schedule of {@code hhw run}: every inbox polled every {@code hhw.poll-interval}, the full check of the published
 * copy at {@code hhw.check-cron} (nightly), and the monthly reports at {@code hhw.report-cron} and once at every start. Jobs and triggers live in the
 * state database ({@code spring.quartz.job-store-type=jdbc}), so a report time passed while the
 * service was stopped is still known at the next start.
 */
@Configuration(proxyBeanMethods = false)
public class ScheduleConfiguration {

    @Bean
    public JobDetail inboxPollJobDetail() {
        return JobBuilder.newJob(InboxPollJob.class)
                .withIdentity("inboxPoll")
                .storeDurably()
                .build();
    }

    /**
     * Re-registered at every start (it replaces the stored one, with the setting's interval); a
     * poll missed while the service was busy or stopped is skipped, not fired in a burst.
     */
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

    @Bean
    public JobDetail fullCheckJobDetail() {
        return JobBuilder.newJob(FullCheckJob.class)
                .withIdentity("fullCheck")
                .storeDurably()
                .build();
    }

    /**
     * Re-registered at every start, with the setting's time; a night missed while the service was stopped is not made
     * up (the next night checks everything anyway).
     */
    @Bean
    public Trigger fullCheckTrigger(JobDetail fullCheckJobDetail, HhwProperties properties) {
        return TriggerBuilder.newTrigger()
                .forJob(fullCheckJobDetail)
                .withIdentity("fullCheckTrigger")
                .withSchedule(CronScheduleBuilder.cronSchedule(properties.checkCron())
                        .withMisfireHandlingInstructionDoNothing())
                .build();
    }

    @Bean
    public JobDetail monthlyReportJobDetail() {
        return JobBuilder.newJob(MonthlyReportJob.class)
                .withIdentity(ReportSchedule.JOB)
                .storeDurably()
                .build();
    }

    @Bean
    ReportSchedule reportSchedule(HhwProperties properties) {
        return new ReportSchedule(properties.reportCron(), properties.reportTimeZone());
    }

    /**
     * Not a trigger bean: those are replaced at every start, which would forget a missed report time. Only
     * {@code hhw run} starts with a scheduler ({@link HhwApplication#main}).
     */
    @Bean
    public SmartInitializingSingleton monthlyReportTriggerRegistration(
            ObjectProvider<Scheduler> scheduler, ReportSchedule schedule) {
        return () -> {
            Scheduler quartz = scheduler.getIfAvailable();
            if (quartz == null) {
                return;
            }
            try {
                schedule.register(quartz);
            } catch (SchedulerException e) {
                throw new IllegalStateException(
                        "the monthly report trigger could not be stored in the state database: " + e.getMessage(), e);
            }
        };
    }

    /** The schedule's view of the report generator (a test puts its own in its place). */
    @Bean
    @ConditionalOnMissingBean(MonthlyReportPort.class)
    public MonthlyReportPort monthlyReportPort(ObjectProvider<MonthlyReports> reports) {
        return new MonthlyReportPort() {
            @Override
            public List<YearMonth> monthsDue(YearMonth lastDueMonth) {
                return reports.getObject().monthsDue(lastDueMonth);
            }

            @Override
            public void generate(YearMonth month) {
                reports.getObject().make(month);
            }
        };
    }
}
