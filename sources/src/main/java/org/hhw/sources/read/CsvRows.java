package org.hhw.sources.read;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a text export (CSV, or tab- or semicolon-separated text) as a single sheet named after
 * the file. RFC 4180 quoting, parsed leniently the way Excel does: quotes inside an
 * unquoted cell are kept, text after a closing quote is appended. Cells are kept as written.
 */
final class CsvRows extends SheetRows {

    /** Excel's limit for one cell; more means an unclosed quote swallowed the rest of the file. */
    static final int MAX_CELL_CHARS = 32_767;

    private static final int BUFFER_CHARS = 64 * 1024;
    private static final int SAMPLE_CHARS = 64 * 1024;
    private static final char[] DELIMITERS = {',', ';', '\t'};

    private final Reader reader;
    private final String sheetName;
    private final char delimiter;
    private final char[] buffer = new char[BUFFER_CHARS];
    private final StringBuilder cell = new StringBuilder();
    private final List<String> cells = new ArrayList<>();
    private int position;
    private int limit;
    private int line = 1;
    private boolean sheetOpened;

    private CsvRows(Reader reader, String sheetName, char delimiter, int maxColumns) {
        super(maxColumns);
        this.reader = reader;
        this.sheetName = sheetName;
        this.delimiter = delimiter;
    }

    static CsvRows open(Path file, ReadLimits limits, byte[] head) throws IOException {
        if (TextEncoding.isUtf16(head)) {
            throw Rejections.utf16();
        }
        TextEncoding byteOrderMark = TextEncoding.fromByteOrderMark(head);
        rejectNonText(head, byteOrderMark == null ? 0 : byteOrderMark.bomLength());
        TextEncoding encoding = TextEncoding.detect(file, head);
        InputStream in = Files.newInputStream(file);
        try {
            in.skipNBytes(encoding.bomLength());
            BufferedReader reader =
                    new BufferedReader(new InputStreamReader(in, encoding.strictDecoder()), BUFFER_CHARS);
            return new CsvRows(reader, baseName(file), detectDelimiter(reader), limits.maxColumns());
        } catch (IOException | RuntimeException e) {
            in.close();
            throw e;
        }
    }

    /**
     * Control bytes (other than tab, line breaks, form feed and the old DOS end-of-file mark)
     * never occur in a UTF-8 or GB18030 text export; a PDF and an HTML page exported as ".xls"
     * are text-like but no table.
     */
    private static void rejectNonText(byte[] head, int from) {
        for (int i = from; i < head.length; i++) {
            int b = head[i] & 0xFF;
            if (b < 0x20 && b != '\t' && b != '\n' && b != '\r' && b != '\f' && b != 0x1A) {
                throw Rejections.notASpreadsheet();
            }
        }
        int start = from;
        while (start < head.length && Character.isWhitespace(head[start])) {
            start++;
        }
        if (start < head.length && head[start] == '<') {
            throw Rejections.webPage();
        }
        if (head.length - start >= 5 && new String(head, start, 5, StandardCharsets.US_ASCII).equals("%PDF-")) {
            throw Rejections.notASpreadsheet();
        }
    }

    /** The candidate that occurs most often outside quotes in the first lines; comma when in doubt. */
    private static char detectDelimiter(BufferedReader reader) throws IOException {
        char[] sample = new char[SAMPLE_CHARS];
        reader.mark(SAMPLE_CHARS);
        int length = reader.read(sample, 0, SAMPLE_CHARS);
        reader.reset();
        int[] counts = new int[DELIMITERS.length];
        boolean quoted = false;
        for (int i = 0; i < length; i++) {
            char c = sample[i];
            if (c == '"') {
                quoted = !quoted;
            } else if (!quoted) {
                for (int d = 0; d < DELIMITERS.length; d++) {
                    if (c == DELIMITERS[d]) {
                        counts[d]++;
                    }
                }
            }
        }
        int best = 0;
        for (int d = 1; d < DELIMITERS.length; d++) {
            if (counts[d] > counts[best]) {
                best = d;
            }
        }
        return DELIMITERS[best];
    }

    private static String baseName(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }

    @Override
    protected String openNextSheet() {
        if (sheetOpened) {
            return null;
        }
        sheetOpened = true;
        return sheetName;
    }

    @Override
    protected RawRow nextRowOfSheet() throws IOException {
        try {
            return nextRecord();
        } catch (CharacterCodingException e) {
            // the encoding was verified over the whole file before: it changed while being read
            throw Rejections.corrupt(e);
        }
    }

    private RawRow nextRecord() throws IOException {
        if (!fill()) {
            return null;
        }
        int startLine = line;
        cells.clear();
        boolean endOfRecord = false;
        while (!endOfRecord) {
            cell.setLength(0);
            if (fill() && buffer[position] == '"') {
                position++;
                readQuoted(startLine);
            }
            endOfRecord = readUnquoted(startLine);
            cells.add(unwrapFormula(cell));
        }
        return row(startLine, cells);
    }

    /** Reads up to and including the closing quote of a quoted cell. */
    private void readQuoted(int startLine) throws IOException {
        boolean afterCarriageReturn = false;
        while (true) {
            if (!fill()) {
                throw Rejections.unclosedQuote(startLine);
            }
            int start = position;
            while (position < limit && buffer[position] != '"') {
                char c = buffer[position++];
                if (c == '\n' && !afterCarriageReturn || c == '\r') {
                    line++;
                }
                afterCarriageReturn = c == '\r';
            }
            append(start, startLine, true);
            if (position < limit) {
                position++;
                if (!fill() || buffer[position] != '"') {
                    return;
                }
                cell.append('"');
                position++;
                afterCarriageReturn = false;
            }
        }
    }

    /** Reads up to the delimiter or line break that ends the cell; true if it ends the record. */
    private boolean readUnquoted(int startLine) throws IOException {
        while (fill()) {
            int start = position;
            while (position < limit) {
                char c = buffer[position];
                if (c == delimiter || c == '\n' || c == '\r') {
                    break;
                }
                position++;
            }
            append(start, startLine, false);
            if (position < limit) {
                char c = buffer[position++];
                if (c == delimiter) {
                    return false;
                }
                line++;
                if (c == '\r' && fill() && buffer[position] == '\n') {
                    position++;
                }
                return true;
            }
        }
        return true;
    }

    private void append(int start, int startLine, boolean quoted) {
        if (cell.length() + position - start > MAX_CELL_CHARS) {
            throw quoted ? Rejections.unclosedQuote(startLine) : Rejections.cellTooLong(startLine, MAX_CELL_CHARS);
        }
        cell.append(buffer, start, position - start);
    }

    /** Excel's way of keeping leading zeros in a CSV, ="0123", stands for the text 0123. */
    private static String unwrapFormula(StringBuilder cell) {
        int length = cell.length();
        if (length >= 3
                && cell.charAt(0) == '='
                && cell.charAt(1) == '"'
                && cell.charAt(length - 1) == '"'
                && cell.indexOf("\"", 2) == length - 1) {
            return cell.substring(2, length - 1);
        }
        return cell.toString();
    }

    /** Makes sure a character is available at {@code position}; false at the end of the file. */
    private boolean fill() throws IOException {
        if (position < limit) {
            return true;
        }
        int n = reader.read(buffer, 0, buffer.length);
        position = 0;
        limit = Math.max(n, 0);
        return n > 0;
    }

    @Override
    public void close() throws IOException {
        reader.close();
    }
}
