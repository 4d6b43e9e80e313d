package org.hhw.warehouse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;

/** Prints a workbook as an office would: LibreOffice headless renders it to PDF, and the print tests read its pages. */
public final class LibreOffice {

    private LibreOffice() {}

    /**
     * With a profile of its own under {@code dir}, so that it never waits on another one's lock.
     *
     * @return the PDF, in a folder of {@code dir}
     */
    public static Path renderToPdf(Path workbook, Path dir) throws Exception {
        if (!onPath("soffice")) {
            fail("soffice is not installed: the print tests render workbooks with LibreOffice."
                    + " Install it: apt-get install libreoffice-calc-nogui fonts-wqy-microhei (see .ci/run)");
        }
        Path out = Files.createDirectory(dir.resolve("pdf"));
        Path log = dir.resolve("soffice.log");
        Process soffice = new ProcessBuilder(
                        "soffice",
                        "-env:UserInstallation=" + dir.resolve("lo-profile").toUri(),
                        "--headless",
                        "--convert-to",
                        "pdf",
                        "--outdir",
                        out.toString(),
                        workbook.toString())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        if (!soffice.waitFor(5, TimeUnit.MINUTES)) {
            soffice.destroyForcibly();
            fail("soffice did not finish within 5 minutes: " + Files.readString(log));
        }
        assertThat(soffice.exitValue()).as(Files.readString(log)).isZero();
        Path pdf = out.resolve(workbook.getFileName().toString().replaceFirst("\\.xlsx$", ".pdf"));
        assertThat(pdf).as(Files.readString(log)).exists();
        return pdf;
    }

    /** One page's text (1-based), its lines in the order they print. */
    public static String pageText(PDDocument document, int page) {
        try {
            PDFTextStripper stripper = new PDFTextStripper();
            // LibreOffice writes a line in more than one run; position puts a label and its figure back together.
            stripper.setSortByPosition(true);
            stripper.setStartPage(page);
            stripper.setEndPage(page);
            return stripper.getText(document);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean onPath(String program) {
        return Arrays.stream(System.getenv("PATH").split(File.pathSeparator))
                .anyMatch(directory -> Files.isExecutable(Path.of(directory, program)));
    }
}
