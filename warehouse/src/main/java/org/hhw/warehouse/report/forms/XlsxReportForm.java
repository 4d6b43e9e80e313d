package org.hhw.warehouse.report.forms;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.hhw.warehouse.receipt.PageSetup;
import org.hhw.warehouse.report.Block;
import org.hhw.warehouse.report.Chart;
import org.hhw.warehouse.report.Column;
import org.hhw.warehouse.report.Figure;
import org.hhw.warehouse.report.Measure;
import org.hhw.warehouse.report.MonthlyReport;
import org.hhw.warehouse.report.ReportForm;
import org.hhw.warehouse.report.Table;

/**
 * The report as a workbook: 概要 first (every block's headline figures), then a sheet per block with
 * its figures, its tables and native charts drawn from the tables' cells, each sheet printing on A4
 * like an office's own. It lays the report out and computes nothing but the change on the month
 * beside each figure.
 */
public final class XlsxReportForm implements ReportForm {

    static final String SUMMARY_SHEET = "概要";
    static final String FIGURES_TITLE = "主要指标";
    static final List<String> FIGURE_HEADER = List.of("指标", "本月", "上月", "较上月", "去年同月", "年初至今");

    /** The heading and the unit and month under it repeat on every printed page. */
    private static final int HEADING_ROWS = 2;

    @Override
    public String extension() {
        return "xlsx";
    }

    @Override
    public void write(MonthlyReport report, Path file) throws IOException {
        try (XSSFWorkbook workbook = new XSSFWorkbook();
                OutputStream out = Files.newOutputStream(file)) {
            XlsxCells cells = new XlsxCells(workbook);
            writeSummary(workbook.createSheet(SUMMARY_SHEET), cells, report);
            for (Block block : report.blocks()) {
                writeBlock(workbook.createSheet(block.sheet()), cells, report, block);
            }
            workbook.write(out);
        }
    }

    private static void writeSummary(XSSFSheet sheet, XlsxCells cells, MonthlyReport report) {
        SheetCursor cursor = new SheetCursor(sheet, cells, FIGURE_HEADER.size());
        cursor.heading(report.title(), unitAndMonth(report));
        for (Block block : report.blocks()) {
            if (!block.figures().isEmpty()) {
                cursor.blank();
                cursor.section(block.title());
                figures(cursor, block.figures());
            }
        }
        finish(sheet, cursor, report);
    }

    private static void writeBlock(XSSFSheet sheet, XlsxCells cells, MonthlyReport report, Block block) {
        SheetCursor cursor = new SheetCursor(sheet, cells, width(block));
        cursor.heading(block.title(), unitAndMonth(report));
        if (!block.figures().isEmpty()) {
            cursor.blank();
            cursor.section(FIGURES_TITLE);
            figures(cursor, block.figures());
        }
        for (int t = 0; t < block.tables().size(); t++) {
            Table table = block.tables().get(t);
            cursor.blank();
            cursor.section(table.title());
            int header =
                    cursor.header(table.columns().stream().map(Column::label).toList());
            List<Measure> measures =
                    table.columns().stream().map(Column::measure).toList();
            for (List<Object> row : table.rows()) {
                cursor.values(row, measures);
            }
            if (table.note() != null) {
                cursor.note(table.note());
            }
            for (Chart chart : block.charts()) {
                // A table without rows has no cells for a chart to name: its header says enough.
                if (chart.table() == t && !table.rows().isEmpty()) {
                    cursor.blank();
                    int top = cursor.reserve(XlsxCharts.ROWS);
                    XlsxCharts.draw(sheet, chart, table, header, top, cursor.columns());
                }
            }
        }
        finish(sheet, cursor, report);
    }

    /** The figures' table: a label, then the month, the month before and the change, a year ago, the year. */
    private static void figures(SheetCursor cursor, List<Figure> figures) {
        cursor.header(FIGURE_HEADER);
        for (Figure f : figures) {
            Measure m = f.measure();
            cursor.values(
                    Arrays.asList(
                            f.label(),
                            f.month(),
                            f.previousMonth(),
                            change(f.month(), f.previousMonth()),
                            f.yearAgo(),
                            f.yearToDate()),
                    List.of(Measure.TEXT, m, m, m, m, m));
        }
    }

    /**
     * The month less the month before: a difference of two printed figures, no new figure. Null when
     * either is missing, so the change of a month without a predecessor reads —, never the month itself.
     */
    static Object change(Object month, Object previous) {
        if (month instanceof Long a && previous instanceof Long b) {
            return a - b;
        }
        if (month instanceof Number a && previous instanceof Number b) {
            return new BigDecimal(a.toString()).subtract(new BigDecimal(b.toString()));
        }
        return null;
    }

    /** The figures' table takes six columns, and a chart as many to be legible; a table may take more. */
    private static int width(Block block) {
        int columns = block.figures().isEmpty() && block.charts().isEmpty() ? 1 : FIGURE_HEADER.size();
        for (Table table : block.tables()) {
            columns = Math.max(columns, table.columns().size());
        }
        return columns;
    }

    private static String unitAndMonth(MonthlyReport report) {
        return "单位：" + report.unit().name() + "　月份：" + report.monthLabel();
    }

    private static void finish(XSSFSheet sheet, SheetCursor cursor, MonthlyReport report) {
        cursor.fitColumns();
        // Borders rule the tables; gridlines would rule the blank lines and the charts' rows too.
        PageSetup.form(sheet, report.title() + " " + report.monthLabel(), cursor.columns(), HEADING_ROWS);
        cursor.keepSectionsWhole(HEADING_ROWS);
    }
}
