package org.hhw.warehouse.report.blocks;

import java.nio.file.Path;
import java.sql.SQLException;
import org.hhw.warehouse.RegistryLoads;
import org.hhw.warehouse.ReportCounty;
import org.hhw.warehouse.report.ReportData;
import org.hhw.warehouse.report.ReportUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

/** The blocks' tests: {@link ReportCounty} published once a test class, and its copy open as the reports read it. */
abstract class CountyCopyTest {

    @TempDir
    static Path dir;

    static RegistryLoads loads;
    static ReportData data;

    @BeforeAll
    static void publish() throws SQLException {
        loads = ReportCounty.load(dir);
        data = ReportData.open(ReportCounty.publish(loads, dir));
    }

    @AfterAll
    static void close() throws SQLException {
        data.close();
        loads.close();
    }

    static ReportUnit county() throws SQLException {
        return data.units("天镇县").get(0);
    }

    static ReportUnit township(String name) throws SQLException {
        return data.units("天镇县").stream()
                .filter(u -> u.name().equals(name))
                .findFirst()
                .orElseThrow();
    }
}
