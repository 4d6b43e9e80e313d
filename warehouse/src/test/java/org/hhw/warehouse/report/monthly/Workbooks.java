package org.hhw.warehouse.report.monthly;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/** A report workbook read back with POI, cell by cell. */
final class Workbooks {

    /** What the forms show where the warehouse has no figure. */
    static final String NONE = "—";

    private Workbooks() {}

    /** Read from a stream: a workbook opened on its file may be written back on closing. */
    static XSSFWorkbook open(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return new XSSFWorkbook(in);
        }
    }

    /** "概要!B6 NUMERIC 4.0": every cell of every sheet, its type and value, in the workbook's order. */
    static List<String> contents(Path file) throws IOException {
        List<String> cells = new ArrayList<>();
        try (XSSFWorkbook workbook = open(file)) {
            for (Sheet sheet : workbook) {
                for (Row row : sheet) {
                    for (Cell cell : row) {
                        cells.add(sheet.getSheetName() + "!" + cell.getAddress().formatAsString() + " "
                                + cell.getCellType() + " " + value(cell));
                    }
                }
            }
        }
        return cells;
    }

    /**
     * Each row of the sheet, its number first, then the values of its first {@code columns} cells (a chart's hidden
     * copies beyond them aside): text as String, a number as Double, any other cell as its type; trailing empty cells
     * dropped.
     */
    static List<List<Object>> rows(Sheet sheet, int columns) {
        List<List<Object>> rows = new ArrayList<>();
        for (Row row : sheet) {
            List<Object> values = new ArrayList<>();
            values.add(row.getRowNum() + 1);
            for (int c = 0; c < columns; c++) {
                Cell cell = row.getCell(c);
                values.add(
                        cell == null
                                ? null
                                : switch (cell.getCellType()) {
                                    case STRING -> cell.getStringCellValue();
                                    case NUMERIC -> cell.getNumericCellValue();
                                    default -> cell.getCellType();
                                });
            }
            while (values.size() > 1 && values.get(values.size() - 1) == null) {
                values.remove(values.size() - 1);
            }
            rows.add(values);
        }
        return rows;
    }

    /** An expected row: its number, then its values, whole numbers and decimals alike as the Double a cell holds. */
    static List<Object> row(int number, Object... values) {
        List<Object> row = new ArrayList<>();
        row.add(number);
        Arrays.stream(values)
                .map(v -> v instanceof Number n ? (Object) n.doubleValue() : v)
                .forEach(row::add);
        return row;
    }

    /** The cells of every sheet that hold a formula, by address. */
    static List<String> formulas(Path file) throws IOException {
        List<String> formulas = new ArrayList<>();
        try (XSSFWorkbook workbook = open(file)) {
            for (Sheet sheet : workbook) {
                for (Row row : sheet) {
                    for (Cell cell : row) {
                        if (cell.getCellType() == CellType.FORMULA) {
                            formulas.add(sheet.getSheetName() + "!"
                                    + cell.getAddress().formatAsString());
                        }
                    }
                }
            }
        }
        return formulas;
    }

    private static String value(Cell cell) {
        return switch (cell.getCellType()) {
            case STRING -> cell.getStringCellValue();
            case NUMERIC -> String.valueOf(cell.getNumericCellValue());
            case FORMULA -> cell.getCellFormula();
            case BOOLEAN -> String.valueOf(cell.getBooleanCellValue());
            default -> "";
        };
    }
}
