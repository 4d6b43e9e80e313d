package org.hhw.jobs.ingest;

import org.hhw.warehouse.Home;
import org.hhw.warehouse.Warehouse;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * What every functional test of the ingest job is handed by its application (the ingest job and the
 * warehouse, see {@link IngestTestSupport}); each test class gives its own home and job repository
 * by a {@code @DynamicPropertySource}, so each has a context of its own.
 */
@SpringBootTest(classes = IngestTestSupport.TestApplication.class)
abstract class IngestFunctionalTest {

    @Autowired
    JobOperator jobOperator;

    @Autowired
    Job ingestJob;

    @Autowired
    Warehouse warehouse;

    @Autowired
    Home home;
}
