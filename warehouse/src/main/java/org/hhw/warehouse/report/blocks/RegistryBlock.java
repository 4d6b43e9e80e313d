package org.hhw.warehouse.report.blocks;

import static org.hhw.warehouse.report.blocks.ModelColumn.count;

import java.sql.SQLException;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
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
 * Block 1, the registry (建档立卡): households and persons on the register at the month's end, by poverty and exit
 * status, and the month's changes, from {@code rpt_registry_month}; the county's report adds the townships' table.
 */
public final class RegistryBlock implements BlockQuery {

    static final String MODEL = "rpt_registry_month";

    private static final List<ModelColumn> TOWNSHIP_COLUMNS = List.of(
            new ModelColumn("乡镇", Measure.TEXT, "township"),
            count("在册户数", "households"),
            count("在册人数", "persons"),
            count("未脱贫户数", "households_not_exited"),
            count("未脱贫人数", "persons_not_exited"),
            count("当月新增人数", "persons_new"),
            count("当月减少人数", "persons_left"),
            count("当月脱贫户数", "households_exited_month"),
            count("年初至今脱贫户数", "households_exited_ytd"));

    private static final List<ModelColumn> TREND_COLUMNS = List.of(
            new ModelColumn("月份", Measure.TEXT, "year_month"),
            count("在册人数", "persons"),
            count("未脱贫人数", "persons_not_exited"),
            count("当月脱贫人数", "persons_exited_month"));

    /** The register's make-up: a row label, then the model's household and person columns. */
    private static final List<List<String>> MAKE_UP = List.of(
            List.of("一般贫困户", "households_ordinary", "persons_ordinary"),
            List.of("低保贫困户", "households_dibao", "persons_dibao"),
            List.of("特困供养贫困户", "households_tekun", "persons_tekun"),
            List.of("已脱贫", "households_exited", "persons_exited"),
            List.of("未脱贫", "households_not_exited", "persons_not_exited"),
            List.of("合计", "households", "persons"));

    private static final List<List<String>> CHANGES = List.of(
            List.of("新增", "households_new", "persons_new"),
            List.of("减少", "households_left", "persons_left"),
            List.of("迁移行政村", "households_moved_village", "persons_moved_village"),
            List.of("脱贫", "households_exited_month", "persons_exited_month"));

    @Override
    public Block build(ReportData data, ReportUnit unit, YearMonth month) throws SQLException {
        List<Figure> figures = List.of(
                data.figure("月末在册户数", Measure.COUNT, MODEL, "households", null, unit, month),
                data.figure("月末在册人数", Measure.COUNT, MODEL, "persons", null, unit, month),
                data.figure("月末未脱贫户数", Measure.COUNT, MODEL, "households_not_exited", null, unit, month),
                data.figure("月末未脱贫人数", Measure.COUNT, MODEL, "persons_not_exited", null, unit, month),
                data.figure(
                        "当月脱贫户数",
                        Measure.COUNT,
                        MODEL,
                        "households_exited_month",
                        "households_exited_ytd",
                        unit,
                        month),
                data.figure("当月脱贫人数", Measure.COUNT, MODEL, "persons_exited_month", "persons_exited_ytd", unit, month),
                data.figure("当月新增人数", Measure.COUNT, MODEL, "persons_new", null, unit, month),
                data.figure("当月减少人数", Measure.COUNT, MODEL, "persons_left", null, unit, month));
        Map<String, Object> now = data.row(MODEL, unit, month).orElse(Map.of());
        List<Table> tables = new ArrayList<>();
        tables.add(householdsAndPersons("月末在册户数、人数构成", MAKE_UP, now, "贫困户属性、脱贫状态以户在月末的在册信息为准，未填写的不计入分项"));
        tables.add(householdsAndPersons(
                "本月变动", CHANGES, now, "与上月末相比：新增、减少含在乡镇间迁入、迁出；迁移行政村指在本单位内更换行政村；脱贫指上月末未脱贫、本月末已脱贫的户及其成员"));
        if (unit.isCounty()) {
            tables.add(ModelColumn.table(
                    "各乡镇建档立卡情况", TOWNSHIP_COLUMNS, data.townships(MODEL, month), "未归属乡镇：花名册未填乡镇的户和人员"));
        }
        tables.add(ModelColumn.table("近12个月走势", TREND_COLUMNS, data.trend(MODEL, unit, month), null));
        int trend = tables.size() - 1;
        List<Chart> charts = List.of(new Chart(ChartKind.TREND_LINE, "近12个月在册人数、未脱贫人数", trend, 0, List.of(1, 2)));
        return new Block("建档立卡", "一、建档立卡", figures, tables, charts);
    }

    /** A table of households and persons, a row per label, read from the unit's row of the month. */
    private static Table householdsAndPersons(
            String title, List<List<String>> labelAndColumns, Map<String, Object> row, String note) {
        return new Table(
                title,
                List.of(
                        new Column("类别", Measure.TEXT),
                        new Column("户数", Measure.COUNT),
                        new Column("人数", Measure.COUNT)),
                labelAndColumns.stream()
                        .map(l -> Arrays.asList((Object) l.get(0), row.get(l.get(1)), row.get(l.get(2))))
                        .toList(),
                note);
    }
}
