package org.hhw.sources.table;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.hhw.sources.clean.Text;
import org.hhw.sources.contract.Contract;
import org.hhw.sources.contract.Field;
import org.hhw.sources.contract.FieldType;
import org.hhw.sources.read.RawRow;
import org.hhw.sources.read.RowStream;
import org.hhw.sources.read.UnusableFileException;

/**
 * Turns the raw rows of a file into the rows of its tables, sheet by sheet: finds the header below
 * any title and 填报单位 lines (one row, or two rows under merged parent cells), maps its columns to
 * the contract's fields by their header variants, and tells data rows from subtotals, blank rows,
 * repeated headers and footers.
 *
 * <p>A subtotal is told by what it holds, not by how it is labelled: its amounts are formulas, or a
 * short cell names it (玉泉镇小计, 本页合计, 其中：…), and its identity columns (the contract's
 * person_name and resident_id fields) hold no person. A row that names a person is data, whatever
 * else it holds, so that no record is ever counted away as a subtotal.
 *
 * <p>Rows above a header are a sheet's preamble and are not counted as rows read. A sheet where no
 * header is found is skipped and listed; a header that lacks a required column makes the whole file
 * unusable, since loading part of a file would silently lose the rest.
 */
public final class TableReader implements AutoCloseable {

    /** How far down a sheet the header is looked for. */
    static final int HEADER_SCAN_ROWS = 20;
    /** A row is a header when it names at least this many of the contract's fields. */
    static final int MIN_HEADER_FIELDS = 3;

    private static final List<String> TOTAL_MARKERS = List.of("合计", "小计", "总计", "共计");
    /** Labels of subtotal rows: a total marker, or 其中 for the breakdown lines under a total. */
    private static final List<String> TOTAL_LABEL_WORDS = List.of("合计", "小计", "总计", "共计", "其中");
    /**
     * A cell this short (after spaces are removed) that contains a total label word is a label:
     * 玉泉镇小计, 本页合计, 其中：脱贫户. Longer text mentioning one is a remark, unless it starts with one.
     */
    private static final int MAX_TOTAL_LABEL = 16;
    /** An identity cell with this many digits holds someone's ID number, however mistyped or destroyed. */
    private static final int MIN_ID_DIGITS = 6;
    /** A name column holding a place (玉泉镇, 南河堡村) labels a subtotal of that place. */
    private static final String PLACE_SUFFIXES = "镇乡村县区";

    private static final List<String> FOOTER_MARKERS = List.of(
            "制表人", "制表", "审核人", "审核", "填表人", "填报人", "负责人", "单位盖章", "盖章", "(盖章)", "填报说明", "填表说明", "说明:", "备注:", "制表日期",
            "填表日期");
    /**
     * Every total and footer marker contains one of these: a cell without any cannot start a
     * marker, so data cells are normalised only when they contain one.
     */
    private static final String MARKER_CHARS = "计制审填负盖说备其";

    private final RowStream rows;
    private final Contract contract;
    private final Map<String, Integer> fieldBySynonym = new HashMap<>();
    /** Header variants that count only under a merged parent ("报销金额/其他"), by parent + "/" + child. */
    private final Map<String, Integer> fieldByParentAndChild = new HashMap<>();

    private final Set<String> ignored = new LinkedHashSet<>();

    private final Deque<RawRow> pending = new ArrayDeque<>();
    private RawRow lookahead;
    private boolean exhausted;

    private final List<SheetHeader> headers = new ArrayList<>();
    private final List<String> sheetsWithoutTable = new ArrayList<>();
    private SheetHeader current;
    private int currentHeaderScore;
    /** How many fields the header's first row names alone: a repeat of that row names as many. */
    private int firstRowScore;
    /** The leftmost column the header's first row maps, and its field (-1: none). */
    private int sentinelColumn;

    private int sentinelField;
    /** The current header's columns of the contract's money fields, and of its person_name and resident_id fields. */
    private int[] amountColumns;

    private int[] nameColumns;
    private int[] idColumns;
    /** A repeat of a two-row header's first row, just read: the next row may be its second row. */
    private RawRow repeatedFirstRow;

    private boolean inFooter;
    private int lastRowNumber;
    private RawRow deferred;
    private int sheetsSeen;
    private boolean sawContent;

    public TableReader(RowStream rows, Contract contract) {
        this.rows = rows;
        this.contract = contract;
        List<Field> fields = contract.fields();
        for (int i = 0; i < fields.size(); i++) {
            for (String h : fields.get(i).headers()) {
                int slash = h.lastIndexOf('/');
                if (slash < 0) {
                    fieldBySynonym.putIfAbsent(Text.normalizeHeader(h), i);
                } else {
                    fieldByParentAndChild.putIfAbsent(parentAndChild(h.substring(0, slash), h.substring(slash + 1)), i);
                }
            }
        }
        for (String h : contract.ignoreHeaders()) {
            ignored.add(Text.normalizeHeader(h));
        }
    }

    /**
     * The next row of a table, or null at the end of the file.
     *
     * @throws UnusableFileException when a header lacks required columns, or no sheet has a table
     */
    public SheetRow next() throws IOException {
        if (deferred != null) {
            RawRow row = deferred;
            deferred = null;
            return emit(row);
        }
        while (true) {
            if (current != null && !pending.isEmpty()) {
                return emit(pending.poll());
            }
            RawRow row = pull();
            if (row == null) {
                if (headers.isEmpty()) {
                    throw noTable();
                }
                return null;
            }
            if (current != null && row.sheet().equals(current.sheet())) {
                return emit(row);
            }
            startSheet(row);
        }
    }

    /** The headers of the sheets read so far, in order. */
    public List<SheetHeader> headers() {
        return List.copyOf(headers);
    }

    /** Sheets with rows but no recognisable header, skipped. */
    public List<String> sheetsWithoutTable() {
        return List.copyOf(sheetsWithoutTable);
    }

    public RowStream rowStream() {
        return rows;
    }

    @Override
    public void close() throws IOException {
        rows.close();
    }

    private RawRow pull() throws IOException {
        if (lookahead != null) {
            RawRow r = lookahead;
            lookahead = null;
            return r;
        }
        if (exhausted) {
            return null;
        }
        RawRow r = rows.next();
        if (r == null) {
            exhausted = true;
        }
        return r;
    }

    /** Buffers the top of a new sheet, finds its header and queues the rows below it. */
    private void startSheet(RawRow first) throws IOException {
        current = null;
        inFooter = false;
        List<RawRow> top = new ArrayList<>();
        top.add(first);
        while (top.size() < HEADER_SCAN_ROWS) {
            RawRow r = pull();
            if (r == null) {
                break;
            }
            if (!r.sheet().equals(first.sheet())) {
                lookahead = r;
                break;
            }
            top.add(r);
        }
        if (top.stream().anyMatch(r -> !blank(r))) {
            sawContent = true;
        }
        Candidate[] singles = new Candidate[top.size()];
        for (int i = 0; i < top.size(); i++) {
            singles[i] = candidate(top, i, 1);
        }
        Candidate best = null;
        for (int i = 0; i < top.size(); i++) {
            if (best == null || singles[i].score > best.score) {
                best = singles[i];
            }
            // A second header row counts only when it names fields neither row names alone, so a
            // 填报单位 line above a one-row header never joins it.
            if (i + 1 < top.size()) {
                Candidate pair = candidate(top, i, 2);
                if (pair.score > best.score && pair.score > singles[i + 1].score) {
                    best = pair;
                }
            }
        }
        if (best == null || best.score < MIN_HEADER_FIELDS) {
            sheetsWithoutTable.add(first.sheet());
            skipRestOfSheet(first.sheet());
            return;
        }
        List<String> missing = missingRequired(best);
        if (!missing.isEmpty()) {
            throw new UnusableFileException(
                    UnusableFileException.Code.COLUMNS_MISSING,
                    "工作表“" + first.sheet() + "”缺少必需的列：" + String.join("；", missing) + "。请在表头补上这些列（可用括号中的任一写法）后重新发送。");
        }
        int lastHeader = best.start + best.height - 1;
        List<String> preamble = new ArrayList<>();
        for (int i = 0; i < best.start; i++) {
            String text = top.get(i).cells().stream()
                    .filter(c -> !Text.isBlank(c))
                    .map(Text::normalize)
                    .collect(Collectors.joining(" "));
            if (!text.isEmpty()) {
                preamble.add(text);
            }
        }
        current = new SheetHeader(
                first.sheet(),
                sheetsSeen++,
                top.get(best.start).rowNumber(),
                top.get(lastHeader).rowNumber(),
                best.fieldHeaders,
                best.columns,
                best.tenThousand,
                best.unknown,
                List.copyOf(preamble));
        currentHeaderScore = best.score;
        Candidate firstRow = singles[best.start];
        firstRowScore = firstRow.score;
        sentinelColumn = -1;
        sentinelField = -1;
        for (int f = 0; f < firstRow.columns.length; f++) {
            int col = firstRow.columns[f];
            if (col >= 0 && (sentinelColumn < 0 || col < sentinelColumn)) {
                sentinelColumn = col;
                sentinelField = f;
            }
        }
        amountColumns = columnsOf(best.columns, FieldType.MONEY);
        nameColumns = columnsOf(best.columns, FieldType.PERSON_NAME);
        idColumns = columnsOf(best.columns, FieldType.RESIDENT_ID);
        repeatedFirstRow = null;
        lastRowNumber = current.lastHeaderRow();
        headers.add(current);
        pending.clear();
        pending.addAll(top.subList(lastHeader + 1, top.size()));
    }

    /** The mapped columns of the contract's fields of this type. */
    private int[] columnsOf(int[] fieldColumns, FieldType type) {
        List<Field> fields = contract.fields();
        return IntStream.range(0, fields.size())
                .filter(i -> fields.get(i).type() == type && fieldColumns[i] >= 0)
                .map(i -> fieldColumns[i])
                .toArray();
    }

    private void skipRestOfSheet(String sheet) throws IOException {
        RawRow r;
        while ((r = pull()) != null) {
            if (!r.sheet().equals(sheet)) {
                lookahead = r;
                return;
            }
            if (!blank(r)) {
                sawContent = true;
            }
        }
    }

    private UnusableFileException noTable() {
        if (!sawContent) {
            return new UnusableFileException(
                    UnusableFileException.Code.EMPTY, "文件中没有任何数据（所有工作表都是空的或隐藏的）。请确认发送的是填好的" + contract.label() + "。");
        }
        String expected =
                contract.requiredFields().stream().map(TableReader::describe).collect(Collectors.joining("；"));
        return new UnusableFileException(
                UnusableFileException.Code.COLUMNS_MISSING,
                "在文件的各工作表前" + HEADER_SCAN_ROWS + "行内找不到" + contract.label() + "的表头。表头至少应包含这些列：" + expected
                        + "。请检查是否发错了文件，或表头写法是否有误。");
    }

    private List<String> missingRequired(Candidate c) {
        List<String> missing = new ArrayList<>();
        List<Field> fields = contract.fields();
        for (int i = 0; i < fields.size(); i++) {
            if (fields.get(i).required() && !fields.get(i).fromTitle() && c.fieldHeaders[i] == null) {
                missing.add(describe(fields.get(i)));
            }
        }
        return missing;
    }

    private static String describe(Field f) {
        return f.label() + "（" + String.join("、", f.headers()) + "）";
    }

    /**
     * The row, or first the blank rows before it: readers skip rows without content, so a gap in
     * the row numbers is blank rows, which are counted like any other non-data row.
     */
    private SheetRow emit(RawRow row) {
        if (row.rowNumber() > lastRowNumber + 1) {
            deferred = row;
            lastRowNumber++;
            return new NonDataRow(current.sheetIndex(), row.sheet(), lastRowNumber, NonDataRow.Kind.BLANK);
        }
        lastRowNumber = row.rowNumber();
        return classify(row);
    }

    private SheetRow classify(RawRow row) {
        NonDataRow.Kind kind = nonDataKind(row);
        if (kind != null) {
            return new NonDataRow(current.sheetIndex(), row.sheet(), row.rowNumber(), kind);
        }
        String[] raw = new String[contract.fields().size()];
        int[] columns = current.fieldColumns();
        for (int i = 0; i < raw.length; i++) {
            raw[i] = columns[i] < 0 ? null : row.cell(columns[i]);
        }
        return new DataRow(
                current.sheetIndex(),
                row.sheet(),
                row.rowNumber(),
                raw,
                current,
                row.hidden(),
                uncalculatedFields(row, columns));
    }

    private static Set<Integer> uncalculatedFields(RawRow row, int[] columns) {
        if (row.uncalculated().isEmpty()) {
            // nearly every row: no set is made for it
            return Set.of();
        }
        Set<Integer> fields = new HashSet<>();
        for (int i = 0; i < columns.length; i++) {
            if (row.uncalculated().contains(columns[i])) {
                fields.add(i);
            }
        }
        return Set.copyOf(fields);
    }

    private NonDataRow.Kind nonDataKind(RawRow row) {
        RawRow firstRowBefore = repeatedFirstRow;
        repeatedFirstRow = null;
        if (blank(row)) {
            return NonDataRow.Kind.BLANK;
        }
        if (inFooter) {
            return NonDataRow.Kind.FOOTER;
        }
        // Before the markers: a header may well have a column such as 小计.
        if (repeatsHeader(row, firstRowBefore)) {
            return NonDataRow.Kind.HEADER;
        }
        boolean labelled = false;
        for (String cell : row.cells()) {
            if (!mayHoldMarker(cell)) {
                continue;
            }
            String c = Text.normalizeHeader(cell);
            if (isTotalLabel(c)) {
                labelled = true;
                break;
            }
            if (FOOTER_MARKERS.stream().anyMatch(c::startsWith)) {
                inFooter = true;
                return NonDataRow.Kind.FOOTER;
            }
        }
        if ((labelled || sumsAmounts(row)) && !namesAPerson(row)) {
            return NonDataRow.Kind.TOTAL;
        }
        return null;
    }

    /** Whether the (normalised) cell labels a total: it starts with a total marker, or is short and names one. */
    private static boolean isTotalLabel(String cell) {
        if (TOTAL_MARKERS.stream().anyMatch(cell::startsWith)) {
            return true;
        }
        return cell.length() <= MAX_TOTAL_LABEL && TOTAL_LABEL_WORDS.stream().anyMatch(cell::contains);
    }

    /** Whether an amount cell is a formula: a record's amounts are typed, a subtotal's are summed. */
    private boolean sumsAmounts(RawRow row) {
        if (row.formulas().isEmpty()) {
            return false;
        }
        for (int col : amountColumns) {
            if (row.formulas().contains(col)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether the identity columns hold a person: an ID number (any cell with some digits, so that a
     * mistyped or destroyed ID is still a row the clerk is told about), or a name: letters without
     * digits (not a count such as 12人, nor a placeholder such as "/") that are no label and no place.
     */
    private boolean namesAPerson(RawRow row) {
        for (int col : idColumns) {
            if (row.cell(col).chars().filter(Character::isDigit).count() >= MIN_ID_DIGITS) {
                return true;
            }
        }
        for (int col : nameColumns) {
            String name = Text.compact(row.cell(col));
            if (name.chars().anyMatch(Character::isLetter)
                    && name.chars().noneMatch(Character::isDigit)
                    && !isTotalLabel(Text.normalizeHeader(name))
                    && PLACE_SUFFIXES.indexOf(name.charAt(name.length() - 1)) < 0) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether the row repeats the header (page-break copies, tables pasted one below the other),
     * in any of the header variants. Scoring a row is costly, so only a row naming the sentinel
     * column's field in that column is scored.
     */
    private boolean repeatsHeader(RawRow row, RawRow firstRowBefore) {
        if (firstRowBefore != null
                && firstRowBefore.rowNumber() + 1 == row.rowNumber()
                && candidate(List.of(firstRowBefore, row), 0, 2).score >= currentHeaderScore) {
            return true;
        }
        if (sentinelColumn < 0) {
            return false;
        }
        Integer named = lookup(row.cell(sentinelColumn));
        if (named == null || named != sentinelField || candidate(List.of(row), 0, 1).score < firstRowScore) {
            return false;
        }
        if (current.lastHeaderRow() > current.firstHeaderRow()) {
            repeatedFirstRow = row;
        }
        return true;
    }

    private static boolean mayHoldMarker(String cell) {
        for (int i = 0; i < cell.length(); i++) {
            if (MARKER_CHARS.indexOf(cell.charAt(i)) >= 0) {
                return true;
            }
        }
        return false;
    }

    /** Blank by {@link Text#isBlank}: a cell of non-breaking spaces holds nothing either. */
    private static boolean blank(RawRow row) {
        for (String cell : row.cells()) {
            if (!Text.isBlank(cell)) {
                return false;
            }
        }
        return true;
    }

    /** A header hypothesis: {@code height} rows starting at {@code start}. */
    private Candidate candidate(List<RawRow> top, int start, int height) {
        RawRow parent = top.get(start);
        RawRow child = height == 2 ? top.get(start + 1) : null;
        int width = Math.max(
                parent.cells().size(), child == null ? 0 : child.cells().size());
        int n = contract.fields().size();
        Candidate c = new Candidate(start, height, n);
        String spanningParent = "";
        for (int col = 0; col < width; col++) {
            String p = parent.cell(col);
            if (!Text.isBlank(p)) {
                spanningParent = p;
            }
            String written;
            Integer field;
            boolean tenThousand;
            String ch = child == null ? "" : child.cell(col);
            if (Text.isBlank(ch)) {
                written = p;
                field = lookup(p);
                tenThousand = Text.mentionsTenThousandYuan(p);
            } else {
                written = ch;
                // A short form that means a field only under its parent (其他 under 报销金额) comes first.
                field = Text.isBlank(spanningParent)
                        ? null
                        : fieldByParentAndChild.get(parentAndChild(spanningParent, ch));
                if (field == null) {
                    field = lookup(ch);
                }
                if (field == null) {
                    // Each part loses its own unit: 贴息（万元） over 金额 is 贴息金额.
                    written = spanningParent + ch;
                    field = fieldBySynonym.get(Text.normalizeHeader(spanningParent) + Text.normalizeHeader(ch));
                }
                // A unit on the merged parent holds for every sub-column under it.
                tenThousand = Text.mentionsTenThousandYuan(ch) || Text.mentionsTenThousandYuan(spanningParent);
            }
            if (Text.isBlank(written)) {
                continue;
            }
            if (field != null && c.fieldHeaders[field] == null) {
                c.fieldHeaders[field] = Text.normalize(written);
                c.columns[field] = col;
                c.tenThousand[field] = tenThousand;
                c.score++;
            } else if (field != null) {
                c.unknown.add(Text.normalize(written) + "（重复的列，已忽略）");
            } else if (!ignored.contains(Text.normalizeHeader(written))) {
                c.unknown.add(Text.normalize(written));
            }
        }
        return c;
    }

    private static String parentAndChild(String parent, String child) {
        return Text.normalizeHeader(parent) + "/" + Text.normalizeHeader(child);
    }

    private Integer lookup(String headerText) {
        if (Text.isBlank(headerText)) {
            return null;
        }
        return fieldBySynonym.get(Text.normalizeHeader(headerText));
    }

    private final class Candidate {
        final int start;
        final int height;
        final String[] fieldHeaders;
        final int[] columns;
        final boolean[] tenThousand;
        final List<String> unknown = new ArrayList<>();
        int score;

        Candidate(int start, int height, int fields) {
            this.start = start;
            this.height = height;
            this.fieldHeaders = new String[fields];
            this.columns = new int[fields];
            Arrays.fill(columns, -1);
            this.tenThousand = new boolean[fields];
        }
    }
}
