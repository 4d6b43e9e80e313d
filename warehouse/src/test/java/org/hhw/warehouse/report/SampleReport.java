package org.hhw.warehouse.report;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

/**
 * A county report for June 2019 made by hand, for the forms' tests: a microloan block with a headline
 * figure of each measure, a township ranking with its bar chart and a twelve-month trend with its line
 * chart, and a provenance block of text. Its text carries what a form must not take for a formula.
 */
public final class SampleReport {

    public static final YearMonth MONTH = YearMonth.of(2019, 6);

    /** A village name as a clerk might type it: a spreadsheet would run it as a formula. */
    public static final String FORMULA_LIKE = "=HYPERLINK(\"http://x\",\"点我\")";

    private SampleReport() {}

    public static MonthlyReport county() {
        return new MonthlyReport("天镇县", ReportUnit.county("天镇县"), MONTH, List.of(microloans(), provenance()));
    }

    public static MonthlyReport township() {
        return new MonthlyReport("天镇县", new ReportUnit(1, "玉泉镇"), MONTH, List.of(microloans(), provenance()));
    }

    static Block microloans() {
        List<Figure> figures = List.of(
                new Figure("月末贷款余额笔数", Measure.COUNT, 120L, 118L, null, null, "rpt_microloan_month.loans_outstanding"),
                new Figure(
                        "月末贷款余额（万元）",
                        Measure.WAN_YUAN,
                        new BigDecimal("512.345600"),
                        new BigDecimal("498.000000"),
                        null,
                        null,
                        "rpt_microloan_month.outstanding_wan_yuan"),
                new Figure(
                        "逾期率（%）",
                        Measure.PERCENT,
                        new BigDecimal("3.25"),
                        new BigDecimal("2.80"),
                        null,
                        null,
                        "rpt_microloan_month.overdue_rate_pct"),
                new Figure(
                        "当月发放金额（万元）",
                        Measure.WAN_YUAN,
                        new BigDecimal("35.000000"),
                        new BigDecimal("20.500000"),
                        null,
                        new BigDecimal("180.250000"),
                        "rpt_microloan_month.issued_wan_yuan"));
        Table ranking = new Table(
                "各乡镇逾期率排名",
                List.of(
                        new Column("排名", Measure.COUNT),
                        new Column("乡镇", Measure.TEXT),
                        new Column("贷款余额（万元）", Measure.WAN_YUAN),
                        new Column("逾期率（%）", Measure.PERCENT)),
                List.of(
                        List.of(1L, "米薪关镇", new BigDecimal("80.000000"), new BigDecimal("6.50")),
                        List.of(2L, "玉泉镇", new BigDecimal("300.000000"), new BigDecimal("2.10")),
                        row(3L, "谷前堡镇", null, new BigDecimal("0.00"))),
                "逾期率 = 月末逾期金额 ÷ 月末贷款余额 × 100");
        List<List<Object>> months = new ArrayList<>();
        for (int i = 11; i >= 0; i--) {
            YearMonth m = MONTH.minusMonths(i);
            months.add(
                    List.of(m.toString(), BigDecimal.valueOf(400 + 10L * (11 - i)), BigDecimal.valueOf(10 + (11 - i))));
        }
        Table trend = new Table(
                "近12个月走势",
                List.of(
                        new Column("月份", Measure.TEXT),
                        new Column("月末贷款余额（万元）", Measure.WAN_YUAN),
                        new Column("月末逾期金额（万元）", Measure.WAN_YUAN)),
                months,
                null);
        return new Block(
                "小额信贷",
                "四、扶贫小额信贷",
                figures,
                List.of(ranking, trend),
                List.of(
                        new Chart(ChartKind.RANKING_BARS, "各乡镇逾期率（%）", 0, 1, List.of(3)),
                        new Chart(ChartKind.TREND_LINE, "贷款余额与逾期金额走势（万元）", 1, 0, List.of(1, 2))));
    }

    static Block provenance() {
        Table files = new Table(
                "纳入本期的数据",
                List.of(
                        new Column("部门", Measure.TEXT),
                        new Column("最新文件", Measure.TEXT),
                        new Column("接收日期", Measure.TEXT)),
                List.of(
                        List.of("扶贫办", "2019年6月建档立卡花名册.xlsx", "2019-06-28"),
                        List.of("农商银行", FORMULA_LIKE, "2019-06-30")),
                null);
        return new Block("数据来源", "九、数据来源", List.of(), List.of(files), List.of());
    }

    /** List.of refuses nulls, and a report row may hold "no figure". */
    private static List<Object> row(Object... values) {
        return java.util.Arrays.asList(values);
    }
}
