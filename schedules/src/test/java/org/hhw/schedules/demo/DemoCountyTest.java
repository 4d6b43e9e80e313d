package org.hhw.schedules.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DemoCountyTest {

    @TempDir
    Path home;

    @Test
    void writesEverySourcesDemoFilesIntoItsOwnInbox() throws IOException {
        // given an inbox folder per source, none of them there yet

        // when
        List<DemoCounty.Drop> drops = DemoCounty.writeInboxes(source -> home.resolve(source), 2019L);

        // then every file is in its source's inbox, and nothing else is there
        for (String source : List.of("registry", "education", "medical", "microloan", "training")) {
            try (Stream<Path> files = Files.list(home.resolve(source))) {
                assertThat(files)
                        .containsExactlyInAnyOrderElementsOf(drops.stream()
                                .filter(d -> d.source().equals(source))
                                .map(DemoCounty.Drop::file)
                                .toList());
            }
        }
    }

    @Test
    void replaysTheCountysYearInTheOrderItsClerksSendTheFiles() throws IOException {
        // given an inbox folder per source

        // when
        List<DemoCounty.Drop> drops = DemoCounty.writeInboxes(source -> home.resolve(source), 2019L);

        // then the registry at the start of the year, each department's file on the 10th of the month after the last
        // day it tells of (the day its aid was paid, its 统计日期, its last discharge or course's end), the files of a
        // day half an hour apart
        assertThat(drops)
                .extracting(
                        d -> d.receivedAt() + " " + d.source() + "/" + d.file().getFileName())
                .containsExactly(
                        "2019-01-02T09:00 registry/2019年南河堡乡等四乡镇花名册.xlsx",
                        "2019-01-03T09:00 registry/2019年米薪关镇张西河乡花名册.xls",
                        "2019-01-04T09:00 registry/2019年赵家沟乡贾家屯乡花名册.csv",
                        "2019-01-05T09:00 registry/2019年南高崖乡玉泉镇花名册.csv",
                        "2019-05-10T09:00 education/2019年春季学期教育扶贫资助发放名册.xlsx",
                        "2019-07-10T09:00 microloan/2019年6月扶贫小额信贷台账（农商银行）.xlsx",
                        "2019-07-10T09:30 microloan/2019年6月扶贫小额信贷台账（邮储银行）.xls",
                        "2019-08-10T09:00 microloan/2019年7月扶贫小额信贷台账（农商银行）.csv",
                        "2019-11-10T09:00 education/2019年秋季学期教育扶贫资助发放名册.xls",
                        "2019-12-10T09:00 education/2019年秋季学期营养改善计划发放名册.csv",
                        "2019-12-10T09:30 training/2019年方源天大职业培训学校家政养老育婴培训花名册.xlsx",
                        "2019-12-10T10:00 training/2019年阳光职业培训学校保安电商培训花名册.xls",
                        "2019-12-10T10:30 training/2019年博宇职业培训学校种植养殖培训花名册.csv",
                        "2020-01-10T09:00 medical/2019年天镇县县级市级医院住院一站式结算明细.xlsx",
                        "2020-01-10T09:30 medical/2019年乡镇卫生院住院结算明细.xls",
                        "2020-01-10T10:00 medical/2019年省级及省外住院结算明细.csv");
    }
}
