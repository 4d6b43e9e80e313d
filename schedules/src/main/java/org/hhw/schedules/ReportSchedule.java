package org.hhw.schedules;

import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.TimeZone;
import org.quartz.CronExpression;
import org.quartz.CronScheduleBuilder;
import org.quartz.CronTrigger;
import org.quartz.JobKey;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.quartz.TriggerKey;
import org.quartz.listeners.SchedulerListenerSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * When the monthly reports are made: {@code hhw.report-cron} in {@code hhw.report-time-zone} (or
 * the system's zone). A month is due once the report time after it has passed: the reports of June
 * are made at the first report time in July, and a start-up on the 1st of July (before the 3rd's
 * report time) makes those of May at most, since June's files may still be coming.
 */
final class ReportSchedule {

    static final JobKey JOB = JobKey.jobKey("monthlyReport");
    static final TriggerKey TRIGGER = TriggerKey.triggerKey("monthlyReportTrigger");

    private static final Logger log = LoggerFactory.getLogger(ReportSchedule.class);

    /**
     * How far back to look for the latest report time, shortest first, so that walking forward from
     * the window's first report time takes few steps whether the cron fires every minute or once a year.
     */
    private static final List<Duration> LOOK_BACK =
            List.of(Duration.ofHours(1), Duration.ofDays(1), Duration.ofDays(32), Duration.ofDays(367));

    private final String expression;
    private final ZoneId zone;
    private final CronExpression cron;

    /** {@code zone} null: the system's. */
    ReportSchedule(String expression, ZoneId zoneOrNull) {
        this.expression = expression;
        this.zone = zoneOrNull != null ? zoneOrNull : ZoneId.systemDefault();
        try {
            this.cron = new CronExpression(expression);
        } catch (ParseException e) {
            throw new IllegalStateException(
                    "hhw.report-cron is not a Quartz cron expression (e.g. 0 0 6 3 * ?): " + expression + ": "
                            + e.getMessage(),
                    e);
        }
        cron.setTimeZone(TimeZone.getTimeZone(zone));
    }

    /** The month before the latest report time at or before {@code at}; empty if none in the past year. */
    Optional<YearMonth> lastDueMonth(Instant at) {
        Date end = Date.from(at);
        for (Duration back : LOOK_BACK) {
            Date latest = cron.getTimeAfter(Date.from(at.minus(back)));
            if (latest != null && !latest.after(end)) {
                for (Date next = cron.getTimeAfter(latest);
                        next != null && !next.after(end);
                        next = cron.getTimeAfter(next)) {
                    latest = next;
                }
                return Optional.of(
                        YearMonth.from(latest.toInstant().atZone(zone)).minusMonths(1));
            }
        }
        return Optional.empty();
    }

    /**
     * Puts the report trigger into the scheduler's store, unless the store already holds it with
     * this schedule: a fire missed while the service was stopped is the persisted trigger's, and
     * replacing it would forget that miss, so the start-up could not fire it. A changed setting
     * replaces it. Then, at every start of the scheduler, one catch-up run of the same job.
     */
    void register(Scheduler scheduler) throws SchedulerException {
        CronTrigger wanted = TriggerBuilder.newTrigger()
                .forJob(JOB)
                .withIdentity(TRIGGER)
                .withSchedule(CronScheduleBuilder.cronSchedule(expression)
                        .inTimeZone(TimeZone.getTimeZone(zone))
                        .withMisfireHandlingInstructionFireAndProceed())
                .build();
        Trigger persisted = scheduler.getTrigger(TRIGGER);
        if (persisted == null) {
            scheduler.scheduleJob(wanted);
        } else if (!(persisted instanceof CronTrigger c
                && c.getCronExpression().equals(wanted.getCronExpression())
                && c.getTimeZone().getID().equals(wanted.getTimeZone().getID())
                && c.getMisfireInstruction() == wanted.getMisfireInstruction())) {
            log.info("monthly report schedule changed to {} ({})", expression, zone);
            scheduler.rescheduleJob(TRIGGER, wanted);
        }
        scheduler.getListenerManager().addSchedulerListener(new SchedulerListenerSupport() {
            @Override
            public void schedulerStarted() {
                try {
                    scheduler.triggerJob(JOB);
                } catch (SchedulerException e) {
                    log.error("the monthly reports' start-up catch-up could not be started: {}", e.getMessage(), e);
                }
            }
        });
    }
}
