package org.hhw.warehouse.lake;

import java.io.IOException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.hhw.sources.contract.Contract;
import org.hhw.sources.validate.Finding;
import org.hhw.sources.validate.Outcome;

/**
 * Writes one chunk of a file's outcomes to the lake as four parts of the same number: cleaned
 * rows, rejects, warnings and non-data rows. Findings go there with their resident IDs masked
 * ({@link FindingMask}); what masking changed goes, as the clerk wrote it, to a spool part of the
 * same number for the receipt. Rewriting a chunk after a crash replaces its parts.
 */
public final class LakeChunkWriter {

    private final Lake lake;
    private final ReceiptSpool spool;
    private final Contract contract;
    private final FindingMask mask;
    private final int fileKey;
    /** A chunk's parts hold some 10 MB of Parquet buffers at most; twice that covers any chunk size's growth. */
    private final BufferPool buffers = new BufferPool(32L << 20);

    public LakeChunkWriter(Lake lake, ReceiptSpool spool, Contract contract, int fileKey) {
        this.lake = lake;
        this.spool = spool;
        this.contract = contract;
        this.mask = new FindingMask(contract);
        this.fileKey = fileKey;
    }

    public void write(int partNo, List<? extends Outcome> chunk) throws IOException {
        int width = Lake.LINEAGE.size() + contract.outputColumns().size();
        try (Parts parts = new Parts(partNo)) {
            for (Outcome o : chunk) {
                if (o.nonData() != null) {
                    parts.of(Lake.Part.NON_DATA).write(new Object[] {
                        o.sheet(), o.rowNumber(), o.nonData().name()
                    });
                    continue;
                }
                Lake.Part findings = o.loaded() ? Lake.Part.WARNINGS : Lake.Part.REJECTS;
                for (Finding f : o.findings()) {
                    String value = mask.value(f.field(), f.rawValue());
                    String message =
                            mask.message(f.field(), f.rawValue(), f.issue().message());
                    String reason = f.issue().reason().name();
                    parts.of(findings)
                            .write(new Object[] {f.sheet(), f.rowNumber(), f.field(), f.column(), value, reason, message
                            });
                    if (!Objects.equals(value, f.rawValue())
                            || !Objects.equals(message, f.issue().message())) {
                        parts.spool().write(new Object[] {
                            f.sheet(),
                            f.rowNumber(),
                            f.column(),
                            reason,
                            f.rawValue(),
                            f.issue().message()
                        });
                    }
                }
                if (o.loaded()) {
                    Object[] row = new Object[width];
                    row[0] = fileKey;
                    row[1] = o.sheetIndex();
                    row[2] = o.sheet();
                    row[3] = o.rowNumber();
                    System.arraycopy(o.values(), 0, row, Lake.LINEAGE.size(), o.values().length);
                    parts.of(Lake.Part.ROWS).write(row);
                }
            }
        }
    }

    /**
     * The chunk's parts, each opened at its first row: most chunks have no rejects, warnings or
     * non-data rows, and an empty part cost as much to write as a thousand rows. (The load finds
     * every kind through {@link Lake#ensureParts}.)
     */
    private final class Parts implements AutoCloseable {

        private final int partNo;
        private final Map<Lake.Part, LakePartWriter> lakeParts = new EnumMap<>(Lake.Part.class);
        private LakePartWriter spoolPart;
        private final List<LakePartWriter> open = new ArrayList<>();

        Parts(int partNo) {
            this.partNo = partNo;
        }

        LakePartWriter of(Lake.Part part) throws IOException {
            LakePartWriter writer = lakeParts.get(part);
            if (writer == null) {
                writer = opened(LakePartWriter.create(
                        lake.partFile(contract.source(), fileKey, part, partNo),
                        Lake.columns(part, contract),
                        buffers));
                lakeParts.put(part, writer);
            }
            return writer;
        }

        LakePartWriter spool() throws IOException {
            if (spoolPart == null) {
                spoolPart = opened(LakePartWriter.create(
                        spool.partFile(contract.source(), fileKey, partNo), ReceiptSpool.COLUMNS, buffers));
            }
            return spoolPart;
        }

        private LakePartWriter opened(LakePartWriter writer) {
            open.add(writer);
            return writer;
        }

        @Override
        public void close() throws IOException {
            IOException failure = null;
            for (LakePartWriter writer : open) {
                try {
                    writer.close();
                } catch (IOException e) {
                    if (failure == null) {
                        failure = e;
                    } else {
                        failure.addSuppressed(e);
                    }
                }
            }
            if (failure != null) {
                throw failure;
            }
        }
    }
}
