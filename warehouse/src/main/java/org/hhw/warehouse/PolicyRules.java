package org.hhw.warehouse;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The effective-dated policy standards and caps the county plan quotes, read from
 * {@code /rules/policy_rules.csv} (columns rule, value, unit, valid_from, valid_to, applies_to,
 * source; the source cites the plan). The warehouse loads them into {@code ref_policy_rule}, where
 * SQL and code read them.
 */
public final class PolicyRules {

    static final String RESOURCE = "/rules/policy_rules.csv";
    private static final int COLUMNS = 7;

    private PolicyRules() {
    }

    /** The rules' rows without the header, each of {@value #COLUMNS} fields. */
    public static List<String[]> rows() {
        try (InputStream in = PolicyRules.class.getResourceAsStream(RESOURCE)) {
            String[] lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\\R");
            List<String[]> rows = new ArrayList<>();
            for (int i = 1; i < lines.length; i++) {
                if (lines[i].isBlank()) {
                    continue;
                }
                String[] fields = lines[i].split(",", -1);
                if (fields.length != COLUMNS) {
                    throw new IllegalStateException(RESOURCE + " line " + (i + 1) + ": expected " + COLUMNS
                            + " fields (no commas inside a field), got " + fields.length);
                }
                rows.add(fields);
            }
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
