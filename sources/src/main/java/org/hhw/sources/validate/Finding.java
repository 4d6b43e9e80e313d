package org.hhw.sources.validate;

import org.hhw.sources.clean.Issue;

/**
 * One problem found in one cell (or, for row-level rules, one row): where it is, what the clerk
 * wrote and what is wrong. {@code field} is the contract field's name; {@code column} the header
 * as the sheet writes it, so the clerk finds the cell; both are null for a finding about the row
 * itself (a hidden row), whose {@code rawValue} is "".
 */
public record Finding(String sheet, int rowNumber, String field, String column, String rawValue, Issue issue) {}
