package org.hhw.warehouse.report.forms;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.IntStream;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.hhw.warehouse.LibreOffice;
import org.hhw.warehouse.report.SampleReport;
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
        Path pdf = LibreOffice.renderToPdf(workbook, dir);

        // then
        try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
            int pages = document.getNumberOfPages();
            List<String> texts = IntStream.rangeClosed(1, pages)
                    .mapToObj(page -> textOf(document, page))
                    .toList();
            for (int page = 1; page <= pages; page++) {
                PDRectangle size = document.getPage(page - 1).getMediaBox();
                assertThat(size.getWidth()).as("page %d width", page).isCloseTo(PDRectangle.A4.getWidth(), within());
                assertThat(size.getHeight()).as("page %d height", page).isCloseTo(PDRectangle.A4.getHeight(), within());
            }
            assertThat(texts).allSatisfy(text -> assertThat(text).contains("天镇县脱贫攻坚数据月报 2019年6月"));
            for (int page = 1; page <= pages; page++) {
                assertThat(texts.get(page - 1)).as("page %d", page).contains("第 " + page + " 页 共 " + pages + " 页");
            }
            System.out.println("PAGES " + pages);
            texts.forEach(t -> System.out.println("---- PAGE\n" + t));

            for (int page = 0; page < pages; page++) {
                BufferedImage image = new PDFRenderer(document).renderImageWithDPI(page, 60);
                ImageIO.write(
                        image,
                        "png",
                        Path.of("target", "report-xlsx-print-page" + (page + 1) + ".png")
                                .toFile());
            }
        }
    }

    private static String textOf(PDDocument document, int page) {
        try {
            PDFTextStripper stripper = new PDFTextStripper();
            stripper.setSortByPosition(true);
            stripper.setStartPage(page);
            stripper.setEndPage(page);
            return stripper.getText(document);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static org.assertj.core.data.Offset<Float> within() {
        return org.assertj.core.data.Offset.offset(1f);
    }
}
