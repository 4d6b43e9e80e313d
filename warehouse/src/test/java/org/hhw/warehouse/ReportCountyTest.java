package org.hhw.warehouse;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

/** The report models' tests over {@link ReportCounty}: the county loaded once a test class. */
abstract class ReportCountyTest {

    @TempDir
    static Path dir;

    static RegistryLoads loads;

    @BeforeAll
    static void loadCounty() {
        loads = ReportCounty.load(dir);
    }

    @AfterAll
    static void close() {
        loads.close();
    }
}
