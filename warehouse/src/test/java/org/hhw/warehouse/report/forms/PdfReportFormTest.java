package org.hhw.warehouse.report.forms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hhw.warehouse.report.FormFiles.fonts;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.assertj.core.data.Offset;
import org.hhw.warehouse.report.Block;
import org.hhw.warehouse.report.Column;
import org.hhw.warehouse.report.Measure;
import org.hhw.warehouse.report.MonthlyReport;
import org.hhw.warehouse.report.ReportUnit;
import org.hhw.warehouse.report.SampleReport;
import org.hhw.warehouse.report.Table;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PdfReportFormTest {

    @TempDir
    Path dir;

    private final PdfReportForm form = PdfReportForm.withFont(null);

    @Test
    void thePdfReadsTheHeadingsAndTheFiguresAsTheWebPageFormatsThem() throws IOException {
        // given the hand-made county report
        Path pdf = dir.resolve("county.pdf");

        // when it is written as a PDF
        form.write(SampleReport.county(), pdf);

        // then its text holds the title, the unit and month, the headings and the figures as formatted
        try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
            String text = new PDFTextStripper().getText(document);
            assertThat(text)
                    .contains("天镇县脱贫攻坚数据月报")
                    .contains("报告月份：2019年6月")
                    .contains("概要")
                    .contains("四、扶贫小额信贷")
                    .contains("九、数据来源")
                    .contains("各乡镇逾期率排名")
                    .contains("月末贷款余额（万元） 512.35 498.00 +14.35 — —")
                    .contains("逾期率（%） 3.25% 2.80% +0.45个百分点 — —")
                    .contains("当月发放金额（万元） 35.00 20.50 +14.50 — 180.25")
                    .contains("谷前堡镇 — 0.00%")
                    .contains(SampleReport.FORMULA_LIKE)
                    .doesNotContain("#");
            assertThat(fonts(document))
                    .extracting(PDFont::getName)
                    .allSatisfy(name -> assertThat(name).matches("[A-Z]{6}\\+WenQuanYiMicroHei"));
            assertThat(document.getDocumentInformation().getTitle()).isEqualTo("天镇县脱贫攻坚数据月报 2019年6月");
        }
    }

    @Test
    void everyPageIsA4AndNumberedInItsFooterAndEveryFontIsEmbedded() throws IOException {
        // given a township report long enough for several pages
        MonthlyReport report = longReport(120);
        Path pdf = dir.resolve("township.pdf");

        // when it is written
        form.write(report, pdf);

        // then each page is A4, says 第 i 页 共 n 页, and carries only embedded fonts
        try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
            int pages = document.getNumberOfPages();
            assertThat(pages).isGreaterThan(2);
            for (int i = 1; i <= pages; i++) {
                PDPage page = document.getPage(i - 1);
                assertThat(page.getMediaBox().getWidth()).isCloseTo(PDRectangle.A4.getWidth(), within());
                assertThat(page.getMediaBox().getHeight()).isCloseTo(PDRectangle.A4.getHeight(), within());
                assertThat(pageText(document, i)).contains("第 " + i + " 页 共 " + pages + " 页");
            }
            List<PDFont> fonts = fonts(document);
            assertThat(fonts)
                    .isNotEmpty()
                    .allSatisfy(f -> assertThat(f.isEmbedded()).as(f.getName()).isTrue());
        }
    }

    @Test
    void aLongTableRepeatsItsHeaderOnEveryPageAndSplitsNoRow() throws IOException {
        // given a table of 120 villages, each row's text unique
        Path pdf = dir.resolve("long.pdf");

        // when written
        form.write(longReport(120), pdf);

        // then every page after the first starts the table again under its header, and each row is
        // whole on one page
        try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
            int found = 0;
            for (int i = 2; i <= document.getNumberOfPages(); i++) {
                String text = pageText(document, i);
                if (text.contains("村庄第")) {
                    assertThat(text).contains("村庄 户数 金额（元）");
                }
                for (String line : text.split("\n")) {
                    if (line.startsWith("村庄第")) {
                        assertThat(line).matches("村庄第\\d+号 [\\d,]+ [\\d,]+\\.\\d\\d");
                        found++;
                    }
                }
            }
            assertThat(found).isGreaterThan(40);
        }
    }

    @Test
    void aSettingThatNamesNoFileIsRefusedNamingTheSetting() {
        // given a font setting naming a file that does not exist
        String setting = dir.resolve("missing.ttf").toString();

        // when / then the form refuses it, naming the setting
        assertThatThrownBy(() -> PdfReportForm.withFont(setting))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("hhw.report-font")
                .hasMessageContaining("missing.ttf");
    }

    @Test
    void withNoSettingTheFirstDebianFontPresentIsTaken() {
        // given no setting, on a machine with fonts-wqy-microhei (CI installs it)
        // when the form is made
        PdfReportForm chosen = PdfReportForm.withFont(" ");

        // then it takes the first Debian path that exists
        assertThat(chosen.font())
                .isEqualTo(PdfReportForm.DEBIAN_FONTS.stream()
                        .filter(Files::isReadable)
                        .findFirst()
                        .orElseThrow());
    }

    @Test
    void aTrueTypeFileNamedByTheSettingIsTheOneEmbedded() throws IOException {
        // given the setting naming a plain .ttf (DejaVu: no Chinese, but any TrueType file will do here)
        Path ttf = Path.of("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf");
        assumeTrue(Files.isReadable(ttf), "fonts-dejavu-core is not installed");
        Path pdf = dir.resolve("dejavu.pdf");

        // when a report is written in it
        PdfReportForm.withFont(ttf.toString()).write(SampleReport.township(), pdf);

        // then that font, and only it, is embedded as a subset
        try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
            assertThat(fonts(document))
                    .extracting(PDFont::getName)
                    .allSatisfy(name -> assertThat(name).matches("[A-Z]{6}\\+DejaVuSans"));
        }
    }

    @Test
    void filesWrittenAtOnceShareTheFontAndEachReadsAsIfWrittenAlone() throws Exception {
        // given six reports, each first written alone by a form of its own
        List<MonthlyReport> reports = List.of(
                SampleReport.county(),
                SampleReport.township(),
                longReport(120),
                SampleReport.county(),
                SampleReport.township(),
                longReport(60));
        List<String> alone = new ArrayList<>();
        for (int i = 0; i < reports.size(); i++) {
            Path pdf = dir.resolve("alone-" + i + ".pdf");
            PdfReportForm.withFont(null).write(reports.get(i), pdf);
            alone.add(text(pdf));
        }

        // when one form writes them all on three threads at once, its font parsed once for all of them
        ExecutorService pool = Executors.newFixedThreadPool(3);
        try {
            List<Future<Path>> written = new ArrayList<>();
            for (int i = 0; i < reports.size(); i++) {
                MonthlyReport report = reports.get(i);
                Path pdf = dir.resolve("at-once-" + i + ".pdf");
                written.add(pool.submit(() -> {
                    form.write(report, pdf);
                    return pdf;
                }));
            }

            // then each reads as the same report written alone, in the one embedded subset of the font
            for (int i = 0; i < reports.size(); i++) {
                Path pdf = written.get(i).get();
                assertThat(text(pdf)).isEqualTo(alone.get(i));
                try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
                    assertThat(fonts(document))
                            .isNotEmpty()
                            .allSatisfy(f -> assertThat(f.getName()).matches("[A-Z]{6}\\+WenQuanYiMicroHei"))
                            .allSatisfy(f -> assertThat(f.isEmbedded()).isTrue());
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /** A township report whose one block holds a table of {@code rows} villages. */
    static MonthlyReport longReport(int rows) {
        List<List<Object>> villages = new ArrayList<>();
        for (int i = 1; i <= rows; i++) {
            villages.add(List.of("村庄第" + i + "号", (long) i * 1000, new BigDecimal(i + "234.50")));
        }
        Table table = new Table(
                "各村发放情况",
                List.of(
                        new Column("村庄", Measure.TEXT),
                        new Column("户数", Measure.COUNT),
                        new Column("金额（元）", Measure.YUAN)),
                villages,
                null);
        Block block = new Block("教育", "二、教育扶贫", List.of(), List.of(table), List.of());
        return new MonthlyReport("天镇县", new ReportUnit(1, "玉泉镇"), SampleReport.MONTH, List.of(block));
    }

    private static String text(Path pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
            return new PDFTextStripper().getText(document);
        }
    }

    private static String pageText(PDDocument document, int page) throws IOException {
        PDFTextStripper stripper = new PDFTextStripper();
        stripper.setStartPage(page);
        stripper.setEndPage(page);
        return stripper.getText(document);
    }

    private static Offset<Float> within() {
        return Offset.offset(1f);
    }
}
