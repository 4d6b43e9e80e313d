package org.hhw.sources.contract;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Effective-dated values citing their source, read from a CSV of {@code /rules/} (columns name, value, unit,
 * valid_from, valid_to, applies_to, source; lines starting with {@code #} are comments). Two files have this shape:
 * the policy standards and caps ({@code policy_rules.csv}, the dates the policy's own), which contracts' checks name
 * instead of repeating their numbers, and the county plan's yearly targets ({@code plan_targets.csv}). The warehouse
 * loads them into {@code ref_policy_rule} and {@code ref_plan_target}, where SQL reads them.
 */
public final class PolicyRules {

    static final String RESOURCE = "/rules/policy_rules.csv";
    static final String TARGETS_RESOURCE = "/rules/plan_targets.csv";
    /** The applies_to of a rule that holds for everyone and everything it judges. */
    public static final String EVERY_ROW = "all";

    private static final int COLUMNS = 7;
    private static final PolicyRules BUNDLED = read(RESOURCE);
    private static final PolicyRules TARGETS = read(TARGETS_RESOURCE);

    private final List<PolicyRule> rules;

    PolicyRules(List<PolicyRule> rules) {
        this.rules = List.copyOf(rules);
    }

    /** The rules shipped with the product. */
    public static PolicyRules bundled() {
        return BUNDLED;
    }

    /**
     * The county plan's yearly targets the warehouse can measure, each a version valid for its year, named in the
     * file's {@code target} column (a {@link PolicyRule#rule()} here) and citing the plan's indicator table row.
     */
    public static PolicyRules planTargets() {
        return TARGETS;
    }

    /** Every version of every rule, in the file's order. */
    public List<PolicyRule> all() {
        return rules;
    }

    /** Whether the file has any version of {@code rule}. */
    public boolean has(String rule) {
        return rules.stream().anyMatch(r -> r.rule().equals(rule));
    }

    /** The version of {@code rule} for {@code appliesTo} in force on {@code day}, if one covers it. */
    public Optional<PolicyRule> inForce(String rule, String appliesTo, LocalDate day) {
        return rules.stream()
                .filter(r -> r.rule().equals(rule) && r.appliesTo().equals(appliesTo) && r.covers(day))
                .findFirst();
    }

    static PolicyRules read(String resource) {
        try (InputStream in = PolicyRules.class.getResourceAsStream(resource)) {
            String[] lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\\R");
            List<PolicyRule> rules = new ArrayList<>();
            boolean header = true;
            for (int i = 0; i < lines.length; i++) {
                if (lines[i].isBlank() || lines[i].startsWith("#")) {
                    continue;
                }
                if (header) {
                    header = false;
                    continue;
                }
                String[] f = lines[i].split(",", -1);
                if (f.length != COLUMNS) {
                    throw new IllegalStateException(resource + " line " + (i + 1) + ": expected " + COLUMNS
                            + " fields (no commas inside a field), got " + f.length);
                }
                rules.add(new PolicyRule(
                        f[0],
                        new BigDecimal(f[1]),
                        f[2],
                        LocalDate.parse(f[3]),
                        f[4].isEmpty() ? null : LocalDate.parse(f[4]),
                        f[5],
                        f[6]));
            }
            return new PolicyRules(rules);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
