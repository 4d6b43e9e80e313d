package org.hhw.jobs.ingest;

import java.nio.file.Files;
import org.hhw.warehouse.EtlFile;
import org.hhw.warehouse.Warehouse;
import org.hhw.warehouse.WarehouseReader;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.flow.FlowExecutionStatus;
import org.springframework.batch.core.job.flow.JobExecutionDecider;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.beans.factory.ObjectProvider;

/**
 * Where a run that stopped for the poll's load goes on, launched again: to its receipt when the poll's load took its
 * file (loaded, its lake manifest written) and a publish passed since (the run launched with
 * {@value IngestJobConfiguration#PUBLISHED}); else to its load step, which loads the file if need be and stops for a
 * publish. A decision, not a step: a poll of twenty files would otherwise run twenty steps that find their file loaded.
 */
public class PollLoadDecider implements JobExecutionDecider {

    static final String LOADED_BY_THE_POLL = "LOADED_BY_THE_POLL";
    static final String LOAD = "LOAD";

    // asked for when a run decides, not when the job is defined: commands that start the context without opening
    // the warehouse (rebuild of a damaged one, report beside a running service) must not open it
    private final ObjectProvider<Warehouse> warehouses;

    PollLoadDecider(ObjectProvider<Warehouse> warehouses) {
        this.warehouses = warehouses;
    }

    @Override
    public FlowExecutionStatus decide(JobExecution run, StepExecution lastStep) {
        if (run.getJobParameters().getLong(IngestJobConfiguration.PUBLISHED) == null) {
            return new FlowExecutionStatus(LOAD);
        }
        String source = run.getJobParameters().getString(IngestJobConfiguration.SOURCE);
        int fileKey = IngestJobConfiguration.fileKey(run);
        boolean loaded;
        // a poll's receipts run two at a time, each run deciding on its own thread
        try (WarehouseReader warehouse = warehouses.getObject().reader()) {
            loaded = warehouse
                            .file(fileKey)
                            .filter(f -> EtlFile.LOADED.equals(f.status()))
                            .isPresent()
                    && Files.exists(warehouse.lake().manifest(source, fileKey));
        }
        return new FlowExecutionStatus(loaded ? LOADED_BY_THE_POLL : LOAD);
    }
}
