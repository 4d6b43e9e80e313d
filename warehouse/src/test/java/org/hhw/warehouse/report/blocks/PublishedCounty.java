package org.hhw.warehouse.report.blocks;

import java.nio.file.Path;
import java.time.YearMonth;
import org.hhw.warehouse.RegistryLoads;
import org.hhw.warehouse.report.ReportData;
import org.hhw.warehouse.report.ReportUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

/** The published copy of {@link BlockCounty} a block test reads, as the report generator opens it. */
abstract class PublishedCounty {

    static final YearMonth JUNE = YearMonth.of(2019, 6);
    static final ReportUnit COUNTY = ReportUnit.county("天镇县");

    @TempDir
    static Path dir;

    static ReportData data;

    @BeforeAll
    static void publish() throws Exception {
        try (RegistryLoads loads = BlockCounty.load(dir)) {
            data = ReportData.open(BlockCounty.publish(loads, dir));
        }
    }

    @AfterAll
    static void close() throws Exception {
        data.close();
    }
}
