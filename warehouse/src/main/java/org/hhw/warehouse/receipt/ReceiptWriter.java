package org.hhw.warehouse.receipt;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.SpreadsheetVersion;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * Writes "&lt;原文件名&gt;.回执.xlsx", the clerk's answer for one processed file: a summary sheet
 * (回执), the rejected rows to fix (拒收明细) and the rows loaded with a note (警告).
 *
 * <p>Streaming (SXSSF): the detail rows come from iterators and only a small window of rows is
 * held in memory, so a file with a million rejects gets its receipt too. Past Excel's row limit
 * the details go on in "拒收明细（续2）", "拒收明细（续3）", ….
 */
public final class ReceiptWriter {

    static final String SUMMARY_SHEET = "回执";
    static final String REJECTS_SHEET = "拒收明细";
    static final String WARNINGS_SHEET = "警告";

    private static final List<String> DETAIL_HEADER = List.of("工作表", "行号", "列", "原始值", "原因代码", "原因说明");
    /** In characters; a Chinese character takes about two. */
    private static final int[] DETAIL_WIDTHS = {18, 8, 18, 26, 22, 70};

    private static final String SUMMARY_TITLE = "文件处理回执";
    private static final int SUMMARY_COLUMNS = 3;

    private static final int DETAIL_FIRST_ROW = 2;
    private static final int ROWS_IN_MEMORY = 200;

    private static final String REJECTS_INSTRUCTION = "以下各行没有入库。请在原文件中按“原因说明”逐行改正，改好后重新报送。";
    private static final String WARNINGS_INSTRUCTION = "以下各行已经入库，但有需要注意的地方，请核对。如原文件有误，请改正后重新报送。";
    private static final String NO_REJECTS = "本文件没有拒收的行。";
    private static final String NO_WARNINGS = "本文件没有带警告的行。";
    private static final String NONE = "无";

    private ReceiptWriter() {}

    /**
     * Writes the receipt atomically (temporary file, then rename over {@code target}).
     *
     * @param reasonLabels reason code to its Chinese label, e.g. ID_CHECKSUM → 身份证号校验位错误
     */
    public static void write(
            Path target,
            ReceiptSummary summary,
            Iterator<ReceiptLine> rejects,
            Iterator<ReceiptLine> warnings,
            Map<String, String> reasonLabels)
            throws IOException {
        write(target, summary, rejects, warnings, reasonLabels, SpreadsheetVersion.EXCEL2007.getMaxRows());
    }

    /** {@code maxRowsPerSheet} is Excel's limit in production; tests lower it. */
    static void write(
            Path target,
            ReceiptSummary summary,
            Iterator<ReceiptLine> rejects,
            Iterator<ReceiptLine> warnings,
            Map<String, String> reasonLabels,
            int maxRowsPerSheet)
            throws IOException {
        AtomicFiles.write(target, out -> write(out, summary, rejects, warnings, reasonLabels, maxRowsPerSheet));
    }

    /**
     * Starts writing a receipt of nothing into memory on a daemon thread, and returns at once. The first receipt of a
     * process spends some 0.3 s (measured: 0.4 s of a 100-row ingest's receipt step) loading POI's XML schema types
     * and the fonts its column widths are measured in; begun while the Spring context starts on the other core, an
     * ingest's first receipt no longer waits for them. A failure is left to the real receipt, which reports it.
     */
    public static void warmUpInBackground() {
        Thread warmUp = new Thread(
                () -> {
                    try {
                        warmUp();
                    } catch (IOException | RuntimeException | LinkageError e) {
                        // the real receipt fails the same way, and says so
                    }
                },
                "receipt-warm-up");
        warmUp.setDaemon(true);
        warmUp.start();
    }

    /** The receipt of an empty file, written into memory: what {@link #warmUpInBackground} does. */
    static byte[] warmUp() throws IOException {
        LocalDateTime now = LocalDateTime.now();
        ReceiptSummary nothing = new ReceiptSummary(
                "-.csv", "-", "-", now, now, "-", null, null, 0, 0, 0, 0, 0, Map.of(), Map.of(), List.of(), List.of(),
                List.of(), 0, 0);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        write(
                out,
                nothing,
                Collections.emptyIterator(),
                Collections.emptyIterator(),
                Map.of(),
                SpreadsheetVersion.EXCEL2007.getMaxRows());
        return out.toByteArray();
    }

    private static void write(
            OutputStream out,
            ReceiptSummary summary,
            Iterator<ReceiptLine> rejects,
            Iterator<ReceiptLine> warnings,
            Map<String, String> reasonLabels,
            int maxRowsPerSheet)
            throws IOException {
        // close() also deletes the workbook's temporary files.
        try (SXSSFWorkbook workbook = new SXSSFWorkbook(ROWS_IN_MEMORY)) {
            workbook.setCompressTempFiles(true);
            Styles styles = new Styles(workbook);
            String title = title(summary);
            writeSummary(workbook.createSheet(SUMMARY_SHEET), styles, title, summary, reasonLabels);
            writeDetails(
                    workbook, styles, title, REJECTS_SHEET, REJECTS_INSTRUCTION, NO_REJECTS, rejects, maxRowsPerSheet);
            writeDetails(
                    workbook,
                    styles,
                    title,
                    WARNINGS_SHEET,
                    WARNINGS_INSTRUCTION,
                    NO_WARNINGS,
                    warnings,
                    maxRowsPerSheet);
            workbook.write(out);
        }
    }

    /** What every printed page of the receipt says it is: the receipt of which file. */
    static String title(ReceiptSummary s) {
        return s.fileName() + " " + SUMMARY_TITLE;
    }

    private static void writeSummary(
            SXSSFSheet sheet, Styles styles, String title, ReceiptSummary s, Map<String, String> reasonLabels) {
        sheet.setColumnWidth(0, 34 * 256);
        sheet.setColumnWidth(1, 70 * 256);
        sheet.setColumnWidth(2, 10 * 256);
        // The title row repeats on a second page; one page wide keeps every label beside its figure.
        PageSetup.form(sheet, title, SUMMARY_COLUMNS, 1);
        Lines lines = new Lines(sheet, styles);

        lines.title(SUMMARY_TITLE);
        lines.blank();
        lines.pair("文件名", s.fileName());
        lines.pair("文件类别", s.sourceLabel());
        lines.pair("收到时间", ClerkTime.format(s.receivedAt()));
        lines.pair("入库时间", s.loadedAt() == null ? "本次未入库" : ClerkTime.format(s.loadedAt()));
        lines.pair("处理结果", s.status());
        if (s.isDuplicate()) {
            lines.pair("说明", duplicateSentence(s));
        }
        lines.pair("文件校验码（SHA-256）", s.sha256());

        lines.blank();
        lines.section("行数统计");
        lines.count("读取行数", s.rowsRead());
        lines.count("入库行数", s.rowsLoaded());
        lines.count("拒收行数", s.rowsRejected());
        lines.count("非数据行数（合计、空行、表尾等）", s.rowsNonData());
        s.nonDataByKind().forEach((kind, count) -> lines.count("　其中：" + kind, count));
        lines.count("带警告入库行数", s.rowsWarned());

        lines.blank();
        lines.section("拒收原因统计");
        if (s.rejectsByReason().isEmpty()) {
            lines.pair(NONE, "");
        } else {
            lines.header("原因代码", "原因说明", "条数");
            s.rejectsByReason().entrySet().stream()
                    .sorted(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder())
                            .thenComparing(Map.Entry.comparingByKey()))
                    .forEach(e -> lines.reason(e.getKey(), reasonLabels.getOrDefault(e.getKey(), ""), e.getValue()));
        }

        lines.blank();
        lines.pair("读取的工作表", listOrNone(s.sheetsRead()));
        lines.pair("跳过的工作表", listOrNone(s.sheetsSkipped()));
        lines.pair("未识别的列", s.unknownColumns().isEmpty() ? NONE : "以下列未识别，已忽略：" + String.join("；", s.unknownColumns()));

        lines.blank();
        lines.count("涉及户数", s.households());
        lines.count("涉及人数", s.persons());

        lines.blank();
        lines.section("请您");
        for (String advice : advice(s)) {
            lines.pair(advice, "");
        }
    }

    private static String duplicateSentence(ReceiptSummary s) {
        String under = s.previousFileName() == null ? "" : "以《" + s.previousFileName() + "》";
        return "该文件内容已于 " + ClerkTime.format(s.previouslyLoadedAt()) + " " + under + "入库，本次未重复入库。";
    }

    private static List<String> advice(ReceiptSummary s) {
        List<String> advice = new ArrayList<>();
        if (s.isDuplicate()) {
            advice.add("无需重新报送。如果本想报送改正后的文件，请确认改动已经保存，再报送改好的文件。");
        }
        if (s.rowsRejected() > 0) {
            advice.add("拒收的行没有入库：请按“拒收明细”工作表逐行改正原文件，然后重新报送。");
        }
        if (s.rowsWarned() > 0) {
            advice.add("带警告的行已经入库：请查看“警告”工作表，如有错误请改正后重新报送。");
        }
        if (advice.isEmpty()) {
            advice.add("所有数据行均已入库，无需处理。");
        }
        return advice;
    }

    private static String listOrNone(List<String> items) {
        return items.isEmpty() ? NONE : String.join("、", items);
    }

    private static void writeDetails(
            SXSSFWorkbook workbook,
            Styles styles,
            String title,
            String sheetName,
            String instruction,
            String emptyNote,
            Iterator<ReceiptLine> lines,
            int maxRowsPerSheet) {
        Sheet sheet = startDetailSheet(workbook, styles, title, sheetName, lines.hasNext() ? instruction : emptyNote);
        int part = 1;
        int rowIndex = DETAIL_FIRST_ROW;
        while (lines.hasNext()) {
            if (rowIndex == maxRowsPerSheet) {
                part++;
                sheet = startDetailSheet(workbook, styles, title, sheetName + "（续" + part + "）", instruction);
                rowIndex = DETAIL_FIRST_ROW;
            }
            ReceiptLine line = lines.next();
            Row row = sheet.createRow(rowIndex++);
            text(row, 0, line.sheet(), styles.text);
            row.createCell(1).setCellValue(line.rowNumber());
            text(row, 2, line.column(), styles.text);
            // A text cell with the text format: an 18-digit ID must stay as typed, never become a number.
            text(row, 3, line.rawValue(), styles.text);
            text(row, 4, line.reasonCode(), styles.text);
            text(row, 5, line.message(), styles.text);
        }
    }

    private static Sheet startDetailSheet(
            SXSSFWorkbook workbook, Styles styles, String title, String name, String instruction) {
        SXSSFSheet sheet = workbook.createSheet(name);
        for (int i = 0; i < DETAIL_WIDTHS.length; i++) {
            sheet.setColumnWidth(i, DETAIL_WIDTHS[i] * 256);
        }
        // The instruction and the column names head every printed page.
        PageSetup.table(sheet, title, DETAIL_WIDTHS.length, DETAIL_FIRST_ROW);
        text(sheet.createRow(0), 0, instruction, styles.bold);
        sheet.addMergedRegion(new CellRangeAddress(0, 0, 0, DETAIL_HEADER.size() - 1));
        Row header = sheet.createRow(1);
        for (int i = 0; i < DETAIL_HEADER.size(); i++) {
            text(header, i, DETAIL_HEADER.get(i), styles.bold);
        }
        sheet.createFreezePane(0, DETAIL_FIRST_ROW);
        return sheet;
    }

    private static void text(Row row, int column, String value, CellStyle style) {
        Cell cell = row.createCell(column);
        cell.setCellValue(value == null ? "" : value);
        cell.setCellStyle(style);
    }

    private static final class Styles {
        final CellStyle title;
        final CellStyle bold;
        final CellStyle text;

        Styles(SXSSFWorkbook workbook) {
            Font titleFont = workbook.createFont();
            titleFont.setBold(true);
            titleFont.setFontHeightInPoints((short) 16);
            title = workbook.createCellStyle();
            title.setFont(titleFont);

            Font boldFont = workbook.createFont();
            boldFont.setBold(true);
            bold = workbook.createCellStyle();
            bold.setFont(boldFont);

            text = workbook.createCellStyle();
            text.setDataFormat(workbook.createDataFormat().getFormat("@"));
        }
    }

    /** The summary sheet, written top to bottom. */
    private static final class Lines {
        private final Sheet sheet;
        private final Styles styles;
        private int next;

        Lines(Sheet sheet, Styles styles) {
            this.sheet = sheet;
            this.styles = styles;
        }

        void title(String title) {
            text(sheet.createRow(next++), 0, title, styles.title);
        }

        void blank() {
            next++;
        }

        void section(String name) {
            text(sheet.createRow(next++), 0, name, styles.bold);
        }

        void header(String... names) {
            Row row = sheet.createRow(next++);
            for (int i = 0; i < names.length; i++) {
                text(row, i, names[i], styles.bold);
            }
        }

        void pair(String label, String value) {
            Row row = sheet.createRow(next++);
            text(row, 0, label, styles.text);
            if (!value.isEmpty()) {
                text(row, 1, value, styles.text);
            }
        }

        void count(String label, long count) {
            Row row = sheet.createRow(next++);
            text(row, 0, label, styles.text);
            row.createCell(1).setCellValue(count);
        }

        void reason(String code, String label, long count) {
            Row row = sheet.createRow(next++);
            text(row, 0, code, styles.text);
            text(row, 1, label, styles.text);
            row.createCell(2).setCellValue(count);
        }
    }
}
