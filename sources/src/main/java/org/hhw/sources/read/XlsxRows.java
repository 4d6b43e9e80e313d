package org.hhw.sources.read;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Stream;
import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.ReadingOptions;
import org.dhatim.fastexcel.reader.Row;
import org.dhatim.fastexcel.reader.Sheet;
import org.dhatim.fastexcel.reader.SheetVisibility;

/**
 * Streams an xlsx with fastexcel, one sheet at a time. Every exception fastexcel throws comes
 * from the content of the file (XML, zip or number syntax), so it is reported as a corrupt file.
 */
final class XlsxRows extends SheetRows {

    /** Cell formats are needed to recognise dates; a malformed number becomes an error cell, not a failure. */
    private static final ReadingOptions OPTIONS = new ReadingOptions(true, true);

    private final ReadableWorkbook workbook;
    private final Iterator<Sheet> sheets;
    private final CellText cellText;
    private final List<String> cells = new ArrayList<>();
    private Stream<Row> rowStream;
    private Iterator<Row> rows;

    private XlsxRows(ReadableWorkbook workbook, int maxColumns) {
        super(maxColumns);
        this.workbook = workbook;
        this.sheets = workbook.getSheets().iterator();
        this.cellText = new CellText(workbook.isDate1904());
    }

    static XlsxRows open(Path file, ReadLimits limits) {
        XlsxPackageCheck.check(file, limits);
        ReadableWorkbook workbook = null;
        try {
            workbook = new ReadableWorkbook(file.toFile(), OPTIONS);
            return new XlsxRows(workbook, limits.maxColumns());
        } catch (IOException | RuntimeException e) {
            closeQuietly(workbook, e);
            throw Rejections.corrupt(e);
        }
    }

    @Override
    protected String openNextSheet() {
        closeSheet();
        while (sheets.hasNext()) {
            Sheet sheet = sheets.next();
            if (sheet.getVisibility() != SheetVisibility.VISIBLE) {
                skipHidden(sheet.getName());
                continue;
            }
            try {
                rowStream = sheet.openStream();
                rows = rowStream.iterator();
            } catch (IOException | RuntimeException e) {
                throw Rejections.corrupt(e);
            }
            return sheet.getName();
        }
        return null;
    }

    @Override
    protected RawRow nextRowOfSheet() {
        Row row;
        try {
            if (!rows.hasNext()) {
                closeSheet();
                return null;
            }
            row = rows.next();
        } catch (RuntimeException e) {
            throw Rejections.corrupt(e);
        }
        cells.clear();
        for (int i = 0; i < row.getCellCount(); i++) {
            cells.add(text(row.getCell(i)));
        }
        return row(row.getRowNum(), cells);
    }

    private String text(Cell cell) {
        if (cell == null) {
            return "";
        }
        Object value = cell.getValue();
        switch (cell.getType()) {
            case NUMBER:
            case FORMULA:
                // a formula's value has the type of its cached result
                if (value instanceof BigDecimal number) {
                    return cellText.numeric(number, cell.getDataFormatId(), cell.getDataFormatString());
                }
                if (value instanceof Boolean bool) {
                    return CellText.bool(bool);
                }
                return value == null ? "" : value.toString();
            case BOOLEAN:
                return value == null ? "" : CellText.bool((Boolean) value);
            case ERROR:
                return cell.getRawValue() == null ? "" : cell.getRawValue();
            case STRING:
                return value == null ? "" : (String) value;
            default:
                return "";
        }
    }

    private void closeSheet() {
        if (rowStream != null) {
            try {
                rowStream.close();
            } catch (UncheckedIOException e) {
                // the sheet has been read (or has already failed): a failing close changes nothing
            } finally {
                rowStream = null;
                rows = null;
            }
        }
    }

    @Override
    public void close() throws IOException {
        closeSheet();
        workbook.close();
    }

    private static void closeQuietly(ReadableWorkbook workbook, Exception failure) {
        if (workbook != null) {
            try {
                workbook.close();
            } catch (IOException e) {
                failure.addSuppressed(e);
            }
        }
    }
}
