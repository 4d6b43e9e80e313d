package org.hhw.sources.contract;

/** How a contract field's raw text is cleaned, and what it becomes in the lake. */
public enum FieldType {
    TEXT,
    PERSON_NAME,
    /** Becomes person_id_hash, id_masked, sex and birth_date: the raw number is never kept. */
    RESIDENT_ID,
    /** Becomes the canonical township name and its gazetteer code. */
    TOWNSHIP,
    /** Becomes the canonical village name and its gazetteer code, resolved within the row's township. */
    VILLAGE,
    CODE,
    DATE,
    /** A period such as 2018年6月, kept as its first day. */
    MONTH,
    /**
     * The date a ledger stands on (统计日期): a full date, or a month meaning its last day
     * (2018年12月 → 2018-12-31); a month without its year takes the year of the sheet's title.
     */
    AS_OF_DATE,
    YEAR,
    /** Yuan at two decimals; a header that mentions 万元 multiplies by 10,000. */
    MONEY,
    COUNT,
    MONTHS,
    YES_NO,
    /** An interest rate, "4.35%" or 0.0435, kept as a fraction. */
    RATE,
    /** A school term, normalised to yyyy-spring / yyyy-autumn (see {@code Terms}). */
    TERM
}
