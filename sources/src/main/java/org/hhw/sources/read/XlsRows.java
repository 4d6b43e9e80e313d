package org.hhw.sources.read;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.poi.EncryptedDocumentException;
import org.apache.poi.hssf.OldExcelFormatException;
import org.apache.poi.hssf.usermodel.HSSFCell;
import org.apache.poi.hssf.usermodel.HSSFCellStyle;
import org.apache.poi.hssf.usermodel.HSSFRow;
import org.apache.poi.hssf.usermodel.HSSFSheet;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.poifs.filesystem.DirectoryNode;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.FormulaError;
import org.apache.poi.ss.usermodel.Row;

/**
 * Reads a legacy BIFF8 .xls with POI HSSF. The whole workbook is loaded, which is fine: the
 * format holds at most 65,536 rows a sheet and the file size is bounded by {@link ReadLimits}.
 * Also recognises the other things a compound (OLE2) file can be: a password-protected xlsx, an
 * encrypted xls, an Excel 95 book, or no spreadsheet at all (a .doc).
 */
final class XlsRows extends SheetRows {

    private final POIFSFileSystem fileSystem;
    private final HSSFWorkbook workbook;
    private final CellText cellText;
    private final List<String> cells = new ArrayList<>();
    private final List<Integer> formulas = new ArrayList<>();
    private int nextSheet;
    private Iterator<Row> rows;

    private XlsRows(POIFSFileSystem fileSystem, HSSFWorkbook workbook, int maxColumns) {
        super(maxColumns);
        this.fileSystem = fileSystem;
        this.workbook = workbook;
        this.cellText = new CellText(workbook.getInternalWorkbook().isUsing1904DateWindowing());
    }

    static XlsRows open(Path file, ReadLimits limits) throws IOException {
        POIFSFileSystem fileSystem;
        try {
            fileSystem = new POIFSFileSystem(file.toFile(), true);
        } catch (IOException | RuntimeException e) {
            throw Rejections.corrupt(e);
        }
        try {
            DirectoryNode root = fileSystem.getRoot();
            if (root.hasEntryCaseInsensitive("EncryptionInfo") || root.hasEntryCaseInsensitive("EncryptedPackage")) {
                throw Rejections.encrypted();
            }
            if (!root.hasEntryCaseInsensitive("Workbook") && !root.hasEntryCaseInsensitive("Book")) {
                throw Rejections.notASpreadsheet();
            }
            return new XlsRows(fileSystem, new HSSFWorkbook(root, false), limits.maxColumns());
        } catch (EncryptedDocumentException e) {
            fileSystem.close();
            throw Rejections.encrypted();
        } catch (OldExcelFormatException e) {
            fileSystem.close();
            throw Rejections.oldExcelFormat();
        } catch (UnusableFileException e) {
            fileSystem.close();
            throw e;
        } catch (IOException | RuntimeException e) {
            fileSystem.close();
            throw Rejections.corrupt(e);
        }
    }

    @Override
    protected String openNextSheet() {
        while (nextSheet < workbook.getNumberOfSheets()) {
            int index = nextSheet++;
            HSSFSheet sheet = workbook.getSheetAt(index);
            if (workbook.isSheetHidden(index) || workbook.isSheetVeryHidden(index)) {
                skipHidden(sheet.getSheetName());
                continue;
            }
            rows = sheet.rowIterator();
            return sheet.getSheetName();
        }
        return null;
    }

    @Override
    protected RawRow nextRowOfSheet() {
        if (!rows.hasNext()) {
            return null;
        }
        HSSFRow row = (HSSFRow) rows.next();
        cells.clear();
        formulas.clear();
        for (int i = 0; i < row.getLastCellNum(); i++) {
            HSSFCell cell = row.getCell(i);
            cells.add(text(cell));
            if (cell != null && cell.getCellType() == CellType.FORMULA) {
                formulas.add(i);
            }
        }
        return row(row.getRowNum() + 1, cells, row.getZeroHeight(), List.of(), formulas);
    }

    private String text(HSSFCell cell) {
        if (cell == null) {
            return "";
        }
        CellType type = cell.getCellType();
        if (type == CellType.FORMULA) {
            type = cell.getCachedFormulaResultType();
        }
        switch (type) {
            case STRING:
                return cell.getRichStringCellValue().getString();
            case NUMERIC:
                HSSFCellStyle style = cell.getCellStyle();
                return cellText.numeric(
                        BigDecimal.valueOf(cell.getNumericCellValue()),
                        (int) style.getDataFormat(),
                        style.getDataFormatString());
            case BOOLEAN:
                return CellText.bool(cell.getBooleanCellValue());
            case ERROR:
                byte code = cell.getErrorCellValue();
                return FormulaError.isValidCode(code)
                        ? FormulaError.forInt(code).getString()
                        : "#ERROR";
            default:
                return "";
        }
    }

    @Override
    public void close() throws IOException {
        try {
            workbook.close();
        } finally {
            fileSystem.close();
        }
    }
}
