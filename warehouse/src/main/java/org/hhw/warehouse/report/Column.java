package org.hhw.warehouse.report;

/** One column of a report table: its heading as leaders read it, and what its values count. */
public record Column(String label, Measure measure) {}
