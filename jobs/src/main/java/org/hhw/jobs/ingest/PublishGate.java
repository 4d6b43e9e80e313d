package org.hhw.jobs.ingest;

import java.util.List;
import org.hhw.warehouse.DataTestFailure;
import org.hhw.warehouse.Home;
import org.hhw.warehouse.Warehouse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The publish gate as the ingest job's steps pass it: {@link Warehouse#publishIfTestsPass} (marts,
 * data tests, then the analysts' copy, or nothing), a failing test failing the step, so that its
 * run waits for the operator with its file in the inbox and restarts at that step.
 */
public final class PublishGate {

    private static final Logger log = LoggerFactory.getLogger(PublishGate.class);

    private PublishGate() {}

    /**
     * Publishes, or throws {@link DataTestsFailedException} naming the failing tests.
     *
     * @param after what was done before the gate and where it leaves the file, for the error
     */
    public static void pass(Warehouse warehouse, Home home, String after) {
        List<DataTestFailure> failures = warehouse.publishIfTestsPass(home.analyticsDb(), home.analystsGroup());
        for (DataTestFailure f : failures) {
            log.error("data test {} returned {} offending rows, e.g. {}", f.test(), f.rows(), f.sample());
        }
        if (!failures.isEmpty()) {
            throw new DataTestsFailedException(after, failures);
        }
    }
}
