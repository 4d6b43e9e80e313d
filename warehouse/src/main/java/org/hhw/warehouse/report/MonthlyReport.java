package org.hhw.warehouse.report;

import java.time.YearMonth;
import java.util.List;

/**
 * Everything one unit's report for one month shows, in the order the forms show it: blocks 1-8 of
 * the bulletin, then the provenance block (数据来源). The forms (workbook, PDF, web page) only lay it
 * out; no figure is computed outside the report models.
 *
 * @param county the county's name, e.g. 天镇县, which heads every township's report too
 */
public record MonthlyReport(String county, ReportUnit unit, YearMonth month, List<Block> blocks) {

    public MonthlyReport {
        blocks = List.copyOf(blocks);
    }

    /** The report's title as county offices write it: 天镇县脱贫攻坚数据月报 or 天镇县玉泉镇脱贫攻坚数据月报. */
    public String title() {
        return (unit.isCounty() ? county : county + unit.name()) + "脱贫攻坚数据月报";
    }

    /** 2019年6月 */
    public String monthLabel() {
        return month.getYear() + "年" + month.getMonthValue() + "月";
    }

    /** The file name without extension: 天镇县脱贫攻坚数据月报_2019年6月. */
    public String fileStem() {
        return title() + "_" + monthLabel();
    }
}
