package org.hhw.sources.read;

import java.io.IOException;
import java.util.List;

/**
 * The rows of a department file, sheet after sheet, streamed: memory stays bounded whatever the
 * file's size. Sheets that carry no rows to read (hidden, empty) are not streamed; they are
 * listed in {@link #skippedSheets()} so the receipt can mention them.
 */
public interface RowStream extends AutoCloseable {

    /** The next row of the file (crossing sheet boundaries), or {@code null} at the end. */
    RawRow next() throws IOException;

    /** Sheets passed over so far, with why. Complete once {@link #next()} has returned null. */
    List<SkippedSheet> skippedSheets();

    @Override
    void close() throws IOException;

    record SkippedSheet(String sheet, Reason reason) {
        public enum Reason {
            HIDDEN,
            EMPTY
        }
    }
}
