package org.hhw.schedules.demo;

import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.ss.SpreadsheetVersion;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * Where planned rows go: a workbook or a csv file. Rows arrive in order, sheet after sheet;
 * {@link #finish()} writes the file, {@link #close()} releases what is held (also after a failure).
 */
interface SheetSink extends Closeable {

    void sheet(String name, boolean hidden, int width) throws IOException;

    /** The next row of the current sheet; null entries leave the cell out. */
    void row(List<Cell> cells) throws IOException;

    /** Merges a range of the current sheet, rows and columns 0-based and inclusive. */
    void merge(int firstRow, int lastRow, int firstColumn, int lastColumn);

    /** The most rows a sheet of this format can hold. */
    int maxRows();

    void finish() throws IOException;

    /**
     * xlsx written by SXSSF: only a small window of rows stays in memory, the rest goes to a
     * temporary file, so a million rows fit in a small heap.
     */
    static SheetSink xlsx(Path file) {
        return new WorkbookSink(file, new SXSSFWorkbook(100), SpreadsheetVersion.EXCEL2007);
    }

    /** Legacy BIFF8 .xls, built in memory as HSSF does. */
    static SheetSink xls(Path file) {
        return new WorkbookSink(file, new HSSFWorkbook(), SpreadsheetVersion.EXCEL97);
    }

    static SheetSink csv(Path file, CsvEncoding encoding) throws IOException {
        return new CsvSink(Files.newBufferedWriter(file, encoding.charset()), encoding);
    }

    final class WorkbookSink implements SheetSink {

        private final Path file;
        private final Workbook workbook;
        private final SpreadsheetVersion version;
        private Sheet sheet;
        private int next;

        WorkbookSink(Path file, Workbook workbook, SpreadsheetVersion version) {
            this.file = file;
            this.workbook = workbook;
            this.version = version;
        }

        @Override
        public void sheet(String name, boolean hidden, int width) {
            sheet = workbook.createSheet(name);
            workbook.setSheetHidden(workbook.getSheetIndex(sheet), hidden);
            next = 0;
        }

        @Override
        public void row(List<Cell> cells) {
            if (next >= version.getMaxRows()) {
                throw new IllegalStateException("sheet " + sheet.getSheetName() + " is full at " + next + " rows");
            }
            Row row = sheet.createRow(next++);
            for (int i = 0; i < cells.size(); i++) {
                Cell cell = cells.get(i);
                if (cell == null) {
                    continue;
                }
                cell.writeTo(row.createCell(i));
            }
        }

        @Override
        public void merge(int firstRow, int lastRow, int firstColumn, int lastColumn) {
            sheet.addMergedRegion(new CellRangeAddress(firstRow, lastRow, firstColumn, lastColumn));
        }

        @Override
        public int maxRows() {
            return version.getMaxRows();
        }

        @Override
        public void finish() throws IOException {
            if (workbook instanceof SXSSFWorkbook streaming) {
                // A fixed creation time makes the same seed give the same bytes, so a sample file
                // generated again is recognised as already loaded.
                streaming
                        .getXSSFWorkbook()
                        .getProperties()
                        .getCoreProperties()
                        .setCreated(java.util.Optional.of(new java.util.Date(0)));
            }
            try (OutputStream out = Files.newOutputStream(file)) {
                workbook.write(out);
            }
        }

        @Override
        public void close() throws IOException {
            workbook.close();
        }
    }

    /** Excel's csv export: one sheet, every line as wide as the used range, CRLF line ends. */
    final class CsvSink implements SheetSink {

        private final BufferedWriter out;
        private final CsvEncoding encoding;
        private int width = -1;

        CsvSink(BufferedWriter out, CsvEncoding encoding) {
            this.out = out;
            this.encoding = encoding;
        }

        @Override
        public void sheet(String name, boolean hidden, int width) throws IOException {
            if (this.width >= 0 || hidden) {
                throw new IllegalStateException("a csv file holds exactly one visible sheet");
            }
            this.width = width;
            if (encoding.bom()) {
                out.write('\uFEFF');
            }
        }

        @Override
        public void row(List<Cell> cells) throws IOException {
            for (int i = 0; i < width; i++) {
                if (i > 0) {
                    out.write(',');
                }
                Cell cell = i < cells.size() ? cells.get(i) : null;
                if (cell != null) {
                    out.write(quote(cell.display()));
                }
            }
            out.write("\r\n");
        }

        private static String quote(String field) {
            if (field.indexOf(',') < 0
                    && field.indexOf('"') < 0
                    && field.indexOf('\n') < 0
                    && field.indexOf('\r') < 0) {
                return field;
            }
            return '"' + field.replace("\"", "\"\"") + '"';
        }

        @Override
        public void merge(int firstRow, int lastRow, int firstColumn, int lastColumn) {
            // A csv file cannot merge: like Excel's export, the text stays in the first cell.
        }

        @Override
        public int maxRows() {
            return Integer.MAX_VALUE;
        }

        @Override
        public void finish() throws IOException {
            out.flush();
        }

        @Override
        public void close() throws IOException {
            out.close();
        }
    }
}
