package org.hhw.warehouse.report;

/**
 * One headline figure of a block, for the month, beside the month before and the same month a year
 * earlier (null where the warehouse has no such month), and for the year to date (null where a
 * year-to-date figure means nothing, e.g. a balance at the month's end).
 *
 * @param source the report model column the figure is read from, {@code model.column}: the README
 *     defines every one, and the query reproduces it
 */
public record Figure(
        String label,
        Measure measure,
        Object month,
        Object previousMonth,
        Object yearAgo,
        Object yearToDate,
        String source) {}
