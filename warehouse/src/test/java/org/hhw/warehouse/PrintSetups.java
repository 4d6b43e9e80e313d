package org.hhw.warehouse;

import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;

/** A sheet's page setup in one line, for the print tests of receipts and reports. */
public final class PrintSetups {

    private PrintSetups() {}

    /** "回执: A4 landscape fit 1x0 repeat 1-1" */
    public static String describe(Sheet sheet) {
        PrintSetup print = sheet.getPrintSetup();
        CellRangeAddress repeated = sheet.getRepeatingRows();
        return sheet.getSheetName() + ": " + (print.getPaperSize() == PrintSetup.A4_PAPERSIZE ? "A4" : "other")
                + (print.getLandscape() ? " landscape" : " portrait")
                + (sheet.getFitToPage() ? " fit " + print.getFitWidth() + "x" + print.getFitHeight() : " no fit")
                + " repeat " + (repeated.getFirstRow() + 1) + "-" + (repeated.getLastRow() + 1);
    }
}
