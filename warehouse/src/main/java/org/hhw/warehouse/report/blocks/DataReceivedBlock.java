package org.hhw.warehouse.report.blocks;

import static org.hhw.warehouse.report.blocks.Tables.count;
import static org.hhw.warehouse.report.blocks.Tables.text;

import java.sql.SQLException;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.hhw.warehouse.report.Block;
import org.hhw.warehouse.report.BlockQuery;
import org.hhw.warehouse.report.Chart;
import org.hhw.warehouse.report.ChartKind;
import org.hhw.warehouse.report.Column;
import org.hhw.warehouse.report.Figure;
import org.hhw.warehouse.report.Measure;
import org.hhw.warehouse.report.ReportData;
import org.hhw.warehouse.report.ReportUnit;
import org.hhw.warehouse.report.Table;

/**
 * Block 8, 数据报送 (the DHIS2 "reporting rate"): what each department sent in the month, loaded and rejected, the
 * county's rejects by reason, and the departments that sent nothing, named. Silence is the county's (a department
 * sends for the whole county), so a township's report names the same departments.
 */
public final class DataReceivedBlock implements BlockQuery {

    static final String MODEL = "rpt_data_received_month";
    static final String REASONS = "rpt_reject_reason_month";

    @Override
    public Block build(ReportData data, ReportUnit unit, YearMonth month) throws SQLException {
        MonthSums sums = MonthSums.of(data, MODEL, unit, List.of("files_received", "rows_loaded", "rows_rejected"));
        List<Figure> figures = List.of(
                sums.figure("本月收到文件", "files_received", month, true),
                sums.figure("本月入库行数", "rows_loaded", month, true),
                sums.figure("本月拒收行数", "rows_rejected", month, true));
        List<Table> tables = new ArrayList<>();
        tables.add(Tables.of(
                "各部门报送情况",
                data.query(
                        "select department_zh, files_received, files_loaded, files_duplicate, files_rejected,"
                                + " rows_loaded, rows_rejected, reject_rate_pct from " + MODEL
                                + " where unit = ? and township_key is not distinct from ? and year_month = ?"
                                + " order by department_order",
                        unit.unitColumn(),
                        unit.townshipKey(),
                        month.toString()),
                silence(data, month),
                text("部门"),
                count("收到文件"),
                count("入库文件"),
                count("重复文件"),
                count("整份拒收"),
                count("入库行数"),
                count("拒收行数"),
                new Column("拒收率（%）", Measure.PERCENT)));
        if (unit.isCounty()) {
            tables.add(Tables.of(
                    "拒收原因",
                    data.query(
                            "select department_zh, case level when 'row' then '行' else '整份文件' end as level_zh,"
                                    + " reason_code, files, rows_rejected from " + REASONS + " where year_month = ?"
                                    + " order by department_order, level desc, rows_rejected desc, reason_code",
                            month.toString()),
                    "原因代码的含义见各文件回执；整份文件拒收时无行数",
                    text("部门"),
                    text("拒收层级"),
                    text("原因代码"),
                    count("涉及文件"),
                    count("拒收行数")));
            tables.add(Tables.of(
                    "各乡镇入库数据",
                    data.query(
                            "select township, cast(sum(files_received) as bigint) as files,"
                                    + " cast(sum(rows_loaded) as bigint) as rows_loaded from " + MODEL
                                    + " where unit = 'township' and year_month = ?"
                                    + " group by township_key, township order by township_key = 0, township_key",
                            month.toString()),
                    "按入库数据所属户的乡镇统计；拒收的行无法确定乡镇，只计入全县",
                    text("乡镇"),
                    count("含本乡镇数据的文件"),
                    count("入库行数")));
        }
        tables.add(sums.trend("近12个月走势", month, List.of("files_received", "rows_rejected"), "收到文件", "拒收行数"));
        List<Chart> charts = List.of(new Chart(ChartKind.TREND_LINE, "数据报送走势", tables.size() - 1, 0, List.of(1, 2)));
        return new Block("数据报送", "八、数据报送", figures, tables, charts);
    }

    /**
     * The line naming the departments with no file in the month, in the report's order; a month past the
     * latest file has no row of its own, and every department is silent in it.
     */
    private static String silence(ReportData data, YearMonth month) throws SQLException {
        List<String> silent = new ArrayList<>();
        for (Map<String, Object> r : data.query(
                "select department_zh from " + MODEL + " where unit = 'county' group by department_order, department_zh"
                        + " having count(*) filter (where year_month = ? and files_received > 0) = 0"
                        + " order by department_order",
                month.toString())) {
            silent.add((String) r.get("department_zh"));
        }
        return silent.isEmpty() ? "本月各部门均已报送" : "本月未报送：" + String.join("、", silent);
    }
}
