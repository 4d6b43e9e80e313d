package org.hhw.sources.contract;

import java.math.BigDecimal;
import java.util.List;

/**
 * A rule across the cleaned values of one row, declared in a contract's {@code checks}:
 * <ul>
 *   <li>{@code not_before}: {@code field} is on or after {@code other} (dates);</li>
 *   <li>{@code after}: {@code field} is strictly after {@code other} (dates);</li>
 *   <li>{@code sum_within}: the {@code parts} add up to {@code field} within {@code tolerance} yuan;</li>
 *   <li>{@code range}: {@code field} lies within [{@code min}, {@code max}];</li>
 *   <li>{@code positive}: {@code field} is greater than zero;</li>
 *   <li>{@code age_matches_id}: the age in {@code field}, at the date in {@code other}, agrees (±1)
 *       with the birth date in the resident ID.</li>
 * </ul>
 * A check whose values are missing does not apply. {@code rejects} says whether a failure keeps
 * the row out (a reject) or loads it with a warning.
 */
public record Check(Kind kind, String field, String other, List<String> parts, BigDecimal min, BigDecimal max,
                    BigDecimal tolerance, boolean rejects) {

    public enum Kind { NOT_BEFORE, AFTER, SUM_WITHIN, RANGE, POSITIVE, AGE_MATCHES_ID }
}
