package org.hhw.warehouse.report.blocks;

import static org.hhw.warehouse.report.blocks.Tables.count;
import static org.hhw.warehouse.report.blocks.Tables.text;

import java.sql.SQLException;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import org.hhw.warehouse.report.Block;
import org.hhw.warehouse.report.BlockQuery;
import org.hhw.warehouse.report.Chart;
import org.hhw.warehouse.report.ChartKind;
import org.hhw.warehouse.report.Figure;
import org.hhw.warehouse.report.ReportData;
import org.hhw.warehouse.report.ReportUnit;
import org.hhw.warehouse.report.Table;

/**
 * Block 7, 问题线索: the findings new in the month beside the month before, and those standing at its end, by rule;
 * the county's report ranks its townships by what is new. Counts only: the cases themselves, with names, are for
 * the clerks' lists, not a bulletin.
 */
public final class FindingBlock implements BlockQuery {

    static final String MODEL = "rpt_finding_month";

    @Override
    public Block build(ReportData data, ReportUnit unit, YearMonth month) throws SQLException {
        MonthSums sums = MonthSums.of(data, MODEL, unit, List.of("new_findings", "standing"));
        List<Figure> figures = List.of(
                sums.figure("本月新发现问题线索", "new_findings", month, true),
                sums.figure("月末在册问题线索", "standing", month, false));
        List<Table> tables = new ArrayList<>();
        List<Chart> charts = new ArrayList<>();
        tables.add(Tables.of(
                "按规则",
                data.query(
                        "select rule_zh, case severity when 'high' then '高' when 'medium' then '中' else '低' end as severity_zh,"
                                + " new_findings, new_last_month, standing, new_ytd from " + MODEL
                                + " where unit = ? and township_key is not distinct from ? and year_month = ?"
                                + " order by rule_order",
                        unit.unitColumn(),
                        unit.townshipKey(),
                        month.toString()),
                "新发现：线索所依据的记录最晚一条首次报送的月份为本月；在册：截至月末已发现且至今仍成立",
                text("规则"),
                text("严重程度"),
                count("本月新发现"),
                count("上月新发现"),
                count("月末在册"),
                count("年初至今新发现")));
        if (unit.isCounty()) {
            // the townships with the most new findings first, 未归属乡镇 (no township) last
            tables.add(Tables.of(
                    "各乡镇问题线索",
                    data.query(
                            "select township, cast(sum(new_findings) as bigint) as new_findings,"
                                    + " cast(sum(new_last_month) as bigint) as new_last_month, cast(sum(standing) as bigint) as standing"
                                    + " from "
                                    + MODEL + " where unit = 'township' and year_month = ?"
                                    + " group by township_key, township"
                                    + " order by township_key = 0, new_findings desc, township_key",
                            month.toString()),
                    null,
                    text("乡镇"),
                    count("本月新发现"),
                    count("上月新发现"),
                    count("月末在册")));
            charts.add(new Chart(ChartKind.RANKING_BARS, "各乡镇本月新发现问题线索", tables.size() - 1, 0, List.of(1, 2)));
        }
        tables.add(sums.trend("近12个月走势", month, List.of("new_findings", "standing"), "新发现", "月末在册"));
        charts.add(new Chart(ChartKind.TREND_LINE, "问题线索走势", tables.size() - 1, 0, List.of(1, 2)));
        return new Block("问题线索", "七、问题线索", figures, tables, charts);
    }
}
