package org.hhw.warehouse.report;

import java.sql.SQLException;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

/** Puts a unit's month together from the blocks in the bulletin's order. */
public final class ReportAssembler {

    /** The bulletin's sections in order; the last is the provenance (数据来源). */
    private final List<BlockQuery> blocks;

    private final String county;

    public ReportAssembler(String county, List<BlockQuery> blocks) {
        this.county = county;
        this.blocks = List.copyOf(blocks);
    }

    public MonthlyReport assemble(ReportData data, ReportUnit unit, YearMonth month) throws SQLException {
        List<Block> built = new ArrayList<>();
        for (BlockQuery block : blocks) {
            built.add(block.build(data, unit, month));
        }
        return new MonthlyReport(county, unit, month, built);
    }
}
