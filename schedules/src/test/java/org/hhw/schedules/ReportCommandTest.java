package org.hhw.schedules;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.hhw.sources.clean.ResidentIds;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The monthly reports as an operator meets them, on real processes: the service makes the latest month at its start,
 * {@code hhw report} makes a new version beside it while the service runs, a month without data is refused with its
 * reason, and {@code hhw status} lists the months and their reports.
 */
class ReportCommandTest {

    private static final String ID17 = "14022219800101017";

    @TempDir
    Path home;

    @TempDir
    Path files;

    private HhwProcesses hhw;

    @Test
    void theServiceReportsTheLatestMonthAndHhwReportMakesANewVersionBesideIt() throws Exception {
        // given a home with one registered person, trained in June 2019
        hhw = new HhwProcesses(home);
        Path registry = OnePersonRegistry.write(files, "南高崖乡.csv", "14022203001000001", "南高崖乡", "南高崖", ID17);
        Path training = Files.writeString(
                files.resolve("2019年培训花名册.csv"),
                "姓名,身份证号,培训项目,培训机构,开班日期,结业日期,培训课时,是否结业,是否就业,补贴金额\n白一," + ID17 + ResidentIds.checkChar(ID17)
                        + ",家政服务员,方源职业培训学校,2019-06-05,2019-06-15,80,是,是,1200\n",
                StandardCharsets.UTF_8);
        assertThat(hhw.run(Duration.ofSeconds(90), "ingest", registry.toString())
                        .exitCode())
                .isZero();
        assertThat(hhw.run(Duration.ofSeconds(90), "ingest", "--source=training", training.toString())
                        .exitCode())
                .isZero();

        // when the service starts: nothing reported yet, so its catch-up makes the latest month with data
        hhw.service();
        Path ledger = home.resolve("state/reports.tsv");
        hhw.waitFor(
                () -> lines(ledger).size() == 2 && Files.exists(home.resolve("reports/index.html")),
                Duration.ofSeconds(240),
                "the service's report of 2019-06");

        // then the county's and every township's workbook and PDF are in the month's folder, with its page
        Path june = home.resolve("reports/2019-06");
        assertThat(lines(ledger).get(1)).startsWith("2019-06\t1\t全部\tmade\t");
        assertThat(june.resolve("天镇县脱贫攻坚数据月报_2019年6月.xlsx")).isRegularFile();
        assertThat(june.resolve("天镇县南高崖乡脱贫攻坚数据月报_2019年6月.pdf")).isRegularFile();
        assertThat(names(june)).hasSize(2 * 12 + 1).contains("index.html");
        assertThat(home.resolve("reports/index.html"))
                .content(StandardCharsets.UTF_8)
                .contains("2019-06");
        assertThat(home.resolve("snapshots/analytics-2019-06.duckdb")).isRegularFile();

        // when an operator makes the township's report of June again while the service runs
        HhwProcesses.Result again = hhw.run(Duration.ofSeconds(120), "report", "--month=2019-06", "--township=南高崖乡");

        // then it is version 2, beside version 1, with what changed (nothing: the same data)
        assertThat(again.exitCode()).as(again.output()).isZero();
        assertThat(again.output())
                .contains(
                        "Reports of 2019-06, version 2 (南高崖乡), 3 files in " + june,
                        "  天镇县南高崖乡脱贫攻坚数据月报_2019年6月_第2版.xlsx",
                        "  天镇县南高崖乡脱贫攻坚数据月报_2019年6月_第2版.pdf",
                        "  变更说明_第2版.txt");
        assertThat(june.resolve("天镇县南高崖乡脱贫攻坚数据月报_2019年6月.xlsx")).isRegularFile();
        assertThat(Files.readAllLines(june.resolve("变更说明_第2版.txt")))
                .containsExactly("天镇县南高崖乡脱贫攻坚数据月报 2019年6月 第2版 变更说明", "与第1版相比（南高崖乡合计数）：", "各项合计数均无变化。");

        // when a month without any event is asked for
        HhwProcesses.Result none = hhw.run(Duration.ofSeconds(90), "report", "--month=2019-09");

        // then it is refused with the reason, and nothing is left of it
        assertThat(none.exitCode()).as(none.output()).isEqualTo(1);
        assertThat(none.output()).contains("报表未生成（2019-09）：2019年9月没有任何数据（发布库中有数据的月份：2019-06 至 2019-06）");
        assertThat(home.resolve("reports/2019-09")).doesNotExist();
        assertThat(home.resolve("snapshots/analytics-2019-09.duckdb")).doesNotExist();

        // and hhw status lists the months and their reports
        HhwProcesses.Result status = hhw.run(Duration.ofSeconds(60), "status");
        List<String> table = status.output()
                .lines()
                .dropWhile(l -> !l.startsWith("Monthly reports ("))
                .skip(3)
                .takeWhile(l -> !l.isBlank())
                .map(String::stripTrailing)
                .toList();
        assertThat(table).hasSize(2);
        assertThat(table.get(0)).matches("2019-09 +0 +not made: 2019年9月没有任何数据（发布库中有数据的月份：2019-06 至 2019-06）");
        assertThat(table.get(1)).matches("2019-06 +2 +\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d +南高崖乡 +made");
    }

    private static List<String> lines(Path file) {
        try {
            return Files.exists(file) ? Files.readAllLines(file) : List.of();
        } catch (IOException e) {
            return List.of();
        }
    }

    private static List<String> names(Path dir) throws Exception {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @AfterEach
    void stop() throws Exception {
        if (hhw != null) {
            hhw.close();
        }
    }
}
