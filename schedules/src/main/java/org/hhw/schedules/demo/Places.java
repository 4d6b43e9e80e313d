package org.hhw.schedules.demo;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The townships and villages of the bundled gazetteer, numbered in file order. The numbers only
 * feed synthetic household numbers, so they need to be stable for a given gazetteer file, not
 * official.
 */
final class Places {

    private static final String GAZETTEER = "/reference/tianzhen-gazetteer.csv";

    record Village(int code, String name, List<String> aliases) {}

    record Township(int code, String name, List<String> aliases, List<Village> villages) {

        /** The variant furthest from the official name: the gazetteer lists short forms first. */
        String alias() {
            return aliases.get(aliases.size() - 1);
        }
    }

    private static final Places BUNDLED = load();

    private final Map<String, Township> townships;

    private Places(Map<String, Township> townships) {
        this.townships = townships;
    }

    static Places bundled() {
        return BUNDLED;
    }

    List<Township> townships() {
        return List.copyOf(townships.values());
    }

    Township township(String name) {
        Township t = townships.get(name);
        if (t == null) {
            throw new IllegalArgumentException("not a township of the gazetteer: " + name);
        }
        return t;
    }

    private static Places load() {
        try (InputStream in = Places.class.getResourceAsStream(GAZETTEER)) {
            if (in == null) {
                throw new IllegalStateException("gazetteer missing from the classpath: " + GAZETTEER);
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            Map<String, List<String>> aliases = new LinkedHashMap<>();
            Map<String, List<Village>> villages = new LinkedHashMap<>();
            reader.readLine();
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (line.isBlank()) {
                    continue;
                }
                String[] f = line.split(",", -1);
                aliases.putIfAbsent(f[0], split(f[1]));
                List<Village> list = villages.computeIfAbsent(f[0], k -> new ArrayList<>());
                list.add(new Village(list.size() + 1, f[2], split(f[3])));
            }
            Map<String, Township> townships = new LinkedHashMap<>();
            for (String name : villages.keySet()) {
                townships.put(
                        name,
                        new Township(townships.size() + 1, name, aliases.get(name), List.copyOf(villages.get(name))));
            }
            return new Places(townships);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> split(String aliases) {
        return aliases.isEmpty() ? List.of() : List.of(aliases.split("\\|"));
    }
}
