package org.hhw.schedules.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.hhw.sources.clean.Gazetteer;
import org.hhw.sources.clean.Pseudonyms;
import org.hhw.sources.contract.Contract;
import org.hhw.sources.contract.Contracts;
import org.hhw.sources.read.ReadLimits;
import org.hhw.sources.read.SpreadsheetFiles;
import org.hhw.sources.table.SheetRow;
import org.hhw.sources.table.TableReader;
import org.hhw.sources.validate.Finding;
import org.hhw.sources.validate.Outcome;
import org.hhw.sources.validate.RowValidator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrainingSampleTest {

    private static final Contract TRAINING = Contracts.load("training");
    private static final Pseudonyms PSEUDONYMS =
            new Pseudonyms(HexFormat.of().parseHex("000102030405060708090a0b0c0d0e0f"));

    @TempDir
    Path dir;

    /** What the validator makes of one file: rows by outcome, findings by kind and reason, trainees. */
    private record Cleaned(
            int loaded,
            int rejected,
            Map<String, Integer> findings,
            List<String> loadedKeys,
            Set<String> loadedPersons,
            LocalDate lastEnd) {}

    @Test
    void demoRostersCleanToExactlyTheirDefectsAndLinkToTheDemoRegistry() throws IOException {
        // given the people of the demo registry of the same seed
        Set<String> registered = new HashSet<>();
        for (Household h : DemoData.households(42)) {
            h.members().forEach(p -> registered.add(PSEUDONYMS.personIdHash(p.id())));
        }

        // when
        List<TrainingSample.Roster> rosters = TrainingSample.writeDemo(dir.resolve("inbox"), 42);

        // then three formats, each with one row of every defect, the rest cleaning back silently
        assertThat(rosters)
                .extracting(r -> r.file().getFileName().toString())
                .containsExactly(
                        "2019年方源天大职业培训学校家政养老育婴培训花名册.xlsx", "2019年阳光职业培训学校保安电商培训花名册.xls", "2019年博宇职业培训学校种植养殖培训花名册.csv");
        for (TrainingSample.Roster roster : rosters) {
            Cleaned cleaned = clean(roster.file());
            assertThat(roster.defects())
                    .as(roster.file().toString())
                    .containsOnlyKeys(TrainingSample.Defect.values())
                    .allSatisfy((defect, rows) -> assertThat(rows).isEqualTo(1));
            assertThat(roster.dataRows()).isGreaterThan(30);
            assertThat(cleaned.rejected()).as(roster.file().toString()).isEqualTo(4);
            assertThat(cleaned.loaded()).isEqualTo(roster.dataRows() - 4);
            assertThat(cleaned.lastEnd()).as(roster.file().toString()).isEqualTo(roster.lastCourseEnd());
            assertThat(cleaned.findings())
                    .as(roster.file().toString())
                    .containsExactlyEntriesOf(new TreeMap<>(Map.of(
                            "reject AMOUNT_INVALID",
                            1,
                            "reject CODE_UNKNOWN",
                            1,
                            "reject INCONSISTENT",
                            1,
                            "reject NUMBER_INVALID",
                            1,
                            "warning INCONSISTENT",
                            1)));
            assertThat(cleaned.loadedKeys().size() - new HashSet<>(cleaned.loadedKeys()).size())
                    .isEqualTo(1);
            assertThat(cleaned.loadedPersons().stream()
                            .filter(p -> !registered.contains(p))
                            .count())
                    .isEqualTo(roster.unregistered());
        }
    }

    @Test
    void demoRostersAreByteIdenticalForTheSameSeed() throws IOException {
        // when
        List<TrainingSample.Roster> first = TrainingSample.writeDemo(dir.resolve("a"), 7);
        List<TrainingSample.Roster> second = TrainingSample.writeDemo(dir.resolve("b"), 7);

        // then
        for (int i = 0; i < first.size(); i++) {
            assertThat(Files.mismatch(first.get(i).file(), second.get(i).file()))
                    .as(first.get(i).file().toString())
                    .isEqualTo(-1L);
        }
    }

    @Test
    void largeFileHasOneHeaderAndTheRowsAskedForAllClean() throws IOException {
        // given
        Path large = dir.resolve("large.csv");

        // when
        TrainingSample.writeLarge(large, 5_000, 3);

        // then
        List<String> lines = Files.readAllLines(large, StandardCharsets.UTF_8);
        assertThat(lines).hasSize(5_001);
        assertThat(lines.get(0)).isEqualTo("姓名,身份证号,培训项目,培训机构,开班日期,结业日期,培训课时,是否结业,证书编号,是否就业," + "就业地点,月收入（元）,补贴金额（元）");
        Cleaned cleaned = clean(large);
        assertThat(cleaned.loaded()).isEqualTo(5_000);
        assertThat(cleaned.findings()).isEmpty();
        assertThat(new HashSet<>(cleaned.loadedKeys())).hasSize(5_000);
    }

    private static Cleaned clean(Path file) throws IOException {
        RowValidator validator = new RowValidator(TRAINING, Gazetteer.bundled(), PSEUDONYMS);
        int hash = TRAINING.outputIndex("person_id_hash");
        int course = TRAINING.outputIndex("course");
        int start = TRAINING.outputIndex("start_date");
        int end = TRAINING.outputIndex("end_date");
        int loaded = 0;
        int rejected = 0;
        Map<String, Integer> findings = new TreeMap<>();
        List<String> keys = new ArrayList<>();
        Set<String> persons = new HashSet<>();
        LocalDate lastEnd = LocalDate.MIN;
        try (TableReader reader = new TableReader(SpreadsheetFiles.open(file, ReadLimits.defaults()), TRAINING)) {
            for (SheetRow row = reader.next(); row != null; row = reader.next()) {
                Outcome outcome = validator.validate(row);
                if (outcome.loaded()) {
                    loaded++;
                    Object[] v = outcome.values();
                    keys.add(v[hash] + "|" + v[course] + "|" + v[start]);
                    persons.add((String) v[hash]);
                    if (((LocalDate) v[end]).isAfter(lastEnd)) {
                        lastEnd = (LocalDate) v[end];
                    }
                } else if (outcome.rejected()) {
                    rejected++;
                }
                for (Finding f : outcome.findings()) {
                    findings.merge(
                            (f.issue().rejects() ? "reject " : "warning ")
                                    + f.issue().reason(),
                            1,
                            Integer::sum);
                }
            }
        }
        return new Cleaned(loaded, rejected, findings, keys, persons, lastEnd);
    }
}
