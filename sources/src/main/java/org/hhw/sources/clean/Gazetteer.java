package org.hhw.sources.clean;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The townships and villages of the county with their variant spellings, read from CSV data
 * (columns township, township_aliases, village, village_aliases; aliases separated by '|'), never
 * from code: the county's official list replaces the bundled one, and an operator file can add
 * villages and aliases. Codes are positions of first appearance, so they stay stable as long as
 * files are only appended to.
 */
public final class Gazetteer {

    private static final String RESOURCE = "/reference/tianzhen-gazetteer.csv";
    private static final String HEADER = "township,township_aliases,village,village_aliases";
    private static final Charset GB18030 = Charset.forName("GB18030");

    private final List<Row> rows;
    private final List<Township> townships = new ArrayList<>();
    private final List<Village> villages = new ArrayList<>();
    private final Map<String, Township> townshipKeys = new HashMap<>();
    private final Map<Township, Map<String, Village>> villageKeys = new HashMap<>();
    private final Map<Object, Set<String>> aliases = new HashMap<>();

    private Gazetteer(List<Row> rows) {
        this.rows = List.copyOf(rows);
        for (Row row : this.rows) {
            add(row);
        }
    }

    /** The gazetteer shipped with the product (from the county plan). */
    public static Gazetteer bundled() {
        return Bundled.INSTANCE;
    }

    /** Reads a gazetteer CSV in UTF-8 (with or without BOM) or GB18030, as Excel saves it. */
    public static Gazetteer load(InputStream csv) throws IOException {
        return new Gazetteer(parse(csv));
    }

    /**
     * This gazetteer plus the rows of another CSV with the same columns: rows naming a known
     * township or village (by name or alias) add aliases to it, others add new places after the
     * existing ones, so existing codes do not change.
     */
    public Gazetteer withExtra(InputStream csv) throws IOException {
        List<Row> all = new ArrayList<>(rows);
        all.addAll(parse(csv));
        return new Gazetteer(all);
    }

    public List<Township> townships() {
        return List.copyOf(townships);
    }

    public List<Village> villages() {
        return List.copyOf(villages);
    }

    /** The variant spellings of a township, as the gazetteer lists them. */
    public List<String> aliases(Township township) {
        return List.copyOf(aliases.getOrDefault(township, Set.of()));
    }

    /** The variant spellings of a village, as the gazetteer lists them. */
    public List<String> aliases(Village village) {
        return List.copyOf(aliases.getOrDefault(village, Set.of()));
    }

    /**
     * A township by its name or an alias, with or without its 乡/镇 suffix ("南河堡" and
     * "南河堡镇" both give 南河堡乡).
     */
    public Cleaned<Township> township(String raw) {
        String key = Text.compact(raw);
        if (key.isEmpty()) {
            return Cleaned.blank();
        }
        Township found = findTownship(key);
        if (found != null) {
            return Cleaned.ok(found);
        }
        String names = townships.stream().map(Township::name).collect(Collectors.joining("、"));
        return Cleaned.reject(
                Reason.TOWNSHIP_UNKNOWN,
                "乡镇“" + Text.normalize(raw) + "”不在本县乡镇名单中。请填写以下" + townships.size() + "个乡镇之一：" + names + "。");
    }

    /** A village of the given township by its name or an alias, with or without a trailing 村. */
    public Cleaned<Village> village(Township township, String raw) {
        String key = Text.compact(raw);
        if (key.isEmpty()) {
            return Cleaned.blank();
        }
        Village found = findVillage(township, key);
        if (found != null) {
            return Cleaned.ok(found);
        }
        String shown = Text.normalize(raw);
        String elsewhere = villages.stream()
                .filter(v -> !v.township().equals(township) && findVillage(v.township(), key) == v)
                .map(v -> v.township().name())
                .collect(Collectors.joining("、"));
        String hint = elsewhere.isEmpty() ? "" : "名单中" + elsewhere + "有这个村，如果是乡镇填错了，请改正乡镇。";
        return Cleaned.reject(
                Reason.VILLAGE_UNKNOWN,
                "行政村“" + shown + "”不在" + township.name() + "的村名单中。"
                        + hint + "请核对村名的写法；如果它确实是" + township.name()
                        + "的行政村，请联系县扶贫办把它加入村名单。");
    }

    private Township findTownship(String key) {
        Township found = townshipKeys.get(key);
        return found != null ? found : townshipKeys.get(withoutSuffix(key));
    }

    private Village findVillage(Township township, String key) {
        Map<String, Village> byKey = villageKeys.getOrDefault(township, Map.of());
        Village found = byKey.get(key);
        if (found == null && key.length() > 1 && key.endsWith("村")) {
            found = byKey.get(key.substring(0, key.length() - 1));
        }
        return found;
    }

    private void add(Row row) {
        Township township = findTownship(row.township());
        if (township == null) {
            township = new Township(townships.size() + 1, row.township());
            townships.add(township);
            registerTownship(row.township(), township, row);
        }
        for (String alias : row.townshipAliases()) {
            registerTownship(alias, township, row);
            aliases.computeIfAbsent(township, t -> new LinkedHashSet<>()).add(alias);
        }
        if (row.village().isEmpty()) {
            return;
        }
        Map<String, Village> byKey = villageKeys.computeIfAbsent(township, t -> new HashMap<>());
        Village village = findVillage(township, row.village());
        if (village == null) {
            village = new Village(villages.size() + 1, township, row.village());
            villages.add(village);
            register(byKey, row.village(), village, row);
        }
        for (String alias : row.villageAliases()) {
            register(byKey, alias, village, row);
            aliases.computeIfAbsent(village, v -> new LinkedHashSet<>()).add(alias);
        }
    }

    private void registerTownship(String name, Township township, Row row) {
        register(townshipKeys, name, township, row);
        register(townshipKeys, withoutSuffix(name), township, row);
    }

    private static <T> void register(Map<String, T> keys, String key, T place, Row row) {
        T previous = keys.putIfAbsent(key, place);
        if (previous != null && !previous.equals(place)) {
            throw new IllegalArgumentException("gazetteer line " + row.line() + ": \"" + key + "\" already names "
                    + previous + ", cannot also name " + place);
        }
    }

    /** "南河堡乡" gives "南河堡"; two-character names keep their suffix ("X乡" alone is no name). */
    private static String withoutSuffix(String name) {
        return name.length() > 2 && (name.endsWith("乡") || name.endsWith("镇"))
                ? name.substring(0, name.length() - 1)
                : name;
    }

    private static List<Row> parse(InputStream csv) throws IOException {
        String[] lines = decode(csv.readAllBytes()).split("\\R");
        List<Row> rows = new ArrayList<>();
        boolean headerSeen = false;
        for (int i = 0; i < lines.length; i++) {
            if (Text.isBlank(lines[i])) {
                continue;
            }
            String[] fields = lines[i].split(",", -1);
            if (!headerSeen) {
                if (!HEADER.equalsIgnoreCase(Text.compact(lines[i]))) {
                    throw new IllegalArgumentException("gazetteer line " + (i + 1) + ": expected the header " + HEADER);
                }
                headerSeen = true;
                continue;
            }
            if (fields.length < 3 || field(fields, 0).isEmpty()) {
                throw new IllegalArgumentException(
                        "gazetteer line " + (i + 1) + ": need township,township_aliases,village,village_aliases");
            }
            rows.add(new Row(
                    i + 1, field(fields, 0), aliases(field(fields, 1)), field(fields, 2), aliases(field(fields, 3))));
        }
        return rows;
    }

    /** A field in the compact form used as a key; Excel quotes fields when it saves CSV. */
    private static String field(String[] fields, int index) {
        if (index >= fields.length) {
            return "";
        }
        String value = Text.compact(fields[index]);
        return value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")
                ? value.substring(1, value.length() - 1)
                : value;
    }

    private static List<String> aliases(String field) {
        List<String> aliases = new ArrayList<>();
        for (String alias : field.split("\\|")) {
            if (!alias.isEmpty()) {
                aliases.add(alias);
            }
        }
        return aliases;
    }

    private static String decode(byte[] bytes) throws CharacterCodingException {
        try {
            String text = StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
            return text.startsWith("\uFEFF") ? text.substring(1) : text;
        } catch (CharacterCodingException notUtf8) {
            // Chinese Excel and WPS save CSV in GB18030/GBK by default.
            return GB18030.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        }
    }

    private record Row(
            int line, String township, List<String> townshipAliases, String village, List<String> villageAliases) {}

    private static final class Bundled {
        private static final Gazetteer INSTANCE = loadBundled();

        private static Gazetteer loadBundled() {
            try (InputStream in = Gazetteer.class.getResourceAsStream(RESOURCE)) {
                if (in == null) {
                    throw new IllegalStateException("missing classpath resource " + RESOURCE);
                }
                return load(in);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
