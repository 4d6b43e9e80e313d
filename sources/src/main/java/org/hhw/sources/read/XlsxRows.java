package org.hhw.sources.read;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.ReadingOptions;
import org.dhatim.fastexcel.reader.Sheet;
import org.dhatim.fastexcel.reader.SheetVisibility;

/**
 * Streams an xlsx one sheet at a time. fastexcel reads the workbook's description (its sheets, their
 * visibility, the date system and the cells' number formats); the sheets' rows are scanned by
 * {@link SheetXml}, which is several times faster than fastexcel's row parsing. Every failure
 * comes from the content of the file (XML, zip or number syntax), so it is reported as a corrupt file.
 */
final class XlsxRows extends SheetRows {

    /** Cell formats are needed to recognise dates. */
    private static final ReadingOptions OPTIONS = new ReadingOptions(true, true);

    private final ReadableWorkbook workbook;
    private final ZipFile zip;
    private final XlsxPackageCheck guard;
    private final XlsxParts.Relationships relationships;
    private final List<String> sharedStrings;
    private final List<String> formatIds;
    private final Map<String, String> formats;
    private final Iterator<Sheet> sheets;
    private final CellText cellText;
    private final List<String> cells = new ArrayList<>();
    private SheetXml sheet;

    private XlsxRows(ReadableWorkbook workbook, ZipFile zip, XlsxPackageCheck guard, int maxColumns)
            throws IOException {
        super(maxColumns);
        this.workbook = workbook;
        this.zip = zip;
        this.guard = guard;
        this.relationships = XlsxParts.relationships(zip);
        this.sharedStrings = XlsxParts.sharedStrings(zip, relationships.sharedStrings());
        this.formatIds = workbook.getFormats();
        this.formats = workbook.getNumFmtIdToFormat();
        this.sheets = workbook.getSheets().iterator();
        this.cellText = new CellText(workbook.isDate1904());
    }

    static XlsxRows open(Path file, ReadLimits limits) {
        XlsxPackageCheck guard = XlsxPackageCheck.check(file, limits);
        ReadableWorkbook workbook = null;
        ZipFile zip = null;
        try {
            workbook = new ReadableWorkbook(file.toFile(), OPTIONS);
            zip = new ZipFile(file.toFile());
            return new XlsxRows(workbook, zip, guard, limits.maxColumns());
        } catch (IOException | RuntimeException e) {
            closeQuietly(workbook, e);
            closeQuietly(zip, e);
            throw Rejections.corrupt(e);
        }
    }

    @Override
    protected String openNextSheet() {
        closeSheet();
        while (sheets.hasNext()) {
            Sheet next = sheets.next();
            if (next.getVisibility() != SheetVisibility.VISIBLE) {
                skipHidden(next.getName());
                continue;
            }
            try {
                String part = relationships.partsById().get(next.getId());
                ZipEntry entry = part == null ? null : zip.getEntry(part);
                if (entry == null) {
                    throw new IOException("sheet " + next.getName() + " has no part in the package");
                }
                sheet = new SheetXml(guard.open(zip, entry), this::text);
            } catch (IOException | RuntimeException e) {
                throw Rejections.corrupt(e);
            }
            return next.getName();
        }
        return null;
    }

    @Override
    protected RawRow nextRowOfSheet() {
        int rowNumber;
        try {
            rowNumber = sheet.nextRow(cells);
        } catch (UnusableFileException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw Rejections.corrupt(e);
        }
        if (rowNumber < 0) {
            closeSheet();
            return null;
        }
        return row(rowNumber, cells, sheet.hidden(), sheet.uncalculated(), sheet.formulas());
    }

    /** A cell's text by the conventions of {@link RawRow}; a formula cell's value is its cached result, if any. */
    private String text(String type, int style, String value) {
        if (value == null) {
            return "";
        }
        if (type == null || type.equals("n")) {
            BigDecimal number = number(value);
            if (number == null) {
                return value;
            }
            String formatId = style >= 0 && style < formatIds.size() ? formatIds.get(style) : null;
            return formatId == null
                    ? CellText.number(number)
                    : cellText.numeric(number, Integer.valueOf(formatId), formats.get(formatId));
        }
        return switch (type) {
            case "s" -> sharedString(value);
            case "b" -> "1".equals(value) ? CellText.bool(true) : "0".equals(value) ? CellText.bool(false) : value;
            case "d" -> isoDate(value);
            default -> value;
        };
    }

    private String sharedString(String index) {
        if (index.isEmpty()) {
            return "";
        }
        int at;
        try {
            at = Integer.parseInt(index.trim());
        } catch (NumberFormatException e) {
            throw new IllegalStateException("a shared string index that is not a number: " + index, e);
        }
        if (at < 0 || at >= sharedStrings.size()) {
            throw new IllegalStateException("shared string " + at + " is not in the table of " + sharedStrings.size());
        }
        return sharedStrings.get(at);
    }

    /** A number cell's value, or null when its text is not a number (it is then given as written). */
    private static BigDecimal number(String value) {
        try {
            return new BigDecimal(value);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** An ISO 8601 date cell ({@code t="d"}, written by some programs instead of a serial number). */
    static String isoDate(String value) {
        try {
            if (value.length() <= 10) {
                return LocalDate.parse(value).toString();
            }
            LocalDateTime time =
                    LocalDateTime.parse(value.endsWith("Z") ? value.substring(0, value.length() - 1) : value);
            return CellText.date(time);
        } catch (DateTimeParseException e) {
            return value;
        }
    }

    private void closeSheet() {
        if (sheet != null) {
            try {
                sheet.close();
            } catch (IOException e) {
                // the sheet has been read (or has already failed): a failing close changes nothing
            } finally {
                sheet = null;
            }
        }
    }

    @Override
    public void close() throws IOException {
        closeSheet();
        try {
            zip.close();
        } finally {
            workbook.close();
        }
    }

    private static void closeQuietly(AutoCloseable resource, Exception failure) {
        if (resource != null) {
            try {
                resource.close();
            } catch (Exception e) {
                failure.addSuppressed(e);
            }
        }
    }
}
