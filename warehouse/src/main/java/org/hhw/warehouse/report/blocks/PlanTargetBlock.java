package org.hhw.warehouse.report.blocks;

import java.sql.SQLException;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
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
 * Block 6, 目标进度 (rpt_plan_target_month): each plan target the warehouse can measure whose year has a figure in
 * the report's month, named and cited as the plan's indicator table row the target quotes, with the year's target,
 * the month, the year to date and progress in %. The plan sets the county's targets only, so a township's report
 * shows the county's progress too, and says so.
 */
public final class PlanTargetBlock implements BlockQuery {

    static final String MODEL = "rpt_plan_target_month";

    /** The units of ref_plan_target (rules/plan_targets.csv): how their figures count, and their Chinese name. */
    private static final Map<String, Measure> MEASURES = Map.of("persons", Measure.COUNT, "wan_yuan", Measure.WAN_YUAN);

    private static final Map<String, String> UNIT_LABELS = Map.of("persons", "人", "wan_yuan", "万元");

    private static final String NOTE = "完成进度 = 年初至今完成 ÷ 年度目标 × 100；培训按人计，每人每年计一次；小额信贷按发放月份及各笔贷款最新台账所载金额计";

    @Override
    public Block build(ReportData data, ReportUnit unit, YearMonth month) throws SQLException {
        Map<String, Map<String, Object>> byTargetAndMonth = new HashMap<>();
        Map<String, Map<String, Object>> targets = new LinkedHashMap<>();
        for (Map<String, Object> row : data.query(
                "select * from " + MODEL + " where year_month between ? and ? order by target, year_month",
                month.minusYears(1).toString(),
                month.toString())) {
            byTargetAndMonth.put(row.get("target") + "/" + row.get("year_month"), row);
            if (row.get("year_month").equals(month.toString())) {
                targets.put((String) row.get("target"), row);
            }
        }
        List<Figure> figures = new ArrayList<>();
        Map<String, List<List<Object>>> rowsByUnit = new LinkedHashMap<>();
        for (Map<String, Object> now : targets.values()) {
            String target = (String) now.get("target");
            String unitCode = (String) now.get("unit");
            Cited cited = Cited.of(target, (String) now.get("source"));
            Measure measure = measureOf(unitCode);
            Map<String, Object> before = byTargetAndMonth.getOrDefault(target + "/" + month.minusMonths(1), Map.of());
            Map<String, Object> yearAgo = byTargetAndMonth.getOrDefault(target + "/" + month.minusYears(1), Map.of());
            figures.add(new Figure(
                    cited.name(),
                    measure,
                    value(measure, now.get("month_value")),
                    value(measure, before.get("month_value")),
                    value(measure, yearAgo.get("month_value")),
                    value(measure, now.get("ytd_value")),
                    MODEL + ".month_value"));
            figures.add(new Figure(
                    cited.name() + " 完成进度（%）",
                    Measure.PERCENT,
                    now.get("progress_pct"),
                    before.get("progress_pct"),
                    yearAgo.get("progress_pct"),
                    null,
                    MODEL + ".progress_pct"));
            rowsByUnit
                    .computeIfAbsent(unitCode, u -> new ArrayList<>())
                    .add(Arrays.asList(
                            cited.name(),
                            cited.row(),
                            value(measure, now.get("target_value")),
                            value(measure, now.get("month_value")),
                            value(measure, now.get("ytd_value")),
                            now.get("progress_pct")));
        }
        String note = unit.isCounty() ? NOTE : "县规划仅设全县目标，本表为全县完成情况；" + NOTE;
        List<Table> tables = new ArrayList<>();
        for (Map.Entry<String, List<List<Object>>> e : rowsByUnit.entrySet()) {
            tables.add(progress(
                    "规划目标完成进度（" + UNIT_LABELS.get(e.getKey()) + "）", measureOf(e.getKey()), e.getValue(), note));
        }
        if (targets.isEmpty()) {
            // a leader sees that no target could be measured yet, not an empty sheet
            tables.add(progress("规划目标完成进度", Measure.COUNT, List.of(), "本月尚无可测算规划目标完成情况的数据"));
        }
        List<Chart> charts = new ArrayList<>();
        if (!targets.isEmpty()) {
            charts.add(new Chart(
                    ChartKind.TREND_LINE,
                    "规划目标完成进度走势（%）",
                    tables.size(),
                    0,
                    IntStream.rangeClosed(1, targets.size()).boxed().toList()));
            tables.add(trend(targets.keySet(), byTargetAndMonth, month));
        }
        return new Block("目标进度", "六、规划目标进度", figures, tables, charts);
    }

    private static Table progress(String title, Measure measure, List<List<Object>> rows, String note) {
        return new Table(
                title,
                List.of(
                        new Column("指标", Measure.TEXT),
                        new Column("规划出处", Measure.TEXT),
                        new Column("年度目标", measure),
                        new Column("当月完成", measure),
                        new Column("年初至今完成", measure),
                        new Column("完成进度（%）", Measure.PERCENT)),
                rows,
                note);
    }

    /** Each target's progress in % over the twelve months to the report's month (a year's progress starts at 0). */
    private static Table trend(
            Iterable<String> targets, Map<String, Map<String, Object>> byTargetAndMonth, YearMonth month) {
        List<Column> columns = new ArrayList<>(List.of(new Column("月份", Measure.TEXT)));
        for (String target : targets) {
            Map<String, Object> any = byTargetAndMonth.get(target + "/" + month);
            columns.add(new Column(Cited.of(target, (String) any.get("source")).name() + " 完成进度（%）", Measure.PERCENT));
        }
        List<List<Object>> rows = new ArrayList<>();
        for (YearMonth m = month.minusMonths(ReportData.TREND_MONTHS - 1); !m.isAfter(month); m = m.plusMonths(1)) {
            List<Object> row = new ArrayList<>();
            row.add(m.toString());
            for (String target : targets) {
                row.add(byTargetAndMonth
                        .getOrDefault(target + "/" + m, Map.of())
                        .get("progress_pct"));
            }
            rows.add(row);
        }
        return new Table("近12个月完成进度", columns, rows, null);
    }

    private static Measure measureOf(String unitCode) {
        Measure measure = MEASURES.get(unitCode);
        if (measure == null) {
            throw new IllegalArgumentException("ref_plan_target: no report measure for the unit " + unitCode);
        }
        return measure;
    }

    private static Object value(Measure measure, Object value) {
        return measure == Measure.COUNT ? ModelTable.whole(value) : value;
    }

    /**
     * A target as the plan names it, from the row of the indicator table its source quotes: {@code <table>序号N：
     * 类别|项目|指标|目标值|…} (rules/plan_targets.csv) gives 项目：指标, and the table and 序号 as the citation.
     */
    record Cited(String name, String row) {

        static Cited of(String target, String source) {
            int colon = source.indexOf('：');
            String[] quoted =
                    colon < 0 ? new String[0] : source.substring(colon + 1).split("\\|");
            if (quoted.length < 3) {
                return new Cited(target, source);
            }
            return new Cited(quoted[1] + "：" + quoted[2], source.substring(0, colon));
        }
    }
}
