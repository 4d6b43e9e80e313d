package org.hhw.sources.clean;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Amounts of money, rates, counts and loan terms as clerks type them. */
public final class Money {

    private static final BigDecimal TEN_THOUSAND = BigDecimal.valueOf(10_000);
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    private static final BigDecimal TWELVE = BigDecimal.valueOf(12);

    /** A decimal number, with thousands separators only where they group by three. */
    private static final Pattern DECIMAL = Pattern.compile("-?(?:\\d{1,3}(?:,\\d{3})+|\\d+)(?:\\.\\d+)?");

    private static final Pattern COUNT = Pattern.compile("(.+?)(?:人|口|个|户|次|天|日|岁|小时|课时|学时)?");
    private static final Pattern TERM = Pattern.compile("(?:(\\d+(?:\\.\\d+)?)年)?(?:(\\d+(?:\\.\\d+)?)(?:个月|月)?)?");

    private Money() {}

    /**
     * An amount in yuan at scale 2 (half up). Accepts "1200", "1,200.00", "1200元", "￥1200",
     * "1.2万元" / "1.2万" (ten thousand yuan, whatever the header says). {@code tenThousandYuan}
     * says the header announces 万元: then a bare number is multiplied by 10,000, while a number
     * with its own unit keeps it. A placeholder such as "-" or "/" is the validator's business
     * ({@link Text#isPlaceholder}), as for every field.
     */
    public static Cleaned<BigDecimal> parseYuan(String raw, boolean tenThousandYuan) {
        String text = Text.compact(raw);
        if (text.isEmpty()) {
            return Cleaned.blank();
        }
        String number = text.startsWith("￥") || text.startsWith("¥") ? text.substring(1) : text;
        BigDecimal factor = tenThousandYuan ? TEN_THOUSAND : BigDecimal.ONE;
        if (number.endsWith("万元") || number.endsWith("万")) {
            number = number.substring(0, number.lastIndexOf('万'));
            factor = TEN_THOUSAND;
        } else if (number.endsWith("元")) {
            number = number.substring(0, number.length() - 1);
            factor = BigDecimal.ONE;
        }
        BigDecimal amount = decimal(number);
        String shown = Text.normalize(raw);
        if (amount == null) {
            return Cleaned.reject(
                    Reason.AMOUNT_INVALID, "金额“" + shown + "”不是有效的数字。请填写阿拉伯数字金额，例如 1200 或 1,200.00；没有金额时留空。");
        }
        if (amount.signum() < 0) {
            return Cleaned.reject(Reason.AMOUNT_INVALID, "金额“" + shown + "”是负数，金额不能为负。请对照原始凭证核对后重新填写。");
        }
        return Cleaned.ok(amount.multiply(factor).setScale(2, RoundingMode.HALF_UP));
    }

    /**
     * A rate as a fraction: "4.35%" and "4.35" give 0.0435 (a number above 1 is read as a
     * percentage), "0.0435" stays. A rate below 0 or above 100% is rejected.
     */
    public static Cleaned<BigDecimal> parsePercentRate(String raw) {
        String text = Text.compact(raw);
        if (text.isEmpty()) {
            return Cleaned.blank();
        }
        boolean percent = text.endsWith("%");
        BigDecimal number = decimal(percent ? text.substring(0, text.length() - 1) : text);
        if (number != null && (percent || number.compareTo(BigDecimal.ONE) > 0)) {
            number = number.divide(HUNDRED);
        }
        if (number == null || number.signum() < 0 || number.compareTo(BigDecimal.ONE) > 0) {
            return Cleaned.reject(
                    Reason.NUMBER_INVALID,
                    "比率“" + Text.normalize(raw) + "”无法识别。请填写百分数（例如 4.35%）或小数（例如 0.0435），不能为负，也不能超过100%。");
        }
        BigDecimal stripped = number.stripTrailingZeros();
        return Cleaned.ok(stripped.scale() < 0 ? stripped.setScale(0) : stripped);
    }

    /** A whole number of zero or more: "3", "3.0" (numeric cell), "3人", "３"; a few count units are allowed. */
    public static Cleaned<Integer> parseCount(String raw) {
        String text = Text.compact(raw);
        if (text.isEmpty()) {
            return Cleaned.blank();
        }
        if (isSmallWholeNumber(text)) {
            return Cleaned.ok(Integer.parseInt(text));
        }
        Matcher m = COUNT.matcher(text);
        Integer count = m.matches() ? wholeNumber(decimal(m.group(1))) : null;
        if (count == null || count < 0) {
            return Cleaned.reject(Reason.NUMBER_INVALID, "数量“" + Text.normalize(raw) + "”不是整数。请填写阿拉伯数字整数，例如 3。");
        }
        return Cleaned.ok(count);
    }

    /** A loan term in months: "36", "36个月", "3年" (36), "1.5年" (18), "1年6个月" (18). */
    public static Cleaned<Integer> parseMonths(String raw) {
        String text = Text.compact(raw);
        if (text.isEmpty()) {
            return Cleaned.blank();
        }
        Matcher m = TERM.matcher(text);
        Integer months = null;
        if (m.matches() && (m.group(1) != null || m.group(2) != null)) {
            BigDecimal years = m.group(1) == null ? BigDecimal.ZERO : new BigDecimal(m.group(1));
            BigDecimal rest = m.group(2) == null ? BigDecimal.ZERO : new BigDecimal(m.group(2));
            months = wholeNumber(years.multiply(TWELVE).add(rest));
        }
        if (months == null || months <= 0) {
            return Cleaned.reject(
                    Reason.NUMBER_INVALID, "期限“" + Text.normalize(raw) + "”无法识别。请填写整月数（例如 36 或 36个月）或年数（例如 3年）。");
        }
        return Cleaned.ok(months);
    }

    /** Up to nine plain digits, as almost every count is written: an int, read without the patterns. */
    private static boolean isSmallWholeNumber(String text) {
        if (text.length() > 9) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    private static BigDecimal decimal(String text) {
        return DECIMAL.matcher(text).matches() ? new BigDecimal(text.replace(",", "")) : null;
    }

    private static Integer wholeNumber(BigDecimal number) {
        if (number == null) {
            return null;
        }
        try {
            return number.intValueExact();
        } catch (ArithmeticException e) {
            return null;
        }
    }
}
