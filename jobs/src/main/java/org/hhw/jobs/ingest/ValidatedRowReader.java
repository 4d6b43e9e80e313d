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
import org.hhw.sources.validate.Outcome;
import org.hhw.sources.validate.RowValidator;
import org.hhw.warehouse.SheetSummary;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamException;
import org.springframework.batch.infrastructure.item.ItemStreamReader;

/**
 * Streams a department file's table rows into the ingest job, each validated into its outcome
 * (loaded, rejected or non-data). Restartable: it remembers how many rows it handed out, and after
 * a crash skips that many (reading is deterministic), so the rows of committed chunks are never
 * read twice.
 *
 * <p>Parsing and validating run ahead of the step, each on a thread of its own, in batches through
 * small bounded queues: so parsing, validating and the step writing the lake go on side by side.
 * Done one after the other on the step's thread, validating and writing took longer than parsing,
 * and the second core idled. Only rows handed out count as read; rows parsed ahead of a failure are
 * simply parsed again by the restart. A failure of the parse (or of the validation) reaches the step
 * at the row where it happened, as the same exception.
 */
public class ValidatedRowReader implements ItemStreamReader<Outcome> {

    static final String ROWS_READ = "reader.rows";
    static final String SHEETS_READ = "reader.sheetsRead";
    static final String SHEETS_SKIPPED = "reader.sheetsSkipped";
    static final String UNKNOWN_COLUMNS = "reader.unknownColumns";

    /** Rows passed between the threads at a time: few hand-overs, little held in memory. */
    static final int BATCH_ROWS = 256;
    /**
     * Batches held ahead at most, in each queue: about a chunk of rows (some 10 MB), so parsing and
     * validating go on while the step writes a chunk to the lake instead of stalling after a few
     * batches.
     */
    static final int BATCHES_AHEAD = 40;

    private final Path file;
    private final Contract contract;
    private final RowValidator validator;
    /** Held while the parse thread advances the table by a row, so the summary of the sheets is read whole. */
    private final Object tableLock = new Object();

    private final BlockingQueue<Batch<SheetRow>> parsed = new ArrayBlockingQueue<>(BATCHES_AHEAD);
    private final BlockingQueue<Batch<Outcome>> validated = new ArrayBlockingQueue<>(BATCHES_AHEAD);
    private TableReader table;
    private final List<Thread> threads = new ArrayList<>();
    private Iterator<Outcome> batch = List.<Outcome>of().iterator();
    private boolean finished;
    private Throwable failure;
    private long rows;

    public ValidatedRowReader(Path file, Contract contract, RowValidator validator) {
        this.file = file;
        this.contract = contract;
        this.validator = validator;
    }

    /** Rows worked on ahead; the last batch says so, or carries what stopped the work after its rows. */
    private record Batch<T>(List<T> rows, boolean last, Throwable failure) {}

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
        start("hhw-parse ", this::parseAhead);
        start("hhw-validate ", this::validateAhead);
    }

    private void start(String name, Runnable work) {
        Thread thread = new Thread(work, name + file.getFileName());
        thread.setDaemon(true);
        threads.add(thread);
        thread.start();
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
                parsed.put(new Batch<>(pending, last, null));
                pending = new ArrayList<>(BATCH_ROWS);
            }
        } catch (InterruptedException e) {
            // the step closes the reader before the end of the file
        } catch (Throwable t) {
            // anything, even an Error: the step must learn of it instead of waiting for rows forever
            handOver(parsed, new Batch<>(pending, true, t));
        }
    }

    private void validateAhead() {
        List<Outcome> outcomes = new ArrayList<>(BATCH_ROWS);
        try {
            Batch<SheetRow> next;
            do {
                next = parsed.take();
                for (SheetRow row : next.rows()) {
                    outcomes.add(validator.validate(row));
                }
                validated.put(new Batch<>(outcomes, next.last(), next.failure()));
                outcomes = new ArrayList<>(BATCH_ROWS);
            } while (!next.last());
        } catch (InterruptedException e) {
            // the step closes the reader before the end of the file
        } catch (Throwable t) {
            handOver(validated, new Batch<>(outcomes, true, t));
        }
    }

    private static <T> void handOver(BlockingQueue<Batch<T>> queue, Batch<T> last) {
        try {
            queue.put(last);
        } catch (InterruptedException e) {
            // the step closes the reader anyway
        }
    }

    @Override
    public Outcome read() throws IOException, InterruptedException {
        while (!batch.hasNext()) {
            if (failure != null) {
                throw rethrow(failure);
            }
            if (finished) {
                return null;
            }
            Batch<Outcome> next = validated.take();
            batch = next.rows().iterator();
            finished = next.last();
            failure = next.failure();
        }
        rows++;
        return batch.next();
    }

    /** The failure, thrown as an unthreaded reader would have thrown it. */
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
        for (Thread thread : threads) {
            thread.interrupt();
        }
        for (Thread thread : threads) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ItemStreamException("interrupted while stopping the reading of " + file, e);
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
