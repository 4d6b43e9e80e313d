package org.hhw.warehouse.report.forms;

import java.util.EnumMap;
import java.util.Map;
import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.hhw.warehouse.report.Measure;

/** The workbook's cell styles, made once (a workbook holds few), and how a report value goes into a cell. */
final class XlsxCells {

    /** What the report shows where the warehouse has no figure: never 0. */
    static final String NO_FIGURE = "—";

    static final String TEXT_FORMAT = "@";

    final CellStyle title;
    final CellStyle subtitle;
    final CellStyle section;
    final CellStyle header;
    final CellStyle note;
    final CellStyle noFigure;
    private final CellStyle text;
    private final Map<Measure, CellStyle> numbers = new EnumMap<>(Measure.class);

    XlsxCells(XSSFWorkbook workbook) {
        title = workbook.createCellStyle();
        title.setFont(font(workbook, 16, true, false));
        title.setAlignment(HorizontalAlignment.CENTER);

        subtitle = workbook.createCellStyle();
        subtitle.setAlignment(HorizontalAlignment.CENTER);

        section = workbook.createCellStyle();
        section.setFont(font(workbook, 12, true, false));

        header = bordered(workbook);
        header.setFont(font(workbook, 11, true, false));
        header.setAlignment(HorizontalAlignment.CENTER);
        header.setVerticalAlignment(VerticalAlignment.CENTER);
        header.setWrapText(true);
        header.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
        header.setFillPattern(FillPatternType.SOLID_FOREGROUND);

        note = workbook.createCellStyle();
        note.setFont(font(workbook, 10, false, true));

        noFigure = bordered(workbook);
        noFigure.setAlignment(HorizontalAlignment.CENTER);
        noFigure.setDataFormat(workbook.createDataFormat().getFormat(TEXT_FORMAT));

        text = bordered(workbook);
        text.setDataFormat(workbook.createDataFormat().getFormat(TEXT_FORMAT));

        for (Measure measure : Measure.values()) {
            CellStyle number = bordered(workbook);
            number.setDataFormat(workbook.createDataFormat().getFormat(numberFormat(measure)));
            numbers.put(measure, number);
        }
    }

    /** How a form shows a number of the measure; WAN_YUAN keeps its exact value underneath two decimals. */
    static String numberFormat(Measure measure) {
        return switch (measure) {
            case COUNT -> "#,##0";
            case YUAN, WAN_YUAN -> "#,##0.00";
            case PERCENT -> "0.00";
            case TEXT -> "General";
        };
    }

    /**
     * A text only ever through {@code setCellValue(String)}: a village typed as =HYPERLINK(…) stays
     * the text it is, never a formula a spreadsheet would run.
     */
    void put(Cell cell, Object value, Measure measure) {
        if (value == null) {
            cell.setCellValue(NO_FIGURE);
            cell.setCellStyle(noFigure);
        } else if (value instanceof Long || value instanceof Integer) {
            cell.setCellValue(((Number) value).longValue());
            cell.setCellStyle(numbers.get(measure));
        } else if (value instanceof Number number) {
            cell.setCellValue(number.doubleValue());
            cell.setCellStyle(numbers.get(measure));
        } else {
            cell.setCellValue(value.toString());
            cell.setCellStyle(text);
        }
    }

    private static CellStyle bordered(XSSFWorkbook workbook) {
        CellStyle style = workbook.createCellStyle();
        style.setBorderTop(BorderStyle.THIN);
        style.setBorderBottom(BorderStyle.THIN);
        style.setBorderLeft(BorderStyle.THIN);
        style.setBorderRight(BorderStyle.THIN);
        style.setVerticalAlignment(VerticalAlignment.CENTER);
        return style;
    }

    private static Font font(XSSFWorkbook workbook, int points, boolean bold, boolean italic) {
        Font font = workbook.createFont();
        font.setFontHeightInPoints((short) points);
        font.setBold(bold);
        font.setItalic(italic);
        return font;
    }
}
