package org.hhw.schedules;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import org.hhw.warehouse.Home;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.quartz.JobExecutionContext;
import org.quartz.JobExecutionException;
import org.quartz.Scheduler;
import org.quartz.impl.matchers.KeyMatcher;
import org.quartz.listeners.JobListenerSupport;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The monthly report trigger on real Quartz with its JDBC store in the home's state database: it
 * outlives the service, a report time missed while stopped fires once at the next start, and the
 * start-up catch-up makes every month due, oldest first, never one twice.
 */
class MonthlyReportScheduleTest {

    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    @TempDir
    Path home;

    @Test
    void aReportTimeMissedWhileStoppedFiresOnceAtTheNextStart() throws Exception {
        // given the service started once (its trigger stored), then stopped across a report time: the
        // stored trigger's next fire time lies in the past, as a stop over the 3rd leaves it
        YearMonth last = expectedLastDueMonth();
        RecordingPort port = new RecordingPort(last.minusMonths(1), last);
        start(port).close();
        long missed = Instant.now().minus(Duration.ofDays(10)).toEpochMilli();
        try (Connection c = stateDb();
                PreparedStatement st = c.prepareStatement(
                        "update qrtz_triggers set next_fire_time = ? where trigger_name = 'monthlyReportTrigger'")) {
            st.setLong(1, missed);
            assertThat(st.executeUpdate()).isEqualTo(1);
        }

        // when the service starts again
        List<String> fired;
        try (ConfigurableApplicationContext context = start(port)) {
            fired = runScheduler(context, 2);

            // then the missed report time fired once (the catch-up ran too), and the trigger goes on
            // to the next report time
            assertThat(fired).filteredOn("monthlyReportTrigger"::equals).hasSize(1);
            assertThat(fired).hasSize(2);
            assertThat(context.getBean(Scheduler.class)
                            .getTrigger(ReportSchedule.TRIGGER)
                            .getNextFireTime()
                            .toInstant())
                    .isEqualTo(nextReportTime());
        }
        // and the two months due were made once each, oldest first
        assertThat(port.generated).containsExactly(last.minusMonths(1), last);
    }

    @Test
    void theStartUpCatchUpMakesEveryMonthDueOldestFirst() throws Exception {
        // given a generator with two months of data not yet reported
        YearMonth last = expectedLastDueMonth();
        RecordingPort port = new RecordingPort(last.minusMonths(1), last, last.plusMonths(1));

        // when the service starts (its report time not passed: only the catch-up runs)
        List<String> fired;
        try (ConfigurableApplicationContext context = start(port)) {
            fired = runScheduler(context, 1);
        }

        // then both months are made, oldest first, asked up to the month before the last report time
        assertThat(fired).hasSize(1).allMatch(name -> !name.equals("monthlyReportTrigger"));
        assertThat(port.asked).containsExactly(last);
        assertThat(port.generated).containsExactly(last.minusMonths(1), last);
    }

    @Test
    void aMonthThatFailsStaysDueAndTheLaterMonthsWaitForIt() throws Exception {
        // given two months due, the older of which cannot be made
        YearMonth last = expectedLastDueMonth();
        RecordingPort port = new RecordingPort(last.minusMonths(1), last);
        port.failing = last.minusMonths(1);

        // when the service starts
        try (ConfigurableApplicationContext context = start(port)) {
            runScheduler(context, 1);
        }

        // then nothing is made; once the cause is gone, the next start makes both, oldest first
        assertThat(port.generated).isEmpty();
        port.failing = null;
        try (ConfigurableApplicationContext context = start(port)) {
            runScheduler(context, 1);
        }
        assertThat(port.asked).containsExactly(last, last);
        assertThat(port.generated).containsExactly(last.minusMonths(1), last);
    }

    @Test
    void theFullCheckOfThePublishedCopyIsScheduledNightly() throws Exception {
        // when the service starts with the default settings
        start(new RecordingPort()).close();

        // then the full check's trigger is stored beside the report's, at 02:30 every night
        assertThat(rows("select c.cron_expression || ' ' || t.job_name from qrtz_triggers t join qrtz_cron_triggers c "
                        + "using (sched_name, trigger_name, trigger_group) where t.trigger_name = 'fullCheckTrigger'"))
                .containsExactly("0 30 2 * * ? fullCheck");
    }

    @Test
    void theTriggerIsStoredOnceAndFollowsItsSetting() throws Exception {
        // given the service started once with the default schedule, its trigger's next time stored
        RecordingPort port = new RecordingPort();
        start(port).close();
        assertThat(reportTriggers()).containsExactly("0 0 6 3 * ? Asia/Shanghai WAITING");
        long stored = nextFireTime();

        // when it starts again with the same settings
        start(port).close();

        // then the stored trigger is kept as it was, not a second one nor a fresh one
        assertThat(reportTriggers()).containsExactly("0 0 6 3 * ? Asia/Shanghai WAITING");
        assertThat(nextFireTime()).isEqualTo(stored);
        // (beside it the poll's and the full check's)
        assertThat(count("qrtz_triggers")).isEqualTo(3);
        assertThat(count("qrtz_job_details")).isEqualTo(3);

        // when it starts with another report time
        start(port, "--hhw.report-cron=0 30 7 5 * ?").close();

        // then the stored trigger is that one
        assertThat(reportTriggers()).containsExactly("0 30 7 5 * ? Asia/Shanghai WAITING");
        assertThat(count("qrtz_triggers")).isEqualTo(3);
        ZonedDateTime next = Instant.ofEpochMilli(nextFireTime()).atZone(ZONE);
        assertThat(List.of(next.getDayOfMonth(), next.getHour(), next.getMinute()))
                .containsExactly(5, 7, 30);
    }

    @Test
    void theLastMonthDueIsTheMonthBeforeTheLatestReportTime() {
        // given the default schedule, 06:00 on the 3rd in Shanghai
        ReportSchedule schedule = new ReportSchedule("0 0 6 3 * ?", ZONE);

        // then June is due from 06:00 on the 3rd of July, not before, nor a millisecond early
        assertThat(schedule.lastDueMonth(shanghai(2019, 7, 1, 8, 0))).contains(YearMonth.of(2019, 5));
        assertThat(schedule.lastDueMonth(shanghai(2019, 7, 3, 6, 0).minusMillis(1)))
                .contains(YearMonth.of(2019, 5));
        assertThat(schedule.lastDueMonth(shanghai(2019, 7, 3, 6, 0))).contains(YearMonth.of(2019, 6));
        assertThat(schedule.lastDueMonth(shanghai(2019, 7, 31, 23, 59))).contains(YearMonth.of(2019, 6));
        // and the month of a report time is the zone's: 06:00 on 3 January in Shanghai is still 2 January in UTC
        assertThat(schedule.lastDueMonth(shanghai(2020, 1, 3, 6, 0))).contains(YearMonth.of(2019, 12));
        // without a zone set, the system's
        Instant start = shanghai(2019, 7, 1, 8, 0);
        assertThat(new ReportSchedule("0 0 6 3 * ?", null).lastDueMonth(start))
                .isEqualTo(new ReportSchedule("0 0 6 3 * ?", ZoneId.systemDefault()).lastDueMonth(start))
                .isPresent();
        // a cron that has not fired within the past year leaves nothing due
        assertThat(new ReportSchedule("0 0 6 3 1 ? 2030", ZONE).lastDueMonth(shanghai(2029, 6, 1, 0, 0)))
                .isEmpty();
    }

    private ConfigurableApplicationContext start(MonthlyReportPort port, String... settings) {
        List<String> args = new ArrayList<>(
                List.of("--hhw.home=" + home, "--hhw.poll-interval=1h", "--hhw.report-time-zone=" + ZONE.getId()));
        args.addAll(List.of(settings));
        return new SpringApplicationBuilder(HhwApplication.class)
                .initializers(context -> context.getBeanFactory().registerSingleton("monthlyReportPort", port))
                .run(args.toArray(String[]::new));
    }

    /**
     * Starts the scheduler as {@code hhw run} does and waits for the report job to have run {@code runs}
     * times, then a while longer for any run too many; returns the trigger of each run.
     */
    private static List<String> runScheduler(ConfigurableApplicationContext context, int runs) throws Exception {
        Scheduler scheduler = context.getBean(Scheduler.class);
        List<String> fired = Collections.synchronizedList(new ArrayList<>());
        scheduler
                .getListenerManager()
                .addJobListener(
                        new JobListenerSupport() {
                            @Override
                            public String getName() {
                                return "recorder";
                            }

                            @Override
                            public void jobWasExecuted(JobExecutionContext run, JobExecutionException failure) {
                                fired.add(run.getTrigger().getKey().getName());
                            }
                        },
                        KeyMatcher.keyEquals(ReportSchedule.JOB));
        scheduler.start();
        Instant deadline = Instant.now().plusSeconds(30);
        while (fired.size() < runs && Instant.now().isBefore(deadline)) {
            Thread.sleep(100);
        }
        Thread.sleep(1_500);
        scheduler.standby();
        return List.copyOf(fired);
    }

    /** The default schedule's last month due now, worked out by hand: 06:00 on the 3rd in Shanghai. */
    private static YearMonth expectedLastDueMonth() {
        ZonedDateTime now = ZonedDateTime.now(ZONE);
        return YearMonth.from(now).minusMonths(now.isBefore(thisMonthsReportTime(now)) ? 2 : 1);
    }

    private static Instant nextReportTime() {
        ZonedDateTime now = ZonedDateTime.now(ZONE);
        ZonedDateTime thisMonths = thisMonthsReportTime(now);
        return (now.isBefore(thisMonths) ? thisMonths : thisMonths.plusMonths(1)).toInstant();
    }

    private static ZonedDateTime thisMonthsReportTime(ZonedDateTime now) {
        return now.withDayOfMonth(3).toLocalDate().atTime(6, 0).atZone(ZONE);
    }

    private static Instant shanghai(int year, int month, int day, int hour, int minute) {
        return LocalDateTime.of(year, month, day, hour, minute).atZone(ZONE).toInstant();
    }

    private List<String> reportTriggers() throws SQLException {
        return rows("select c.cron_expression || ' ' || c.time_zone_id || ' ' || t.trigger_state from qrtz_triggers t "
                + "join qrtz_cron_triggers c using (sched_name, trigger_name, trigger_group) "
                + "where t.trigger_name = 'monthlyReportTrigger'");
    }

    private long nextFireTime() throws SQLException {
        return Long.parseLong(
                rows("select next_fire_time from qrtz_triggers where trigger_name = 'monthlyReportTrigger'")
                        .get(0));
    }

    private long count(String table) throws SQLException {
        return Long.parseLong(rows("select count(*) from " + table).get(0));
    }

    private List<String> rows(String sql) throws SQLException {
        try (Connection c = stateDb();
                PreparedStatement st = c.prepareStatement(sql);
                ResultSet rs = st.executeQuery()) {
            List<String> rows = new ArrayList<>();
            while (rs.next()) {
                rows.add(rs.getString(1));
            }
            return rows;
        }
    }

    private Connection stateDb() throws SQLException {
        return DriverManager.getConnection(JobRepositoryConfiguration.url(new Home(home)), "sa", "");
    }

    /**
     * A generator as the schedule sees it: the months with data, the reports made; a month is due when it
     * has data, is not after the last month due and comes after the last one reported.
     */
    private static final class RecordingPort implements MonthlyReportPort {

        final TreeSet<YearMonth> withData;
        final TreeSet<YearMonth> reported = new TreeSet<>();
        final List<YearMonth> asked = Collections.synchronizedList(new ArrayList<>());
        final List<YearMonth> generated = Collections.synchronizedList(new ArrayList<>());
        volatile YearMonth failing;

        RecordingPort(YearMonth... withData) {
            this.withData = new TreeSet<>(List.of(withData));
        }

        @Override
        public List<YearMonth> monthsDue(YearMonth lastDueMonth) {
            asked.add(lastDueMonth);
            Optional<YearMonth> lastReported = Optional.ofNullable(reported.isEmpty() ? null : reported.last());
            return withData.stream()
                    .filter(m -> !m.isAfter(lastDueMonth))
                    .filter(m -> lastReported.map(m::isAfter).orElse(true))
                    .toList();
        }

        @Override
        public void generate(YearMonth month) {
            if (month.equals(failing)) {
                throw new IllegalStateException("报表无法生成: test");
            }
            generated.add(month);
            reported.add(month);
        }
    }
}
