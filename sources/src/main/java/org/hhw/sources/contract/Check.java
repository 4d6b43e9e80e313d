package org.hhw.sources.contract;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * A rule across the cleaned values of one row, declared in a contract's {@code checks}:
 * <ul>
 *   <li>{@code not_before}: {@code field} is on or after {@code other} (dates);</li>
 *   <li>{@code after}: {@code field} is strictly after {@code other} (dates);</li>
 *   <li>{@code sum_within}: the {@code parts} add up to {@code field} within {@code tolerance} yuan;</li>
 *   <li>{@code range}: {@code field} lies within [{@code min}, {@code max}]; a bound that is policy names its
 *       rule instead ({@code min_rule}, {@code max_rule}, see {@link PolicyRules}), whose version in force on the
 *       row's {@code date} (the contract's fact event date unless the check names another date field) applies;</li>
 *   <li>{@code positive}: {@code field} is greater than zero;</li>
 *   <li>{@code age_matches_id}: the age in {@code field}, at the date in {@code other}, agrees (±1)
 *       with the birth date in the resident ID.</li>
 * </ul>
 * A check whose values are missing does not apply, nor does one whose rule has no version in force on the row's
 * date: the row cannot be judged, and the warehouse's data test {@code policy_rule_covers_event} reports it.
 * {@code rejects} says whether a failure keeps the row out (a reject) or loads it with a warning.
 */
public record Check(
        Kind kind,
        String field,
        String other,
        List<String> parts,
        BigDecimal min,
        BigDecimal max,
        BigDecimal tolerance,
        String minRule,
        String maxRule,
        String date,
        boolean rejects) {

    /** A check without policy rules. */
    public Check(
            Kind kind,
            String field,
            String other,
            List<String> parts,
            BigDecimal min,
            BigDecimal max,
            BigDecimal tolerance,
            boolean rejects) {
        this(kind, field, other, parts, min, max, tolerance, null, null, null, rejects);
    }

    /** The policy rules the check's bounds name, min's first. */
    public List<String> rules() {
        return Stream.of(minRule, maxRule).filter(Objects::nonNull).toList();
    }

    public enum Kind {
        NOT_BEFORE,
        AFTER,
        SUM_WITHIN,
        RANGE,
        POSITIVE,
        AGE_MATCHES_ID
    }
}
