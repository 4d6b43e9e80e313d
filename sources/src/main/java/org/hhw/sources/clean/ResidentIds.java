package org.hhw.sources.clean;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * GB 11643-1999 resident ID numbers: the ISO 7064 MOD 11-2 check character, and cleaning of the
 * numbers as clerks type them. An ID that Excel stored as a number has lost its last digits for
 * good: it is rejected, never "repaired".
 */
public final class ResidentIds {

    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final char[] CHECK = {'1', '0', 'X', '9', '8', '7', '6', '5', '4', '3', '2'};

    private static final Pattern ID18 = Pattern.compile("\\d{17}[\\dX]");
    private static final Pattern ID15 = Pattern.compile("\\d{15}");
    /** A number written with a decimal point or an exponent: "1.40222E+17", "140222199001011000.0". */
    private static final Pattern NUMBER_FORM =
            Pattern.compile("[+-]?(?:\\d+\\.\\d*(?:[eE][+-]?\\d+)?|\\d+[eE][+-]?\\d+)");

    private static final Pattern ID_RUN = Pattern.compile("[0-9]{14,}[0-9Xx]");
    private static final LocalDate EARLIEST_BIRTH = LocalDate.of(1900, 1, 1);

    private static final String VERIFY = "请对照身份证或户口簿核对后重新填写。";

    private ResidentIds() {}

    /** The check character for the first 17 digits of an 18-character ID. */
    public static char checkChar(CharSequence first17) {
        if (first17.length() != 17) {
            throw new IllegalArgumentException("need 17 digits, got " + first17.length());
        }
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            char c = first17.charAt(i);
            if (c < '0' || c > '9') {
                throw new IllegalArgumentException("not a digit at " + i + ": " + c);
            }
            sum += (c - '0') * WEIGHTS[i];
        }
        return CHECK[sum % 11];
    }

    /** {@link #clean(String, LocalDate)} with today's date as the latest possible birth date. */
    public static Cleaned<ResidentId> clean(String raw) {
        return clean(raw, LocalDate.now());
    }

    /**
     * Cleans an ID cell: full-width to half-width, spaces out, lowercase x to X, a leading
     * apostrophe or an {@code ="…"} wrapping (left by CSV exports that force text) removed.
     * A valid 15-digit ID is converted to 18 characters with a warning. Blank gives
     * {@link Cleaned#blank()}: whether an ID is required is the caller's business.
     *
     * @param today the latest acceptable birth date
     */
    public static Cleaned<ResidentId> clean(String raw, LocalDate today) {
        String id = unwrap(Text.compact(raw));
        if (id.isEmpty()) {
            return Cleaned.blank();
        }
        String shown = Text.normalize(raw);
        if (looksLikeId18(id)) {
            return cleanId18(id, shown, today);
        }
        if (NUMBER_FORM.matcher(id).matches()) {
            return Cleaned.reject(
                    Reason.ID_PRECISION_LOST,
                    "身份证号码“" + shown
                            + "”已损坏：这一列被存成了数字格式，Excel只保留前15位数字，后面几位已经丢失，无法恢复。"
                            + "请把这一列的单元格格式设置为“文本”，再对照身份证或户口簿原件重新录入完整号码。");
        }
        id = id.replace('x', 'X');
        if (id.length() == 15) {
            return convert15(id, shown, today);
        }
        if (id.length() != 18) {
            return Cleaned.reject(
                    Reason.ID_MALFORMED, "身份证号码“" + shown + "”有" + id.length() + "位，应为18位（旧号码为15位）。" + VERIFY);
        }
        if (!ID18.matcher(id).matches()) {
            return Cleaned.reject(Reason.ID_MALFORMED, "身份证号码“" + shown + "”含有不该出现的字符：前17位只能是数字，最后一位是数字或X。" + VERIFY);
        }
        return cleanId18(id, shown, today);
    }

    /**
     * Seventeen digits and a digit or X, the form of almost every cell: recognised without the
     * regular expressions, as such an ID is neither a number form nor malformed.
     */
    private static boolean looksLikeId18(String id) {
        if (id.length() != 18) {
            return false;
        }
        for (int i = 0; i < 17; i++) {
            char c = id.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        char last = id.charAt(17);
        return last >= '0' && last <= '9' || last == 'X';
    }

    /** An ID of 17 digits and a digit or X: its birth date and check character decide. */
    private static Cleaned<ResidentId> cleanId18(String id, String shown, LocalDate today) {
        LocalDate birth = birthDate(id.substring(6, 14), today);
        if (birth == null) {
            return Cleaned.reject(Reason.ID_MALFORMED, badBirthDate(shown, id.substring(6, 14)));
        }
        if (checkChar(id.substring(0, 17)) != id.charAt(17)) {
            if (id.endsWith("000")) {
                return Cleaned.reject(
                        Reason.ID_PRECISION_LOST,
                        "身份证号码“" + shown
                                + "”末三位是000且校验不通过：这一列很可能曾被存成数字格式，Excel把最后几位改成了0，原来的数字已经丢失。"
                                + "请把这一列的单元格格式设置为“文本”，再对照身份证或户口簿原件重新录入完整号码。");
            }
            // The expected check character is deliberately not given: the typo is as likely
            // to be in the first 17 digits, and "fixing" the last one would hide it.
            return Cleaned.reject(Reason.ID_CHECKSUM, "身份证号码“" + shown + "”校验不通过，号码中至少有一位录错了。请对照身份证或户口簿逐位核对后重新填写。");
        }
        return Cleaned.ok(new ResidentId(id, birth, sexOf(id.charAt(16))));
    }

    /** For logs and reports: the area code and the last four characters, e.g. "140222********123X". */
    public static String mask(String id18) {
        if (id18 == null || id18.length() != 18) {
            throw new IllegalArgumentException("need an 18-character ID");
        }
        return id18.substring(0, 6) + "********" + id18.substring(14);
    }

    /**
     * What a clerk wrote in an ID cell, masked as everything kept after the read step keeps it: a
     * value of 15 or more characters is an ID however mistyped, so all but its first six and last
     * four characters are starred ("1.40222E+17" too); a shorter value is left as written.
     */
    public static String maskWritten(String value) {
        if (value == null) {
            return null;
        }
        int length = value.codePointCount(0, value.length());
        if (length < 15) {
            return value;
        }
        return value.substring(0, value.offsetByCodePoints(0, 6))
                + "*".repeat(length - 10)
                + value.substring(value.offsetByCodePoints(0, length - 4));
    }

    /**
     * A text with every run of 15 or more ID characters in it masked by {@link #maskWritten}: a
     * message quotes what the clerk wrote and may add a derived ID (a 15-digit ID converted to 18),
     * and a cell of another column may hold an ID typed into the wrong place.
     */
    public static String maskIdsIn(String text) {
        if (text == null) {
            return null;
        }
        return ID_RUN.matcher(text).replaceAll(run -> Matcher.quoteReplacement(maskWritten(run.group())));
    }

    private static Cleaned<ResidentId> convert15(String id, String shown, LocalDate today) {
        if (!ID15.matcher(id).matches()) {
            return Cleaned.reject(Reason.ID_MALFORMED, "身份证号码“" + shown + "”有15位，但15位旧号码只能由数字组成。" + VERIFY);
        }
        String birthDigits = "19" + id.substring(6, 12);
        LocalDate birth = birthDate(birthDigits, today);
        if (birth == null) {
            return Cleaned.reject(Reason.ID_MALFORMED, badBirthDate(shown, birthDigits));
        }
        String first17 = id.substring(0, 6) + "19" + id.substring(6);
        String id18 = first17 + checkChar(first17);
        return Cleaned.warn(
                new ResidentId(id18, birth, sexOf(id18.charAt(16))),
                Reason.ID_CONVERTED_15,
                "15位旧身份证号码“" + shown + "”已自动转换为18位号码“" + id18 + "”。如本人已换发新身份证，请在表中改填新证上的18位号码。");
    }

    private static String badBirthDate(String shown, String digits) {
        return "身份证号码“" + shown + "”中的出生日期“" + digits + "”不是有效日期（必须是1900年以后、今天以前真实存在的日期）。" + VERIFY;
    }

    private static LocalDate birthDate(String yyyymmdd, LocalDate today) {
        LocalDate date;
        try {
            date = LocalDate.of(
                    Integer.parseInt(yyyymmdd.substring(0, 4)),
                    Integer.parseInt(yyyymmdd.substring(4, 6)),
                    Integer.parseInt(yyyymmdd.substring(6, 8)));
        } catch (DateTimeException e) {
            return null;
        }
        return date.isBefore(EARLIEST_BIRTH) || date.isAfter(today) ? null : date;
    }

    private static Sex sexOf(char sequenceDigit) {
        return (sequenceDigit - '0') % 2 == 1 ? Sex.MALE : Sex.FEMALE;
    }

    private static String unwrap(String id) {
        if (id.startsWith("'")) {
            return id.substring(1);
        }
        if (id.startsWith("=")) {
            String formula = id.substring(1);
            boolean quoted = formula.length() >= 2 && formula.startsWith("\"") && formula.endsWith("\"");
            return quoted ? formula.substring(1, formula.length() - 1) : formula;
        }
        return id;
    }
}
