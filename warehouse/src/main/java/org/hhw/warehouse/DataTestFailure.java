package org.hhw.warehouse;

import java.util.List;

/** A data test (or a data warning) that returned rows: its name, how many, and the first few rendered as text. */
public record DataTestFailure(String test, long rows, List<String> sample) {}
