package org.hhw.schedules.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
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

class MicroloanSampleTest {

    private static final Contract MICROLOAN = Contracts.load("microloan");
    private static final Pseudonyms PSEUDONYMS =
            new Pseudonyms(HexFormat.of().parseHex("000102030405060708090a0b0c0d0e0f"));

    @TempDir
    Path dir;

    /** What the cleaning makes of one file: loaded rows, rejecting reasons, contract/date keys loaded. */
    private record Cleaned(int loaded, Map<Reason, Integer> rejects, Set<String> keys, Set<LocalDate> dates) {}

    @Test
    void demoLedgersCarryOneOfEachDefectAndCleanOtherwise() throws IOException {
        // given
        Path inbox = dir.resolve("inbox");

        // when
        List<MicroloanSample.Ledger> ledgers = MicroloanSample.writeDemo(inbox, 42);

        // then three ledgers in three formats, each with exactly the defects its manifest counts
        assertThat(ledgers)
                .extracting(l -> l.file().getFileName().toString())
                .containsExactly(
                        "2019年6月扶贫小额信贷台账（农商银行）.xlsx", "2019年6月扶贫小额信贷台账（邮储银行）.xls", "2019年7月扶贫小额信贷台账（农商银行）.csv");
        assertThat(ledgers)
                .extracting(MicroloanSample.Ledger::asOf)
                .containsExactly(LocalDate.of(2019, 6, 30), LocalDate.of(2019, 6, 30), LocalDate.of(2019, 7, 31));
        for (MicroloanSample.Ledger ledger : ledgers) {
            assertThat(ledger.defects())
                    .isEqualTo(Map.of(
                            Reason.INCONSISTENT,
                            1,
                            Reason.CODE_UNKNOWN,
                            1,
                            Reason.AMOUNT_INVALID,
                            1,
                            Reason.DUPLICATE_IN_FILE,
                            1));
            Cleaned cleaned = clean(ledger.file());
            assertThat(cleaned.rejects())
                    .as(ledger.file().toString())
                    .isEqualTo(Map.of(Reason.INCONSISTENT, 1, Reason.CODE_UNKNOWN, 1, Reason.AMOUNT_INVALID, 1));
            assertThat(cleaned.loaded()).isEqualTo(ledger.loans() - 3);
            // the repeated contract is the one row the warehouse rejects as DUPLICATE_IN_FILE
            assertThat(cleaned.keys()).hasSize(cleaned.loaded() - 1);
            assertThat(cleaned.dates()).containsExactly(ledger.asOf());
        }
        // and the two June ledgers hold every loan: a few borrowers are not in the registry
        assertThat(ledgers.get(0).unregistered() + ledgers.get(1).unregistered())
                .isEqualTo(MicroloanSample.UNREGISTERED);
        assertThat(ledgers.get(0).loans() + ledgers.get(1).loans()).isGreaterThan(100);
    }

    @Test
    void borrowersArePeopleOfTheRegistryDemoButForAFew() {
        // given
        Set<String> registered = new HashSet<>();
        DemoData.households(7).forEach(h -> h.members().forEach(p -> registered.add(p.id())));

        // when
        List<MicroloanSample.Loan> loans = MicroloanSample.loans(DemoData.households(7), new SplittableRandom(7));

        // then
        assertThat(loans)
                .filteredOn(MicroloanSample.Loan::registered)
                .allSatisfy(l -> assertThat(registered).contains(l.id()));
        assertThat(loans)
                .filteredOn(l -> !l.registered())
                .hasSize(MicroloanSample.UNREGISTERED)
                .allSatisfy(l -> assertThat(registered).doesNotContain(l.id()));
        assertThat(loans).extracting(MicroloanSample.Loan::contract).doesNotHaveDuplicates();
    }

    @Test
    void theSameSeedWritesTheSameBytes() throws IOException {
        // when
        List<MicroloanSample.Ledger> first = MicroloanSample.writeDemo(dir.resolve("a"), 5);
        List<MicroloanSample.Ledger> second = MicroloanSample.writeDemo(dir.resolve("b"), 5);

        // then the workbook and the csv are byte-identical
        assertThat(Files.mismatch(first.get(0).file(), second.get(0).file())).isEqualTo(-1);
        assertThat(Files.mismatch(first.get(2).file(), second.get(2).file())).isEqualTo(-1);
    }

    @Test
    void aLargeLedgerIsOneCleanCsvOfTheRowsAsked() throws IOException {
        // given
        Path file = dir.resolve("large.csv");

        // when
        MicroloanSample.writeLarge(file, 1_000, 3);

        // then
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        assertThat(lines).hasSize(1_001);
        assertThat(lines.get(0)).startsWith("序号,借款人姓名,借款人身份证号");
        Cleaned cleaned = clean(file);
        assertThat(cleaned.rejects()).isEmpty();
        assertThat(cleaned.loaded()).isEqualTo(1_000);
        assertThat(cleaned.keys()).hasSize(1_000);
    }

    private static Cleaned clean(Path file) throws IOException {
        RowValidator validator = new RowValidator(MICROLOAN, Gazetteer.bundled(), PSEUDONYMS);
        int contract = MICROLOAN.outputIndex("contract_number");
        int asOf = MICROLOAN.outputIndex("as_of");
        int loaded = 0;
        Map<Reason, Integer> rejects = new HashMap<>();
        Set<String> keys = new HashSet<>();
        Set<LocalDate> dates = new HashSet<>();
        try (TableReader reader = new TableReader(SpreadsheetFiles.open(file, ReadLimits.defaults()), MICROLOAN)) {
            for (SheetRow row = reader.next(); row != null; row = reader.next()) {
                Outcome outcome = validator.validate(row);
                if (outcome.loaded()) {
                    loaded++;
                    keys.add(outcome.values()[contract] + "|" + outcome.values()[asOf]);
                    dates.add((LocalDate) outcome.values()[asOf]);
                } else if (outcome.rejected()) {
                    outcome.findings().stream()
                            .map(Finding::issue)
                            .forEach(i -> rejects.merge(i.reason(), 1, Integer::sum));
                }
            }
        }
        return new Cleaned(loaded, rejects, keys, dates);
    }
}
