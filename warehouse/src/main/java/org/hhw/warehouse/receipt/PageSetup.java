package org.hhw.warehouse.receipt;

import org.apache.poi.ss.usermodel.PageMargin;
import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;

/**
 * How a sheet prints on A4 the way an office expects: fit to one page wide (as many pages tall as
 * it takes), landscape when its columns are wider than a portrait page, its header rows repeated on
 * every page, the document's title in the page header and 第 N 页 共 M 页 in the footer. A label
 * and its figure are never split over two pages, whatever the printer's default was.
 *
 * <p>Receipts use it; the report workbooks are to use it too.
 */
public final class PageSetup {

    /** In inches: narrow sides leave the wide detail tables more room, top and bottom hold the header and footer. */
    static final double SIDE_MARGIN = 0.5;

    static final double TOP_BOTTOM_MARGIN = 0.75;
    static final double HEADER_FOOTER_MARGIN = 0.3;

    static final String FOOTER = "第 &P 页 共 &N 页";
    /** The sheet's name, so that a loose page says which part of the workbook it is. */
    static final String SHEET_NAME = "&A";

    /** Excel refuses a header longer than 255 characters; a long file name is cut well before. */
    static final int MAX_TITLE = 100;

    private static final double A4_PORTRAIT_WIDTH_INCHES = 210 / 25.4;
    /** POI measures column widths in pixels at 96 dpi. */
    private static final double PIXELS_PER_INCH = 96;

    private PageSetup() {}

    /** A form of labels and figures: no gridlines, they would rule the blank lines between its parts. */
    public static void form(Sheet sheet, String title, int columns, int headerRows) {
        apply(sheet, title, columns, headerRows, false);
    }

    /** A table: gridlines printed, so that a long row can be followed across the page. */
    public static void table(Sheet sheet, String title, int columns, int headerRows) {
        apply(sheet, title, columns, headerRows, true);
    }

    /**
     * @param columns the sheet's columns, from the first; their widths must be set already
     * @param headerRows the rows from the top repeated on every page
     */
    private static void apply(Sheet sheet, String title, int columns, int headerRows, boolean gridlines) {
        sheet.setMargin(PageMargin.LEFT, SIDE_MARGIN);
        sheet.setMargin(PageMargin.RIGHT, SIDE_MARGIN);
        sheet.setMargin(PageMargin.TOP, TOP_BOTTOM_MARGIN);
        sheet.setMargin(PageMargin.BOTTOM, TOP_BOTTOM_MARGIN);
        sheet.setMargin(PageMargin.HEADER, HEADER_FOOTER_MARGIN);
        sheet.setMargin(PageMargin.FOOTER, HEADER_FOOTER_MARGIN);

        PrintSetup print = sheet.getPrintSetup();
        print.setPaperSize(PrintSetup.A4_PAPERSIZE);
        print.setLandscape(widerThanPortrait(sheet, columns));
        sheet.setFitToPage(true);
        sheet.setAutobreaks(true);
        print.setFitWidth((short) 1);
        // 0: as many pages tall as the rows need.
        print.setFitHeight((short) 0);

        sheet.setRepeatingRows(CellRangeAddress.valueOf("1:" + headerRows));
        sheet.getHeader().setCenter(headerText(title));
        sheet.getHeader().setRight(SHEET_NAME);
        sheet.getFooter().setCenter(FOOTER);
        sheet.setPrintGridlines(gridlines);
    }

    private static boolean widerThanPortrait(Sheet sheet, int columns) {
        double pixels = 0;
        for (int i = 0; i < columns; i++) {
            pixels += sheet.getColumnWidthInPixels(i);
        }
        return pixels / PIXELS_PER_INCH > A4_PORTRAIT_WIDTH_INCHES - 2 * SIDE_MARGIN;
    }

    /** "&amp;" starts a code in a header (&amp;P, &amp;A …): a file name's own is written twice. */
    static String headerText(String title) {
        String cut = title.length() > MAX_TITLE ? title.substring(0, MAX_TITLE - 1) + "…" : title;
        return cut.replace("&", "&&");
    }
}
