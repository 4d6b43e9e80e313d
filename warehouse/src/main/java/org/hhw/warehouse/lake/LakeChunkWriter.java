package org.hhw.warehouse.lake;

import java.io.IOException;
import java.util.List;

import org.hhw.sources.contract.Contract;
import org.hhw.sources.validate.Finding;
import org.hhw.sources.validate.Outcome;

/**
 * Writes one chunk of a file's outcomes to the lake as four parts of the same number: cleaned
 * rows, rejects, warnings and non-data rows. Rewriting a chunk after a crash replaces its parts.
 */
public final class LakeChunkWriter {

    private final Lake lake;
    private final Contract contract;
    private final int fileKey;

    public LakeChunkWriter(Lake lake, Contract contract, int fileKey) {
        this.lake = lake;
        this.contract = contract;
        this.fileKey = fileKey;
    }

    public void write(int partNo, List<? extends Outcome> chunk) throws IOException {
        int width = Lake.LINEAGE.size() + contract.outputColumns().size();
        try (LakePartWriter rows = writer(Lake.Part.ROWS, partNo);
             LakePartWriter rejects = writer(Lake.Part.REJECTS, partNo);
             LakePartWriter warnings = writer(Lake.Part.WARNINGS, partNo);
             LakePartWriter nonData = writer(Lake.Part.NON_DATA, partNo)) {
            for (Outcome o : chunk) {
                if (o.nonData() != null) {
                    nonData.write(new Object[] {o.sheet(), o.rowNumber(), o.nonData().name()});
                    continue;
                }
                LakePartWriter findings = o.loaded() ? warnings : rejects;
                for (Finding f : o.findings()) {
                    findings.write(new Object[] {f.sheet(), f.rowNumber(), f.field(), f.column(), f.rawValue(),
                            f.issue().reason().name(), f.issue().message()});
                }
                if (o.loaded()) {
                    Object[] row = new Object[width];
                    row[0] = fileKey;
                    row[1] = o.sheetIndex();
                    row[2] = o.sheet();
                    row[3] = o.rowNumber();
                    System.arraycopy(o.values(), 0, row, Lake.LINEAGE.size(), o.values().length);
                    rows.write(row);
                }
            }
        }
    }

    private LakePartWriter writer(Lake.Part part, int partNo) throws IOException {
        return LakePartWriter.create(lake.partFile(contract.source(), fileKey, part, partNo),
                Lake.columns(part, contract));
    }
}
