package org.hhw.warehouse.report.blocks;

import java.sql.SQLException;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
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
 * Block 4, 扶贫小额信贷 (rpt_microloan_month): what is owed and overdue at the month's end, what was issued against
 * the year's target, loans over the limit, and the townships ranked by overdue rate as county bulletins rank them,
 * in every unit's report so that a township sees where it stands.
 */
public final class MicroloanBlock implements BlockQuery {

    static final String MODEL = "rpt_microloan_month";

    private static final List<Field> RANKING_FIELDS = List.of(
            new Field("排名", Measure.COUNT, "overdue_rank"),
            new Field("乡镇", Measure.TEXT, "township"),
            new Field("月末贷款余额（万元）", Measure.WAN_YUAN, "outstanding_wan_yuan"),
            new Field("月末逾期金额（万元）", Measure.WAN_YUAN, "overdue_wan_yuan"),
            new Field("逾期率（%）", Measure.PERCENT, "overdue_rate_pct"),
            new Field("年初至今发放（万元）", Measure.WAN_YUAN, "issued_ytd_wan_yuan"),
            new Field("年初至今超限额贷款笔数", Measure.COUNT, "loans_over_limit_ytd"));

    private static final List<Field> TREND_FIELDS = List.of(
            new Field("月末贷款余额（万元）", Measure.WAN_YUAN, "outstanding_wan_yuan"),
            new Field("月末逾期金额（万元）", Measure.WAN_YUAN, "overdue_wan_yuan"),
            new Field("逾期率（%）", Measure.PERCENT, "overdue_rate_pct"),
            new Field("当月发放（万元）", Measure.WAN_YUAN, "issued_wan_yuan"));

    @Override
    public Block build(ReportData data, ReportUnit unit, YearMonth month) throws SQLException {
        List<Figure> figures = new ArrayList<>(List.of(
                data.figure("月末贷款余额（万元）", Measure.WAN_YUAN, MODEL, "outstanding_wan_yuan", null, unit, month),
                data.figure("月末逾期金额（万元）", Measure.WAN_YUAN, MODEL, "overdue_wan_yuan", null, unit, month),
                data.figure("逾期率（%）", Measure.PERCENT, MODEL, "overdue_rate_pct", null, unit, month),
                data.figure(
                        "当月发放金额（万元）", Measure.WAN_YUAN, MODEL, "issued_wan_yuan", "issued_ytd_wan_yuan", unit, month),
                data.figure("当月发放笔数", Measure.COUNT, MODEL, "loans_issued", "loans_issued_ytd", unit, month),
                data.figure("超限额贷款笔数", Measure.COUNT, MODEL, "loans_over_limit", "loans_over_limit_ytd", unit, month)));
        if (unit.isCounty()) {
            // the plan sets the county's task only
            figures.add(data.figure("年度发放目标（万元）", Measure.WAN_YUAN, MODEL, "target_wan_yuan", null, unit, month));
            figures.add(data.figure("年度目标完成进度（%）", Measure.PERCENT, MODEL, "target_progress_pct", null, unit, month));
        }
        List<Map<String, Object>> ranked = data.townships(MODEL, month).stream()
                .filter(r -> r.get("overdue_rank") != null)
                .sorted(Comparator.comparing(r -> (Long) r.get("overdue_rank")))
                .toList();
        Table ranking = ModelTable.of(
                "各乡镇逾期率排名", RANKING_FIELDS, ranked, "逾期率 = 月末逾期金额 ÷ 月末贷款余额 × 100；仅列月末有贷款余额的乡镇，按各银行截至月末的最新台账");
        Table trend = ModelTable.trend(data, MODEL, unit, month, "近12个月走势", TREND_FIELDS);
        return new Block(
                "小额信贷",
                "四、扶贫小额信贷",
                figures,
                List.of(ranking, trend),
                List.of(
                        new Chart(ChartKind.RANKING_BARS, "各乡镇逾期率（%）", 0, 1, List.of(4)),
                        new Chart(ChartKind.TREND_LINE, "贷款余额与逾期金额走势（万元）", 1, 0, List.of(1, 2))));
    }
}
