package org.hhw.warehouse.report.blocks;

import java.sql.SQLException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
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
 * Block 3, 基本医疗有保障: hospital stays and what they cost the patients (rpt_medical_month), and the households on
 * the return-to-poverty warning list (rpt_medical_warning) by household number and village only: the monitoring
 * rules forbid ID numbers, names and illnesses in notices.
 */
public final class MedicalBlock implements BlockQuery {

    static final String MODEL = "rpt_medical_month";
    static final String WARNING = "rpt_medical_warning";

    private static final List<Field> TOWNSHIP_FIELDS = List.of(
            new Field("住院人次", Measure.COUNT, "stays"),
            new Field("医疗总费用（元）", Measure.YUAN, "total_cost"),
            new Field("报销合计（元）", Measure.YUAN, "reimbursed"),
            new Field("个人自付（元）", Measure.YUAN, "self_paid"),
            new Field("报销比例（%）", Measure.PERCENT, "reimbursed_pct"),
            new Field("年初至今住院人次", Measure.COUNT, "stays_ytd"),
            new Field("年初至今报销比例（%）", Measure.PERCENT, "reimbursed_ytd_pct"),
            new Field("年初至今超封顶线人数", Measure.COUNT, "persons_over_cap_ytd"),
            new Field("因病返贫预警户数", Measure.COUNT, "high_burden_households"));

    private static final List<Field> TREND_FIELDS = List.of(
            new Field("住院人次", Measure.COUNT, "stays"),
            new Field("医疗总费用（元）", Measure.YUAN, "total_cost"),
            new Field("个人自付（元）", Measure.YUAN, "self_paid"),
            new Field("报销比例（%）", Measure.PERCENT, "reimbursed_pct"));

    private static final List<Field> WARNING_FIELDS = List.of(
            new Field("乡镇", Measure.TEXT, "township"),
            new Field("行政村", Measure.TEXT, "village"),
            new Field("户编号", Measure.TEXT, "household_id"),
            new Field("家庭人口", Measure.COUNT, "members"),
            new Field("近12个月住院人次", Measure.COUNT, "stays"),
            new Field("近12个月个人自付（元）", Measure.YUAN, "self_paid"),
            new Field("预警线（元）", Measure.YUAN, "warning_line"),
            new Field("低保标准×家庭人口（元）", Measure.YUAN, "dibao_line"),
            new Field("预警原因", Measure.TEXT, "reason"));

    /** The most households a report's warning list shows. */
    static final int LISTED = 100;

    private final int listed;

    public MedicalBlock() {
        this(LISTED);
    }

    /** @param listed the most households the warning list shows */
    MedicalBlock(int listed) {
        this.listed = listed;
    }

    @Override
    public Block build(ReportData data, ReportUnit unit, YearMonth month) throws SQLException {
        List<Figure> figures = List.of(
                data.figure("住院人次", Measure.COUNT, MODEL, "stays", "stays_ytd", unit, month),
                data.figure("医疗总费用（元）", Measure.YUAN, MODEL, "total_cost", "total_cost_ytd", unit, month),
                data.figure("报销合计（元）", Measure.YUAN, MODEL, "reimbursed", "reimbursed_ytd", unit, month),
                data.figure("个人自付（元）", Measure.YUAN, MODEL, "self_paid", "self_paid_ytd", unit, month),
                data.figure("报销比例（%）", Measure.PERCENT, MODEL, "reimbursed_pct", "reimbursed_ytd_pct", unit, month),
                data.figure(
                        "个人自付超过年度封顶额人数", Measure.COUNT, MODEL, "persons_over_cap", "persons_over_cap_ytd", unit, month),
                data.figure("因病返贫预警户数", Measure.COUNT, MODEL, "high_burden_households", null, unit, month));
        List<Table> tables = new ArrayList<>();
        List<Chart> charts = new ArrayList<>();
        if (unit.isCounty()) {
            tables.add(ModelTable.townships(
                    data, MODEL, month, "各乡镇住院情况", TOWNSHIP_FIELDS, "按入院月份统计；报销合计为基本医保、大病保险、补充医疗保险、医疗救助及其他报销之和"));
        }
        charts.add(new Chart(ChartKind.TREND_LINE, "医疗总费用与个人自付走势（元）", tables.size(), 0, List.of(2, 3)));
        tables.add(ModelTable.trend(data, MODEL, unit, month, "近12个月走势", TREND_FIELDS));
        tables.add(warningList(data, unit, month));
        return new Block("医疗", "三、基本医疗有保障", figures, tables, charts);
    }

    /**
     * The latest list judged up to the report's month: the rule is judged once a copy, over the 12 months to the
     * latest admission, so a month whose claims have not arrived yet shows the list of the month they reach.
     *
     * <p>A bulletin lists at most {@link #LISTED} households, those who paid most themselves, in the order a visit
     * goes (township, village, household): a list of thousands is no one's to read, and the whole list is the
     * model's, rpt_medical_warning, which the note names.
     */
    private Table warningList(ReportData data, ReportUnit unit, YearMonth month) throws SQLException {
        String latest = "year_month = (select max(year_month) from rpt_medical_warning where year_month <= ?)"
                + (unit.isCounty() ? "" : " and township_key = ?");
        Object[] parameters =
                unit.isCounty() ? new Object[] {month.toString()} : new Object[] {month.toString(), unit.townshipKey()};
        List<Map<String, Object>> rows = data.query("""
                select township, village, household_id, members, stays, self_paid, warning_line, dibao_line,
                       concat_ws('；', case when over_warning_line then '超过预警线' end,
                                 case when over_dibao_line then '超过低保标准×家庭人口' end) as reason,
                       window_start, window_end
                from (select * from rpt_medical_warning where %s
                      order by self_paid desc, household_id limit %d)
                order by township_key = 0, township_key, village, household_id""".formatted(latest, listed), parameters);
        long households = (Long) data.query("select count(*) as n from rpt_medical_warning where " + latest, parameters)
                .get(0)
                .get("n");
        String note = rows.isEmpty()
                ? "无因病返贫预警户"
                : "近12个月指" + day(rows.get(0).get("window_start")) + "至"
                        + day(rows.get(0).get("window_end")) + "入院的住院；不列身份证号、姓名及疾病名称"
                        + (households > listed
                                ? "；共" + households + "户，列出个人自付最高的" + listed + "户，全部名单见发布库 rpt_medical_warning"
                                : "");
        return ModelTable.of("因病返贫预警名单", WARNING_FIELDS, rows, note);
    }

    /** 2019年6月10日, from the yyyy-mm-dd the copy gives. */
    private static String day(Object isoDate) {
        LocalDate d = LocalDate.parse((String) isoDate);
        return d.getYear() + "年" + d.getMonthValue() + "月" + d.getDayOfMonth() + "日";
    }
}
