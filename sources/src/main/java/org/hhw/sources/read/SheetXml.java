package org.hhw.sources.read;

import java.io.IOException;
import java.io.InputStream;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Streams the rows of one worksheet part of an xlsx: a scanner of the worksheet's XML bytes
 * that knows only what a sheet's data holds ({@code <row>}, {@code <c>} and a cell's {@code <v>}
 * or inline {@code <is>} text) and skips every other element whole.
 *
 * <p>Why not a general XML parser: parsing the sheet was most of an xlsx ingest's time, and
 * fastexcel (the fastest reader measured, on a StAX parser) spent most of its own on events and
 * objects for every attribute and cell that a spreadsheet's rows never need. Worksheet XML is
 * machine-written, UTF-8 and flat, so the subset is small: tags with or without a namespace
 * prefix, quoted attributes, the five predefined entities and numeric character references,
 * CDATA, comments and processing instructions; line ends read as XML reads them. A document
 * type declaration (the door to entity expansion) is refused, as is anything malformed: the file
 * is then reported corrupt.
 */
final class SheetXml implements AutoCloseable {

    /** The widest sheet Excel makes (XFD); a cell reference beyond it is not a spreadsheet's. */
    private static final int MAX_COLUMN = 16_384;
    /** A token (tag or text) larger than this is not a spreadsheet cell's: Excel caps a cell at 32,767 characters. */
    private static final int MAX_TOKEN_BYTES = 4 << 20;

    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final List<String> CELL_TYPES = List.of("s", "n", "inlineStr", "str", "b", "e", "d");

    private final InputStream in;
    private final Cells cells;
    private byte[] buf = new byte[1 << 16];
    private int pos;
    private int end;
    private boolean eof;
    private boolean started;
    private boolean inSheetData;
    private boolean sheetDataDone;
    private int lastRow;
    private boolean lastRowHidden;
    private final List<Integer> uncalculated = new ArrayList<>();
    private final List<Integer> formulas = new ArrayList<>();
    /** Whether the cell whose value {@link #readCellValue} read last has a formula ({@code <f>}). */
    private boolean cellHasFormula;

    /* The tag last read by nextTag(): its kind, its local name's bytes and where its attributes lie. */
    private static final int START = 1;
    private static final int END = 2;
    private static final int EMPTY = 3;
    private static final int TEXT_EOF = 4;
    private int nameStart;
    private int nameEnd;
    private int attrStart;
    private int attrEnd;
    /* Value ranges (start, end) in the buffer of the attributes r, t, s and hidden of the tag last read. */
    private final int[] r = new int[2];
    private final int[] t = new int[2];
    private final int[] s = new int[2];
    private final int[] hidden = new int[2];

    /** Turns a cell's XML into its text by the conventions of {@link RawRow}. */
    interface Cells {
        /**
         * @param type  the cell's {@code t} attribute, null when absent
         * @param style the cell's {@code s} attribute, -1 when absent
         * @param value the {@code <v>} text (or the inline string's), null when the cell has none
         */
        String text(String type, int style, String value);
    }

    SheetXml(InputStream in, Cells cells) {
        this.in = in;
        this.cells = cells;
    }

    /**
     * Reads the next row into {@code texts} (index = column, blank = ""), its trailing blanks
     * included as the sheet has them.
     *
     * @return the row's 1-based number, or -1 after the last row
     */
    int nextRow(List<String> texts) throws IOException {
        texts.clear();
        uncalculated.clear();
        formulas.clear();
        if (!inSheetData) {
            if (!started) {
                started = true;
                requireUtf8();
            }
            if (sheetDataDone || !skipTo("sheetData")) {
                return -1;
            }
            inSheetData = true;
        }
        while (true) {
            int kind = nextTag();
            if (kind == TEXT_EOF) {
                throw malformed("the sheet data ends without </sheetData>");
            }
            if (kind == END && nameIs("sheetData")) {
                inSheetData = false;
                sheetDataDone = true;
                return -1;
            }
            if (nameIs("row") && kind != END) {
                readAttributes();
                int number = intAttribute(r, "r", lastRow + 1);
                lastRow = number;
                lastRowHidden = hidden[0] >= 0 && (valueIs(hidden, "1") || valueIs(hidden, "true"));
                if (kind == START) {
                    readCells(texts);
                }
                return number;
            }
            if (kind == START) {
                skipElement();
            }
        }
    }

    /** Whether the row last read by {@link #nextRow} is hidden ({@code hidden="1"}). */
    boolean hidden() {
        return lastRowHidden;
    }

    /** The columns of the row last read whose formula was saved without a result ({@code <f>} and no {@code <v>}). */
    List<Integer> uncalculated() {
        return uncalculated;
    }

    /** The columns of the row last read whose cell has a formula ({@code <f>}), with or without a result. */
    List<Integer> formulas() {
        return formulas;
    }

    private void readCells(List<String> texts) throws IOException {
        int column = 0;
        while (true) {
            int kind = nextTag();
            if (kind == TEXT_EOF) {
                throw malformed("a row ends without </row>");
            }
            if (kind == END) {
                if (nameIs("row")) {
                    return;
                }
                throw malformed("unexpected end tag in a row");
            }
            if (!nameIs("c")) {
                if (kind == START) {
                    skipElement();
                }
                continue;
            }
            readAttributes();
            int at = cellColumn(column);
            String type = cellType();
            int style = intAttribute(s, "s", -1);
            String value = null;
            if (kind == START) {
                value = readCellValue(type);
                if (cellHasFormula) {
                    formulas.add(at);
                    if (value == null) {
                        uncalculated.add(at);
                    }
                }
            }
            while (texts.size() <= at) {
                texts.add("");
            }
            texts.set(at, cells.text(type, style, value));
            column = at + 1;
        }
    }

    /**
     * The text of the cell's {@code <v>}, or of its inline string; null when it has neither. Notes
     * in {@link #cellHasFormula} whether the cell has a formula.
     */
    private String readCellValue(String type) throws IOException {
        String value = null;
        cellHasFormula = false;
        while (true) {
            int kind = nextTag();
            if (kind == TEXT_EOF) {
                throw malformed("a cell ends without </c>");
            }
            if (kind == END) {
                if (nameIs("c")) {
                    return value;
                }
                throw malformed("unexpected end tag in a cell");
            }
            if (nameIs("f")) {
                // <f t="shared" si="0"/> is a formula too: the other cells of a shared one
                cellHasFormula = true;
            }
            if (kind == EMPTY) {
                if (nameIs("v")) {
                    // a result that is empty text, not a missing result
                    value = "";
                }
                continue;
            }
            if (nameIs("v")) {
                value = readText("v");
            } else if (nameIs("is") && "inlineStr".equals(type)) {
                value = readInlineString();
            } else {
                skipElement();
            }
        }
    }

    /** An inline string: its {@code <t>} texts, rich-text runs joined, phonetic guides ({@code <rPh>}) left out. */
    private String readInlineString() throws IOException {
        String text = "";
        StringBuilder runs = null;
        while (true) {
            int kind = nextTag();
            if (kind == TEXT_EOF) {
                throw malformed("an inline string ends without </is>");
            }
            if (kind == END) {
                if (nameIs("is")) {
                    return runs == null ? text : runs.toString();
                }
                continue;
            }
            if (kind == START) {
                if (nameIs("t")) {
                    String run = readText("t");
                    if (text.isEmpty() && runs == null) {
                        text = run;
                    } else {
                        if (runs == null) {
                            runs = new StringBuilder(text);
                        }
                        runs.append(run);
                    }
                } else if (nameIs("rPh")) {
                    skipElement();
                }
            }
        }
    }

    /** The character content up to the end tag of the element just started (which must hold text only). */
    private String readText(String element) throws IOException {
        String text = null;
        StringBuilder joined = null;
        while (true) {
            int lt = indexOf((byte) '<', pos);
            while (lt < 0) {
                if (eof) {
                    throw malformed("the file ends inside <" + element + ">");
                }
                fill();
                lt = indexOf((byte) '<', pos);
            }
            String run = decode(pos, lt);
            pos = lt;
            if (startsWith("<![CDATA[")) {
                int close = find("]]>", 9);
                run += new String(buf, pos + 9, close - pos - 9, StandardCharsets.UTF_8);
                pos = close + 3;
            } else if (startsWith("<!--") || startsWith("<?")) {
                skipMarkup();
            } else if (nextTag() != END || !nameIs(element)) {
                throw malformed("<" + element + "> holds an element");
            } else if (joined == null) {
                return text == null ? run : text + run;
            } else {
                return joined.append(run).toString();
            }
            if (text == null) {
                text = run;
            } else {
                if (joined == null) {
                    joined = new StringBuilder(text);
                }
                joined.append(run);
            }
        }
    }

    /**
     * Reads up to and through the next tag, skipping text, comments and processing instructions.
     * Sets the tag's kind, its local name and its attributes' range (valid until the next read).
     */
    private int nextTag() throws IOException {
        while (true) {
            int lt = indexOf((byte) '<', pos);
            while (lt < 0) {
                pos = end;
                if (eof) {
                    return TEXT_EOF;
                }
                fill();
                lt = indexOf((byte) '<', pos);
            }
            pos = lt;
            int gt = indexOf((byte) '>', pos + 1);
            while (gt < 0) {
                if (eof) {
                    throw malformed("the file ends inside a tag");
                }
                fill();
                gt = indexOf((byte) '>', pos + 1);
            }
            byte second = buf[pos + 1];
            if (second == '!' || second == '?') {
                skipMarkup();
                continue;
            }
            int i = pos + 1;
            int kind = START;
            if (second == '/') {
                kind = END;
                i++;
            }
            int name = i;
            nameStart = name;
            while (i < gt && !isSpace(buf[i]) && buf[i] != '/') {
                if (buf[i] == ':') {
                    nameStart = i + 1;
                }
                i++;
            }
            nameEnd = i;
            if (nameStart == nameEnd) {
                throw malformed("a tag without a name");
            }
            attrStart = i;
            attrEnd = gt;
            if (kind == START && buf[gt - 1] == '/') {
                kind = EMPTY;
                attrEnd = gt - 1;
            }
            pos = gt + 1;
            return kind;
        }
    }

    /** Skips a comment, a processing instruction or CDATA outside text; refuses a document type declaration. */
    private void skipMarkup() throws IOException {
        if (startsWith("<!--")) {
            pos = find("-->", 4) + 3;
        } else if (startsWith("<?")) {
            pos = find("?>", 2) + 2;
        } else if (startsWith("<![CDATA[")) {
            pos = find("]]>", 9) + 3;
        } else {
            throw malformed("a document type declaration or unknown markup");
        }
    }

    /** Skips the rest of the element whose start tag was just read, nested elements included. */
    private void skipElement() throws IOException {
        int depth = 1;
        while (depth > 0) {
            int kind = nextTag();
            if (kind == TEXT_EOF) {
                throw malformed("an element is not closed");
            }
            if (kind == START) {
                depth++;
            } else if (kind == END) {
                depth--;
            }
        }
    }

    /**
     * Refuses a sheet in another encoding than UTF-8 (which OOXML allows, UTF-16, and some tools
     * write anyway): read as UTF-8 its text would be garbled, or the sheet seem empty.
     */
    private void requireUtf8() throws IOException {
        while (end - pos < 100 && !eof) {
            fill();
        }
        int available = end - pos;
        if (available >= 2
                && (buf[pos] == (byte) 0xFE && buf[pos + 1] == (byte) 0xFF
                        || buf[pos] == (byte) 0xFF && buf[pos + 1] == (byte) 0xFE)) {
            throw malformed("the sheet is in UTF-16, not UTF-8");
        }
        int from = pos;
        if (available >= 3 && buf[pos] == (byte) 0xEF && buf[pos + 1] == (byte) 0xBB && buf[pos + 2] == (byte) 0xBF) {
            from += 3;
        }
        if (end - from < 5 || !regionIs(from, "<?xml")) {
            return;
        }
        int close = from;
        while (close < end && buf[close] != '>') {
            close++;
        }
        String declaration = new String(buf, from, close - from, StandardCharsets.US_ASCII).toLowerCase(Locale.ROOT);
        int at = declaration.indexOf("encoding");
        if (at >= 0) {
            String rest = declaration.substring(at + "encoding".length()).replaceAll("^\\s*=\\s*[\"']", "");
            if (!rest.startsWith("utf-8") && !rest.startsWith("utf8")) {
                throw malformed("the sheet declares an encoding other than UTF-8: " + declaration);
            }
        }
    }

    /** Skips to the start tag of the element with this local name; false when the document ends first. */
    private boolean skipTo(String element) throws IOException {
        while (true) {
            int kind = nextTag();
            if (kind == TEXT_EOF) {
                return false;
            }
            if (kind == START && nameIs(element)) {
                return true;
            }
            if (kind == EMPTY && nameIs(element)) {
                sheetDataDone = true;
                return false;
            }
        }
    }

    /**
     * Finds the tag's attributes {@code r}, {@code t}, {@code s} and {@code hidden} in one pass (all
     * that rows and cells carry that matters); each one's value range is left in {@link #r},
     * {@link #t}, {@link #s} and {@link #hidden}, start -1 when absent.
     */
    private void readAttributes() throws IOException {
        r[0] = -1;
        t[0] = -1;
        s[0] = -1;
        hidden[0] = -1;
        int i = attrStart;
        while (true) {
            while (i < attrEnd && isSpace(buf[i])) {
                i++;
            }
            if (i >= attrEnd) {
                return;
            }
            int nameFrom = i;
            while (i < attrEnd && buf[i] != '=' && !isSpace(buf[i])) {
                i++;
            }
            int nameLength = i - nameFrom;
            while (i < attrEnd && isSpace(buf[i])) {
                i++;
            }
            if (i >= attrEnd || buf[i] != '=') {
                throw malformed("an attribute without a value");
            }
            i++;
            while (i < attrEnd && isSpace(buf[i])) {
                i++;
            }
            if (i >= attrEnd || buf[i] != '"' && buf[i] != '\'') {
                throw malformed("an attribute value without quotes");
            }
            byte quote = buf[i++];
            int valueFrom = i;
            while (i < attrEnd && buf[i] != quote) {
                i++;
            }
            if (i >= attrEnd) {
                throw malformed("an attribute value without its closing quote");
            }
            int[] range = null;
            if (nameLength == 1) {
                range = switch (buf[nameFrom]) {
                    case 'r' -> r;
                    case 't' -> t;
                    case 's' -> s;
                    default -> null;
                };
            } else if (nameLength == 6 && regionIs(nameFrom, "hidden")) {
                range = hidden;
            }
            if (range != null) {
                range[0] = valueFrom;
                range[1] = i;
            }
            i++;
        }
    }

    /** The 0-based column of the cell just read: from its reference ("AB12"), else the next one. */
    private int cellColumn(int next) throws IOException {
        if (r[0] < 0) {
            return next;
        }
        int column = 0;
        int letters = 0;
        for (int i = r[0]; i < r[1] && letters <= 3; i++, letters++) {
            byte b = buf[i];
            if (b >= 'A' && b <= 'Z') {
                column = column * 26 + (b - 'A' + 1);
            } else if (b >= 'a' && b <= 'z') {
                column = column * 26 + (b - 'a' + 1);
            } else {
                break;
            }
        }
        if (letters == 0 || column > MAX_COLUMN) {
            throw malformed(
                    "a cell reference that is not one: " + new String(buf, r[0], r[1] - r[0], StandardCharsets.UTF_8));
        }
        return column - 1;
    }

    private int intAttribute(int[] range, String name, int absent) throws IOException {
        if (range[0] < 0) {
            return absent;
        }
        if (range[0] == range[1] || range[1] - range[0] > 9) {
            throw malformed("attribute " + name + " is not a number");
        }
        int value = 0;
        for (int i = range[0]; i < range[1]; i++) {
            byte b = buf[i];
            if (b < '0' || b > '9') {
                throw malformed("attribute " + name + " is not a number");
            }
            value = value * 10 + (b - '0');
        }
        return value;
    }

    /** The cell's type attribute ({@code t}): one of the known constants, so no text is made per cell. */
    private String cellType() throws IOException {
        if (t[0] < 0) {
            return null;
        }
        for (String known : CELL_TYPES) {
            if (valueIs(t, known)) {
                return known;
            }
        }
        return decode(t[0], t[1]);
    }

    /** The bytes as text: UTF-8, with entities and character references resolved and line ends as XML reads them. */
    private String decode(int from, int to) throws IOException {
        boolean plain = true;
        for (int i = from; i < to; i++) {
            if (buf[i] == '&' || buf[i] == '\r') {
                plain = false;
                break;
            }
        }
        if (plain) {
            return new String(buf, from, to - from, StandardCharsets.UTF_8);
        }
        String raw = new String(buf, from, to - from, StandardCharsets.UTF_8);
        StringBuilder text = new StringBuilder(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '\r') {
                text.append('\n');
                if (i + 1 < raw.length() && raw.charAt(i + 1) == '\n') {
                    i++;
                }
            } else if (c == '&') {
                int semicolon = raw.indexOf(';', i);
                if (semicolon < 0) {
                    throw malformed("an entity without ';'");
                }
                appendEntity(text, raw.substring(i + 1, semicolon));
                i = semicolon;
            } else {
                text.append(c);
            }
        }
        return text.toString();
    }

    private void appendEntity(StringBuilder text, String entity) throws IOException {
        switch (entity) {
            case "lt" -> text.append('<');
            case "gt" -> text.append('>');
            case "amp" -> text.append('&');
            case "quot" -> text.append('"');
            case "apos" -> text.append('\'');
            default -> {
                int codePoint;
                try {
                    if (entity.startsWith("#x")) {
                        codePoint = Integer.parseInt(entity.substring(2), 16);
                    } else if (entity.startsWith("#")) {
                        codePoint = Integer.parseInt(entity.substring(1));
                    } else {
                        throw malformed("unknown entity &" + entity + ";");
                    }
                } catch (NumberFormatException e) {
                    throw malformed("a character reference that is not a number: &" + entity + ";");
                }
                if (!Character.isValidCodePoint(codePoint)) {
                    throw malformed("a character reference beyond Unicode: &" + entity + ";");
                }
                text.appendCodePoint(codePoint);
            }
        }
    }

    /** Index of the byte from {@code from} on within what is buffered, or -1. */
    private int indexOf(byte b, int from) {
        byte[] bytes = buf;
        int i = from;
        // eight bytes at a time: a byte equal to b becomes zero, and the lowest zero byte is the first match
        long pattern = (b & 0xFFL) * 0x0101010101010101L;
        for (; i + 8 <= end; i += 8) {
            long word = (long) LONGS.get(bytes, i) ^ pattern;
            long zeros = (word - 0x0101010101010101L) & ~word & 0x8080808080808080L;
            if (zeros != 0) {
                return i + (Long.numberOfTrailingZeros(zeros) >>> 3);
            }
        }
        for (; i < end; i++) {
            if (bytes[i] == b) {
                return i;
            }
        }
        return -1;
    }

    /** Where the text next occurs from {@link #pos} + {@code offset} on, reading more as needed. */
    private int find(String text, int offset) throws IOException {
        int i = pos + offset;
        while (true) {
            for (; i + text.length() <= end; i++) {
                if (regionIs(i, text)) {
                    return i;
                }
            }
            if (eof) {
                throw malformed("the file ends before " + text);
            }
            i -= fill();
        }
    }

    /** Whether the unread bytes start with this text, reading more as needed. */
    private boolean startsWith(String text) throws IOException {
        while (end - pos < text.length() && !eof) {
            fill();
        }
        return end - pos >= text.length() && regionIs(pos, text);
    }

    private boolean regionIs(int at, String ascii) {
        for (int k = 0; k < ascii.length(); k++) {
            if (buf[at + k] != ascii.charAt(k)) {
                return false;
            }
        }
        return true;
    }

    private boolean valueIs(int[] range, String ascii) {
        return range[1] - range[0] == ascii.length() && regionIs(range[0], ascii);
    }

    private boolean nameIs(String ascii) {
        return nameEnd - nameStart == ascii.length() && regionIs(nameStart, ascii);
    }

    /**
     * Reads more bytes after the unread ones, which move to the start of the buffer (the buffer
     * grows when they fill it: a token is always read whole). Returns how far they moved.
     */
    private int fill() throws IOException {
        int shift = pos;
        if (shift > 0) {
            System.arraycopy(buf, pos, buf, 0, end - pos);
            end -= pos;
            pos = 0;
        } else if (end == buf.length) {
            if (buf.length >= MAX_TOKEN_BYTES) {
                throw malformed("a tag or a cell's text of more than " + (MAX_TOKEN_BYTES >> 20) + " MB");
            }
            buf = Arrays.copyOf(buf, buf.length * 2);
        }
        int n = in.read(buf, end, buf.length - end);
        if (n < 0) {
            eof = true;
        } else {
            end += n;
        }
        return shift;
    }

    private static boolean isSpace(byte b) {
        return b == ' ' || b == '\n' || b == '\t' || b == '\r';
    }

    private static IOException malformed(String what) {
        return new IOException("malformed worksheet XML: " + what);
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
