package org.hhw.sources.contract;

/** A column of the cleaned rows a source produces (what the lake stores), in a fixed order. */
public record OutputColumn(String name, ValueType type) {

    /**
     * The Java types the cleaned values carry: String, Integer, LocalDate, BigDecimal (yuan, two
     * decimals), BigDecimal (a fraction, six decimals), Boolean.
     */
    public enum ValueType {
        TEXT,
        INT,
        DATE,
        DECIMAL,
        FRACTION,
        BOOLEAN
    }
}
