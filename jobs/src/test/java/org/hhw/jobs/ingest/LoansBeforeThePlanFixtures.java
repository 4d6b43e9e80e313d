package org.hhw.jobs.ingest;

import static org.hhw.jobs.ingest.MicroloanFixtures.LI_SI;
import static org.hhw.jobs.ingest.MicroloanFixtures.QIAN_QI;
import static org.hhw.jobs.ingest.MicroloanFixtures.WANG_XIAOER;
import static org.hhw.jobs.ingest.MicroloanFixtures.ZHANG_SAN;
import static org.hhw.jobs.ingest.MicroloanFixtures.ZHAO_LIU;
import static org.hhw.jobs.ingest.MicroloanFixtures.ZHOU_JIU;
import static org.hhw.jobs.ingest.RegistryFixtures.text;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.ss.usermodel.Sheet;

/**
 * Writes the 2018 microloan ledgers under {@code src/test/resources/fixtures/microloan-before-plan} that carry
 * loans issued before the plan, in 2016 and 2017, which the national policy of 2014-12-10 (国开办发〔2014〕78号)
 * judges: the rural commercial bank's June ledger as an xlsx that LibreOffice writes from {@link #FODS} (a
 * principal over the limit, a loan inside every limit, a due date before its issue date), the postal bank's June
 * ledger in xls (a term over the limit, a borrower the registry does not know, a settled loan), and the commercial
 * bank's July ledger in GB18030 csv, which also lists a loan of 2014, before the policy's first version. The
 * borrowers are {@link MicroloanFixtures}' people of {@link RegistryFixtures#XLSX} but for 王小二. Run {@code main}, then
 * {@code soffice --headless --convert-to xlsx --outdir DIR DIR/<FODS>};
 * {@link LoansBeforeThePlanFunctionalTest} asserts exactly what they contain.
 */
final class LoansBeforeThePlanFixtures {

    static final String FODS = "2018年6月扶贫小额信贷台账（农商银行）.fods";
    static final String XLSX = "2018年6月扶贫小额信贷台账（农商银行）.xlsx";
    static final String XLS = "2018年6月扶贫小额信贷台账（邮储银行）.xls";
    static final String CSV = "2018年7月扶贫小额信贷台账（农商银行）.csv";

    private static final String[] HEADER = {
        "序号", "借款人姓名", "借款人身份证号", "户编号", "贷款银行", "借款合同号", "贷款金额（元）", "发放日期", "到期日期", "期限（月）", "年利率", "贷款用途", "贴息金额",
        "贷款余额", "还款状态", "逾期天数", "统计日期"
    };

    private LoansBeforeThePlanFixtures() {}

    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args.length > 0 ? args[0] : "jobs/src/test/resources/fixtures/microloan-before-plan");
        Files.createDirectories(dir);
        Fods.write(dir.resolve(FODS), "农商银行", xlsxRows());
        writeXls(dir.resolve(XLS));
        RegistryFixtures.writeCsv(dir.resolve(CSV), Charset.forName("GB18030"), false, csvRows());
    }

    /** A 2016 principal of 60000, a 2017 loan inside every limit, a 2016 loan due before it was issued; a total, a footer. */
    static List<String[]> xlsxRows() {
        return List.of(
                new String[] {"天镇县扶贫小额信贷台账（农商银行）"},
                new String[] {"填报单位：天镇农商银行　填报日期：2018年7月5日"},
                HEADER,
                new String[] {
                    "1",
                    "张三",
                    ZHANG_SAN,
                    "14022201001000001",
                    "天镇农商银行",
                    "NSH2016-011",
                    "60000",
                    "2016-04-01",
                    "2019-03-31",
                    "36",
                    "4.35%",
                    "养殖",
                    "",
                    "60000",
                    "正常",
                    "0",
                    "2018-06-30"
                },
                new String[] {
                    "2",
                    "李四",
                    LI_SI,
                    "",
                    "天镇农商银行",
                    "NSH2017-012",
                    "30000",
                    "2017-03-10",
                    "2020-03-09",
                    "36",
                    "4.35%",
                    "种植",
                    "326.25",
                    "30000",
                    "正常",
                    "0",
                    "2018-06-30"
                },
                new String[] {
                    "3",
                    "赵六",
                    ZHAO_LIU,
                    "14022201001000003",
                    "天镇农商银行",
                    "NSH2016-013",
                    "20000",
                    "2016-10-01",
                    "2016-09-30",
                    "36",
                    "4.35%",
                    "养殖",
                    "",
                    "20000",
                    "正常",
                    "0",
                    "2018-06-30"
                },
                new String[] {"合计", "", "", "", "", "", "110000"},
                new String[] {"制表人：刘一　审核人：陈二"});
    }

    /** Dated by its title: a 2017 loan of 48个月, a 2016 loan to 王小二, a 2016 loan settled; a footer. */
    static void writeXls(Path file) throws IOException {
        try (HSSFWorkbook wb = new HSSFWorkbook()) {
            Sheet s = wb.createSheet("邮储银行");
            text(s, 0, "天镇县扶贫小额信贷台账（截至2018年6月30日）");
            text(s, 1, "借款人", "身份证号", "放贷机构", "合同编号", "放款金额", "放款日期", "到期日期", "贷款期限", "执行利率", "贷款用途", "余额", "贷款状态");
            text(
                    s,
                    2,
                    "钱七",
                    QIAN_QI,
                    "邮储银行",
                    "YC2017-021",
                    "40000",
                    "2017/5/2",
                    "2021/5/1",
                    "48个月",
                    "4.35%",
                    "养殖",
                    "40000",
                    "正常");
            text(
                    s,
                    3,
                    "王小二",
                    WANG_XIAOER,
                    "邮储银行",
                    "YC2016-022",
                    "20000",
                    "2016/8/15",
                    "2018/8/14",
                    "2年",
                    "4.35%",
                    "种植",
                    "5000",
                    "正常");
            text(
                    s,
                    4,
                    "周九",
                    ZHOU_JIU,
                    "邮储银行",
                    "YC2016-023",
                    "10000",
                    "2016/9/1",
                    "2018/5/31",
                    "",
                    "4.35%",
                    "入股分红",
                    "0",
                    "已结清");
            text(s, 5, "制表人：孙五");
            try (OutputStream out = Files.newOutputStream(file)) {
                wb.write(out);
            }
        }
    }

    /** The July ledger: 李四's loan again, and a loan of 2014 over the limits the policy set only later; a total. */
    static List<String> csvRows() {
        return List.of(
                "天镇县扶贫小额信贷台账（农商银行）,,,,,,,,,,,,,,,,",
                String.join(",", HEADER),
                "1,李四," + LI_SI + ",,天镇农商银行,NSH2017-012,30000,2017年3月10日,2020年3月9日,36,4.35%,种植,435.00,30000,正常,0,"
                        + "2018年7月31日",
                "2,张三," + ZHANG_SAN + ",14022201001000001,天镇农商银行,NSH2014-001,60000,2014年6月1日,2019年5月31日,60,6.15%,"
                        + "养殖,,20000,正常,0,2018年7月31日",
                "合计,,,,,,90000,,,,,,,,,,");
    }
}
