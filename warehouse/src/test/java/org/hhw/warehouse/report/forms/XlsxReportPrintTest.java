package org.hhw.warehouse.report.forms;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.hhw.warehouse.LibreOffice;
import org.hhw.warehouse.report.Block;
import org.hhw.warehouse.report.Figure;
import org.hhw.warehouse.report.Measure;
import org.hhw.warehouse.report.MonthlyReport;
import org.hhw.warehouse.report.ReportUnit;
import org.hhw.warehouse.report.SampleReport;
import org.hhw.warehouse.report.Table;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How the report workbook prints: the pages LibreOffice makes of it, charts included. */
class XlsxReportPrintTest {

    @TempDir
    Path dir;

    @Test
    void theWorkbookPrintsOnA4PagesWithItsTablesChartsTitleAndPageNumbers() throws Exception {
        // given
        Path workbook = dir.resolve(SampleReport.county().fileStem() + ".xlsx");
        new XlsxReportForm().write(SampleReport.county(), workbook);

        // when
        List<String> pages = print(workbook, "report-xlsx-print-page2.png");

        // then: the trend and its chart do not fit under the ranking and its chart, so they take a page of their own
        assertThat(pages).extracting(XlsxReportPrintTest::sheetOf).containsExactly("概要", "小额信贷", "小额信贷", "数据来源");
        assertThat(lines(pages.get(0)))
                .contains(expected(
                        "四、扶贫小额信贷", "月末贷款余额（万元） 512.35 498.00 14.35 — —", "当月发放金额（万元） 35.00 20.50 14.50 — 180.25"));
        // The ranking's bars, the first township at the top, and the axes' titles print with their table.
        assertThat(lines(pages.get(1)))
                .containsSubsequence(expected(
                        "3 谷前堡镇 — 0.00",
                        "各乡镇逾期率（%）",
                        "米薪关镇",
                        "玉泉镇",
                        "谷前堡镇",
                        "0.00 1.00 2.00 3.00 4.00 5.00 6.00 7.00",
                        "逾期率（%）"));
        assertThat(lines(pages.get(2)))
                .containsSubsequence(
                        expected("近12个月走势", "2019-06 510.00 21.00", "贷款余额与逾期金额走势（万元）", "月份", "月末贷款余额（万元） 月末逾期金额（万元）"));
        assertThat(lines(pages.get(3))).contains(expected("农商银行 " + SampleReport.FORMULA_LIKE + " 2019-06-30"));
    }

    @Test
    void aTableOfTwelveTownshipsPrintsOnOnePageWithItsChart() throws Exception {
        // given: two blocks of eight figures, the twelve townships' ranking and the twelve months' trend
        MonthlyReport report = new MonthlyReport(
                "天镇县", ReportUnit.county("天镇县"), SampleReport.MONTH, List.of(townships("小额信贷"), townships("培训")));
        Path workbook = dir.resolve(report.fileStem() + ".xlsx");
        new XlsxReportForm().write(report, workbook);

        // when
        List<String> pages = print(workbook, "report-xlsx-townships-page3.png");

        // then
        assertThat(pages)
                .extracting(XlsxReportPrintTest::sheetOf)
                .containsExactly("概要", "小额信贷", "小额信贷", "小额信贷", "培训", "培训", "培训");
        for (int page : List.of(2, 5)) {
            assertThat(lines(pages.get(page)))
                    .as("page %d", page + 1)
                    .containsSubsequence(expected(
                            "各乡镇逾期率排名",
                            "12 未归属乡镇 450.00 1.00",
                            "各乡镇逾期率（%）",
                            "玉泉镇",
                            "未归属乡镇",
                            "0.00 2.00 4.00 6.00 8.00 10.00 12.00 14.00",
                            "逾期率（%）"));
            assertThat(lines(pages.get(page + 1)))
                    .as("page %d", page + 2)
                    .containsSubsequence(expected(
                            "近12个月走势", "2019-06 400.00 20.00", "贷款余额与逾期金额走势（万元）", "月份", "月末贷款余额（万元） 月末逾期金额（万元）"));
        }
    }

    /**
     * Renders the workbook, checks that every page is A4 portrait with the report's title and its number, and
     * keeps a look at one page under target/.
     *
     * @return each page's text
     */
    private List<String> print(Path workbook, String look) throws Exception {
        Path pdf = LibreOffice.renderToPdf(workbook, dir);
        try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
            int count = document.getNumberOfPages();
            List<String> pages = new ArrayList<>();
            for (int page = 1; page <= count; page++) {
                PDRectangle size = document.getPage(page - 1).getMediaBox();
                assertThat(size.getWidth()).as("page %d width", page).isCloseTo(PDRectangle.A4.getWidth(), within());
                assertThat(size.getHeight()).as("page %d height", page).isCloseTo(PDRectangle.A4.getHeight(), within());
                String text = LibreOffice.pageText(document, page);
                assertThat(text).as("page %d", page).contains("第 " + page + " 页 共 " + count + " 页");
                pages.add(text);
            }
            BufferedImage image = new PDFRenderer(document).renderImageWithDPI(1, 80);
            ImageIO.write(image, "png", Path.of("target", look).toFile());
            return pages;
        }
    }

    /** The page header: the report's title and month, then the sheet's name. */
    private static String sheetOf(String page) {
        String header = page.lines().findFirst().orElseThrow();
        assertThat(header).startsWith("天镇县脱贫攻坚数据月报 2019年6月 ");
        return header.substring("天镇县脱贫攻坚数据月报 2019年6月 ".length());
    }

    /**
     * The page's lines without their spaces: where the text extraction puts spaces between a table's cells depends on
     * LibreOffice's version and the fonts it finds ("3谷前堡镇" on one machine, "3 谷前堡镇" on another).
     */
    private static List<String> lines(String text) {
        return text.lines().map(XlsxReportPrintTest::withoutSpaces).toList();
    }

    private static String[] expected(String... lines) {
        return Arrays.stream(lines).map(XlsxReportPrintTest::withoutSpaces).toArray(String[]::new);
    }

    private static String withoutSpaces(String line) {
        return line.replaceAll("\\s+", "");
    }

    private static final List<String> TOWNSHIPS =
            List.of("玉泉镇", "谷前堡镇", "米薪关镇", "逯家湾镇", "新平堡镇", "赵家沟乡", "南河堡乡", "三十里铺乡", "贾家屯乡", "张西河乡", "南高崖乡", "未归属乡镇");

    private static Block townships(String sheet) {
        List<Figure> figures = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            figures.add(new Figure("指标" + i, Measure.COUNT, 100L + i, 90L + i, 80L, 1000L, "rpt_x.c" + i));
        }
        List<List<Object>> ranking = new ArrayList<>();
        for (int i = 0; i < TOWNSHIPS.size(); i++) {
            ranking.add(List.of(
                    (long) i + 1, TOWNSHIPS.get(i), BigDecimal.valueOf(1000 - 50 * i), BigDecimal.valueOf(12 - i)));
        }
        List<List<Object>> months = new ArrayList<>();
        for (int i = 11; i >= 0; i--) {
            months.add(List.of(
                    SampleReport.MONTH.minusMonths(i).toString(),
                    BigDecimal.valueOf(400 + i),
                    BigDecimal.valueOf(20 + i)));
        }
        // The sample's microloan block, its columns, notes and charts, over twelve townships and months.
        Block sample = SampleReport.county().blocks().get(0);
        return new Block(
                sheet,
                sample.title(),
                figures,
                List.of(
                        withRows(sample.tables().get(0), ranking),
                        withRows(sample.tables().get(1), months)),
                sample.charts());
    }

    private static Table withRows(Table table, List<List<Object>> rows) {
        return new Table(table.title(), table.columns(), rows, table.note());
    }

    private static org.assertj.core.data.Offset<Float> within() {
        return org.assertj.core.data.Offset.offset(1f);
    }
}
