package org.hhw.schedules.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hhw.sources.clean.Gazetteer;
import org.hhw.sources.clean.Pseudonyms;
import org.hhw.sources.clean.Reason;
import org.hhw.sources.contract.Contract;
import org.hhw.sources.contract.Contracts;
import org.hhw.sources.read.ReadLimits;
import org.hhw.sources.read.SpreadsheetFiles;
import org.hhw.sources.table.SheetRow;
import org.hhw.sources.table.TableReader;
import org.hhw.sources.validate.Outcome;
import org.hhw.sources.validate.RowValidator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EducationSampleTest {

    private static final Contract EDUCATION = Contracts.load("education");
    private static final Pseudonyms PSEUDONYMS =
            new Pseudonyms(HexFormat.of().parseHex("000102030405060708090a0b0c0d0e0f"));

    @TempDir
    Path dir;

    /** What the cleaning made of a roster: payments loaded, rows rejected by reason, IDs paid, days paid. */
    private record Cleaned(int loaded, Map<Reason, Integer> rejects, Set<String> personHashes, Set<LocalDate> paidOn) {}

    @Test
    void demoRostersCleanExactlyAsPlannedAndPayMostlyRegisteredStudents() throws IOException {
        // given the registry demo's persons of the same seed
        Set<String> registered = new HashSet<>();
        DemoData.households(42).forEach(h -> h.members().forEach(p -> registered.add(PSEUDONYMS.personIdHash(p.id()))));

        // when
        List<EducationSample.Roster> rosters = EducationSample.writeDemo(dir, 42);

        // then three formats, each with its three defects and nothing else rejected
        assertThat(rosters)
                .extracting(r -> r.file().getFileName().toString())
                .containsExactly("2019年春季学期教育扶贫资助发放名册.xlsx", "2019年秋季学期教育扶贫资助发放名册.xls", "2019年秋季学期营养改善计划发放名册.csv");
        Set<String> paid = new HashSet<>();
        for (EducationSample.Roster roster : rosters) {
            Cleaned cleaned = clean(roster.file());
            assertThat(roster.rejects())
                    .as(roster.file().toString())
                    .isEqualTo(Map.of(Reason.AMOUNT_INVALID, 1, Reason.CODE_UNKNOWN, 1, Reason.DUPLICATE_IN_FILE, 1));
            assertThat(cleaned.rejects()).as(roster.file().toString()).isEqualTo(roster.rejects());
            assertThat(cleaned.loaded() + 3).isEqualTo(roster.dataRows());
            assertThat(cleaned.loaded()).isGreaterThan(50);
            assertThat(cleaned.paidOn()).as(roster.file().toString()).containsExactly(roster.paidOn());
            paid.addAll(cleaned.personHashes());
        }
        // and most students are the registry's, a few are not
        long known = paid.stream().filter(registered::contains).count();
        assertThat((double) known / paid.size()).isBetween(0.85, 0.99);
        assertThat(new String(Files.readAllBytes(rosters.get(2).file()), "GB18030"))
                .contains("营养改善计划及学前资助发放名册", "填报单位", "合计");
    }

    @Test
    void theSameSeedWritesTheSameBytes() throws IOException {
        // when
        List<EducationSample.Roster> first = EducationSample.writeDemo(dir.resolve("a"), 7);
        List<EducationSample.Roster> second = EducationSample.writeDemo(dir.resolve("b"), 7);

        // then
        for (int i = 0; i < first.size(); i++) {
            assertThat(Files.mismatch(first.get(i).file(), second.get(i).file()))
                    .isEqualTo(-1);
        }
    }

    @Test
    void theLargeFileIsOneHeaderAndCleanUniquePayments() throws IOException {
        // given
        Path file = dir.resolve("large.csv");

        // when
        EducationSample.writeLarge(file, 2_000, 3);

        // then
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        assertThat(lines).hasSize(2_001);
        assertThat(lines.get(0)).isEqualTo("学生姓名,学生身份证号,学校名称,学段,资助项目,学期,资助金额,发放日期,家长姓名,乡镇,行政村");
        Cleaned cleaned = clean(file);
        assertThat(cleaned.loaded()).isEqualTo(2_000);
        assertThat(cleaned.rejects()).isEmpty();
    }

    /** Reads and validates a file as the ingest job does; a repeated (student, programme, term) counts as DUPLICATE_IN_FILE. */
    private static Cleaned clean(Path file) throws IOException {
        RowValidator validator = new RowValidator(EDUCATION, Gazetteer.bundled(), PSEUDONYMS);
        int hash = EDUCATION.outputIndex("person_id_hash");
        int programme = EDUCATION.outputIndex("programme");
        int term = EDUCATION.outputIndex("term");
        int paidOn = EDUCATION.outputIndex("paid_on");
        Map<Reason, Integer> rejects = new EnumMap<>(Reason.class);
        Set<List<Object>> keys = new HashSet<>();
        Set<String> persons = new HashSet<>();
        Set<LocalDate> days = new HashSet<>();
        int loaded = 0;
        try (TableReader reader = new TableReader(SpreadsheetFiles.open(file, ReadLimits.defaults()), EDUCATION)) {
            for (SheetRow row = reader.next(); row != null; row = reader.next()) {
                Outcome outcome = validator.validate(row);
                if (outcome.rejected()) {
                    outcome.findings().forEach(f -> rejects.merge(f.issue().reason(), 1, Integer::sum));
                } else if (outcome.loaded()) {
                    Object[] v = outcome.values();
                    if (keys.add(List.of(v[hash], v[programme], v[term]))) {
                        loaded++;
                        persons.add((String) v[hash]);
                        days.add((LocalDate) v[paidOn]);
                    } else {
                        rejects.merge(Reason.DUPLICATE_IN_FILE, 1, Integer::sum);
                    }
                }
            }
        }
        return new Cleaned(loaded, rejects, persons, days);
    }
}
