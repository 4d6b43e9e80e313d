package org.hhw.sources.contract;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * One version of a policy standard or cap, or of a plan target (then {@code rule} is the target's name): its value from {@code validFrom} to {@code validTo} (inclusive; null
 * is open-ended) for what it {@code appliesTo} (a programme, a hospital area, or {@code all}), citing its source.
 */
public record PolicyRule(
        String rule,
        BigDecimal value,
        String unit,
        LocalDate validFrom,
        LocalDate validTo,
        String appliesTo,
        String source) {

    /** Whether this version is in force on {@code day}. */
    public boolean covers(LocalDate day) {
        return !day.isBefore(validFrom) && (validTo == null || !day.isAfter(validTo));
    }
}
