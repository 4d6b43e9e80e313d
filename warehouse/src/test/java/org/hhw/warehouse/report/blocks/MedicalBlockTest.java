package org.hhw.warehouse.report.blocks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hhw.warehouse.RegistryLoads.row;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.List;
import org.hhw.warehouse.report.Block;
import org.hhw.warehouse.report.Chart;
import org.hhw.warehouse.report.ChartKind;
import org.hhw.warehouse.report.Column;
import org.hhw.warehouse.report.Figure;
import org.hhw.warehouse.report.Measure;
import org.hhw.warehouse.report.ReportUnit;
import org.hhw.warehouse.report.Table;
import org.junit.jupiter.api.Test;

/** The medical block of June 2019 over the published copy of {@link BlockCounty}. Expected values by hand. */
class MedicalBlockTest extends PublishedCounty {

    private static final ReportUnit YUQUAN = new ReportUnit(1, "玉泉镇");
    private static final String NOTE = "近12个月指2018年6月11日至2019年6月10日入院的住院；不列身份证号、姓名及疾病名称";

    @Test
    void theCountyHasItsFiguresTheTownshipsTheTrendAndTheWholeWarningList() throws Exception {
        // when
        Block block = new MedicalBlock().build(data, COUNTY, JUNE);

        // then: june beside may; no june 2018 in the warehouse; the warning list is judged in june only
        String model = "rpt_medical_month.";
        assertThat(block.sheet()).isEqualTo("医疗");
        assertThat(block.title()).isEqualTo("三、基本医疗有保障");
        assertThat(block.figures())
                .containsExactly(
                        new Figure("住院人次", Measure.COUNT, 1L, 2L, null, 8L, model + "stays"),
                        new Figure(
                                "医疗总费用（元）",
                                Measure.YUAN,
                                yuan("2500"),
                                yuan("41500"),
                                null,
                                yuan("96200"),
                                model + "total_cost"),
                        new Figure(
                                "报销合计（元）",
                                Measure.YUAN,
                                yuan("2000"),
                                yuan("28900"),
                                null,
                                yuan("72100"),
                                model + "reimbursed"),
                        new Figure(
                                "个人自付（元）",
                                Measure.YUAN,
                                yuan("500"),
                                yuan("12600"),
                                null,
                                yuan("24100"),
                                model + "self_paid"),
                        new Figure(
                                "报销比例（%）",
                                Measure.PERCENT,
                                yuan("80"),
                                yuan("69.64"),
                                null,
                                yuan("74.95"),
                                model + "reimbursed_pct"),
                        new Figure("个人自付超过年度封顶额人数", Measure.COUNT, 1L, 1L, null, 4L, model + "persons_over_cap"),
                        new Figure("因病返贫预警户数", Measure.COUNT, 2L, null, null, null, model + "high_burden_households"));
        assertThat(block.tables()).extracting(Table::title).containsExactly("各乡镇住院情况", "近12个月走势", "因病返贫预警名单");
        assertThat(block.tables().get(0).columns())
                .extracting(Column::label)
                .containsExactly(
                        "乡镇",
                        "住院人次",
                        "医疗总费用（元）",
                        "报销合计（元）",
                        "个人自付（元）",
                        "报销比例（%）",
                        "年初至今住院人次",
                        "年初至今报销比例（%）",
                        "年初至今超封顶线人数",
                        "因病返贫预警户数");
        List<Object> quiet = row(0L, yuan("0"), yuan("0"), yuan("0"), null, 0L, null, 0L, 0L);
        assertThat(block.tables().get(0).rows())
                .containsExactly(
                        row("玉泉镇", 1L, yuan("2500"), yuan("2000"), yuan("500"), yuan("80"), 5L, yuan("74.05"), 3L, 1L),
                        withName("谷前堡镇", quiet),
                        row("米薪关镇", 0L, yuan("0"), yuan("0"), yuan("0"), null, 2L, yuan("75.71"), 1L, 1L),
                        withName("逯家湾镇", quiet),
                        withName("新平堡镇", quiet),
                        withName("赵家沟乡", quiet),
                        withName("南河堡乡", quiet),
                        withName("贾家屯乡", quiet),
                        withName("卅里铺乡", quiet),
                        withName("张西河乡", quiet),
                        withName("南高崖乡", quiet),
                        row("未归属乡镇", 0L, yuan("0"), yuan("0"), yuan("0"), null, 1L, yuan("83.33"), 0L, 0L));
        assertThat(block.tables().get(1).rows())
                .containsExactly(
                        row("2018-07", null, null, null, null),
                        row("2018-08", null, null, null, null),
                        row("2018-09", null, null, null, null),
                        row("2018-10", null, null, null, null),
                        row("2018-11", null, null, null, null),
                        row("2018-12", 1L, yuan("2000"), yuan("500"), yuan("75")),
                        row("2019-01", 0L, yuan("0"), yuan("0"), null),
                        row("2019-02", 1L, yuan("8000"), yuan("800"), yuan("90")),
                        row("2019-03", 1L, yuan("30000"), yuan("7000"), yuan("76.67")),
                        row("2019-04", 3L, yuan("14200"), yuan("3200"), yuan("77.46")),
                        row("2019-05", 2L, yuan("41500"), yuan("12600"), yuan("69.64")),
                        row("2019-06", 1L, yuan("2500"), yuan("500"), yuan("80")));
        assertThat(block.tables().get(2).columns())
                .extracting(Column::label)
                .containsExactly(
                        "乡镇", "行政村", "户编号", "家庭人口", "近12个月住院人次", "近12个月个人自付（元）", "预警线（元）", "低保标准×家庭人口（元）", "预警原因");
        assertThat(block.tables().get(2).rows())
                .containsExactly(
                        row(
                                "玉泉镇",
                                "鲍家屯",
                                "3101000002",
                                2L,
                                1L,
                                yuan("12000"),
                                yuan("10000"),
                                yuan("7812"),
                                "超过预警线；超过低保标准×家庭人口"),
                        row(
                                "米薪关镇",
                                "孤峰山",
                                "3103000001",
                                2L,
                                2L,
                                yuan("8500"),
                                yuan("10000"),
                                yuan("7812"),
                                "超过低保标准×家庭人口"));
        assertThat(block.tables().get(2).note()).isEqualTo(NOTE);
        assertThat(block.charts())
                .containsExactly(new Chart(ChartKind.TREND_LINE, "医疗总费用与个人自付走势（元）", 1, 0, List.of(2, 3)));
    }

    @Test
    void aLongWarningListShowsTheHouseholdsWhoPaidMostAndSaysHowManyThereAre() throws Exception {
        // given a bulletin that lists one household at most
        // when
        Block block = new MedicalBlock(1).build(data, COUNTY, JUNE);

        // then 王桂兰's household (12,000 yuan self-paid) is listed, 刘福's (8,500) counted in the note
        Table list = block.tables().get(2);
        assertThat(list.rows()).extracting(r -> r.get(2)).containsExactly("3101000002");
        assertThat(list.note()).isEqualTo(NOTE + "；共2户，列出个人自付最高的1户，全部名单见发布库 rpt_medical_warning");
    }

    @Test
    void aTownshipHasItsOwnFiguresTrendAndHouseholdsOnly() throws Exception {
        // when
        Block block = new MedicalBlock().build(data, YUQUAN, JUNE);

        // then: no township table; 玉泉镇's may is 王桂兰's and 赵六's stays; only 鲍家屯's household on its list
        assertThat(block.figures().get(0))
                .isEqualTo(new Figure("住院人次", Measure.COUNT, 1L, 2L, null, 5L, "rpt_medical_month.stays"));
        assertThat(block.tables()).extracting(Table::title).containsExactly("近12个月走势", "因病返贫预警名单");
        assertThat(block.tables().get(0).rows().get(10))
                .isEqualTo(row("2019-05", 2L, yuan("41500"), yuan("12600"), yuan("69.64")));
        assertThat(block.tables().get(1).rows()).extracting(r -> r.get(2)).containsExactly("3101000002");
        assertThat(block.charts()).extracting(Chart::table).containsExactly(0);
    }

    @Test
    void aMonthTheClaimsHaveNotReachedShowsTheLatestWarningListAndNoFigures() throws Exception {
        // when
        Block july = new MedicalBlock().build(data, COUNTY, JUNE.plusMonths(1));
        Block january = new MedicalBlock().build(data, COUNTY, YearMonth.of(2019, 1));

        // then: july has no stay in the warehouse, so no figure; january is before any list was judged
        assertThat(july.figures().get(0))
                .isEqualTo(new Figure("住院人次", Measure.COUNT, null, 1L, null, null, "rpt_medical_month.stays"));
        assertThat(july.tables().get(2).rows()).extracting(r -> r.get(2)).containsExactly("3101000002", "3103000001");
        assertThat(july.tables().get(2).note()).isEqualTo(NOTE);
        assertThat(january.tables().get(2).rows()).isEmpty();
        assertThat(january.tables().get(2).note()).isEqualTo("无因病返贫预警户");
    }

    private static List<Object> withName(String township, List<Object> figures) {
        List<Object> r = new java.util.ArrayList<>();
        r.add(township);
        r.addAll(figures);
        return r;
    }

    private static BigDecimal yuan(String value) {
        return new BigDecimal(value).setScale(2);
    }
}
