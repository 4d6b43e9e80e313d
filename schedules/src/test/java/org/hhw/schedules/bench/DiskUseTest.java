package org.hhw.schedules.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.hhw.warehouse.Home;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DiskUseTest {

    private static final int MB = 1 << 20;

    @TempDir
    Path root;

    @Test
    void countsAnOriginalOnceWhateverItsNamesAndEachPlaceAMillionRows() throws Exception {
        // given a home whose original is in the archive and, hard-linked, in processed/ beside its receipt, and a file
        // of each place (the published copy's spare beside the warehouse)
        Home home = new Home(root).create(List.of("registry"));
        Path archived = Files.write(home.archive().resolve("abc.csv"), new byte[3 * MB]);
        Files.createLink(home.processed("registry").resolve("registry.csv"), archived);
        Files.write(home.processed("registry").resolve("registry.csv.回执.xlsx"), new byte[MB]);
        Files.write(Files.createDirectories(home.lake().resolve("registry")).resolve("part-0.parquet"), new byte[MB]);
        Files.write(home.warehouseDb(), new byte[5 * MB]);
        Files.write(home.analyticsDb(), new byte[4 * MB]);
        Files.write(home.analyticsSpare(), new byte[3 * MB]);

        // when its disk is measured for 500,000 rows loaded from files of 3 MB
        DiskUse disk = DiskUse.of(home, 500_000, 3 * MB);

        // then the original counts once, its receipt not at all, and a million rows take twice each place
        assertThat(disk).isEqualTo(new DiskUse(500_000, 3 * MB, 3 * MB, MB, 5 * MB, 7 * MB));
        assertThat(disk.figures())
                .containsExactly(
                        new Figure(
                                "6",
                                "originals on disk ÷ the files given (each kept once)",
                                "1.00× (3.0 MB for 3.0 MB)",
                                "≤ 1×",
                                true),
                        Figure.stated("6", "disk a million rows take: originals", "6.0 MB (3.0 MB for 500,000 rows)"),
                        Figure.stated("6", "disk a million rows take: lake", "2.0 MB (1.0 MB for 500,000 rows)"),
                        Figure.stated("6", "disk a million rows take: warehouse", "10.0 MB (5.0 MB for 500,000 rows)"),
                        Figure.stated(
                                "6", "disk a million rows take: published copy", "14.0 MB (7.0 MB for 500,000 rows)"));
    }
}
