package org.hhw.sources.contract;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.hhw.sources.clean.CodeList;
import org.hhw.sources.clean.Text;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/** Reads source contracts from the classpath ({@code /contracts/<source>.yaml}). */
public final class Contracts {

    /** Every source the product knows, in the order inbox folders are polled. */
    public static final List<String> SOURCES = List.of("registry", "education", "medical", "microloan", "training");

    private static final CodeList YES_NO = new CodeList(
            "yes_no",
            "是/否",
            List.of(
                    new CodeList.Entry("true", "是", List.of("有", "Y", "y")),
                    new CodeList.Entry("false", "否", List.of("无", "N", "n"))));

    private Contracts() {}

    public static Contract load(String source) {
        String resource = "/contracts/" + source + ".yaml";
        try (InputStream in = Contracts.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("unknown source: " + source + " (no " + resource + ")");
            }
            return parse(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The yes/no list shared by every {@link FieldType#YES_NO} field. */
    public static CodeList yesNo() {
        return YES_NO;
    }

    @SuppressWarnings("unchecked")
    static Contract parse(InputStream yaml) {
        Map<String, Object> doc = new Yaml(new SafeConstructor(new LoaderOptions())).load(yaml);
        String source = (String) doc.get("source");
        Map<String, CodeList> codeLists = new LinkedHashMap<>();
        Map<String, Object> lists = (Map<String, Object>) doc.getOrDefault("code_lists", Map.of());
        List<Map<String, Object>> fieldDocs = (List<Map<String, Object>>) doc.get("fields");
        List<Field> fields = new ArrayList<>();
        for (Map<String, Object> f : fieldDocs) {
            String pattern = (String) f.get("pattern");
            Field field = new Field(
                    (String) f.get("name"),
                    (String) f.get("label"),
                    List.copyOf((List<String>) f.get("headers")),
                    FieldType.valueOf(((String) f.get("type")).toUpperCase(Locale.ROOT)),
                    Boolean.TRUE.equals(f.get("required")),
                    (String) f.get("codes"),
                    pattern == null ? null : Pattern.compile(pattern),
                    (String) f.get("pattern_hint"),
                    Boolean.TRUE.equals(f.get("from_title")),
                    ((List<String>) f.getOrDefault("not_placeholders", List.of()))
                            .stream().map(Text::compact).collect(Collectors.toSet()));
            if (field.type() == FieldType.CODE) {
                List<Map<String, Object>> entries = (List<Map<String, Object>>) lists.get(field.codeList());
                if (entries == null) {
                    throw new IllegalStateException(
                            source + ": field " + field.name() + " names missing code list " + field.codeList());
                }
                codeLists.put(field.codeList(), codeList(field, entries));
            }
            fields.add(field);
        }
        long idFields =
                fields.stream().filter(f -> f.type() == FieldType.RESIDENT_ID).count();
        if (idFields > 1) {
            throw new IllegalStateException(source + ": at most one resident_id field per contract");
        }
        Contract.Fact fact = fact((Map<String, Object>) doc.get("fact"));
        List<Check> checks = new ArrayList<>();
        for (Map<String, Object> c : (List<Map<String, Object>>) doc.getOrDefault("checks", List.of())) {
            String minRule = (String) c.get("min_rule");
            String maxRule = (String) c.get("max_rule");
            String date = (String) c.get("date");
            if (date == null && (minRule != null || maxRule != null) && fact != null) {
                date = fact.eventDate();
            }
            checks.add(new Check(
                    Check.Kind.valueOf(((String) c.get("rule")).toUpperCase(Locale.ROOT)),
                    (String) c.get("field"),
                    (String) c.get("other"),
                    List.copyOf((List<String>) c.getOrDefault("parts", List.of())),
                    decimal(c.get("min")),
                    decimal(c.get("max")),
                    decimal(c.get("tolerance")),
                    minRule,
                    maxRule,
                    date,
                    !Boolean.FALSE.equals(c.get("reject"))));
        }
        Contract contract = new Contract(
                source,
                (String) doc.get("label"),
                List.copyOf(fields),
                List.copyOf((List<String>) doc.getOrDefault("natural_key", List.of())),
                List.copyOf((List<String>) doc.getOrDefault("ignore_headers", List.of())),
                Map.copyOf(codeLists),
                List.copyOf(checks),
                fact);
        for (Check c : checks) {
            for (String name : Stream.concat(Stream.of(c.field(), c.other(), c.date()), c.parts().stream())
                    .filter(n -> n != null)
                    .toList()) {
                contract.field(name);
            }
            requireRules(contract, c);
        }
        return contract;
    }

    /**
     * A bound that names a policy rule needs the rule, for every row alike (applies_to {@code all}), and a date
     * field to pick its version by; a bound is either a rule or a number, never both.
     */
    private static void requireRules(Contract contract, Check c) {
        if (c.rules().isEmpty()) {
            return;
        }
        String where = contract.source() + ": check " + c.kind().name().toLowerCase(Locale.ROOT) + " of " + c.field();
        if (c.kind() != Check.Kind.RANGE
                || c.minRule() != null && c.min() != null
                || c.maxRule() != null && c.max() != null) {
            throw new IllegalStateException(where + ": only a range bound names a rule, in place of its number");
        }
        if (c.date() == null || contract.field(c.date()).type() != FieldType.DATE) {
            throw new IllegalStateException(where + ": a rule's version needs a date field (the check's date or the"
                    + " fact's event_date), got " + c.date());
        }
        PolicyRules rules = PolicyRules.bundled();
        for (String rule : c.rules()) {
            if (!rules.has(rule)
                    || rules.all().stream()
                            .anyMatch(
                                    r -> r.rule().equals(rule) && !r.appliesTo().equals(PolicyRules.EVERY_ROW))) {
                throw new IllegalStateException(where + ": no rule " + rule + " for every row (applies_to "
                        + PolicyRules.EVERY_ROW + ") in " + PolicyRules.RESOURCE);
            }
        }
    }

    private static Contract.Fact fact(Map<String, Object> fact) {
        return fact == null
                ? null
                : new Contract.Fact(
                        (String) fact.get("table"),
                        (String) fact.get("event_date"),
                        (String) fact.get("natural_key_sql"),
                        (String) fact.get("natural_key_label"));
    }

    private static BigDecimal decimal(Object value) {
        return value == null ? null : new BigDecimal(value.toString());
    }

    @SuppressWarnings("unchecked")
    private static CodeList codeList(Field field, List<Map<String, Object>> entries) {
        List<CodeList.Entry> out = new ArrayList<>();
        for (Map<String, Object> e : entries) {
            out.add(new CodeList.Entry((String) e.get("code"), (String) e.get("label"), List.copyOf((List<String>)
                    e.getOrDefault("aliases", List.of()))));
        }
        return new CodeList(field.codeList(), field.label(), out);
    }
}
