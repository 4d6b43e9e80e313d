package org.hhw.warehouse.report.blocks;

import static org.hhw.warehouse.report.blocks.ModelColumn.count;

import java.sql.SQLException;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
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

/**
 * Block 2, education (义务教育有保障): aid paid in the month and year to date, for every programme together and by
 * programme, and the year's school-age children without aid (EDU_GAP), from {@code rpt_education_month}; the county's
 * report adds the townships' table. The model has a row per programme, so the unit's figures read its 'all' rows.
 */
public final class EducationBlock implements BlockQuery {

    static final String MODEL = "rpt_education_month";

    private static final ModelColumn MONTH_RECIPIENTS = count("当月受助人数", "recipients");
    private static final ModelColumn MONTH_YUAN = new ModelColumn("当月资助金额（元）", Measure.YUAN, "yuan");
    private static final ModelColumn YTD_RECIPIENTS = count("年初至今受助人数", "ytd_recipients");
    private static final ModelColumn YTD_YUAN = new ModelColumn("年初至今资助金额（元）", Measure.YUAN, "ytd_yuan");

    private static final List<ModelColumn> PROGRAMME_COLUMNS = List.of(
            new ModelColumn("资助项目", Measure.TEXT, "programme_zh"),
            MONTH_RECIPIENTS,
            MONTH_YUAN,
            YTD_RECIPIENTS,
            YTD_YUAN);

    private static final List<ModelColumn> TOWNSHIP_COLUMNS = List.of(
            new ModelColumn("乡镇", Measure.TEXT, "township"),
            MONTH_RECIPIENTS,
            MONTH_YUAN,
            YTD_RECIPIENTS,
            YTD_YUAN,
            count("适龄儿童无资助人数", "edu_gap_children"));

    private static final List<ModelColumn> TREND_COLUMNS =
            List.of(new ModelColumn("月份", Measure.TEXT, "year_month"), MONTH_RECIPIENTS, YTD_RECIPIENTS, MONTH_YUAN);

    private static final String RECIPIENTS_NOTE = "受助人数按学生计，同一学生领取多项资助只计一次；金额为当期有效的发放记录";

    @Override
    public Block build(ReportData data, ReportUnit unit, YearMonth month) throws SQLException {
        Map<String, Map<String, Object>> all = new HashMap<>();
        for (Map<String, Object> row : data.query(
                "select * from " + MODEL
                        + " where unit = ? and township_key is not distinct from ? and programme = 'all'",
                unit.unitColumn(),
                unit.townshipKey())) {
            all.put((String) row.get("year_month"), row);
        }
        List<Figure> figures = List.of(
                figure("当月受助学生人数", Measure.COUNT, "recipients", "ytd_recipients", all, month),
                figure("当月资助金额（元）", Measure.YUAN, "yuan", "ytd_yuan", all, month),
                figure("当年义务教育适龄儿童无资助人数", Measure.COUNT, "edu_gap_children", null, all, month));
        List<Table> tables = new ArrayList<>();
        tables.add(ModelColumn.table(
                "分项目资助情况",
                PROGRAMME_COLUMNS,
                data.query(
                        "select * from " + MODEL + " where unit = ? and township_key is not distinct from ?"
                                + " and year_month = ? and (ytd_recipients > 0 or programme = 'all')"
                                + " order by programme = 'all', ytd_yuan desc, programme",
                        unit.unitColumn(),
                        unit.townshipKey(),
                        month.toString()),
                "列出年初至今有发放的项目；" + RECIPIENTS_NOTE));
        if (unit.isCounty()) {
            tables.add(ModelColumn.table(
                    "各乡镇教育资助情况",
                    TOWNSHIP_COLUMNS,
                    data.query(
                            "select * from " + MODEL
                                    + " where unit = 'township' and year_month = ? and programme = 'all'"
                                    + " order by township_key = 0, township_key",
                            month.toString()),
                    "适龄儿童无资助：当年12月31日满7至15周岁或在读小学、初中的建档立卡儿童，当年无教育资助发放记录（EDU_GAP）；" + "未归属乡镇：不在建档立卡花名册中的学生"));
        }
        List<Map<String, Object>> trend = new ArrayList<>();
        for (YearMonth m = month.minusMonths(ReportData.TREND_MONTHS - 1); !m.isAfter(month); m = m.plusMonths(1)) {
            trend.add(all.getOrDefault(m.toString(), Map.of("year_month", m.toString())));
        }
        tables.add(ModelColumn.table("近12个月走势", TREND_COLUMNS, trend, RECIPIENTS_NOTE));
        int trendTable = tables.size() - 1;
        List<Chart> charts = List.of(new Chart(ChartKind.TREND_LINE, "近12个月受助学生人数", trendTable, 0, List.of(1, 2)));
        return new Block("教育", "二、义务教育有保障", figures, tables, charts);
    }

    /** A figure of the unit's 'all' rows: the month, the month before, a year before, and the year to date. */
    private static Figure figure(
            String label,
            Measure measure,
            String column,
            String ytdColumn,
            Map<String, Map<String, Object>> all,
            YearMonth month) {
        Map<String, Object> now = all.getOrDefault(month.toString(), Map.of());
        return new Figure(
                label,
                measure,
                now.get(column),
                all.getOrDefault(month.minusMonths(1).toString(), Map.of()).get(column),
                all.getOrDefault(month.minusYears(1).toString(), Map.of()).get(column),
                ytdColumn == null ? null : now.get(ytdColumn),
                MODEL + "." + column);
    }
}
