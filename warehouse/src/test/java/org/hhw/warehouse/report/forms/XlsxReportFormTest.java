package org.hhw.warehouse.report.forms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hhw.warehouse.report.FormFiles.cells;
import static org.hhw.warehouse.report.FormFiles.charts;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFChart;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.hhw.warehouse.PrintSetups;
import org.hhw.warehouse.report.Block;
import org.hhw.warehouse.report.Chart;
import org.hhw.warehouse.report.ChartKind;
import org.hhw.warehouse.report.Column;
import org.hhw.warehouse.report.Figure;
import org.hhw.warehouse.report.Measure;
import org.hhw.warehouse.report.MonthlyReport;
import org.hhw.warehouse.report.ReportUnit;
import org.hhw.warehouse.report.SampleReport;
import org.hhw.warehouse.report.Table;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openxmlformats.schemas.drawingml.x2006.chart.CTAxDataSource;
import org.openxmlformats.schemas.drawingml.x2006.chart.CTBarChart;
import org.openxmlformats.schemas.drawingml.x2006.chart.CTLineChart;
import org.openxmlformats.schemas.drawingml.x2006.chart.CTLineSer;
import org.openxmlformats.schemas.drawingml.x2006.chart.CTNumDataSource;
import org.openxmlformats.schemas.drawingml.x2006.chart.CTNumRef;
import org.openxmlformats.schemas.drawingml.x2006.chart.CTPlotArea;
import org.openxmlformats.schemas.drawingml.x2006.chart.CTSerTx;
import org.openxmlformats.schemas.drawingml.x2006.chart.CTStrRef;

/** The report workbook read back with POI: every cell of 概要 and of a block, its charts and its page setup. */
class XlsxReportFormTest {

    /** Row 5 of the summary and of a block's sheet: the figures' header. */
    private static final List<String> FIGURES_HEADER = List.of(
            "A5 STRING 指标", "B5 STRING 本月", "C5 STRING 上月", "D5 STRING 较上月", "E5 STRING 去年同月", "F5 STRING 年初至今");

    private static final List<String> FIGURES_OF_MICROLOANS = List.of(
            "A6 STRING 月末贷款余额笔数 @",
            "B6 NUMERIC 120.0 #,##0",
            "C6 NUMERIC 118.0 #,##0",
            "D6 NUMERIC 2.0 #,##0",
            "E6 STRING — @",
            "F6 STRING — @",
            "A7 STRING 月末贷款余额（万元） @",
            "B7 NUMERIC 512.3456 #,##0.00",
            "C7 NUMERIC 498.0 #,##0.00",
            "D7 NUMERIC 14.3456 #,##0.00",
            "E7 STRING — @",
            "F7 STRING — @",
            "A8 STRING 逾期率（%） @",
            "B8 NUMERIC 3.25 0.00",
            "C8 NUMERIC 2.8 0.00",
            "D8 NUMERIC 0.45 0.00",
            "E8 STRING — @",
            "F8 STRING — @",
            "A9 STRING 当月发放金额（万元） @",
            "B9 NUMERIC 35.0 #,##0.00",
            "C9 NUMERIC 20.5 #,##0.00",
            "D9 NUMERIC 14.5 #,##0.00",
            "E9 STRING — @",
            "F9 NUMERIC 180.25 #,##0.00");

    @TempDir
    Path dir;

    @Test
    void theSummaryComesFirstThenASheetPerBlockInTheReportsOrder() throws Exception {
        // when: the workbook written and read back
        try (XSSFWorkbook workbook = written(SampleReport.county())) {
            // then
            List<String> names = new ArrayList<>();
            workbook.forEach(sheet -> names.add(sheet.getSheetName()));
            assertThat(names).containsExactly("概要", "小额信贷", "数据来源");
        }
    }

    @Test
    void theSummaryHoldsTheTitleAndEveryBlockWithFiguresUnderItsTitle() throws Exception {
        // when: the workbook written and read back
        try (XSSFWorkbook workbook = written(SampleReport.county())) {
            // then: the provenance block has no figures, so it is not listed
            Sheet summary = workbook.getSheet("概要");
            List<String> expected = new ArrayList<>(
                    List.of("A1 STRING 天镇县脱贫攻坚数据月报", "A2 STRING 单位：天镇县　月份：2019年6月", "A4 STRING 四、扶贫小额信贷"));
            expected.addAll(FIGURES_HEADER);
            expected.addAll(FIGURES_OF_MICROLOANS);
            assertThat(cells(summary)).containsExactlyElementsOf(expected);
            assertThat(summary.getMergedRegions())
                    .extracting(CellRangeAddress::formatAsString)
                    .containsExactly("A1:F1", "A2:F2", "A4:F4");
        }
    }

    @Test
    void aTownshipsReportIsTitledWithTheTownship() throws Exception {
        // when: the workbook written and read back
        try (XSSFWorkbook workbook = written(SampleReport.township())) {
            // then
            for (String name : List.of("概要", "小额信贷")) {
                assertThat(cells(workbook.getSheet(name)).subList(1, 2)).containsExactly("A2 STRING 单位：玉泉镇　月份：2019年6月");
            }
            assertThat(cells(workbook.getSheet("概要")).get(0)).isEqualTo("A1 STRING 天镇县玉泉镇脱贫攻坚数据月报");
            assertThat(workbook.getSheet("小额信贷").getHeader().getCenter()).isEqualTo("天镇县玉泉镇脱贫攻坚数据月报 2019年6月");
        }
    }

    @Test
    void aBlocksSheetHoldsItsFiguresThenEachTableWithItsTitleHeaderRowsAndNote() throws Exception {
        // when: the workbook written and read back
        try (XSSFWorkbook workbook = written(SampleReport.county())) {
            // then: each chart takes the 20 rows under a blank row below its table
            Sheet loans = workbook.getSheet("小额信贷");
            List<String> expected =
                    new ArrayList<>(List.of("A1 STRING 四、扶贫小额信贷", "A2 STRING 单位：天镇县　月份：2019年6月", "A4 STRING 主要指标"));
            expected.addAll(FIGURES_HEADER);
            expected.addAll(FIGURES_OF_MICROLOANS);
            expected.addAll(List.of(
                    "A11 STRING 各乡镇逾期率排名",
                    "A12 STRING 排名",
                    "B12 STRING 乡镇",
                    "C12 STRING 贷款余额（万元）",
                    "D12 STRING 逾期率（%）",
                    "A13 NUMERIC 1.0 #,##0",
                    "B13 STRING 米薪关镇 @",
                    "C13 NUMERIC 80.0 #,##0.00",
                    "D13 NUMERIC 6.5 0.00",
                    "A14 NUMERIC 2.0 #,##0",
                    "B14 STRING 玉泉镇 @",
                    "C14 NUMERIC 300.0 #,##0.00",
                    "D14 NUMERIC 2.1 0.00",
                    "A15 NUMERIC 3.0 #,##0",
                    "B15 STRING 谷前堡镇 @",
                    "C15 STRING — @",
                    "D15 NUMERIC 0.0 0.00",
                    "A16 STRING 逾期率 = 月末逾期金额 ÷ 月末贷款余额 × 100",
                    "A39 STRING 近12个月走势",
                    "A40 STRING 月份",
                    "B40 STRING 月末贷款余额（万元）",
                    "C40 STRING 月末逾期金额（万元）"));
            for (int i = 0; i < 12; i++) {
                int row = 41 + i;
                expected.addAll(List.of(
                        "A" + row + " STRING " + SampleReport.MONTH.minusMonths(11 - i) + " @",
                        "B" + row + " NUMERIC " + (400.0 + 10 * i) + " #,##0.00",
                        "C" + row + " NUMERIC " + (10.0 + i) + " #,##0.00"));
            }
            assertThat(cells(loans)).containsExactlyElementsOf(expected);
            assertThat(loans.getMergedRegions())
                    .extracting(CellRangeAddress::formatAsString)
                    .containsExactly("A1:F1", "A2:F2", "A4:F4", "A11:F11", "A16:F16", "A39:F39");
            // A Chinese label takes two characters a glyph: 月末贷款余额（万元） is 20, plus 2.
            assertThat(List.of(0, 1, 2, 3, 4, 5).stream()
                            .map(c -> loans.getColumnWidth(c) / 256)
                            .toList())
                    .containsExactly(22, 22, 22, 13, 10, 10);
        }
    }

    @Test
    void theRankingIsAHorizontalBarChartOverTheTablesCellsWithTheirValuesCached() throws Exception {
        // when: the workbook written and read back
        try (XSSFWorkbook workbook = written(SampleReport.county())) {
            // then: a township with a 0.00 rate gets a bar of 0, not a gap
            List<XSSFChart> charts = charts(workbook.getSheet("小额信贷"));
            assertThat(charts).hasSize(2);
            XSSFChart ranking = charts.get(0);
            CTPlotArea plot = ranking.getCTChart().getPlotArea();
            assertThat(plot.getLineChartArray()).isEmpty();
            CTBarChart bars = plot.getBarChartArray(0);
            assertThat(bars.getBarDir().getVal().toString()).isEqualTo("bar");
            assertThat(Arrays.stream(bars.getSerArray())
                            .map(series -> describe(series.getTx(), series.getCat(), series.getVal())))
                    .containsExactly("小额信贷!$D$12 逾期率（%） | 小额信贷!$B$13:$B$15 3 [0=米薪关镇, 1=玉泉镇, 2=谷前堡镇]"
                            + " | 小额信贷!$D$13:$D$15 3 [0=6.5, 1=2.1, 2=0.0]");
            assertThat(ranking.getTitleText().getString()).isEqualTo("各乡镇逾期率（%）");
            // The first of the ranking at the top, the values' axis at the bottom.
            assertThat(plot.getCatAxArray(0)
                            .getScaling()
                            .getOrientation()
                            .getVal()
                            .toString())
                    .isEqualTo("maxMin");
            assertThat(plot.getCatAxArray(0).getAxPos().getVal().toString()).isEqualTo("l");
            assertThat(plot.getValAxArray(0).getCrosses().getVal().toString()).isEqualTo("max");
            assertThat(axisTitles(plot)).containsExactly("乡镇", "逾期率（%）");
            assertThat(ranking.getCTChart().isSetLegend()).isFalse();
            assertThat(bars.getSerArray(0).getSpPr().getSolidFill().getSrgbClr().getVal())
                    .containsExactly(0x44, 0x72, 0xC4);
        }
    }

    @Test
    void theTrendIsALineChartOverTheTwelveMonthsWithALegendForItsTwoSeries() throws Exception {
        // when: the workbook written and read back
        try (XSSFWorkbook workbook = written(SampleReport.county())) {
            // then
            XSSFChart trend = charts(workbook.getSheet("小额信贷")).get(1);
            CTPlotArea plot = trend.getCTChart().getPlotArea();
            assertThat(plot.getBarChartArray()).isEmpty();
            CTLineChart lines = plot.getLineChartArray(0);
            String months = "小额信贷!$A$41:$A$52 12 ["
                    + numbered(List.of(
                            "2018-07", "2018-08", "2018-09", "2018-10", "2018-11", "2018-12", "2019-01", "2019-02",
                            "2019-03", "2019-04", "2019-05", "2019-06"))
                    + "]";
            assertThat(Arrays.stream(lines.getSerArray())
                            .map(series -> describe(series.getTx(), series.getCat(), series.getVal())))
                    .containsExactly(
                            "小额信贷!$B$40 月末贷款余额（万元） | " + months + " | 小额信贷!$B$41:$B$52 12 ["
                                    + numbered(List.of(
                                            "400.0", "410.0", "420.0", "430.0", "440.0", "450.0", "460.0", "470.0",
                                            "480.0", "490.0", "500.0", "510.0"))
                                    + "]",
                            "小额信贷!$C$40 月末逾期金额（万元） | " + months + " | 小额信贷!$C$41:$C$52 12 ["
                                    + numbered(List.of(
                                            "10.0", "11.0", "12.0", "13.0", "14.0", "15.0", "16.0", "17.0", "18.0",
                                            "19.0", "20.0", "21.0"))
                                    + "]");
            assertThat(trend.getTitleText().getString()).isEqualTo("贷款余额与逾期金额走势（万元）");
            assertThat(axisTitles(plot)).containsExactly("月份", "万元");
            assertThat(trend.getCTChart().getLegend().getLegendPos().getVal().toString())
                    .isEqualTo("b");
            assertThat(Arrays.stream(lines.getSerArray())
                            .map(series -> series.getSpPr()
                                    .getLn()
                                    .getSolidFill()
                                    .getSrgbClr()
                                    .getVal()))
                    .containsExactly(new byte[] {0x44, 0x72, (byte) 0xC4}, new byte[] {(byte) 0xED, 0x7D, 0x31});
            assertThat(anchors(workbook.getSheet("小额信贷"))).containsExactly("A18:G38", "A54:G74");
        }
    }

    @Test
    void aMonthWithoutAFigureIsAGapInTheChartNotAZero() throws Exception {
        // given: May has no figure, and the month before the report's has none either
        MonthlyReport report =
                new MonthlyReport("天镇县", ReportUnit.county("天镇县"), SampleReport.MONTH, List.of(educationWithAGap()));

        // when
        try (XSSFWorkbook workbook = written(report)) {
            // then: the table shows — for May; the chart reads a hidden copy of the column (H, beyond the six
            // printed) where May is blank, since spreadsheets plot the text — as 0
            Sheet education = workbook.getSheet("教育");
            List<String> expected =
                    new ArrayList<>(List.of("A1 STRING 二、义务教育有保障", "A2 STRING 单位：天镇县　月份：2019年6月", "A4 STRING 主要指标"));
            expected.addAll(FIGURES_HEADER);
            expected.addAll(List.of(
                    "A6 STRING 受资助学生（人） @",
                    "B6 NUMERIC 10.0 #,##0",
                    "C6 STRING — @",
                    "D6 STRING — @",
                    "E6 NUMERIC 7.0 #,##0",
                    "F6 NUMERIC 25.0 #,##0",
                    "A8 STRING 近3个月受资助学生",
                    "A9 STRING 月份",
                    "B9 STRING 受资助学生（人）",
                    "A10 STRING 2019-04 @",
                    "B10 NUMERIC 8.0 #,##0",
                    "H10 NUMERIC 8.0",
                    "A11 STRING 2019-05 @",
                    "B11 STRING — @",
                    "A12 STRING 2019-06 @",
                    "B12 NUMERIC 10.0 #,##0",
                    "H12 NUMERIC 10.0"));
            assertThat(cells(education)).containsExactlyElementsOf(expected);
            XSSFChart trend = charts(education).get(0);
            CTLineSer series =
                    trend.getCTChart().getPlotArea().getLineChartArray(0).getSerArray(0);
            assertThat(describe(series.getTx(), series.getCat(), series.getVal()))
                    .isEqualTo("教育!$B$9 受资助学生（人） | 教育!$A$10:$A$12 3 [0=2019-04, 1=2019-05, 2=2019-06]"
                            + " | 教育!$H$10:$H$12 3 [0=8.0, 2=10.0]");
            assertThat(trend.getCTChart().getDispBlanksAs().getVal().toString()).isEqualTo("gap");
            assertThat(trend.getCTChart().getPlotVisOnly().getVal()).isFalse();
            assertThat(List.of(0, 1, 6, 7).stream().map(education::isColumnHidden))
                    .containsExactly(false, false, false, true);
        }
    }

    @Test
    void aTableWithoutRowsKeepsItsHeaderAndGetsNoChart() throws Exception {
        // given: a month no township has a figure for
        Block sample = SampleReport.county().blocks().get(0);
        Table ranking = sample.tables().get(0);
        Block empty = new Block(
                sample.sheet(),
                sample.title(),
                List.of(),
                List.of(new Table(ranking.title(), ranking.columns(), List.of(), ranking.note())),
                List.of(sample.charts().get(0)));
        MonthlyReport report = new MonthlyReport("天镇县", ReportUnit.county("天镇县"), SampleReport.MONTH, List.of(empty));

        // when
        try (XSSFWorkbook workbook = written(report)) {
            // then
            Sheet loans = workbook.getSheet("小额信贷");
            assertThat(cells(loans))
                    .containsExactly(
                            "A1 STRING 四、扶贫小额信贷",
                            "A2 STRING 单位：天镇县　月份：2019年6月",
                            "A4 STRING 各乡镇逾期率排名",
                            "A5 STRING 排名",
                            "B5 STRING 乡镇",
                            "C5 STRING 贷款余额（万元）",
                            "D5 STRING 逾期率（%）",
                            "A6 STRING 逾期率 = 月末逾期金额 ÷ 月末贷款余额 × 100");
            assertThat(charts(loans)).isEmpty();
            // Six columns wide all the same, as a chart of the table would be.
            assertThat(loans.getMergedRegions())
                    .extracting(CellRangeAddress::formatAsString)
                    .containsExactly("A1:F1", "A2:F2", "A4:F4", "A6:F6");
            assertThat(cells(workbook.getSheet("概要")))
                    .containsExactly("A1 STRING 天镇县脱贫攻坚数据月报", "A2 STRING 单位：天镇县　月份：2019年6月");
        }
    }

    @Test
    void textThatLooksLikeAFormulaIsWrittenAsText() throws Exception {
        // when: the workbook written and read back
        try (XSSFWorkbook workbook = written(SampleReport.county())) {
            // then
            Cell cell = workbook.getSheet("数据来源").getRow(6).getCell(1);
            assertThat(cell.getCellType()).isEqualTo(CellType.STRING);
            assertThat(cell.getStringCellValue()).isEqualTo(SampleReport.FORMULA_LIKE);
            List<String> formulas = new ArrayList<>();
            for (Sheet sheet : workbook) {
                for (Row row : sheet) {
                    for (Cell c : row) {
                        if (c.getCellType() == CellType.FORMULA) {
                            formulas.add(c.getAddress().formatAsString());
                        }
                    }
                }
            }
            assertThat(formulas).isEmpty();
        }
    }

    @Test
    void everySheetPrintsOnA4OnePageWideWithTheReportsTitleAndPageNumbers() throws Exception {
        // when: the workbook written and read back
        try (XSSFWorkbook workbook = written(SampleReport.county())) {
            // then
            List<String> setups = new ArrayList<>();
            workbook.forEach(sheet -> setups.add(printSetup(sheet)));
            assertThat(setups)
                    .containsExactly(
                            "概要: A4 portrait fit 1x0 repeat 1-2 | 天镇县脱贫攻坚数据月报 2019年6月 | &A | 第 &P 页 共 &N 页",
                            "小额信贷: A4 portrait fit 1x0 repeat 1-2 | 天镇县脱贫攻坚数据月报 2019年6月 | &A | 第 &P 页 共 &N 页",
                            "数据来源: A4 portrait fit 1x0 repeat 1-2 | 天镇县脱贫攻坚数据月报 2019年6月 | &A | 第 &P 页 共 &N 页");
            // At 15 points a row, the trend (row 39 on) and its chart no longer fit on the ranking's page.
            assertThat(workbook.getSheet("小额信贷").getRowBreaks()).containsExactly(37);
            assertThat(workbook.getSheet("概要").getRowBreaks()).isEmpty();
        }
    }

    @Test
    void theChangeOnTheMonthIsTheMonthLessTheMonthBeforeWhenBothAreFigures() {
        // given / when / then
        assertThat(XlsxReportForm.change(120L, 118L)).isEqualTo(2L);
        assertThat(XlsxReportForm.change(new BigDecimal("3.25"), new BigDecimal("2.80")))
                .isEqualTo(new BigDecimal("0.45"));
        assertThat(XlsxReportForm.change(5L, new BigDecimal("2.5"))).isEqualTo(new BigDecimal("2.5"));
        assertThat(XlsxReportForm.change(10L, null)).isNull();
        assertThat(XlsxReportForm.change(null, 10L)).isNull();
        assertThat(XlsxReportForm.change("甲", "乙")).isNull();
    }

    private XSSFWorkbook written(MonthlyReport report) throws Exception {
        Path file = dir.resolve(report.fileStem() + ".xlsx");
        new XlsxReportForm().write(report, file);
        return new XSSFWorkbook(file.toFile());
    }

    /** A COUNT headline and a three-month trend whose middle month the warehouse has no figure for. */
    private static Block educationWithAGap() {
        List<List<Object>> months =
                List.of(Arrays.asList("2019-04", 8L), Arrays.asList("2019-05", null), Arrays.asList("2019-06", 10L));
        Table trend = new Table(
                "近3个月受资助学生",
                List.of(new Column("月份", Measure.TEXT), new Column("受资助学生（人）", Measure.COUNT)),
                months,
                null);
        return new Block(
                "教育",
                "二、义务教育有保障",
                List.of(new Figure("受资助学生（人）", Measure.COUNT, 10L, null, 7L, 25L, "rpt_education_month.students")),
                List.of(trend),
                List.of(new Chart(ChartKind.TREND_LINE, "受资助学生走势", 0, 0, List.of(1))));
    }

    /** The cells each drawing of the sheet covers, from its top left cell to the cell its bottom right corner is in. */
    private static List<String> anchors(Sheet sheet) {
        return Arrays.stream(
                        ((XSSFSheet) sheet).getDrawingPatriarch().getCTDrawing().getTwoCellAnchorArray())
                .map(a -> new CellRangeAddress(
                                a.getFrom().getRow(),
                                a.getTo().getRow(),
                                a.getFrom().getCol(),
                                a.getTo().getCol())
                        .formatAsString())
                .toList();
    }

    private static List<String> axisTitles(CTPlotArea plot) {
        return List.of(
                plot.getCatAxArray(0)
                        .getTitle()
                        .getTx()
                        .getRich()
                        .getPArray(0)
                        .getRArray(0)
                        .getT(),
                plot.getValAxArray(0)
                        .getTitle()
                        .getTx()
                        .getRich()
                        .getPArray(0)
                        .getRArray(0)
                        .getT());
    }

    /** "name's cell name | categories' range count [idx=value…] | values' range count [idx=value…]" */
    private static String describe(CTSerTx name, CTAxDataSource categories, CTNumDataSource values) {
        CTStrRef categoryRef = categories.getStrRef();
        CTNumRef valueRef = values.getNumRef();
        return name.getStrRef().getF() + " "
                + name.getStrRef().getStrCache().getPtArray(0).getV()
                + " | " + categoryRef.getF() + " "
                + categoryRef.getStrCache().getPtCount().getVal() + " ["
                + Arrays.stream(categoryRef.getStrCache().getPtArray())
                        .map(p -> p.getIdx() + "=" + p.getV())
                        .collect(Collectors.joining(", "))
                + "] | " + valueRef.getF() + " "
                + valueRef.getNumCache().getPtCount().getVal() + " ["
                + Arrays.stream(valueRef.getNumCache().getPtArray())
                        .map(p -> p.getIdx() + "=" + p.getV())
                        .collect(Collectors.joining(", "))
                + "]";
    }

    private static String numbered(List<String> values) {
        List<String> numbered = new ArrayList<>();
        for (int i = 0; i < values.size(); i++) {
            numbered.add(i + "=" + values.get(i));
        }
        return String.join(", ", numbered);
    }

    private static String printSetup(Sheet sheet) {
        return PrintSetups.describe(sheet) + " | " + sheet.getHeader().getCenter() + " | "
                + sheet.getHeader().getRight() + " | " + sheet.getFooter().getCenter();
    }
}
