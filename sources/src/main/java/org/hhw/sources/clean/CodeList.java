package org.hhw.sources.clean;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A coded-value domain such as 与户主关系 or 贫困户属性: the labels clerks write (and their
 * aliases) resolved to stable codes.
 */
public final class CodeList {

    /** One allowed value: its code, the label shown to clerks, and other ways of writing it. */
    public record Entry(String code, String label, List<String> aliases) {
        public Entry {
            aliases = List.copyOf(aliases);
        }
    }

    private final String domain;
    private final String labelZh;
    private final List<Entry> entries;
    private final Map<String, String> codeByKey = new HashMap<>();

    /**
     * @param domain  the domain's identifier, e.g. "relation"
     * @param labelZh the field's name as clerks know it, used in messages, e.g. "与户主关系"
     */
    public CodeList(String domain, String labelZh, List<Entry> entries) {
        this.domain = domain;
        this.labelZh = labelZh;
        this.entries = List.copyOf(entries);
        for (Entry entry : this.entries) {
            register(entry.label(), entry);
            entry.aliases().forEach(alias -> register(alias, entry));
        }
    }

    public String domain() {
        return domain;
    }

    public String labelZh() {
        return labelZh;
    }

    public List<Entry> entries() {
        return entries;
    }

    /** The code for a label or an alias, compared without spaces and with full-width folded. */
    public Cleaned<String> resolve(String raw) {
        String key = Text.compact(raw);
        if (key.isEmpty()) {
            return Cleaned.blank();
        }
        String code = codeByKey.get(key);
        if (code != null) {
            return Cleaned.ok(code);
        }
        String labels = entries.stream().map(Entry::label).collect(Collectors.joining("、"));
        return Cleaned.reject(
                Reason.CODE_UNKNOWN, labelZh + "“" + Text.normalize(raw) + "”不是规定的填法，只能填写：" + labels + "。请改为其中之一。");
    }

    /** Whether the text is one of the list's labels or aliases: such a word is a value, not a placeholder. */
    public boolean names(String raw) {
        return codeByKey.containsKey(Text.compact(raw));
    }

    private void register(String text, Entry entry) {
        String previous = codeByKey.putIfAbsent(Text.compact(text), entry.code());
        if (previous != null && !previous.equals(entry.code())) {
            throw new IllegalArgumentException(
                    domain + ": \"" + text + "\" is both " + previous + " and " + entry.code());
        }
    }
}
