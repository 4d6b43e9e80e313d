package org.hhw.jobs.ingest;

import java.util.List;
import java.util.stream.Collectors;
import org.hhw.warehouse.DataTestFailure;

/**
 * Fails the step whose publish gate found a data test returning rows. What the step recorded (a
 * load, a duplicate, a rejection) is committed by then; failing here keeps the faulty state from
 * being published and the file from leaving the inbox until an operator has looked, and a restart
 * of the run re-checks.
 */
public class DataTestsFailedException extends RuntimeException {

    /** @param after what the step did before the gate, and where that leaves the file, e.g. "loading file 7 (loaded, …)" */
    public DataTestsFailedException(String after, List<DataTestFailure> failures) {
        super("data tests failed after " + after + ": "
                + failures.stream()
                        .map(f -> f.test()
                                + (f.rows() < 0 ? " could not run: " + f.sample() : " returned " + f.rows() + " rows"))
                        .collect(Collectors.joining("; ")));
    }
}
