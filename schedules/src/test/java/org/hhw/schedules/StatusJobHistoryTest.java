package org.hhw.schedules;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import java.util.Properties;
import org.hhw.sources.contract.Contracts;
import org.hhw.warehouse.Home;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code hhw status}'s last part, the job history, read beside the published copy and printed after it. */
class StatusJobHistoryTest {

    @TempDir
    Path dir;

    @Test
    void theJobHistoryIsPrintedLastWithItsRuns() throws Exception {
        // given a home with no published copy yet, and a job history of one failed ingest run, then a publish
        Home home = new Home(dir).create(Contracts.SOURCES);
        Properties sa = new Properties();
        sa.setProperty("user", "sa");
        try (Connection c = DriverManager.getConnection(JobRepositoryConfiguration.url(home), sa);
                Statement st = c.createStatement()) {
            st.execute("create table batch_job_instance (job_instance_id bigint, job_name varchar(100))");
            st.execute("create table batch_job_execution (job_execution_id bigint, job_instance_id bigint, "
                    + "status varchar(10), exit_code varchar(2500), start_time timestamp(9), end_time timestamp(9), "
                    + "exit_message varchar(2500))");
            st.execute("create table batch_step_execution (job_execution_id bigint, step_name varchar(100), "
                    + "exit_message varchar(2500))");
            st.execute("insert into batch_job_instance values (3, 'ingestJob'), (4, 'publishJob')");
            st.execute("create table batch_job_execution_params (job_execution_id bigint, parameter_name varchar(100), "
                    + "parameter_value varchar(2500))");
            st.execute(
                    "insert into batch_job_execution values (7, 3, 'FAILED', 'FAILED', timestamp '2024-03-01 09:00:00', "
                            + "timestamp '2024-03-01 09:00:02.5', 'java.lang.IllegalStateException: 文件已损坏\nat x')");
            st.execute("insert into batch_job_execution_params values (7, 'file', '/inbox/registry/花名册.xlsx')");
            st.execute("insert into batch_job_execution values (8, 4, 'COMPLETED', 'COMPLETED', "
                    + "timestamp '2024-03-01 09:01:00', timestamp '2024-03-01 09:01:00.8', '')");
            st.execute("insert into batch_job_execution_params values (8, 'files', '2')");
            st.execute("insert into batch_step_execution values (8, 'publishStep', 'published 2 files in 812 ms')");
        }

        // when
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        int exit = Status.run(home, new PrintStream(printed, true, StandardCharsets.UTF_8));

        // then the job history ends the output, after the reports: the last publish, then the runs
        List<String> lines = printed.toString(StandardCharsets.UTF_8).lines().toList();
        assertThat(exit).isZero();
        assertThat(lines.subList(lines.size() - 9, lines.size()))
                .containsExactly(
                        "(none: no month with data yet)",
                        "",
                        "Last publish: 2024-03-01 09:01:00, published 2 files in 812 ms",
                        "",
                        "Recent runs (job repository): each file's ingest (STOPPED: waiting for its poll's load or "
                                + "publish), each poll's load (of several files) and publish:",
                        "run  job      status     exit       started              seconds  file         error",
                        "---  -------  ---------  ---------  -------------------  -------  -----------  ----------",
                        "8    publish  COMPLETED  COMPLETED  2024-03-01 09:01:00  0.8      2 files      ",
                        "7    ingest   FAILED     FAILED     2024-03-01 09:00:00  2.5      花名册.xlsx  文件已损坏");
    }
}
