package org.hhw.warehouse;

import static org.hhw.warehouse.RegistryFiles.SUN_QIANG;
import static org.hhw.warehouse.RegistryFiles.WANG_GUILAN;
import static org.hhw.warehouse.RegistryFiles.ZHANG_JIANGUO;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

/**
 * The small county of the findings, data received and provenance reports: 玉泉镇 and 米薪关镇 registered in may 2019
 * (赵六 of 玉泉镇 lacks funds), a may ledger received on 10 june (张建国's loan NS001 of 60000 over the 50000 limit,
 * 孙强 not in the registry, a row with a mistyped ID rejected), nothing in july, the july ledger received on 5 august
 * (NS001 and 孙强's loan again, 王桂兰's new NS003 of 70000 over the limit), the same ledger again on 6 august (a
 * duplicate) and an encrypted training roster on 7 august (rejected whole). Education and medical send nothing.
 */
public final class ReportCounty {

    public static final String MAY_LEDGER = "2019年5月扶贫小额信贷台账.csv";
    public static final String JULY_LEDGER = "2019年7月扶贫小额信贷台账.csv";
    public static final String ROSTER = "2019年8月培训花名册.xlsx";

    private static final String LEDGER_HEADER = "借款人姓名,借款人身份证号,贷款银行,借款合同号,贷款金额,发放日期,到期日期,贷款余额,还款状态,统计日期";
    private static final String MISTYPED_ID = "140222197001010562";

    private ReportCounty() {}

    /** The county's warehouse under {@code dir}, loaded and its marts and report models built. */
    public static RegistryLoads load(Path dir) {
        RegistryLoads loads = new RegistryLoads(dir.resolve("home"));
        loads.load(RegistryFiles.yuquan(dir), at(5, 5));
        loads.load(RegistryFiles.mixinguan(dir), at(5, 6));
        loads.load(
                "microloan",
                MartFindingTest.csv(
                        dir,
                        MAY_LEDGER,
                        LEDGER_HEADER,
                        "张建国," + ZHANG_JIANGUO + ",天镇农商银行,NS001,60000,2018-12-10,2021-12-09,60000,正常,2019-05-31",
                        "孙强," + SUN_QIANG + ",天镇农商银行,NS002,20000,2019-05-01,2021-04-30,20000,正常,2019-05-31",
                        "钱七," + MISTYPED_ID + ",天镇农商银行,NS009,10000,2019-05-01,2021-04-30,10000,正常,2019-05-31"),
                at(6, 10));
        Path july = MartFindingTest.csv(
                dir,
                JULY_LEDGER,
                LEDGER_HEADER,
                "张建国," + ZHANG_JIANGUO + ",天镇农商银行,NS001,60000,2018-12-10,2021-12-09,55000,正常,2019-07-31",
                "孙强," + SUN_QIANG + ",天镇农商银行,NS002,20000,2019-05-01,2021-04-30,18000,正常,2019-07-31",
                "王桂兰," + WANG_GUILAN + ",天镇农商银行,NS003,70000,2019-07-01,2022-06-30,70000,正常,2019-07-31");
        int julyKey = loads.load("microloan", july, at(8, 5));
        Warehouse warehouse = loads.warehouse();
        int again = warehouse.register("microloan", JULY_LEDGER, "same-content-as-" + julyKey, at(8, 6));
        warehouse.markDuplicate(again, julyKey);
        int roster = warehouse.register("training", ROSTER, "encrypted-roster", at(8, 7));
        warehouse.markRejected(roster, "ENCRYPTED", "文件已加密，请去掉密码后重新报送");
        warehouse.buildMarts();
        return loads;
    }

    /** Publishes the county's copy as analysts (and reports) read it, as of 3 september 2019. */
    public static Path publish(RegistryLoads loads, Path dir) {
        Path copy = dir.resolve("analytics.duckdb");
        List<DataTestFailure> failures = loads.warehouse().publishIfTestsPass(copy, null, LocalDate.of(2019, 9, 3));
        if (!failures.isEmpty()) {
            throw new IllegalStateException("the report county fails its data tests: " + failures);
        }
        return copy;
    }

    static LocalDateTime at(int month, int day) {
        return LocalDateTime.of(2019, month, day, 9, 0);
    }
}
