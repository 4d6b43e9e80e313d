package org.hhw.sources.validate;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;
import org.hhw.sources.clean.Issue;
import org.hhw.sources.clean.Reason;
import org.hhw.sources.contract.Check;
import org.hhw.sources.contract.Contract;
import org.hhw.sources.contract.PolicyRule;
import org.hhw.sources.contract.PolicyRules;

/** A contract's {@link Check}s over one row's cleaned values, with messages a clerk can act on. */
final class RowChecks {

    private record Bound(
            Check check,
            int field,
            int other,
            int[] parts,
            int date,
            String label,
            String otherLabel,
            String partLabels) {}

    private final List<Bound> checks = new ArrayList<>();
    private final int birthDate;
    private final PolicyRules rules = PolicyRules.bundled();

    RowChecks(Contract contract) {
        List<String> columns =
                contract.outputColumns().stream().map(c -> c.name()).toList();
        this.birthDate = columns.indexOf("birth_date");
        for (Check c : contract.checks()) {
            int[] parts = c.parts().stream().mapToInt(columns::indexOf).toArray();
            checks.add(new Bound(
                    c,
                    columns.indexOf(c.field()),
                    c.other() == null ? -1 : columns.indexOf(c.other()),
                    parts,
                    c.date() == null ? -1 : columns.indexOf(c.date()),
                    contract.field(c.field()).label(),
                    c.other() == null ? null : contract.field(c.other()).label(),
                    String.join(
                            "、",
                            c.parts().stream()
                                    .map(p -> contract.field(p).label())
                                    .toList())));
        }
    }

    /** Reports each failed check as (field name, issue). */
    void apply(Object[] values, BiConsumer<String, Issue> failed) {
        for (Bound b : checks) {
            Issue issue = evaluate(b, values);
            if (issue != null) {
                failed.accept(b.check().field(), issue);
            }
        }
    }

    private Issue evaluate(Bound b, Object[] values) {
        Check c = b.check();
        Object value = values[b.field()];
        Object other = b.other() < 0 ? null : values[b.other()];
        switch (c.kind()) {
            case NOT_BEFORE, AFTER -> {
                if (value instanceof LocalDate v && other instanceof LocalDate o) {
                    boolean ok = c.kind() == Check.Kind.AFTER ? v.isAfter(o) : !v.isBefore(o);
                    if (!ok) {
                        return issue(
                                c,
                                Reason.INCONSISTENT,
                                b.label() + "（" + v + "）" + (c.kind() == Check.Kind.AFTER ? "应晚于" : "不能早于")
                                        + b.otherLabel() + "（" + o + "）。请核对这两个日期。");
                    }
                }
            }
            case SUM_WITHIN -> {
                if (value instanceof BigDecimal total) {
                    BigDecimal sum = BigDecimal.ZERO;
                    for (int p : b.parts()) {
                        if (values[p] instanceof BigDecimal part) {
                            sum = sum.add(part);
                        }
                    }
                    BigDecimal gap = sum.subtract(total).abs();
                    if (gap.compareTo(c.tolerance()) > 0) {
                        return issue(
                                c,
                                Reason.INCONSISTENT,
                                b.partLabels() + "之和（" + sum.toPlainString() + "元）与"
                                        + b.label() + "（" + total.toPlainString() + "元）相差" + gap.toPlainString()
                                        + "元。请核对各项金额。");
                    }
                }
            }
            case RANGE -> {
                return range(b, values);
            }
            case POSITIVE -> {
                BigDecimal v = number(value);
                if (v != null && v.signum() <= 0) {
                    return issue(c, Reason.NUMBER_INVALID, b.label() + "应大于0，现为" + v.toPlainString() + "。请核对。");
                }
            }
            case AGE_MATCHES_ID -> {
                if (value instanceof Integer age
                        && other instanceof LocalDate at
                        && birthDate >= 0
                        && values[birthDate] instanceof LocalDate born) {
                    int actual = Period.between(born, at).getYears();
                    if (Math.abs(actual - age) > 1) {
                        return issue(
                                c,
                                Reason.INCONSISTENT,
                                b.label() + "（" + age + "）与身份证号推算的年龄（" + actual + "）不符。请核对年龄或身份证号。");
                    }
                }
            }
        }
        return null;
    }

    /**
     * A range whose bound is a policy rule is judged with the rule's version in force on the row's date; without
     * that date or that version the row cannot be judged here (the warehouse's data test reports the event).
     */
    private Issue range(Bound b, Object[] values) {
        Check c = b.check();
        BigDecimal v = number(values[b.field()]);
        Object day = b.date() < 0 ? null : values[b.date()];
        BigDecimal min = c.minRule() == null ? c.min() : inForce(c.minRule(), day);
        BigDecimal max = c.maxRule() == null ? c.max() : inForce(c.maxRule(), day);
        if (v == null || c.minRule() != null && min == null || c.maxRule() != null && max == null) {
            return null;
        }
        if (min != null && v.compareTo(min) < 0 || max != null && v.compareTo(max) > 0) {
            return issue(
                    c,
                    Reason.NUMBER_INVALID,
                    b.label() + "（" + v.stripTrailingZeros().toPlainString() + "）不在合理范围（" + plain(min) + "～"
                            + plain(max) + "）内。请核对。");
        }
        return null;
    }

    /** The value of the rule's version in force on {@code day}; null without a date or such a version. */
    private BigDecimal inForce(String rule, Object day) {
        return day instanceof LocalDate on
                ? rules.inForce(rule, PolicyRules.EVERY_ROW, on)
                        .map(PolicyRule::value)
                        .orElse(null)
                : null;
    }

    private static Issue issue(Check c, Reason reason, String message) {
        return c.rejects() ? Issue.reject(reason, message) : Issue.warning(reason, message);
    }

    private static BigDecimal number(Object value) {
        if (value instanceof BigDecimal d) {
            return d;
        }
        return value instanceof Integer i ? BigDecimal.valueOf(i) : null;
    }

    private static String plain(BigDecimal d) {
        return d == null ? "" : d.stripTrailingZeros().toPlainString();
    }
}
