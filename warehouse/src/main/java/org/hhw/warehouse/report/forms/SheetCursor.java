package org.hhw.warehouse.report.forms;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.hhw.warehouse.report.Measure;

/** Writes one sheet of the workbook top to bottom, a row at a time, and sizes its columns at the end. */
final class SheetCursor {

    /** In characters, a Chinese character counting two: a column fits its widest value within these. */
    static final int MIN_WIDTH = 8;

    static final int MAX_WIDTH = 40;
    /** Rows of the larger fonts: the page breaks count on their height. */
    private static final float TITLE_POINTS = 24;

    private static final float SECTION_POINTS = 18;
    /** Room beside the widest value, so that a figure never touches the border. */
    private static final int PADDING = 2;

    private final XSSFSheet sheet;
    private final XlsxCells cells;
    private final int columns;
    /** Headings and notes run across the sheet: they must not widen its first column. */
    private final Set<Integer> spanning = new HashSet<>();

    private final List<Integer> sections = new ArrayList<>();

    private int next;

    SheetCursor(XSSFSheet sheet, XlsxCells cells, int columns) {
        this.sheet = sheet;
        this.cells = cells;
        this.columns = columns;
    }

    int columns() {
        return columns;
    }

    void heading(String title, String subtitle) {
        span(title, cells.title).setHeightInPoints(TITLE_POINTS);
        span(subtitle, cells.subtitle);
    }

    /** Starts a section: a title, then a table and its charts, printed on one page if they fit. */
    void section(String title) {
        sections.add(next);
        span(title, cells.section).setHeightInPoints(SECTION_POINTS);
    }

    void note(String note) {
        span(note, cells.note);
    }

    void blank() {
        next++;
    }

    /** @return the header's 0-based row */
    int header(List<String> labels) {
        Row row = sheet.createRow(next++);
        for (int i = 0; i < labels.size(); i++) {
            Cell cell = row.createCell(i);
            cell.setCellValue(labels.get(i));
            cell.setCellStyle(cells.header);
        }
        return row.getRowNum();
    }

    void values(List<Object> values, List<Measure> measures) {
        Row row = sheet.createRow(next++);
        for (int i = 0; i < values.size(); i++) {
            cells.put(row.createCell(i), values.get(i), measures.get(i));
        }
    }

    /** @return the first of {@code rows} empty rows, kept for a chart */
    int reserve(int rows) {
        int first = next;
        next += rows;
        return first;
    }

    /** Sets each printed column to its widest value as shown, headers included (a chart's hidden copies aside). */
    void fitColumns() {
        DataFormatter formatter = new DataFormatter();
        int[] widths = new int[columns];
        for (Row row : sheet) {
            if (spanning.contains(row.getRowNum())) {
                continue;
            }
            for (int c = 0; c < columns; c++) {
                Cell cell = row.getCell(c);
                if (cell != null) {
                    widths[c] = Math.max(widths[c], displayWidth(formatter.formatCellValue(cell)));
                }
            }
        }
        for (int c = 0; c < columns; c++) {
            int width = Math.min(MAX_WIDTH, Math.max(MIN_WIDTH, widths[c] + PADDING));
            sheet.setColumnWidth(c, width * 256);
        }
    }

    /** A Chinese character (or a full-width sign) takes about two characters of a column's width. */
    static int displayWidth(String text) {
        return text.codePoints().map(cp -> cp >= 0x2E80 ? 2 : 1).sum();
    }

    /** Call last, once the page setup and the columns' widths are set. */
    void keepSectionsWhole(int repeatedRows) {
        PageBreaks.keepSectionsWhole(sheet, sections, next - 1, repeatedRows, columns);
    }

    private Row span(String text, CellStyle style) {
        Row row = sheet.createRow(next++);
        Cell cell = row.createCell(0);
        cell.setCellValue(text);
        cell.setCellStyle(style);
        spanning.add(row.getRowNum());
        if (columns > 1) {
            sheet.addMergedRegion(new CellRangeAddress(row.getRowNum(), row.getRowNum(), 0, columns - 1));
        }
        return row;
    }
}
