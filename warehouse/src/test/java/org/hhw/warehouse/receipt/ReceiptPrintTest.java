package org.hhw.warehouse.receipt;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.poi.ss.usermodel.PageMargin;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.assertj.core.data.Offset;
import org.hhw.warehouse.LibreOffice;
import org.hhw.warehouse.PrintSetups;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How a receipt prints: its page setup as written, and the pages LibreOffice makes of it. */
class ReceiptPrintTest {

    private static final String FILE_NAME = "南河堡乡&三十里铺乡花名册.xlsx";
    private static final int REJECTS = 240;
    private static final int WARNINGS = 60;
    private static final Map<String, String> LABELS = Map.of(
            "ID_CHECKSUM", "身份证号校验位错误",
            "ID_PRECISION_LOST", "身份证号已被Excel改成科学计数法，后几位丢失",
            "VILLAGE_UNKNOWN", "行政村名称无法识别",
            "ID_CONVERTED_15", "15位身份证号已转为18位");
    /** A4 in PDF points (1/72 inch), landscape. */
    private static final float A4_LONG = PDRectangle.A4.getHeight();

    private static final float A4_SHORT = PDRectangle.A4.getWidth();

    @TempDir
    Path dir;

    @Test
    void everySheetPrintsOnA4OnePageWideWithItsHeaderRowsTitleAndPageNumbers() throws Exception {
        // given: a row limit of 200 puts the rejects on two sheets
        Path target = dir.resolve(FILE_NAME + ".回执.xlsx");

        // when
        writeReceiptOf900RowRegistry(target, 200);

        // then
        try (XSSFWorkbook workbook = new XSSFWorkbook(target.toFile())) {
            List<String> setups = new ArrayList<>();
            workbook.forEach(
                    sheet -> setups.add(PrintSetups.describe(sheet) + " gridlines " + sheet.isPrintGridlines()));
            assertThat(setups)
                    .containsExactly(
                            "回执: A4 landscape fit 1x0 repeat 1-1 gridlines false",
                            "拒收明细: A4 landscape fit 1x0 repeat 1-2 gridlines true",
                            "拒收明细（续2）: A4 landscape fit 1x0 repeat 1-2 gridlines true",
                            "警告: A4 landscape fit 1x0 repeat 1-2 gridlines true");
            for (XSSFSheet sheet : List.of(
                    workbook.getSheet("回执"),
                    workbook.getSheet("拒收明细"),
                    workbook.getSheet("拒收明细（续2）"),
                    workbook.getSheet("警告"))) {
                assertThat(sheet.getHeader().getCenter()).isEqualTo("南河堡乡&&三十里铺乡花名册.xlsx 文件处理回执");
                assertThat(sheet.getHeader().getRight()).isEqualTo("&A");
                assertThat(sheet.getFooter().getCenter()).isEqualTo("第 &P 页 共 &N 页");
                assertThat(List.of(
                                sheet.getMargin(PageMargin.LEFT),
                                sheet.getMargin(PageMargin.RIGHT),
                                sheet.getMargin(PageMargin.TOP),
                                sheet.getMargin(PageMargin.BOTTOM),
                                sheet.getMargin(PageMargin.HEADER),
                                sheet.getMargin(PageMargin.FOOTER)))
                        .containsExactly(0.5, 0.5, 0.75, 0.75, 0.3, 0.3);
            }
        }
    }

    @Test
    void aReceiptOfA900RowRegistryRendersOnA4LandscapePagesWithTheSummaryOnTheFirst() throws Exception {
        // given
        Path receipt = dir.resolve(FILE_NAME + ".回执.xlsx");
        writeReceiptOf900RowRegistry(receipt, Integer.MAX_VALUE);

        // when
        Path pdf = LibreOffice.renderToPdf(receipt, dir);

        // then
        try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
            int pages = document.getNumberOfPages();
            List<String> texts = IntStream.rangeClosed(1, pages)
                    .mapToObj(page -> LibreOffice.pageText(document, page))
                    .toList();
            for (int page = 1; page <= pages; page++) {
                PDRectangle size = document.getPage(page - 1).getMediaBox();
                assertThat(size.getWidth()).as("page %d width", page).isCloseTo(A4_LONG, within());
                assertThat(size.getHeight()).as("page %d height", page).isCloseTo(A4_SHORT, within());
                String text = texts.get(page - 1);
                assertThat(text).as("page %d", page).contains("第 " + page + " 页 共 " + pages + " 页");
                assertThat(text).as("page %d", page).contains(FILE_NAME + " 文件处理回执");
            }
            // The summary, every label beside its figure, is the whole first page.
            assertThat(lines(texts.get(0)))
                    .contains(
                            "文件名 " + FILE_NAME,
                            "读取行数 900",
                            "入库行数 656",
                            "拒收行数 240",
                            "非数据行数（合计、空行、表尾等） 4",
                            "带警告入库行数 60",
                            "ID_CHECKSUM 身份证号校验位错误 80",
                            "涉及户数 180",
                            "涉及人数 656");
            // Every page of the details starts with their column names, and none is split off its rows.
            List<String> detailPages = texts.subList(1, pages);
            assertThat(detailPages).allSatisfy(text -> assertThat(lines(text)).contains("工作表 行号 列 原始值 原因代码 原因说明"));
            assertThat(String.join("\n", detailPages))
                    .contains(
                            "南河堡乡 4 身份证号码 140222199001011235",
                            "三十里铺乡 715 身份证号码 140222199001011235",
                            "三十里铺乡 898 身份证号 140222850505123");

            // A look at the first page (target/receipt-print-page1.png) shows what a clerk gets.
            BufferedImage first = new PDFRenderer(document).renderImageWithDPI(0, 80);
            ImageIO.write(
                    first, "png", Path.of("target", "receipt-print-page1.png").toFile());
        }
    }

    /**
     * 900 rows read from two township sheets: 240 rejected for three reasons, 60 loaded with a
     * warning, 4 non-data rows.
     */
    private static void writeReceiptOf900RowRegistry(Path target, int maxRowsPerSheet) throws Exception {
        Map<String, Long> nonData = new LinkedHashMap<>();
        nonData.put("合计/小计", 2L);
        nonData.put("表尾", 2L);
        ReceiptSummary summary = new ReceiptSummary(
                FILE_NAME,
                "建档立卡贫困人口花名册",
                "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08",
                LocalDateTime.of(2026, 12, 8, 9, 0),
                LocalDateTime.of(2026, 12, 8, 9, 2),
                "已入库",
                null,
                null,
                900,
                656,
                REJECTS,
                4,
                WARNINGS,
                Map.of("ID_CHECKSUM", 80L, "ID_PRECISION_LOST", 80L, "VILLAGE_UNKNOWN", 80L),
                nonData,
                List.of("南河堡乡", "三十里铺乡"),
                List.of("Sheet3（隐藏）"),
                List.of("南河堡乡: 备注"),
                180,
                656);
        ReceiptWriter.write(target, summary, rejects(), warnings(), LABELS, maxRowsPerSheet);
    }

    private static Iterator<ReceiptLine> rejects() {
        return IntStream.range(0, REJECTS)
                .mapToObj(i -> switch (i % 3) {
                    case 0 ->
                        new ReceiptLine(
                                township(i),
                                4 + 3 * i,
                                "身份证号码",
                                "140222199001011235",
                                "ID_CHECKSUM",
                                "身份证号码最后一位校验位不对，请核对后改正。");
                    case 1 ->
                        new ReceiptLine(
                                township(i),
                                4 + 3 * i,
                                "身份证号码",
                                "1.40222199001011E17",
                                "ID_PRECISION_LOST",
                                "身份证号码被Excel存成了数字，后几位已丢失。请把该列设为文本后重新录入。");
                    default ->
                        new ReceiptLine(
                                township(i), 4 + 3 * i, "行政村", "东风村", "VILLAGE_UNKNOWN", "南河堡乡没有叫“东风村”的行政村，请核对村名。");
                })
                .iterator();
    }

    private static Iterator<ReceiptLine> warnings() {
        return IntStream.range(0, WARNINGS)
                .mapToObj(i -> new ReceiptLine(
                        "三十里铺乡",
                        780 + 2 * i,
                        "身份证号",
                        "140222850505123",
                        "ID_CONVERTED_15",
                        "15位身份证号已自动转为18位：140222198505051234。"))
                .iterator();
    }

    private static String township(int reject) {
        return reject < REJECTS / 2 ? "南河堡乡" : "三十里铺乡";
    }

    private static List<String> lines(String text) {
        return text.lines().map(String::strip).toList();
    }

    private static Offset<Float> within() {
        return Offset.offset(1f);
    }
}
