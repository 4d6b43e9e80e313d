package org.hhw.warehouse.lake;

/**
 * The value types a lake column can hold, each mapped to the Parquet physical/logical type that
 * DuckDB reads back as the matching SQL type (VARCHAR, INTEGER, BIGINT, DATE, DECIMAL(18,2),
 * BOOLEAN, TIMESTAMP).
 */
public enum LakeType {
    /** {@link String}. */
    TEXT,
    /** {@link Integer}. */
    INT,
    /** {@link Long}. */
    BIGINT,
    /** {@link java.time.LocalDate}. */
    DATE,
    /** {@link java.math.BigDecimal} with at most two decimals: money in yuan. */
    DECIMAL_18_2,
    /** Fractions such as interest rates (0.043500). */
    DECIMAL_18_6,
    /** {@link Boolean}. */
    BOOLEAN,
    /** {@link java.time.LocalDateTime}, local wall-clock time, microsecond precision. */
    TIMESTAMP
}
