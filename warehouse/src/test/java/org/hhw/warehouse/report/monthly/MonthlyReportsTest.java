package org.hhw.warehouse.report.monthly;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hhw.warehouse.report.FormFiles.cells;
import static org.hhw.warehouse.report.FormFiles.charts;
import static org.hhw.warehouse.report.FormFiles.fonts;
import static org.hhw.warehouse.report.monthly.CountyHome.JUNE;
import static org.hhw.warehouse.report.monthly.CountyHome.MADE_AT;
import static org.hhw.warehouse.report.monthly.CountyHome.TOWNSHIPS;
import static org.hhw.warehouse.report.monthly.CountyHome.names;
import static org.hhw.warehouse.report.monthly.CountyHome.stem;
import static org.hhw.warehouse.report.monthly.Workbooks.NONE;
import static org.hhw.warehouse.report.monthly.Workbooks.row;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.xssf.usermodel.XSSFChart;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.hhw.warehouse.Home;
import org.hhw.warehouse.RegistryFiles;
import org.hhw.warehouse.RegistryLoads;
import org.hhw.warehouse.report.Measure;
import org.hhw.warehouse.report.blocks.BlockCounty;
import org.hhw.warehouse.report.monthly.MonthlyReports.Made;
import org.hhw.warehouse.report.monthly.ReportLedger.Entry;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openxmlformats.schemas.drawingml.x2006.chart.CTAxDataSource;
import org.openxmlformats.schemas.drawingml.x2006.chart.CTBarChart;
import org.openxmlformats.schemas.drawingml.x2006.chart.CTLineChart;
import org.openxmlformats.schemas.drawingml.x2006.chart.CTNumDataSource;
import org.openxmlformats.schemas.drawingml.x2006.chart.CTPlotArea;
import org.openxmlformats.schemas.drawingml.x2006.chart.CTSerTx;

/**
 * June 2019's reports of {@link BlockCounty} made through {@link MonthlyReports} as the service makes them, read back:
 * the workbooks with POI cell by cell, the PDF with PDFBox; then a late roster changes June, the month is made again
 * as version 2, and version 1 is made again from its snapshot. Every figure is the one the block tests worked out by
 * hand (MedicalBlockTest, MicroloanBlockTest, TrainingBlockTest, PlanTargetBlockTest) or worked out below.
 */
class MonthlyReportsTest {

    private static final String UNIT_AND_MONTH = "单位：天镇县　月份：2019年6月";
    private static final List<String> FIGURES_HEADER = List.of("指标", "本月", "上月", "较上月", "去年同月", "年初至今");
    private static final String TRAINING_TARGET = "免费培训：计划培训人数（人）";
    private static final String MICROLOAN_TARGET = "扶贫小额信贷：完成省办下达任务（万元）";
    private static final String PLAN = "天镇县攻克深度贫困脱贫攻坚指标（2018-2020）";

    /**
     * June's headline figures, block by block, as 概要 and each block's sheet show them. The registry: 4 households of
     * 8 persons registered in January, 王桂兰's (2) and 赵六's (1) not exited, nothing changed since. Education sent
     * nothing. Findings: 王桂兰's 60,000 loan over the limit and 赵六 (缺资金) without a loan, both first judged on the
     * ledger received in June (the claims arrived in July: their findings are July's news). Data received in June: the
     * commercial bank's ledger of 3 rows; in the year also the two rosters of 6 and 2 rows in January.
     */
    private static final Map<String, List<Fig>> FIGURES = figures();

    @TempDir
    static Path dir;

    private static Home home;
    private static Path june;
    private static Made first;
    private static List<String> firstFolder;
    private static Map<String, String> firstDigests;
    private static String firstMonthPage;
    private static Made second;
    private static List<Path> again;

    @BeforeAll
    static void makeJuneTwiceAndVersionOneAgain() throws Exception {
        home = CountyHome.home(dir);
        june = home.reports().resolve("2019-06");
        try (RegistryLoads loads = CountyHome.load(dir)) {
            MonthlyReports reports = CountyHome.reports(home);
            first = reports.make(JUNE);
            firstFolder = names(june);
            firstDigests = digests(first.files());
            firstMonthPage = Files.readString(june.resolve("index.html"));

            // 赵六 started a course on 20 June; the roster came on 5 July, after June's reports
            String header = "姓名,身份证号,培训项目,培训机构,开班日期,结业日期,培训课时,是否结业,是否就业,补贴金额";
            String zhaoLiu = "赵六," + RegistryFiles.ZHAO_LIU + ",电子商务,博宇职业培训学校,2019-06-20,2019-06-28,40,否,否,600";
            Path lateRoster = Files.writeString(
                    dir.resolve("2019年6月培训花名册（补报）.csv"), header + "\n" + zhaoLiu + "\n", StandardCharsets.UTF_8);
            loads.load("training", lateRoster, LocalDateTime.of(2019, 7, 5, 9, 0));
            CountyHome.publish(loads, home);
            second = reports.make(JUNE);
            again = reports.makeAgain(JUNE, 1, dir.resolve("again"));
        }
    }

    @Test
    void juneHoldsAWorkbookAndAPdfForTheCountyAndEachTownshipAndAPageLinkingThem() throws Exception {
        // given / when: june made once (makeJuneTwiceAndVersionOneAgain)

        // then: the county first, then the townships of dim_township in code order, a workbook and a PDF each
        List<String> files = reportFiles("");
        assertThat(first.files()).extracting(f -> f.getFileName().toString()).containsExactlyElementsOf(files);
        assertThat(first.folder()).isEqualTo(june);
        List<String> folder = new ArrayList<>(files);
        folder.add("index.html");
        assertThat(firstFolder).containsExactlyInAnyOrderElementsOf(folder);
        assertThat(first.entry()).isEqualTo(new Entry(JUNE, 1, "全部", true, MADE_AT, "analytics-2019-06.duckdb", ""));
        assertThat(home.snapshots().resolve("analytics-2019-06.duckdb")).isRegularFile();
        // the month's page links every file by its name; the reports' page links the month
        assertThat(links(firstMonthPage))
                .containsExactlyElementsOf(
                        files.stream().map(f -> Map.entry(f, f)).toList());
        assertThat(links(Files.readString(home.reports().resolve("index.html"))))
                .containsExactly(Map.entry("2019-06/index.html", "2019年6月"));
    }

    @Test
    void theCountysSummarySheetHoldsEveryBlocksFiguresCellByCell() throws Exception {
        // when the county's workbook is read back
        try (XSSFWorkbook workbook = Workbooks.open(countyWorkbook())) {
            // then: the sheets in the bulletin's order, 概要 first
            List<String> sheets = new ArrayList<>();
            workbook.forEach(s -> sheets.add(s.getSheetName()));
            assertThat(sheets).containsExactly("概要", "建档立卡", "教育", "医疗", "小额信贷", "培训", "目标进度", "问题线索", "数据报送", "数据来源");
            // every block with figures under its title, a blank row between; numbers as numbers in their format,
            // text and "no figure" as text
            List<String> expected = new ArrayList<>(List.of("A1 STRING 天镇县脱贫攻坚数据月报", "A2 STRING " + UNIT_AND_MONTH));
            int row = 4;
            for (Map.Entry<String, List<Fig>> block : FIGURES.entrySet()) {
                expected.add("A" + row + " STRING " + block.getKey());
                row++;
                for (int c = 0; c < FIGURES_HEADER.size(); c++) {
                    expected.add((char) ('A' + c) + "" + row + " STRING " + FIGURES_HEADER.get(c));
                }
                row++;
                for (Fig f : block.getValue()) {
                    expected.addAll(f.cells(row++));
                }
                row++;
            }
            assertThat(cells(workbook.getSheet("概要"))).containsExactlyElementsOf(expected);
        }
    }

    @Test
    void theMedicalSheetHoldsItsFiguresTheTownshipsTheTrendAndTheWarningList() throws Exception {
        // when
        try (XSSFWorkbook workbook = Workbooks.open(countyWorkbook())) {
            // then: the values MedicalBlockTest worked out by hand, cell by cell
            List<List<Object>> expected = new ArrayList<>(blockTop("三、基本医疗有保障"));
            expected.add(row(14, "各乡镇住院情况"));
            expected.add(row(
                    15,
                    "乡镇",
                    "住院人次",
                    "医疗总费用（元）",
                    "报销合计（元）",
                    "个人自付（元）",
                    "报销比例（%）",
                    "年初至今住院人次",
                    "年初至今报销比例（%）",
                    "年初至今超封顶线人数",
                    "因病返贫预警户数"));
            for (int t = 0; t < TOWNSHIPS.size(); t++) {
                String township = TOWNSHIPS.get(t);
                expected.add(
                        switch (township) {
                            case "玉泉镇" -> row(16, township, 1, 2500, 2000, 500, 80, 5, 74.05, 3, 1);
                            case "米薪关镇" -> row(18, township, 0, 0, 0, 0, NONE, 2, 75.71, 1, 1);
                            default -> row(16 + t, township, 0, 0, 0, 0, NONE, 0, NONE, 0, 0);
                        });
            }
            expected.add(row(27, "未归属乡镇", 0, 0, 0, 0, NONE, 1, 83.33, 0, 0));
            expected.add(row(28, "按入院月份统计；报销合计为基本医保、大病保险、补充医疗保险、医疗救助及其他报销之和"));
            expected.add(row(30, "近12个月走势"));
            expected.add(row(31, "月份", "住院人次", "医疗总费用（元）", "个人自付（元）", "报销比例（%）"));
            for (int m = 0; m < 5; m++) {
                expected.add(row(32 + m, month(m), NONE, NONE, NONE, NONE));
            }
            expected.addAll(List.of(
                    row(37, "2018-12", 1, 2000, 500, 75),
                    row(38, "2019-01", 0, 0, 0, NONE),
                    row(39, "2019-02", 1, 8000, 800, 90),
                    row(40, "2019-03", 1, 30000, 7000, 76.67),
                    row(41, "2019-04", 3, 14200, 3200, 77.46),
                    row(42, "2019-05", 2, 41500, 12600, 69.64),
                    row(43, "2019-06", 1, 2500, 500, 80),
                    row(66, "因病返贫预警名单"),
                    row(67, "乡镇", "行政村", "户编号", "家庭人口", "近12个月住院人次", "近12个月个人自付（元）", "预警线（元）", "低保标准×家庭人口（元）", "预警原因"),
                    row(68, "玉泉镇", "鲍家屯", "3101000002", 2, 1, 12000, 10000, 7812, "超过预警线；超过低保标准×家庭人口"),
                    row(69, "米薪关镇", "孤峰山", "3103000001", 2, 2, 8500, 10000, 7812, "超过低保标准×家庭人口"),
                    row(70, "近12个月指2018年6月11日至2019年6月10日入院的住院；不列身份证号、姓名及疾病名称")));
            assertThat(Workbooks.rows(workbook.getSheet("医疗"), 10)).containsExactlyElementsOf(expected);
        }
    }

    @Test
    void theMicroloanSheetHoldsItsFiguresTheRankingAndTheTrend() throws Exception {
        // when
        try (XSSFWorkbook workbook = Workbooks.open(countyWorkbook())) {
            // then: the values MicroloanBlockTest worked out by hand; 未归属乡镇 and townships owing nothing unranked
            List<List<Object>> expected = new ArrayList<>(blockTop("四、扶贫小额信贷"));
            expected.addAll(List.of(
                    row(15, "各乡镇逾期率排名"),
                    row(16, "排名", "乡镇", "月末贷款余额（万元）", "月末逾期金额（万元）", "逾期率（%）", "年初至今发放（万元）", "年初至今超限额贷款笔数"),
                    row(17, 1, "米薪关镇", 5, 5, 100, 5, 0),
                    row(18, 2, "玉泉镇", 10, 0, 0, 11, 1),
                    row(19, "逾期率 = 月末逾期金额 ÷ 月末贷款余额 × 100；仅列月末有贷款余额的乡镇，按各银行截至月末的最新台账"),
                    row(42, "近12个月走势"),
                    row(43, "月份", "月末贷款余额（万元）", "月末逾期金额（万元）", "逾期率（%）", "当月发放（万元）")));
            for (int m = 0; m < 8; m++) {
                expected.add(row(44 + m, month(m), NONE, NONE, NONE, NONE));
            }
            expected.addAll(List.of(
                    row(52, "2019-03", NONE, NONE, NONE, 5),
                    row(53, "2019-04", NONE, NONE, NONE, 3),
                    row(54, "2019-05", 13, 3, 23.08, 6),
                    row(55, "2019-06", 15, 5, 33.33, 2)));
            assertThat(Workbooks.rows(workbook.getSheet("小额信贷"), 7)).containsExactlyElementsOf(expected);
        }
    }

    @Test
    void theTrainingSheetHoldsItsFiguresTheTownshipsAndTheTrend() throws Exception {
        // when
        try (XSSFWorkbook workbook = Workbooks.open(countyWorkbook())) {
            // then: the values TrainingBlockTest worked out by hand; 孙强, not in the registry, is 未归属乡镇's
            List<List<Object>> expected = new ArrayList<>(blockTop("五、技能培训"));
            expected.add(row(12, "各乡镇培训情况"));
            expected.add(row(13, "乡镇", "当月参训人数", "年初至今参训人数", "其中结业", "其中培训后就业", "其中建档立卡人员"));
            for (int t = 0; t < TOWNSHIPS.size(); t++) {
                String township = TOWNSHIPS.get(t);
                expected.add(
                        switch (township) {
                            case "玉泉镇" -> row(14, township, 0, 1, 1, 0, 1);
                            case "米薪关镇" -> row(16, township, 1, 1, 1, 1, 1);
                            default -> row(14 + t, township, 0, 0, 0, 0, 0);
                        });
            }
            expected.add(row(25, "未归属乡镇", 1, 1, 0, 0, 0));
            expected.add(row(26, "参训人数按开班月份统计；年初至今每人每年计一次，计入当年首次参训的乡镇"));
            expected.add(row(28, "近12个月走势"));
            expected.add(row(29, "月份", "当月参训人数", "年初至今参训人数"));
            for (int m = 0; m < 10; m++) {
                expected.add(row(30 + m, month(m), NONE, NONE));
            }
            expected.add(row(40, "2019-05", 1, 1));
            expected.add(row(41, "2019-06", 2, 3));
            assertThat(Workbooks.rows(workbook.getSheet("培训"), 6)).containsExactlyElementsOf(expected);
        }
    }

    @Test
    void thePlanTargetSheetCitesThePlansRowsWithTheirProgress() throws Exception {
        // when
        try (XSSFWorkbook workbook = Workbooks.open(countyWorkbook())) {
            // then: the values PlanTargetBlockTest worked out by hand: 3 of 1,000 persons, 16 of 15,000 万元
            String note = "完成进度 = 年初至今完成 ÷ 年度目标 × 100；培训按人计，每人每年计一次；小额信贷按发放月份及各笔贷款最新台账所载金额计";
            List<Object> header = List.of("指标", "规划出处", "年度目标", "当月完成", "年初至今完成", "完成进度（%）");
            List<List<Object>> expected = new ArrayList<>(blockTop("六、规划目标进度"));
            expected.addAll(List.of(
                    row(11, "规划目标完成进度（人）"),
                    row(12, header.toArray()),
                    row(13, TRAINING_TARGET, PLAN + "序号36", 1000, 2, 3, 0.30),
                    row(14, note),
                    row(16, "规划目标完成进度（万元）"),
                    row(17, header.toArray()),
                    row(18, MICROLOAN_TARGET, PLAN + "序号37", 15000, 2, 16, 0.11),
                    row(19, note),
                    row(21, "近12个月完成进度"),
                    row(22, "月份", TRAINING_TARGET + " 完成进度（%）", MICROLOAN_TARGET + " 完成进度（%）")));
            for (int m = 0; m < 8; m++) {
                expected.add(row(23 + m, month(m), NONE, NONE));
            }
            expected.addAll(List.of(
                    row(31, "2019-03", NONE, 0.03),
                    row(32, "2019-04", NONE, 0.05),
                    row(33, "2019-05", 0.10, 0.09),
                    row(34, "2019-06", 0.30, 0.11)));
            assertThat(Workbooks.rows(workbook.getSheet("目标进度"), 6)).containsExactlyElementsOf(expected);
        }
    }

    @Test
    void noCellOfAnyWorkbookIsAFormula() throws Exception {
        // when every workbook of the month is read back
        for (Path file : first.files()) {
            if (file.toString().endsWith(".xlsx")) {
                // then
                assertThat(Workbooks.formulas(file))
                        .as(file.getFileName().toString())
                        .isEmpty();
            }
        }
    }

    @Test
    void theChartsReadTheirSeriesFromTheTablesCellsWithTheValuesCached() throws Exception {
        // when
        try (XSSFWorkbook workbook = Workbooks.open(countyWorkbook())) {
            // then: a chart per ranking and per trend with rows; education has none to draw
            Map<String, Integer> charts = new LinkedHashMap<>();
            workbook.forEach(s -> charts.put(s.getSheetName(), charts(s).size()));
            assertThat(charts)
                    .containsExactly(
                            Map.entry("概要", 0),
                            Map.entry("建档立卡", 1),
                            Map.entry("教育", 1),
                            Map.entry("医疗", 1),
                            Map.entry("小额信贷", 2),
                            Map.entry("培训", 1),
                            Map.entry("目标进度", 1),
                            Map.entry("问题线索", 2),
                            Map.entry("数据报送", 1),
                            Map.entry("数据来源", 0));

            // the townships' ranking: horizontal bars of the rate column (E) over the township names (B)
            XSSFSheet loans = workbook.getSheet("小额信贷");
            CTPlotArea ranking = charts(loans).get(0).getCTChart().getPlotArea();
            CTBarChart bars = ranking.getBarChartArray(0);
            assertThat(bars.getBarDir().getVal().toString()).isEqualTo("bar");
            assertThat(Arrays.stream(bars.getSerArray()).map(s -> describe(s.getTx(), s.getCat(), s.getVal())))
                    .containsExactly("小额信贷!$E$16 逾期率（%） | 小额信贷!$B$17:$B$18 [0=米薪关镇, 1=玉泉镇]"
                            + " | 小额信贷!$E$17:$E$18 [0=100.0, 1=0.0]");

            // the 12-month trend: lines over the months (A); a column with a month without figure is plotted from
            // its hidden copy beyond the seven printed columns (I, J), where that month is a gap, not 0
            String months = "小额信贷!$A$44:$A$55 [" + numbered(12, m -> month(m)) + "]";
            assertThat(lines(charts(loans).get(1)))
                    .containsExactly(
                            "小额信贷!$B$43 月末贷款余额（万元） | " + months + " | 小额信贷!$I$44:$I$55 [10=13.0, 11=15.0]",
                            "小额信贷!$C$43 月末逾期金额（万元） | " + months + " | 小额信贷!$J$44:$J$55 [10=3.0, 11=5.0]");
            assertThat(List.of(6, 7, 8, 9).stream().map(loans::isColumnHidden))
                    .containsExactly(false, false, true, true);

            XSSFSheet medical = workbook.getSheet("医疗");
            String medicalMonths = "医疗!$A$32:$A$43 [" + numbered(12, m -> month(m)) + "]";
            assertThat(lines(charts(medical).get(0)))
                    .containsExactly(
                            "医疗!$C$31 医疗总费用（元） | " + medicalMonths + " | 医疗!$M$32:$M$43"
                                    + " [5=2000.0, 6=0.0, 7=8000.0, 8=30000.0, 9=14200.0, 10=41500.0, 11=2500.0]",
                            "医疗!$D$31 个人自付（元） | " + medicalMonths + " | 医疗!$N$32:$N$43"
                                    + " [5=500.0, 6=0.0, 7=800.0, 8=7000.0, 9=3200.0, 10=12600.0, 11=500.0]");

            String trainingMonths = "培训!$A$30:$A$41 [" + numbered(12, m -> month(m)) + "]";
            assertThat(lines(charts(workbook.getSheet("培训")).get(0)))
                    .containsExactly(
                            "培训!$B$29 当月参训人数 | " + trainingMonths + " | 培训!$H$30:$H$41 [10=1.0, 11=2.0]",
                            "培训!$C$29 年初至今参训人数 | " + trainingMonths + " | 培训!$I$30:$I$41 [10=1.0, 11=3.0]");

            String targetMonths = "目标进度!$A$23:$A$34 [" + numbered(12, m -> month(m)) + "]";
            assertThat(lines(charts(workbook.getSheet("目标进度")).get(0)))
                    .containsExactly(
                            "目标进度!$B$22 " + TRAINING_TARGET + " 完成进度（%） | " + targetMonths
                                    + " | 目标进度!$H$23:$H$34 [10=0.1, 11=0.3]",
                            "目标进度!$C$22 " + MICROLOAN_TARGET + " 完成进度（%） | " + targetMonths
                                    + " | 目标进度!$I$23:$I$34 [8=0.03, 9=0.05, 10=0.09, 11=0.11]");
        }
    }

    @Test
    void theCountysPdfReadsTheHeadingsAndTheSameFiguresInEmbeddedFonts() throws Exception {
        // when the county's PDF is read back
        try (PDDocument document =
                Loader.loadPDF(june.resolve(stem(null, JUNE) + ".pdf").toFile())) {
            String text = new PDFTextStripper().getText(document);

            // then: every block's heading, and its figures as the forms format them (a percentage's change in 个百分点)
            assertThat(text)
                    .contains(
                            "天镇县脱贫攻坚数据月报",
                            "报告单位：天镇县　报告月份：2019年6月",
                            "概要",
                            "一、建档立卡",
                            "二、义务教育有保障",
                            "三、基本医疗有保障",
                            "四、扶贫小额信贷",
                            "五、技能培训",
                            "六、规划目标进度",
                            "七、问题线索",
                            "八、数据报送",
                            "九、数据来源");
            assertThat(text.lines())
                    .contains(
                            "月末在册人数 8 8 0 — —",
                            "当月受助学生人数 — — — — —",
                            "住院人次 1 2 -1 — 8",
                            "医疗总费用（元） 2,500.00 41,500.00 -39,000.00 — 96,200.00",
                            "报销比例（%） 80.00% 69.64% +10.36个百分点 — 74.95%",
                            "个人自付超过年度封顶额人数 1 1 0 — 4",
                            "因病返贫预警户数 2 — — — —",
                            "2019-05 2 41,500.00 12,600.00 69.64%",
                            "月末贷款余额（万元） 15.00 13.00 +2.00 — —",
                            "逾期率（%） 33.33% 23.08% +10.25个百分点 — —",
                            "当月发放金额（万元） 2.00 6.00 -4.00 — 16.00",
                            "年度发放目标（万元） 15,000.00 15,000.00 0.00 — —",
                            "年度目标完成进度（%） 0.11% 0.09% +0.02个百分点 — —",
                            "2 玉泉镇 10.00 0.00 0.00% 11.00 1",
                            "2019-06 15.00 5.00 33.33% 2.00",
                            "参训人数 2 1 +1 — 3",
                            "年度培训目标（人） 1,000 1,000 0 — —",
                            "年度目标完成进度（%） 0.30% 0.10% +0.20个百分点 — —",
                            "米薪关镇 1 1 1 1 1",
                            "免费培训：计划培训人数（人） 2 1 +1 — 3",
                            "扶贫小额信贷：完成省办下达任务（万元） 2.00 6.00 -4.00 — 16.00",
                            "本月新发现问题线索 2 — — — 2",
                            "本月入库行数 3 0 +3 — 11",
                            "报告生成时间 2019年7月6日 06:00",
                            "生成程序 hhw 0.1.0");
            // the warning list names households by number, never a person
            assertThat(text).contains("3101000002", "3103000001").doesNotContain("王桂兰", "刘福", RegistryFiles.LIU_FU);
            List<PDFont> fonts = fonts(document);
            assertThat(fonts)
                    .isNotEmpty()
                    .allSatisfy(f -> assertThat(f.isEmbedded()).as(f.getName()).isTrue());
        }
    }

    @Test
    void aSecondMakeIsVersionTwoBesideTheUntouchedFirstWithWhatChanged() throws Exception {
        // given june made, then 赵六's late roster published
        // when june is made again (makeJuneTwiceAndVersionOneAgain)

        // then: version 2's files beside version 1's, which are byte for byte as they were
        List<String> folder = new ArrayList<>(firstFolder);
        folder.addAll(reportFiles("_第2版"));
        folder.add("变更说明_第2版.txt");
        assertThat(names(june)).containsExactlyInAnyOrderElementsOf(folder);
        assertThat(digests(first.files())).isEqualTo(firstDigests);
        assertThat(second.entry())
                .isEqualTo(new Entry(JUNE, 2, "全部", true, MADE_AT, "analytics-2019-06-v2.duckdb", ""));
        assertThat(new ReportLedger(home.reportLedger()).entries()).containsExactly(first.entry(), second.entry());
        // the note names each county figure that moved, old → new: 赵六 is a third trainee in june, a fourth this year
        assertThat(Files.readAllLines(june.resolve("变更说明_第2版.txt")))
                .containsExactly(
                        "天镇县脱贫攻坚数据月报 2019年6月 第2版 变更说明",
                        "与第1版相比（天镇县合计数）：",
                        "五、技能培训 参训人数（本月）：2 → 3",
                        "五、技能培训 参训人数（本年累计）：3 → 4",
                        "五、技能培训 年度目标完成进度（%）（本月）：0.30% → 0.40%",
                        "六、规划目标进度 " + TRAINING_TARGET + "（本月）：2 → 3",
                        "六、规划目标进度 " + TRAINING_TARGET + "（本年累计）：3 → 4",
                        "六、规划目标进度 " + TRAINING_TARGET + " 完成进度（%）（本月）：0.30% → 0.40%");
        try (XSSFWorkbook workbook = Workbooks.open(june.resolve(stem(null, JUNE) + "_第2版.xlsx"))) {
            assertThat(Workbooks.rows(workbook.getSheet("培训"), 6).get(4)).isEqualTo(row(6, "参训人数", 3, 1, 2, NONE, 4));
        }
        // the month's page now links both versions
        List<String> linked = links(Files.readString(june.resolve("index.html"))).stream()
                .map(Map.Entry::getKey)
                .toList();
        assertThat(linked).containsAll(reportFiles("")).containsAll(reportFiles("_第2版"));
    }

    @Test
    void versionOneMadeAgainFromItsSnapshotEqualsTheFirstCellByCellAndWordByWord() throws Exception {
        // given june's version 1, then a late roster published and version 2 made
        // when version 1 is made again into a folder of its own (makeJuneTwiceAndVersionOneAgain)

        // then: every file of version 1 again, from the data as it stood, whatever was published since; the PDFs
        // read of the units with figures (the others differ only in their names, and reading costs a second each)
        assertThat(again).extracting(f -> f.getFileName().toString()).containsExactlyElementsOf(reportFiles(""));
        for (int i = 0; i < again.size(); i++) {
            Path made = first.files().get(i);
            Path remade = again.get(i);
            String name = remade.getFileName().toString();
            if (name.endsWith(".xlsx")) {
                assertThat(Workbooks.contents(remade)).as(name).containsExactlyElementsOf(Workbooks.contents(made));
            } else if (Stream.of(stem(null, JUNE), stem("玉泉镇", JUNE), stem("米薪关镇", JUNE))
                    .anyMatch(unit -> name.equals(unit + ".pdf"))) {
                assertThat(pdfText(remade)).as(name).isEqualTo(pdfText(made));
            }
        }
        // …and not merely any made file: version 2's county differs from it
        assertThat(Workbooks.contents(june.resolve(stem(null, JUNE) + "_第2版.xlsx")))
                .isNotEqualTo(Workbooks.contents(countyWorkbook()));
    }

    /** The figures of 概要 in the bulletin's order, each block's under its title. */
    private static Map<String, List<Fig>> figures() {
        Map<String, List<Fig>> blocks = new LinkedHashMap<>();
        Measure count = Measure.COUNT;
        Measure yuan = Measure.YUAN;
        Measure wan = Measure.WAN_YUAN;
        Measure pct = Measure.PERCENT;
        blocks.put(
                "一、建档立卡",
                List.of(
                        new Fig("月末在册户数", count, 4, 4, 0, null, null),
                        new Fig("月末在册人数", count, 8, 8, 0, null, null),
                        new Fig("月末未脱贫户数", count, 2, 2, 0, null, null),
                        new Fig("月末未脱贫人数", count, 3, 3, 0, null, null),
                        new Fig("当月脱贫户数", count, 0, 0, 0, null, 0),
                        new Fig("当月脱贫人数", count, 0, 0, 0, null, 0),
                        new Fig("当月新增人数", count, 0, 0, 0, null, null),
                        new Fig("当月减少人数", count, 0, 0, 0, null, null)));
        blocks.put(
                "二、义务教育有保障",
                List.of(
                        new Fig("当月受助学生人数", count, null, null, null, null, null),
                        new Fig("当月资助金额（元）", yuan, null, null, null, null, null),
                        new Fig("当年义务教育适龄儿童无资助人数", count, null, null, null, null, null)));
        blocks.put(
                "三、基本医疗有保障",
                List.of(
                        new Fig("住院人次", count, 1, 2, -1, null, 8),
                        new Fig("医疗总费用（元）", yuan, 2500, 41500, -39000, null, 96200),
                        new Fig("报销合计（元）", yuan, 2000, 28900, -26900, null, 72100),
                        new Fig("个人自付（元）", yuan, 500, 12600, -12100, null, 24100),
                        new Fig("报销比例（%）", pct, 80, 69.64, 10.36, null, 74.95),
                        new Fig("个人自付超过年度封顶额人数", count, 1, 1, 0, null, 4),
                        new Fig("因病返贫预警户数", count, 2, null, null, null, null)));
        blocks.put(
                "四、扶贫小额信贷",
                List.of(
                        new Fig("月末贷款余额（万元）", wan, 15, 13, 2, null, null),
                        new Fig("月末逾期金额（万元）", wan, 5, 3, 2, null, null),
                        new Fig("逾期率（%）", pct, 33.33, 23.08, 10.25, null, null),
                        new Fig("当月发放金额（万元）", wan, 2, 6, -4, null, 16),
                        new Fig("当月发放笔数", count, 1, 1, 0, null, 4),
                        new Fig("超限额贷款笔数", count, 0, 1, -1, null, 1),
                        new Fig("年度发放目标（万元）", wan, 15000, 15000, 0, null, null),
                        new Fig("年度目标完成进度（%）", pct, 0.11, 0.09, 0.02, null, null)));
        blocks.put(
                "五、技能培训",
                List.of(
                        new Fig("参训人数", count, 2, 1, 1, null, 3),
                        new Fig("年初至今结业人数", count, 2, 1, 1, null, null),
                        new Fig("年初至今培训后就业人数", count, 1, 0, 1, null, null),
                        new Fig("年度培训目标（人）", count, 1000, 1000, 0, null, null),
                        new Fig("年度目标完成进度（%）", pct, 0.30, 0.10, 0.20, null, null)));
        blocks.put(
                "六、规划目标进度",
                List.of(
                        new Fig(TRAINING_TARGET, count, 2, 1, 1, null, 3),
                        new Fig(TRAINING_TARGET + " 完成进度（%）", pct, 0.30, 0.10, 0.20, null, null),
                        new Fig(MICROLOAN_TARGET, wan, 2, 6, -4, null, 16),
                        new Fig(MICROLOAN_TARGET + " 完成进度（%）", pct, 0.11, 0.09, 0.02, null, null)));
        blocks.put(
                "七、问题线索",
                List.of(
                        new Fig("本月新发现问题线索", count, 2, null, null, null, 2),
                        new Fig("月末在册问题线索", count, 2, null, null, null, null)));
        blocks.put(
                "八、数据报送",
                List.of(
                        new Fig("本月收到文件", count, 1, 0, 1, null, 3),
                        new Fig("本月入库行数", count, 3, 0, 3, null, 11),
                        new Fig("本月拒收行数", count, 0, 0, 0, null, 0)));
        return blocks;
    }

    /** A block sheet's heading and its figures' table, as 概要 shows the same figures. */
    private static List<List<Object>> blockTop(String block) {
        List<List<Object>> rows = new ArrayList<>(
                List.of(row(1, block), row(2, UNIT_AND_MONTH), row(4, "主要指标"), row(5, FIGURES_HEADER.toArray())));
        int r = 6;
        for (Fig f : FIGURES.get(block)) {
            rows.add(f.row(r++));
        }
        return rows;
    }

    /**
     * A headline figure: the month, the month before, the change the form computes, a year ago, the year to date;
     * null where the report has no figure.
     */
    private record Fig(
            String label, Measure measure, Number month, Number previous, Number change, Number yearAgo, Number ytd) {

        List<Number> values() {
            return Arrays.asList(month, previous, change, yearAgo, ytd);
        }

        /** "B23 NUMERIC 1.0 #,##0": the figure's cells in the summary, as {@code cells(sheet)} reads them. */
        List<String> cells(int row) {
            List<String> cells = new ArrayList<>(List.of("A" + row + " STRING " + label + " @"));
            List<Number> values = values();
            for (int c = 0; c < values.size(); c++) {
                Number v = values.get(c);
                String address = (char) ('B' + c) + "" + row;
                cells.add(
                        v == null
                                ? address + " STRING " + NONE + " @"
                                : address + " NUMERIC " + v.doubleValue() + " " + format(measure));
            }
            return cells;
        }

        List<Object> row(int number) {
            List<Object> values = new ArrayList<>(List.of(label));
            values().forEach(v -> values.add(v == null ? NONE : v));
            return Workbooks.row(number, values.toArray());
        }

        private static String format(Measure measure) {
            return switch (measure) {
                case COUNT -> "#,##0";
                case YUAN, WAN_YUAN -> "#,##0.00";
                case PERCENT -> "0.00";
                case TEXT -> "@";
            };
        }
    }

    /** The files of every unit, a workbook then a PDF, the county first; {@code suffix} names a later version. */
    private static List<String> reportFiles(String suffix) {
        List<String> files = new ArrayList<>();
        List<String> units = new ArrayList<>();
        units.add(null);
        units.addAll(TOWNSHIPS);
        for (String unit : units) {
            files.add(stem(unit, JUNE) + suffix + ".xlsx");
            files.add(stem(unit, JUNE) + suffix + ".pdf");
        }
        return files;
    }

    private static Path countyWorkbook() {
        return june.resolve(stem(null, JUNE) + ".xlsx");
    }

    /** The twelve months of a june report's trend, from 2018-07. */
    private static String month(int index) {
        return JUNE.minusMonths(11 - index).toString();
    }

    private static List<String> lines(XSSFChart chart) {
        CTLineChart lines = chart.getCTChart().getPlotArea().getLineChartArray(0);
        return Arrays.stream(lines.getSerArray())
                .map(s -> describe(s.getTx(), s.getCat(), s.getVal()))
                .toList();
    }

    /** "name's cell name | categories' range [idx=value…] | values' range [idx=value…]", values as cached. */
    private static String describe(CTSerTx name, CTAxDataSource categories, CTNumDataSource values) {
        return name.getStrRef().getF() + " "
                + name.getStrRef().getStrCache().getPtArray(0).getV()
                + " | " + categories.getStrRef().getF() + " ["
                + Arrays.stream(categories.getStrRef().getStrCache().getPtArray())
                        .map(p -> p.getIdx() + "=" + p.getV())
                        .collect(Collectors.joining(", "))
                + "] | " + values.getNumRef().getF() + " ["
                + Arrays.stream(values.getNumRef().getNumCache().getPtArray())
                        .map(p -> p.getIdx() + "=" + p.getV())
                        .collect(Collectors.joining(", "))
                + "]";
    }

    private static String numbered(int count, IntFunction<String> value) {
        return Stream.iterate(0, i -> i + 1)
                .limit(count)
                .map(i -> i + "=" + value.apply(i))
                .collect(Collectors.joining(", "));
    }

    /** A page's links: each target, decoded, with the text it shows. */
    private static List<Map.Entry<String, String>> links(String page) {
        List<Map.Entry<String, String>> links = new ArrayList<>();
        Matcher m = Pattern.compile("<a href=\"([^\"]*)\">([^<]*)</a>").matcher(page);
        while (m.find()) {
            links.add(Map.entry(URLDecoder.decode(m.group(1), StandardCharsets.UTF_8), m.group(2)));
        }
        return links;
    }

    private static Map<String, String> digests(List<Path> files) throws Exception {
        Map<String, String> digests = new LinkedHashMap<>();
        for (Path f : files) {
            digests.put(
                    f.getFileName().toString(),
                    HexFormat.of()
                            .formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(f))));
        }
        return digests;
    }

    private static String pdfText(Path pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
            return new PDFTextStripper().getText(document);
        }
    }
}
