package org.hhw.warehouse.report;

/** The two charts county bulletins use. */
public enum ChartKind {
    /** Townships ranked: horizontal bars, the first category at the top. */
    RANKING_BARS,
    /** Twelve months to the report's month: a line per series. */
    TREND_LINE
}
