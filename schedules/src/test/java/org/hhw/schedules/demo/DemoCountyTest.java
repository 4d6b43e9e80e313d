package org.hhw.schedules.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
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
        Map<String, List<Path>> written = DemoCounty.writeInboxes(source -> home.resolve(source), 2019L);

        // then every source's files, in the order written, and nothing else in its inbox
        assertThat(written)
                .containsExactly(
                        Map.entry(
                                "registry",
                                inbox(
                                        "registry",
                                        "2019年南河堡乡等四乡镇花名册.xlsx",
                                        "2019年米薪关镇张西河乡花名册.xls",
                                        "2019年赵家沟乡贾家屯乡花名册.csv",
                                        "2019年南高崖乡玉泉镇花名册.csv")),
                        Map.entry(
                                "education",
                                inbox(
                                        "education",
                                        "2019年春季学期教育扶贫资助发放名册.xlsx",
                                        "2019年秋季学期教育扶贫资助发放名册.xls",
                                        "2019年秋季学期营养改善计划发放名册.csv")),
                        Map.entry(
                                "medical",
                                inbox(
                                        "medical",
                                        "2019年天镇县县级市级医院住院一站式结算明细.xlsx",
                                        "2019年乡镇卫生院住院结算明细.xls",
                                        "2019年省级及省外住院结算明细.csv")),
                        Map.entry(
                                "microloan",
                                inbox(
                                        "microloan",
                                        "2019年6月扶贫小额信贷台账（农商银行）.xlsx",
                                        "2019年6月扶贫小额信贷台账（邮储银行）.xls",
                                        "2019年7月扶贫小额信贷台账（农商银行）.csv")),
                        Map.entry(
                                "training",
                                inbox(
                                        "training",
                                        "2019年方源天大职业培训学校家政养老育婴培训花名册.xlsx",
                                        "2019年阳光职业培训学校保安电商培训花名册.xls",
                                        "2019年博宇职业培训学校种植养殖培训花名册.csv")));
        for (Map.Entry<String, List<Path>> source : written.entrySet()) {
            try (Stream<Path> files = Files.list(home.resolve(source.getKey()))) {
                assertThat(files).containsExactlyInAnyOrderElementsOf(source.getValue());
            }
        }
    }

    private List<Path> inbox(String source, String... names) {
        return Stream.of(names).map(home.resolve(source)::resolve).toList();
    }
}
