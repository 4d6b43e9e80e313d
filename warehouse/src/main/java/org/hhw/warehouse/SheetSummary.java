package org.hhw.warehouse;

/**
 * What the reading of a file found about its sheets, as the receipt and {@code etl_file} show it:
 * each a "；"-separated list in Chinese, or null.
 */
public record SheetSummary(String sheetsRead, String sheetsSkipped, String unknownColumns) {
}
