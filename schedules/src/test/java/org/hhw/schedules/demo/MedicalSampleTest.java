package org.hhw.schedules.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.hhw.sources.clean.Gazetteer;
import org.hhw.sources.clean.Pseudonyms;
import org.hhw.sources.clean.Reason;
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

class MedicalSampleTest {

    private static final Contract MEDICAL = Contracts.load("medical");
    private static final Pseudonyms PSEUDONYMS = new Pseudonyms(new byte[32]);

    @TempDir
    Path dir;

    @Test
    void demoFilesCarryEveryDefectAndCleanToExactlyTheRejectsAndWarningsTheyAnnounce() throws IOException {
        // given the registry demo's persons
        Set<String> registered = new HashSet<>();
        DemoData.households(42).forEach(h -> h.members().forEach(p -> registered.add(PSEUDONYMS.personIdHash(p.id()))));

        // when the medical demo is written for the same seed
        List<MedicalSample.ClaimFile> files = MedicalSample.writeDemo(dir.resolve("inbox"), 42);

        // then there are three files, in three formats, each with every defect
        assertThat(files)
                .extracting(f -> f.file().getFileName().toString())
                .containsExactly("2019年天镇县县级市级医院住院一站式结算明细.xlsx", "2019年乡镇卫生院住院结算明细.xls", "2019年省级及省外住院结算明细.csv");
        Set<MedicalSample.Defect> withoutX = EnumSet.allOf(MedicalSample.Defect.class);
        withoutX.remove(MedicalSample.Defect.LOWERCASE_X);
        for (MedicalSample.ClaimFile f : files) {
            assertThat(f.counts().keySet()).as(f.sheet()).containsAll(withoutX);
            assertThat(f.counts().values()).as(f.sheet()).containsOnly(1);
            assertThat(f.unregistered()).as(f.sheet()).isPositive().isLessThan(f.claimRows() / 10 + 2);
        }
        // and the cleaning reports exactly the announced rows (duplicates are found by the warehouse)
        for (MedicalSample.ClaimFile f : files) {
            List<Outcome> outcomes = validate(f.file());
            Map<Integer, Reason> rejected = new TreeMap<>();
            Map<Integer, Reason> warned = new TreeMap<>();
            int unknownPatients = 0;
            LocalDate lastDischarge = LocalDate.MIN;
            for (Outcome o : outcomes) {
                for (Finding finding : o.findings()) {
                    (finding.issue().rejects() ? rejected : warned)
                            .put(o.rowNumber(), finding.issue().reason());
                }
                if (o.loaded() && ((LocalDate) o.values()[MEDICAL.outputIndex("discharged")]).isAfter(lastDischarge)) {
                    lastDischarge = (LocalDate) o.values()[MEDICAL.outputIndex("discharged")];
                }
                if (o.loaded() && !registered.contains((String) o.values()[MEDICAL.outputIndex("person_id_hash")])) {
                    unknownPatients++;
                }
            }
            Map<Integer, Reason> expectedRejects = new TreeMap<>();
            Map<Integer, Reason> expectedWarnings = new TreeMap<>();
            for (MedicalSample.Injection i : f.injections()) {
                if (i.defect().reason() != null && i.defect() != MedicalSample.Defect.DUPLICATE_SETTLEMENT) {
                    (i.defect().rejects() ? expectedRejects : expectedWarnings)
                            .put(i.row(), i.defect().reason());
                }
            }
            assertThat(rejected).as(f.sheet()).isEqualTo(expectedRejects);
            assertThat(warned).as(f.sheet()).isEqualTo(expectedWarnings);
            assertThat(outcomes.stream().filter(o -> o.loaded() || o.rejected()).count())
                    .isEqualTo(f.claimRows());
            assertThat(unknownPatients).as(f.sheet()).isPositive().isLessThanOrEqualTo(f.unregistered());
            assertThat(lastDischarge).as(f.sheet()).isEqualTo(f.lastDischarge());
        }
        assertThat(Files.readString(files.get(2).file(), CsvEncoding.GB18030.charset()))
                .startsWith("天镇县2019年");
    }

    @Test
    void demoFilesAreTheSameForTheSameSeed() throws IOException {
        // when
        List<MedicalSample.ClaimFile> first = MedicalSample.writeDemo(dir.resolve("a"), 7);
        List<MedicalSample.ClaimFile> second = MedicalSample.writeDemo(dir.resolve("b"), 7);

        // then
        assertThat(second)
                .extracting(MedicalSample.ClaimFile::injections)
                .isEqualTo(
                        first.stream().map(MedicalSample.ClaimFile::injections).toList());
        for (int i = 0; i < first.size(); i++) {
            assertThat(Files.mismatch(first.get(i).file(), second.get(i).file()))
                    .as(first.get(i).file().toString())
                    .isEqualTo(-1L);
        }
    }

    @Test
    void largeFileHasOneHeaderAndCleanRowsOnly() throws IOException {
        // given
        Path csv = dir.resolve("large.csv");

        // when
        MedicalSample.writeLarge(csv, 3_000, 1);

        // then
        assertThat(Files.readAllLines(csv, StandardCharsets.UTF_8)).hasSize(3_001);
        List<Outcome> outcomes = validate(csv);
        assertThat(outcomes).hasSize(3_000).allSatisfy(o -> {
            assertThat(o.loaded()).isTrue();
            assertThat(o.findings()).isEmpty();
        });
    }

    private static List<Outcome> validate(Path file) throws IOException {
        RowValidator validator = new RowValidator(MEDICAL, Gazetteer.bundled(), PSEUDONYMS);
        List<Outcome> out = new ArrayList<>();
        try (TableReader reader = new TableReader(SpreadsheetFiles.open(file, ReadLimits.defaults()), MEDICAL)) {
            for (SheetRow row = reader.next(); row != null; row = reader.next()) {
                Outcome o = validator.validate(row);
                if (o.loaded() || o.rejected()) {
                    out.add(o);
                }
            }
        }
        return out;
    }
}
