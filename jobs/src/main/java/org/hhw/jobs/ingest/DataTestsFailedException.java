package org.hhw.jobs.ingest;

import java.util.List;
import java.util.stream.Collectors;

import org.hhw.warehouse.DataTestFailure;

/**
 * Fails the load step when a data test returns rows after a file's load. The load itself is
 * committed by then; failing here keeps the faulty state from being published and the file from
 * being receipted until an operator has looked, and a restart of the run re-checks.
 */
public class DataTestsFailedException extends RuntimeException {

    public DataTestsFailedException(int fileKey, List<DataTestFailure> failures) {
        super("data tests failed after loading file " + fileKey + " (loaded, not published, no receipt yet): "
                + failures.stream().map(f -> f.test() + (f.rows() < 0 ? " could not run: " + f.sample()
                        : " returned " + f.rows() + " rows")).collect(Collectors.joining("; ")));
    }
}
