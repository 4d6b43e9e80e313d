package org.hhw.warehouse.report.forms;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.hhw.warehouse.report.MonthlyReport;
import org.hhw.warehouse.report.SampleReport;
import org.hhw.warehouse.report.forms.MonthIndexPage.ReportFile;
import org.hhw.warehouse.report.forms.ReportsIndexPage.MonthFolder;

/**
 * Writes the hand-made sample's month as the report job will lay it out, for docs/render-pictures.sh
 * until a demo county's reports exist: {@code <reports>/2019-06/} with the county's and a township's PDF
 * and the month's index.html, and {@code <reports>/index.html}.
 */
public final class RenderSample {

    private RenderSample() {}

    public static void main(String[] args) throws IOException {
        Path reports = Path.of(args[0]);
        Path month = reports.resolve(SampleReport.MONTH.toString());
        Files.createDirectories(month);
        PdfReportForm pdf = PdfReportForm.withFont(System.getProperty(PdfReportForm.FONT_SETTING));
        List<ReportFile> files = new ArrayList<>();
        for (MonthlyReport report : List.of(SampleReport.county(), SampleReport.township())) {
            String name = report.fileStem() + "." + pdf.extension();
            pdf.write(report, month.resolve(name));
            files.add(new ReportFile(report.unit().name(), pdf.extension(), name));
        }
        MonthIndexPage.write(month, SampleReport.county(), files);
        ReportsIndexPage.write(
                reports,
                "天镇县",
                List.of(new MonthFolder(SampleReport.MONTH, month.getFileName().toString())));
        System.out.println(month);
    }
}
