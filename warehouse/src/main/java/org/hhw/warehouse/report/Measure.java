package org.hhw.warehouse.report;

/** What a report value counts, which decides how every form shows it. */
public enum Measure {
    /** A name, code or date, shown as written (and written as text, never as a formula). */
    TEXT,
    /** Persons, households, files, rows: a whole number. */
    COUNT,
    /** Money in yuan, two decimals. */
    YUAN,
    /** Money in 万元 as the plan states its targets, two decimals shown, exact underneath. */
    WAN_YUAN,
    /** A percentage, two decimals (42.17 means 42.17 %). */
    PERCENT
}
