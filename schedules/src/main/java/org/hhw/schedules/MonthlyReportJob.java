package org.hhw.schedules;

import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.JobExecutionContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.scheduling.quartz.QuartzJobBean;

/**
 * Quartz job: makes the reports of every month due, oldest first. The report trigger and the
 * start-up catch-up both run it, never two at once, so a month is asked for only after the run
 * before has made it (and is then no longer due).
 *
 * <p>A month that fails stops the run: the later months wait, so that the failed one stays the
 * oldest month due and is tried again first at the next run (the next report time or start).
 */
@DisallowConcurrentExecution
public class MonthlyReportJob extends QuartzJobBean {

    private static final Logger log = LoggerFactory.getLogger(MonthlyReportJob.class);

    private final ObjectProvider<MonthlyReportPort> port;
    private final ReportSchedule schedule;

    public MonthlyReportJob(ObjectProvider<MonthlyReportPort> port, ReportSchedule schedule) {
        this.port = port;
        this.schedule = schedule;
    }

    @Override
    protected void executeInternal(JobExecutionContext context) {
        MonthlyReportPort reports = port.getIfAvailable();
        if (reports == null) {
            log.warn("no monthly reports made: this build has no report generator");
            return;
        }
        // Quartz may fire a trigger a millisecond or two before its time, which must not count as the
        // month before.
        Instant at = later(
                context.getFireTime().toInstant(),
                context.getScheduledFireTime().toInstant());
        schedule.lastDueMonth(at).ifPresent(last -> catchUp(reports, last));
    }

    /** Makes every month due up to {@code lastDueMonth}, oldest first, until one fails. */
    private static void catchUp(MonthlyReportPort reports, YearMonth lastDueMonth) {
        List<YearMonth> due = reports.monthsDue(lastDueMonth);
        for (int i = 0; i < due.size(); i++) {
            try {
                reports.generate(due.get(i));
            } catch (RuntimeException e) {
                log.error(
                        "monthly reports of {} not made, tried again at the next run{}: {}",
                        due.get(i),
                        i + 1 < due.size() ? " (the later months due wait for it)" : "",
                        e.getMessage(),
                        e);
                return;
            }
            log.info("monthly reports of {} made", due.get(i));
        }
    }

    private static Instant later(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }
}
