package org.hhw.sources.table;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hhw.sources.table.ListRowStream.row;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hhw.sources.contract.Contract;
import org.hhw.sources.contract.Contracts;
import org.hhw.sources.contract.Field;
import org.junit.jupiter.api.Test;

/**
 * Every header variant the field guide (docs for the department files) lists is read as its field,
 * for every source: a header the guide promises and the contract lacks would drop a column unseen.
 * The guide is read from a copy committed with the tests, which CI has; a second test keeps the copy
 * in step with the shared guide where that exists.
 */
class FieldGuideHeadersTest {

    private static final String COPY = "/field-guide/department-files.md";
    private static final Path SHARED = Path.of("/work/shared/spec/department-files.md");
    private static final String AS_IN_REGISTRY = "as in the registry";

    /** The guide names fields in English: which contract fields each row of its tables stands for. */
    private static final Map<String, Map<String, List<String>>> FIELDS = Map.of(
            "registry",
                    fields(
                            "household number",
                            "household_id",
                            "township",
                            "township",
                            "village",
                            "village",
                            "name",
                            "name",
                            "ID number",
                            "id_number",
                            "relation to head",
                            "relation",
                            "sex",
                            "sex_declared",
                            "household size",
                            "household_size",
                            "poverty status",
                            "poverty_status",
                            "main cause",
                            "main_cause",
                            "exit",
                            "exit_status,exit_year",
                            "labour capacity",
                            "labour_capacity",
                            "health",
                            "health",
                            "schooling",
                            "schooling",
                            "relocation",
                            "relocated"),
            "education",
                    fields(
                            "student",
                            "name",
                            "student ID",
                            "id_number",
                            "school",
                            "school",
                            "stage",
                            "stage",
                            "programme",
                            "programme",
                            "term",
                            "term",
                            "amount",
                            "amount",
                            "paid on",
                            "paid_on",
                            "guardian",
                            "guardian",
                            "township, village",
                            "township,village"),
            "medical",
                    fields(
                            "settlement number",
                            "settlement_no",
                            "patient",
                            "name",
                            "patient ID",
                            "id_number",
                            "hospital",
                            "hospital",
                            "hospital level",
                            "hospital_level",
                            "admitted, discharged",
                            "admitted,discharged",
                            "diagnosis",
                            "diagnosis",
                            "major disease",
                            "major_disease",
                            "total cost",
                            "total_cost",
                            "in-catalogue cost",
                            "in_catalogue_cost",
                            "basic insurance",
                            "basic_insurance",
                            "critical illness",
                            "critical_illness_insurance",
                            "supplementary",
                            "supplementary_insurance",
                            "assistance",
                            "medical_assistance",
                            "self-paid",
                            "self_paid",
                            "settled on",
                            "settled"),
            "microloan",
                    fields(
                            "borrower",
                            "name",
                            "borrower ID",
                            "id_number",
                            "household number",
                            "household_id",
                            "bank",
                            "bank",
                            "contract",
                            "contract_number",
                            "principal",
                            "principal",
                            "issued, due",
                            "issue_date,due_date",
                            "term",
                            "term_months",
                            "rate",
                            "annual_rate",
                            "purpose",
                            "purpose",
                            "interest subsidy",
                            "interest_subsidy",
                            "balance",
                            "balance",
                            "status",
                            "status",
                            "days overdue",
                            "days_overdue",
                            "as of",
                            "as_of"),
            "training",
                    fields(
                            "trainee",
                            "name",
                            "trainee ID",
                            "id_number",
                            "sex, age",
                            "sex_declared,age",
                            "course",
                            "course",
                            "school",
                            "school",
                            "start, end",
                            "start_date,end_date",
                            "hours",
                            "hours",
                            "completed",
                            "completed",
                            "certificate",
                            "certificate",
                            "employed",
                            "employment",
                            "place of work",
                            "work_place",
                            "monthly wage",
                            "monthly_wage",
                            "subsidy",
                            "subsidy"));

    @Test
    void everyHeaderVariantOfTheFieldGuideIsReadAsItsField() throws IOException {
        // given: each variant the guide lists, written as one column of a header beside the other required ones
        Map<String, List<Variant>> guide = variants(copy());

        // when
        List<String> misread = new ArrayList<>();
        int checked = 0;
        for (Map.Entry<String, List<Variant>> source : guide.entrySet()) {
            Contract contract = Contracts.load(source.getKey());
            for (Variant v : source.getValue()) {
                int column = readColumn(contract, v);
                if (column != 0) {
                    misread.add(source.getKey() + "." + v.field() + " ← " + v.header());
                }
                checked++;
            }
        }

        // then: all five sources, every variant
        assertThat(guide.keySet())
                .containsExactlyInAnyOrder("registry", "education", "medical", "microloan", "training");
        assertThat(checked).isGreaterThan(150);
        assertThat(misread).isEmpty();
    }

    @Test
    void theCommittedCopyOfTheFieldGuideIsTheSharedOne() throws IOException {
        // given: the shared guide, where this machine has it (a clean clone in CI has not)
        assumeTrue(Files.exists(SHARED), "no shared field guide here");

        // when
        String shared = Files.readString(SHARED, StandardCharsets.UTF_8);

        // then
        assertThat(copy()).isEqualTo(shared);
    }

    /** The column the contract's reader gives the variant's field: 0 when it is read as that field. */
    private static int readColumn(Contract contract, Variant v) throws IOException {
        List<String> header = new ArrayList<>();
        header.add(v.header());
        for (Field f : contract.requiredFields()) {
            if (!f.name().equals(v.field())) {
                header.add(f.headers().get(0));
            }
        }
        TableReader reader =
                new TableReader(new ListRowStream(List.of(row("表", 1, header.toArray(String[]::new)))), contract);
        reader.next();
        return reader.headers().get(0).fieldColumns()[index(contract, v.field())];
    }

    private static int index(Contract contract, String field) {
        List<Field> fields = contract.fields();
        for (int i = 0; i < fields.size(); i++) {
            if (fields.get(i).name().equals(field)) {
                return i;
            }
        }
        throw new AssertionError("the " + contract.source() + " contract has no field " + field);
    }

    record Variant(String field, String header) {}

    /** The guide's header variants by source, from its tables' rows "| field | variants | notes |". */
    static Map<String, List<Variant>> variants(String guide) {
        Map<String, List<Variant>> bySource = new LinkedHashMap<>();
        Map<String, List<String>> registryVariants = new LinkedHashMap<>();
        String source = null;
        for (String line : guide.split("\n")) {
            if (line.startsWith("## ")) {
                source = sourceOf(line);
                continue;
            }
            String[] cells = line.split("\\|");
            if (source == null
                    || !line.startsWith("| ")
                    || cells.length < 3
                    || cells[1].isBlank()
                    || cells[1].strip().equals("field")
                    || cells[1].startsWith(" ---")) {
                continue;
            }
            String name = cells[1].strip();
            List<String> fields = FIELDS.get(source).get(name);
            if (fields == null) {
                throw new AssertionError("the guide's " + source + " field \"" + name + "\" has no contract field in "
                        + "this test's table: add it");
            }
            List<List<String>> groups = groups(cells[2].strip(), fields, registryVariants);
            for (int f = 0; f < fields.size(); f++) {
                for (String h : groups.get(f)) {
                    bySource.computeIfAbsent(source, s -> new ArrayList<>()).add(new Variant(fields.get(f), h));
                }
                if (source.equals("registry")) {
                    registryVariants.put(name, groups.get(f));
                }
            }
        }
        return bySource;
    }

    /**
     * The variants of each field of a row: one field takes every variant ("a, b / c"); several fields
     * take a comma-separated group each ("a / b, c"); "as in the registry" takes the registry's.
     */
    private static List<List<String>> groups(String text, List<String> fields, Map<String, List<String>> registry) {
        if (text.equals(AS_IN_REGISTRY)) {
            return fields.stream()
                    .map(f -> {
                        List<String> same = registry.get(f);
                        if (same == null) {
                            throw new AssertionError("the registry table has no field " + f);
                        }
                        return same;
                    })
                    .toList();
        }
        if (fields.size() == 1) {
            return List.of(split(text, "[,/]"));
        }
        String[] parts = text.split(",");
        if (parts.length != fields.size()) {
            throw new AssertionError("\"" + text + "\" does not give one group of variants to each of " + fields);
        }
        return Arrays.stream(parts).map(p -> split(p, "/")).toList();
    }

    private static List<String> split(String text, String separators) {
        return Arrays.stream(text.split(separators))
                .map(String::strip)
                .filter(s -> !s.isEmpty())
                .toList();
    }

    /** The source whose contract label the section heading names, or null for a section of no source. */
    private static String sourceOf(String heading) {
        for (String source : FIELDS.keySet()) {
            if (heading.contains(Contracts.load(source).label())) {
                return source;
            }
        }
        return null;
    }

    private static Map<String, List<String>> fields(String... guideThenContract) {
        Map<String, List<String>> map = new LinkedHashMap<>();
        for (int i = 0; i < guideThenContract.length; i += 2) {
            map.put(guideThenContract[i], List.of(guideThenContract[i + 1].split(",")));
        }
        return map;
    }

    private static String copy() throws IOException {
        try (InputStream in = FieldGuideHeadersTest.class.getResourceAsStream(COPY)) {
            assertThat(in).as("the committed copy of the field guide").isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
