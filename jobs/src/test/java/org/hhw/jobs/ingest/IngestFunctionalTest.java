package org.hhw.jobs.ingest;

import java.nio.file.Path;
import java.util.List;
import org.hhw.warehouse.Home;
import org.hhw.warehouse.Warehouse;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * What every functional test of the ingest job is handed by its application (the ingest and publish jobs and the
 * warehouse, see {@link IngestTestSupport}); each test class gives its own home and job repository by a
 * {@code @DynamicPropertySource}, so each has a context of its own.
 */
@SpringBootTest(classes = IngestTestSupport.TestApplication.class)
abstract class IngestFunctionalTest {

    @Autowired
    JobOperator jobOperator;

    @Autowired
    JobRepository jobRepository;

    @Autowired
    Job ingestJob;

    @Autowired
    Job publishJob;

    @Autowired
    Warehouse warehouse;

    @Autowired
    Home home;

    /** A poll of these inbox files: see {@link IngestTestSupport#poll}. */
    IngestTestSupport.Poll poll(String source, List<Path> files) throws Exception {
        return IngestTestSupport.poll(jobOperator, jobRepository, ingestJob, publishJob, source, files);
    }

    /**
     * A poll of one inbox file, and the run that ended it: the one that delivered it (receipt or note), else the
     * publish that failed, else its ingest run that did not reach the publish.
     */
    JobExecution pollOf(String source, Path file) throws Exception {
        IngestTestSupport.Poll poll = poll(source, List.of(file));
        if (!poll.delivered().isEmpty()) {
            return poll.delivered().get(0);
        }
        return poll.ingested().isEmpty() || poll.ingested().get(0).getStatus() == BatchStatus.STOPPED
                ? poll.publish()
                : poll.ingested().get(0);
    }
}
