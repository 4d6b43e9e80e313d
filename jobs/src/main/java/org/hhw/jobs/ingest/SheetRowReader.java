package org.hhw.jobs.ingest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

import org.hhw.sources.contract.Contract;
import org.hhw.sources.read.ReadLimits;
import org.hhw.sources.read.SpreadsheetFiles;
import org.hhw.sources.table.SheetRow;
import org.hhw.sources.table.TableReader;
import org.hhw.warehouse.SheetSummary;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamException;
import org.springframework.batch.infrastructure.item.ItemStreamReader;

/**
 * Streams a department file's table rows into the ingest job. Restartable: it remembers how many
 * rows it handed out, and after a crash skips that many (reading is deterministic), so the rows
 * of committed chunks are never read twice.
 *
 * <p>The file is parsed ahead on a thread of its own, in batches through a small bounded queue,
 * so parsing (the largest single cost of a large workbook) runs on one core while the step cleans
 * and writes the rows on another. Only rows handed out count as read; rows parsed ahead of a
 * failure are simply parsed again by the restart. A failure of the parse reaches the step at the
 * row where it happened, as the same exception.
 */
public class SheetRowReader implements ItemStreamReader<SheetRow> {

    static final String ROWS_READ = "reader.rows";
    static final String SHEETS_READ = "reader.sheetsRead";
    static final String SHEETS_SKIPPED = "reader.sheetsSkipped";
    static final String UNKNOWN_COLUMNS = "reader.unknownColumns";

    /** Rows passed to the step at a time: few hand-overs between the threads, little held in memory. */
    static final int BATCH_ROWS = 256;
    /**
     * Batches parsed ahead at most: about a chunk of rows (some 10 MB), so the parse goes on while
     * the step writes a chunk to the lake instead of stalling after a few batches.
     */
    static final int BATCHES_AHEAD = 40;

    private final Path file;
    private final Contract contract;
    /** Held while the parse thread advances the table by a row, so the summary of the sheets is read whole. */
    private final Object tableLock = new Object();
    private final BlockingQueue<Batch> parsed = new ArrayBlockingQueue<>(BATCHES_AHEAD);
    private TableReader table;
    private Thread parser;
    private Iterator<SheetRow> batch = List.<SheetRow>of().iterator();
    private boolean finished;
    private Throwable failure;
    private long rows;

    public SheetRowReader(Path file, Contract contract) {
        this.file = file;
        this.contract = contract;
    }

    /** Rows parsed ahead; the last batch says so, or carries what stopped the parse after its rows. */
    private record Batch(List<SheetRow> rows, boolean last, Throwable failure) {
    }

    @Override
    public void open(ExecutionContext context) {
        long skip = context.getLong(ROWS_READ, 0L);
        try {
            table = new TableReader(SpreadsheetFiles.open(file, ReadLimits.defaults()), contract);
            while (rows < skip && table.next() != null) {
                rows++;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        parser = new Thread(this::parseAhead, "hhw-parse " + file.getFileName());
        parser.setDaemon(true);
        parser.start();
    }

    private void parseAhead() {
        List<SheetRow> pending = new ArrayList<>(BATCH_ROWS);
        try {
            boolean last = false;
            while (!last) {
                while (pending.size() < BATCH_ROWS && !last) {
                    SheetRow row;
                    synchronized (tableLock) {
                        row = table.next();
                    }
                    if (row == null) {
                        last = true;
                    } else {
                        pending.add(row);
                    }
                }
                parsed.put(new Batch(pending, last, null));
                pending = new ArrayList<>(BATCH_ROWS);
            }
        } catch (InterruptedException e) {
            // the step closes the reader before the end of the file
        } catch (Throwable t) {
            // anything, even an Error: the step must learn of it instead of waiting for rows forever
            try {
                parsed.put(new Batch(pending, true, t));
            } catch (InterruptedException e) {
                // the step closes the reader anyway
            }
        }
    }

    @Override
    public SheetRow read() throws IOException, InterruptedException {
        while (!batch.hasNext()) {
            if (failure != null) {
                throw rethrow(failure);
            }
            if (finished) {
                return null;
            }
            Batch next = parsed.take();
            batch = next.rows().iterator();
            finished = next.last();
            failure = next.failure();
        }
        rows++;
        return batch.next();
    }

    /** The parse's failure, thrown as an unthreaded reader would have thrown it. */
    private static IOException rethrow(Throwable failure) {
        if (failure instanceof IOException e) {
            return e;
        }
        if (failure instanceof RuntimeException e) {
            throw e;
        }
        if (failure instanceof Error e) {
            throw e;
        }
        throw new IllegalStateException(failure);
    }

    @Override
    public void update(ExecutionContext context) {
        context.putLong(ROWS_READ, rows);
        SheetSummary summary;
        synchronized (tableLock) {
            summary = SheetSummary.of(table);
        }
        context.putString(SHEETS_READ, summary.sheetsRead());
        context.putString(SHEETS_SKIPPED, summary.sheetsSkipped());
        context.putString(UNKNOWN_COLUMNS, summary.unknownColumns());
    }

    @Override
    public void close() {
        if (parser != null) {
            parser.interrupt();
            try {
                parser.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ItemStreamException("interrupted while stopping the parse of " + file, e);
            }
        }
        if (table != null) {
            try {
                table.close();
            } catch (IOException e) {
                throw new ItemStreamException("cannot close " + file, e);
            }
        }
    }
}
