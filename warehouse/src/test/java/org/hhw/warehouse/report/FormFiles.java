package org.hhw.warehouse.report;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.graphics.PDXObject;
import org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFChart;
import org.apache.poi.xssf.usermodel.XSSFDrawing;
import org.apache.poi.xssf.usermodel.XSSFSheet;

/** Reading a report's files back as a leader's software would: a workbook's cells and charts, a PDF's fonts. */
public final class FormFiles {

    private FormFiles() {}

    /** "B6 NUMERIC 120.0 #,##0": a cell's place, type, value and, but for headings and headers, its format. */
    public static List<String> cells(Sheet sheet) {
        List<String> cells = new ArrayList<>();
        for (Row row : sheet) {
            for (Cell cell : row) {
                String value = cell.getCellType() == CellType.NUMERIC
                        ? String.valueOf(cell.getNumericCellValue())
                        : cell.getStringCellValue();
                String format = cell.getCellStyle().getDataFormatString();
                cells.add(cell.getAddress().formatAsString() + " " + cell.getCellType() + " " + value
                        + ("General".equals(format) ? "" : " " + format));
            }
        }
        return cells;
    }

    public static List<XSSFChart> charts(Sheet sheet) {
        XSSFDrawing drawing = ((XSSFSheet) sheet).getDrawingPatriarch();
        return drawing == null ? List.of() : drawing.getCharts();
    }

    /** The fonts of every page, those of the forms (the charts) drawn on them included. */
    public static List<PDFont> fonts(PDDocument document) throws IOException {
        List<PDFont> fonts = new ArrayList<>();
        for (PDPage page : document.getPages()) {
            collect(page.getResources(), fonts);
        }
        return fonts;
    }

    private static void collect(PDResources resources, List<PDFont> fonts) throws IOException {
        if (resources == null) {
            return;
        }
        for (var name : resources.getFontNames()) {
            fonts.add(resources.getFont(name));
        }
        for (var name : resources.getXObjectNames()) {
            PDXObject object = resources.getXObject(name);
            if (object instanceof PDFormXObject form) {
                collect(form.getResources(), fonts);
            }
        }
    }
}
