package org.hhw.warehouse.report.forms;

import java.util.List;
import org.apache.poi.ss.usermodel.PageMargin;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFSheet;

/**
 * Keeps each section of a sheet (a table with its title, note and charts) on one printed page where
 * it fits, by a page break before it: fitting the sheet to the page's width leaves the breaks to
 * the printer, which would cut a table from its chart, or a chart in two.
 */
final class PageBreaks {

    private static final double A4_LONG_INCHES = 297 / 25.4;
    private static final double A4_SHORT_INCHES = 210 / 25.4;
    private static final double POINTS_PER_INCH = 72;
    private static final double PIXELS_PER_INCH = 96;

    private PageBreaks() {}

    /**
     * Call after the page setup and the column widths, which decide how much of the sheet a page holds.
     *
     * @param sections the first row of each section, in order; a section runs to the next one's first row
     * @param lastRow the sheet's last row, charts included
     * @param repeatedRows the rows from the top printed again on every page
     */
    static void keepSectionsWhole(XSSFSheet sheet, List<Integer> sections, int lastRow, int repeatedRows, int columns) {
        boolean landscape = sheet.getPrintSetup().getLandscape();
        double pageWidth = (landscape ? A4_LONG_INCHES : A4_SHORT_INCHES)
                - sheet.getMargin(PageMargin.LEFT)
                - sheet.getMargin(PageMargin.RIGHT);
        double pageHeight = (landscape ? A4_SHORT_INCHES : A4_LONG_INCHES)
                - sheet.getMargin(PageMargin.TOP)
                - sheet.getMargin(PageMargin.BOTTOM);
        double sheetWidth = 0;
        for (int c = 0; c < columns; c++) {
            sheetWidth += sheet.getColumnWidthInPixels(c) / PIXELS_PER_INCH;
        }
        // A sheet wider than the page prints smaller, so a page holds more of its rows.
        double scale = Math.min(1, pageWidth / sheetWidth);
        double capacity = pageHeight * POINTS_PER_INCH / scale;
        double repeated = height(sheet, 0, repeatedRows - 1);

        double used = height(sheet, 0, sections.isEmpty() ? lastRow : sections.get(0) - 1);
        for (int s = 0; s < sections.size(); s++) {
            int first = sections.get(s);
            int last = s + 1 < sections.size() ? sections.get(s + 1) - 1 : lastRow;
            double section = height(sheet, first, last);
            if (used + section > capacity && repeated + section <= capacity) {
                sheet.setRowBreak(first - 1);
                used = repeated;
            }
            used += section;
            // A section longer than a page runs over; count from where the printer breaks it.
            while (used > capacity) {
                used -= capacity - repeated;
            }
        }
    }

    private static double height(XSSFSheet sheet, int first, int last) {
        double points = 0;
        for (int r = first; r <= last; r++) {
            Row row = sheet.getRow(r);
            points += row == null ? sheet.getDefaultRowHeightInPoints() : row.getHeightInPoints();
        }
        return points;
    }
}
