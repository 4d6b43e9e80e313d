package org.hhw.jobs.ingest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

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
 */
public class SheetRowReader implements ItemStreamReader<SheetRow> {

    static final String ROWS_READ = "reader.rows";
    static final String SHEETS_READ = "reader.sheetsRead";
    static final String SHEETS_SKIPPED = "reader.sheetsSkipped";
    static final String UNKNOWN_COLUMNS = "reader.unknownColumns";

    private final Path file;
    private final Contract contract;
    private TableReader table;
    private long rows;

    public SheetRowReader(Path file, Contract contract) {
        this.file = file;
        this.contract = contract;
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
    }

    @Override
    public SheetRow read() throws IOException {
        SheetRow row = table.next();
        if (row == null) {
            return null;
        }
        rows++;
        return row;
    }

    @Override
    public void update(ExecutionContext context) {
        context.putLong(ROWS_READ, rows);
        SheetSummary summary = SheetSummary.of(table);
        context.putString(SHEETS_READ, summary.sheetsRead());
        context.putString(SHEETS_SKIPPED, summary.sheetsSkipped());
        context.putString(UNKNOWN_COLUMNS, summary.unknownColumns());
    }

    @Override
    public void close() {
        if (table != null) {
            try {
                table.close();
            } catch (IOException e) {
                throw new ItemStreamException("cannot close " + file, e);
            }
        }
    }
}
