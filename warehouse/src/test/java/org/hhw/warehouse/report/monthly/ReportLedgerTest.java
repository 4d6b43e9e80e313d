package org.hhw.warehouse.report.monthly;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDateTime;
import java.time.YearMonth;
import org.hhw.warehouse.report.monthly.ReportLedger.Entry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportLedgerTest {

    private static final YearMonth MAY = YearMonth.of(2019, 5);
    private static final YearMonth JUNE = YearMonth.of(2019, 6);

    @TempDir
    Path dir;

    @Test
    void aLineCutOffByAPowerLossIsSkippedAndTheNextAttemptStartsOnALineOfItsOwn() throws Exception {
        // given a made May, then a June line cut off mid-write
        Path file = dir.resolve("reports.tsv");
        ReportLedger ledger = new ReportLedger(file);
        Entry may = new Entry(
                MAY, 1, Entry.ALL_UNITS, true, LocalDateTime.of(2019, 6, 3, 6, 0), "analytics-2019-05.duckdb", "");
        ledger.append(may);
        Files.writeString(file, "2019-06\t1\t全部\tma", StandardCharsets.UTF_8, StandardOpenOption.APPEND);

        // when June is made again
        Entry june = new Entry(
                JUNE, 1, Entry.ALL_UNITS, true, LocalDateTime.of(2019, 7, 3, 6, 0), "analytics-2019-06.duckdb", "");
        ledger.append(june);

        // then the cut line is skipped, and both made months are read
        assertThat(ledger.entries()).containsExactly(may, june);
        assertThat(ledger.lastReported()).contains(JUNE);
        assertThat(Files.readAllLines(file)).hasSize(4);
    }

    @Test
    void aTownshipsOwnRunDoesNotMakeItsMonthReported() {
        // given May made for all units, and June for one township only
        ReportLedger ledger = new ReportLedger(dir.resolve("reports.tsv"));
        ledger.append(new Entry(MAY, 1, Entry.ALL_UNITS, true, LocalDateTime.of(2019, 6, 3, 6, 0), "a.duckdb", ""));
        ledger.append(new Entry(JUNE, 1, "玉泉镇", true, LocalDateTime.of(2019, 7, 4, 9, 0), "b.duckdb", ""));

        // then May is the last month reported, and June has one version made
        assertThat(ledger.lastReported()).contains(MAY);
        assertThat(ledger.made(JUNE)).extracting(Entry::units).containsExactly("玉泉镇");
    }
}
