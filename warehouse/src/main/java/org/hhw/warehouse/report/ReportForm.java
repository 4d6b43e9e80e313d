package org.hhw.warehouse.report;

import java.io.IOException;
import java.nio.file.Path;

/** One form a leader opens (the workbook, the PDF): lays a report out into one file, computes nothing. */
public interface ReportForm {

    /** The file name's extension without the dot: xlsx, pdf. */
    String extension();

    /** Writes the whole file at {@code file}; the caller moves it into place only once it is complete. */
    void write(MonthlyReport report, Path file) throws IOException;
}
