package org.hhw.warehouse.receipt;

/**
 * One rejected or warned value as the clerk finds it in the original file.
 *
 * @param rowNumber  1-based, as Excel, WPS or a text editor shows it
 * @param column     the column's header as written in the file
 * @param rawValue   the cell as read, before cleaning
 * @param reasonCode a {@code org.hhw.sources.clean.Reason} name
 * @param message    Chinese: what is wrong and what to fix
 */
public record ReceiptLine(
        String sheet, int rowNumber, String column, String rawValue, String reasonCode, String message) {}
