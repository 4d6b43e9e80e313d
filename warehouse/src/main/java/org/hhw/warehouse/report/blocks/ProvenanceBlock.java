package org.hhw.warehouse.report.blocks;

import static org.hhw.warehouse.report.blocks.Tables.count;
import static org.hhw.warehouse.report.blocks.Tables.text;

import java.sql.SQLException;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.hhw.warehouse.report.Block;
import org.hhw.warehouse.report.BlockQuery;
import org.hhw.warehouse.report.ReportData;
import org.hhw.warehouse.report.ReportUnit;
import org.hhw.warehouse.report.Table;

/**
 * Block 9, 数据来源: what the month's figures rest on (the latest load included, the files by department, the version
 * of the rules and targets) from rpt_provenance_month, and when and by which version of the product the report was
 * made, which only the generator knows. The same for every unit: the figures of all of them rest on one copy.
 */
public final class ProvenanceBlock implements BlockQuery {

    static final String MODEL = "rpt_provenance_month";

    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy年M月d日 HH:mm");

    private final LocalDateTime generatedAt;
    private final String productVersion;

    /**
     * @param generatedAt when the generator made the report (the county's local time)
     * @param productVersion the product's version that made it, e.g. 0.1.0
     */
    public ProvenanceBlock(LocalDateTime generatedAt, String productVersion) {
        this.generatedAt = generatedAt;
        this.productVersion = productVersion;
    }

    @Override
    public Block build(ReportData data, ReportUnit unit, YearMonth month) throws SQLException {
        List<Map<String, Object>> copy = data.query(
                "select strftime(data_as_of, '%Y年%-m月%-d日 %H:%M') as data_as_of, files_included, rules_version,"
                        + " rules, strftime(rules_latest_from, '%Y-%m-%d') as rules_latest_from, targets_version,"
                        + " targets, strftime(targets_latest_from, '%Y-%m-%d') as targets_latest_from from " + MODEL
                        + " where year_month = ? limit 1",
                month.toString());
        List<List<Object>> about = new ArrayList<>();
        for (Map<String, Object> c : copy) {
            about.add(Arrays.asList("数据截至", c.get("data_as_of")));
            about.add(List.of("收录入库文件", c.get("files_included") + "个"));
            about.add(List.of("政策标准版本", version(c, "rules")));
            about.add(List.of("规划目标版本", version(c, "targets")));
        }
        about.add(List.of("报告生成时间", generatedAt.format(MINUTE)));
        about.add(List.of("生成程序", "hhw " + productVersion));
        about.add(List.of("数据口径", "本报告各项数字均可由发布库中的报表模型（rpt_开头的表）查询复现"));
        Table summary = new Table("数据说明", List.of(text("项目"), text("内容")), about, null);
        Table files = Tables.of(
                "纳入本期的数据",
                data.query(
                        "select department_zh, files_to_month_end, files_after_month, newest_file_name,"
                                + " strftime(newest_received_at, '%Y-%m-%d') as newest_received_on from " + MODEL
                                + " where year_month = ? order by department_order",
                        month.toString()),
                "月后补报：本月结束后收到、已计入本期数字的文件",
                text("部门"),
                count("截至月末文件"),
                count("月后补报文件"),
                text("最新文件"),
                text("接收日期"));
        return new Block("数据来源", "九、数据来源", List.of(), List.of(summary, files), List.of());
    }

    /** The md5 with the row count and latest start beside it: 3f2a…（24条，最近生效2019-01-01）. */
    private static String version(Map<String, Object> row, String prefix) {
        return row.get(prefix + "_version") + "（" + row.get(prefix) + "条，最近生效" + row.get(prefix + "_latest_from") + "）";
    }
}
