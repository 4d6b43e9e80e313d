package org.hhw.jobs.publish;

import java.util.List;
import java.util.stream.Collectors;
import org.hhw.warehouse.DataTestFailure;

/**
 * Fails the publish whose gate found a data test returning rows. What the poll's ingest runs recorded (loads,
 * duplicates, rejections) is committed by then; failing here keeps the faulty state from being published and the
 * files from leaving the inbox until an operator has looked, and the next poll's publish checks again.
 */
public class DataTestsFailedException extends RuntimeException {

    /** @param files how many files were waiting for the publish */
    public DataTestsFailedException(long files, List<DataTestFailure> failures) {
        super("data tests failed at the publish of " + files + (files == 1 ? " file" : " files")
                + " (loaded or recorded, not published; no receipt or note yet, waiting in the inbox): "
                + failures.stream()
                        .map(f -> f.test()
                                + (f.rows() < 0 ? " could not run: " + f.sample() : " returned " + f.rows() + " rows"))
                        .collect(Collectors.joining("; ")));
    }
}
