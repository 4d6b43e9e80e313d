package org.hhw.warehouse.report.blocks;

import java.sql.SQLException;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import org.hhw.warehouse.report.Block;
import org.hhw.warehouse.report.BlockQuery;
import org.hhw.warehouse.report.Chart;
import org.hhw.warehouse.report.ChartKind;
import org.hhw.warehouse.report.Figure;
import org.hhw.warehouse.report.Measure;
import org.hhw.warehouse.report.ReportData;
import org.hhw.warehouse.report.ReportUnit;
import org.hhw.warehouse.report.Table;
import org.hhw.warehouse.report.blocks.ModelTable.Field;

/**
 * Block 5, 技能培训 (rpt_training_month): persons trained in the month and the year to date, each once a year as the
 * plan counts 人, of them completed and employed after training; on the county's report the year's target.
 */
public final class TrainingBlock implements BlockQuery {

    static final String MODEL = "rpt_training_month";

    private static final List<Field> TOWNSHIP_FIELDS = List.of(
            new Field("当月参训人数", Measure.COUNT, "trainees"),
            new Field("年初至今参训人数", Measure.COUNT, "ytd_trainees"),
            new Field("其中结业", Measure.COUNT, "ytd_completed"),
            new Field("其中培训后就业", Measure.COUNT, "ytd_employed"),
            new Field("其中建档立卡人员", Measure.COUNT, "ytd_registered"));

    private static final List<Field> TREND_FIELDS = List.of(
            new Field("当月参训人数", Measure.COUNT, "trainees"), new Field("年初至今参训人数", Measure.COUNT, "ytd_trainees"));

    @Override
    public Block build(ReportData data, ReportUnit unit, YearMonth month) throws SQLException {
        List<Figure> figures = new ArrayList<>(List.of(
                data.figure("参训人数", Measure.COUNT, MODEL, "trainees", "ytd_trainees", unit, month),
                data.figure("年初至今结业人数", Measure.COUNT, MODEL, "ytd_completed", null, unit, month),
                data.figure("年初至今培训后就业人数", Measure.COUNT, MODEL, "ytd_employed", null, unit, month)));
        if (unit.isCounty()) {
            // the plan sets the county's target only
            figures.add(ModelTable.counted(
                    data.figure("年度培训目标（人）", Measure.COUNT, MODEL, "target_trainees", null, unit, month)));
            figures.add(data.figure("年度目标完成进度（%）", Measure.PERCENT, MODEL, "progress_pct", null, unit, month));
        }
        List<Table> tables = new ArrayList<>();
        if (unit.isCounty()) {
            tables.add(ModelTable.townships(
                    data, MODEL, month, "各乡镇培训情况", TOWNSHIP_FIELDS, "参训人数按开班月份统计；年初至今每人每年计一次，计入当年首次参训的乡镇"));
        }
        Chart chart = new Chart(ChartKind.TREND_LINE, "参训人数走势（人）", tables.size(), 0, List.of(1, 2));
        tables.add(ModelTable.trend(data, MODEL, unit, month, "近12个月走势", TREND_FIELDS));
        return new Block("培训", "五、技能培训", figures, tables, List.of(chart));
    }
}
