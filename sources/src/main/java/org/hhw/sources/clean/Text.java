package org.hhw.sources.clean;

import java.util.Set;
import java.util.regex.Pattern;

/**
 * Text normalisation shared by every cleaning step. Clerks type with Chinese input methods, so
 * full-width letters, digits and punctuation, ideographic spaces and non-breaking spaces are
 * everywhere; they are folded to their ASCII forms before anything is compared.
 */
public final class Text {

    private static final char FULL_WIDTH_FIRST = '\uFF01';
    private static final char FULL_WIDTH_LAST = '\uFF5E';
    private static final int FULL_WIDTH_OFFSET = 0xFEE0;

    /**
     * A unit in brackets at the end of a header: "金额(元)", "贷款金额(万元)", "期限(月)",
     * "比例(%)", "金额(单位:元)". Only units are stripped: "乡(镇)" is a header variant, not a unit.
     */
    private static final Pattern TRAILING_UNIT =
            Pattern.compile("\\((?:单位:?)?(?:元|万元|月|个月|年|%|人|户|天|日|亩|岁|小时|课时|学时)\\)$");

    /** The words clerks write for "nothing here", compact; marks such as "/" and "——" are {@link #MARKS}. */
    private static final Set<String> PLACEHOLDER_WORDS = Set.of("无", "空", "暂无", "不详");
    /** Slashes and dashes (a full-width one arrives here half-width): a cell of these alone means nothing. */
    private static final String MARKS = "/-\u2010\u2011\u2012\u2013\u2014\u2015\uFE58\uFE63";
    /** Every character a placeholder can start with: any other cell is decided by its first character. */
    private static final String PLACEHOLDER_STARTS = MARKS + "无空暂不";

    private Text() {}

    /**
     * Full-width ASCII to half-width, every kind of space (ideographic, non-breaking, tabs, line
     * breaks, zero-width) to one ordinary space, runs collapsed, ends trimmed. {@code null} gives "".
     */
    public static String normalize(String raw) {
        if (raw == null) {
            return "";
        }
        if (isNormal(raw)) {
            return raw;
        }
        StringBuilder out = new StringBuilder(raw.length());
        boolean spacePending = false;
        for (int i = 0; i < raw.length(); i++) {
            char c = halfWidth(raw.charAt(i));
            if (isSpace(c)) {
                spacePending = out.length() > 0;
                continue;
            }
            if (spacePending) {
                out.append(' ');
                spacePending = false;
            }
            out.append(c);
        }
        return out.toString();
    }

    /** {@link #normalize} with every space removed: the form used to compare codes, IDs and numbers. */
    public static String compact(String raw) {
        if (raw == null) {
            return "";
        }
        if (isCompact(raw)) {
            return raw;
        }
        StringBuilder out = new StringBuilder(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = halfWidth(raw.charAt(i));
            if (!isSpace(c)) {
                out.append(c);
            }
        }
        return out.toString();
    }

    /** True for null, "" and strings made only of spaces of any kind (incl. U+3000 and NBSP). */
    public static boolean isBlank(String raw) {
        if (raw == null) {
            return true;
        }
        for (int i = 0; i < raw.length(); i++) {
            if (!isSpace(raw.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /**
     * Whether a cell holds one of the placeholders clerks write for "nothing here" in place of
     * leaving it empty: "/", "-", "—", "无", "空", "暂无", "不详", in any width, spaced or repeated
     * ("／", "－", "——", "- -"). A cell that does not start like one is decided by its first
     * character, so the check costs next to nothing on a real value.
     */
    public static boolean isPlaceholder(String raw) {
        if (raw == null) {
            return false;
        }
        int first = 0;
        while (first < raw.length() && isSpace(raw.charAt(first))) {
            first++;
        }
        if (first == raw.length() || PLACEHOLDER_STARTS.indexOf(halfWidth(raw.charAt(first))) < 0) {
            return false;
        }
        String text = compact(raw);
        if (PLACEHOLDER_WORDS.contains(text)) {
            return true;
        }
        for (int i = 0; i < text.length(); i++) {
            if (MARKS.indexOf(text.charAt(i)) < 0) {
                return false;
            }
        }
        return true;
    }

    /**
     * The form used to match a header text against the known variants: normalised, without any
     * whitespace or line break, brackets half-width, and without a trailing unit such as "(元)".
     * Call {@link #mentionsTenThousandYuan} on the original header to learn the money unit.
     */
    public static String normalizeHeader(String header) {
        String compact = compact(header)
                .replace('【', '(')
                .replace('】', ')')
                .replace('〔', '(')
                .replace('〕', ')');
        // the unit pattern ends with a bracket: most headers need no regex at all
        return compact.endsWith(")") ? TRAILING_UNIT.matcher(compact).replaceFirst("") : compact;
    }

    /** Whether a header announces its amounts in 万元 (ten thousand yuan), e.g. "贷款金额(万元)". */
    public static boolean mentionsTenThousandYuan(String header) {
        return compact(header).contains("万元");
    }

    /**
     * Whether {@link #normalize} would give the text back unchanged, as it does for almost every
     * cell: no full-width character, and single ordinary spaces between words only.
     */
    private static boolean isNormal(String raw) {
        int last = raw.length() - 1;
        for (int i = 0; i <= last; i++) {
            char c = raw.charAt(i);
            if (c == ' ') {
                if (i == 0 || i == last || raw.charAt(i - 1) == ' ') {
                    return false;
                }
            } else if (!isPlain(c)) {
                return false;
            }
        }
        return true;
    }

    /** Whether {@link #compact} would give the text back unchanged: no space, no full-width character. */
    private static boolean isCompact(String raw) {
        for (int i = 0; i < raw.length(); i++) {
            if (!isPlain(raw.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /** Neither a space of any kind nor a full-width form: kept as it is by every normalisation. */
    private static boolean isPlain(char c) {
        // printable ASCII and the CJK ideographs, the bulk of every sheet, are decided without a table lookup
        if (c > ' ' && c < 0x7F || c >= 0x4E00 && c <= 0x9FFF) {
            return true;
        }
        return halfWidth(c) == c && !isSpace(c);
    }

    private static char halfWidth(char c) {
        return c >= FULL_WIDTH_FIRST && c <= FULL_WIDTH_LAST ? (char) (c - FULL_WIDTH_OFFSET) : c;
    }

    private static boolean isSpace(char c) {
        // isSpaceChar covers U+3000 and NBSP, isWhitespace tabs and line breaks; the zero-width
        // characters come with text pasted from web pages and chat messages.
        return Character.isWhitespace(c) || Character.isSpaceChar(c) || c == '\u200B' || c == '\uFEFF';
    }
}
