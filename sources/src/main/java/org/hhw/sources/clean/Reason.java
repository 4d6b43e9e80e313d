package org.hhw.sources.clean;

/**
 * Why a value was rejected or loaded with a warning. The names are stable: receipts, the
 * warehouse ({@code etl_reject.reason_code}, {@code etl_warning.reason_code}) and the README use
 * them, so never rename one.
 */
public enum Reason {
    ID_MISSING,
    ID_MALFORMED,
    ID_CHECKSUM,
    ID_PRECISION_LOST,
    /** Warning: a 15-digit ID was converted to 18 digits. */
    ID_CONVERTED_15,
    REQUIRED_MISSING,
    DATE_INVALID,
    AMOUNT_INVALID,
    NUMBER_INVALID,
    TEXT_INVALID,
    TOWNSHIP_UNKNOWN,
    VILLAGE_UNKNOWN,
    CODE_UNKNOWN,
    DUPLICATE_IN_FILE,
    INCONSISTENT
}
