package org.hhw.jobs.ingest;

import static org.hhw.jobs.ingest.RegistryFixtures.id;
import static org.hhw.jobs.ingest.RegistryFixtures.lowercaseXId;
import static org.hhw.jobs.ingest.RegistryFixtures.text;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Writes the checked-in microloan ledgers under {@code src/test/resources/fixtures/microloan}: the
 * June ledger of the rural commercial bank in xlsx (principal in 万元), the postal bank's June ledger
 * in xls (its date only in the title), the commercial bank's July ledger in GB18030 csv, and a
 * corrected June ledger in UTF-8 csv. The borrowers are people of {@link RegistryFixtures#XLSX}, but
 * for 王小二, whom the registry does not know. Run {@code main} to regenerate them;
 * {@link MicroloanIngestFunctionalTest} asserts exactly what they contain.
 */
final class MicroloanFixtures {

    static final String XLSX = "2018年6月扶贫小额信贷台账（农商银行）.xlsx";
    static final String XLS = "2018年6月扶贫小额信贷台账（邮储银行）.xls";
    static final String CSV_GB18030 = "2018年7月扶贫小额信贷台账（农商银行）.csv";
    static final String CORRECTION = "2018年6月扶贫小额信贷台账（农商银行）更正.csv";

    static final String ZHANG_SAN = id("19650312", "011");
    static final String LI_SI = id("19670520", "022");
    static final String ZHAO_LIU = id("19700101", "051");
    static final String QIAN_QI = id("19520202", "033");
    static final String ZHOU_JIU = lowercaseXId("19800808");
    /** A borrower the registry fixtures do not list. */
    static final String WANG_XIAOER = id("19750505", "211");

    private MicroloanFixtures() {}

    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args.length > 0 ? args[0] : "jobs/src/test/resources/fixtures/microloan");
        Files.createDirectories(dir);
        writeXlsx(dir.resolve(XLSX));
        writeXls(dir.resolve(XLS));
        RegistryFixtures.writeCsv(dir.resolve(CSV_GB18030), Charset.forName("GB18030"), false, julyRows());
        RegistryFixtures.writeCsv(dir.resolve(CORRECTION), StandardCharsets.UTF_8, true, correctionRows());
    }

    /** Principal in 万元 (numeric cells), a 3年 term, rates as 4.35% and as the number 0.0435, a 统计日期 column. */
    static void writeXlsx(Path file) throws IOException {
        try (XSSFWorkbook wb = new XSSFWorkbook()) {
            Sheet s = wb.createSheet("农商银行");
            text(s, 0, "天镇县扶贫小额信贷台账（农商银行）");
            s.addMergedRegion(new CellRangeAddress(0, 0, 0, 16));
            text(s, 1, "填报单位：天镇县财政局　填报日期：2018年7月");
            text(
                    s,
                    2,
                    "序号",
                    "借款人姓名",
                    "借款人身份证号",
                    "户编号",
                    "贷款银行",
                    "借款合同号",
                    "贷款金额(万元)",
                    "发放日期",
                    "到期日期",
                    "期限（月）",
                    "年利率",
                    "贷款用途",
                    "贴息金额",
                    "贷款余额",
                    "还款状态",
                    "逾期天数",
                    "统计日期");
            text(
                            s,
                            3,
                            "1",
                            "张三",
                            ZHANG_SAN,
                            "14022201001000001",
                            "天镇农商银行",
                            "NSH2018-001",
                            "",
                            "2018-03-15",
                            "2021-03-14",
                            "3年",
                            "4.35%",
                            "养殖",
                            "543.75",
                            "50000",
                            "正常",
                            "0",
                            "2018-06-30")
                    .getCell(6)
                    .setCellValue(5);
            text(
                            s,
                            4,
                            "2",
                            "李　四",
                            LI_SI,
                            "",
                            "天镇农商银行",
                            "NSH2018-002",
                            "",
                            "2018-04-10",
                            "2020-04-09",
                            "24",
                            "",
                            "种植",
                            "326.25",
                            "30000",
                            "正常",
                            "",
                            "2018-06-30")
                    .getCell(6)
                    .setCellValue(3);
            s.getRow(4).getCell(10).setCellValue(0.0435);
            text(
                            s,
                            5,
                            "3",
                            "王小二",
                            WANG_XIAOER,
                            "",
                            "天镇农商银行",
                            "NSH2018-003",
                            "",
                            "2018-01-20",
                            "2021-01-19",
                            "36",
                            "4.35%",
                            "入股分红",
                            "0",
                            "45000",
                            "逾期",
                            "15",
                            "2018-06-30")
                    .getCell(6)
                    .setCellValue(5);
            text(
                            s,
                            6,
                            "4",
                            "赵六",
                            ZHAO_LIU,
                            "14022201001000003",
                            "天镇农商银行",
                            "NSH2018-004",
                            "",
                            "2018-05-01",
                            "2018-04-30",
                            "36",
                            "4.35%",
                            "养殖",
                            "",
                            "20000",
                            "正常",
                            "0",
                            "2018-06-30")
                    .getCell(6)
                    .setCellValue(2);
            text(
                            s,
                            7,
                            "5",
                            "钱七",
                            QIAN_QI,
                            "14022205002000001",
                            "天镇农商银行",
                            "NSH2018-005",
                            "",
                            "2018-02-01",
                            "2021-02-01",
                            "3年",
                            "4.35%",
                            "养殖",
                            "",
                            "40000",
                            "展期",
                            "0",
                            "2018-06-30")
                    .getCell(6)
                    .setCellValue(4);
            text(s, 8, "合计", "", "", "", "", "", "19");
            text(s, 9, "制表人：刘一　审核人：陈二");
            write(wb, file);
        }
    }

    /** The ledger's date only in its title; header variants; a duplicated contract, a 30% rate, a loan above the cap. */
    static void writeXls(Path file) throws IOException {
        try (HSSFWorkbook wb = new HSSFWorkbook()) {
            Sheet s = wb.createSheet("邮储银行");
            text(s, 0, "天镇县扶贫小额信贷台账（截至2018年6月30日）");
            text(
                    s, 1, "借款人", "身份证号", "放贷机构", "合同编号", "放款金额", "放款日期", "到期日期", "贷款期限", "执行利率", "贷款用途", "贴息金额", "余额",
                    "贷款状态", "逾期天数");
            text(
                    s,
                    2,
                    "钱七",
                    QIAN_QI,
                    "邮储银行",
                    "YC2018-101",
                    "50,000.00",
                    "2018/3/1",
                    "2021/2/28",
                    "36",
                    "4.35%",
                    "养殖",
                    "500",
                    "50000",
                    "正常",
                    "0");
            text(
                    s,
                    3,
                    "周九",
                    ZHOU_JIU,
                    "邮储银行",
                    "YC2018-102",
                    "20000",
                    "2018.5.20",
                    "2020.5.19",
                    "2年",
                    "4.35",
                    "种植",
                    "",
                    "0",
                    "已结清",
                    "");
            text(
                    s,
                    4,
                    "李四",
                    LI_SI,
                    "邮储银行",
                    "YC2018-103",
                    "10000",
                    "2018/6/1",
                    "2019/5/31",
                    "12",
                    "30%",
                    "种植",
                    "",
                    "10000",
                    "正常",
                    "0");
            text(
                    s,
                    5,
                    "钱七",
                    QIAN_QI,
                    "邮储银行",
                    "YC2018-101",
                    "50000",
                    "2018/3/1",
                    "2021/2/28",
                    "36",
                    "4.35%",
                    "养殖",
                    "500",
                    "50000",
                    "正常",
                    "0");
            text(
                    s,
                    6,
                    "张三",
                    ZHANG_SAN,
                    "邮储银行",
                    "YC2018-104",
                    "60000",
                    "2018/6/5",
                    "2021/6/4",
                    "36",
                    "4.35%",
                    "养殖",
                    "",
                    "60000",
                    "正常",
                    "0");
            write(wb, file);
        }
    }

    /** The July ledger: 截至日期 column, dates in Chinese and compact forms, "36个月", an amount 待定. */
    static List<String> julyRows() {
        return List.of(
                "天镇县扶贫小额信贷台账（农商银行）,,,,,,,,,,,,,,,,",
                "序号,姓名,身份证号,户编号,贷款银行,借款合同号,贷款金额（元）,发放日期,到期日期,贷款期限,年利率,贷款用途,贴息金额,贷款余额,还款状态,逾期天数,截至日期",
                "1,张三," + ZHANG_SAN
                        + ",14022201001000001,天镇农商银行,NSH2018-001,50000,2018年3月15日,2021年3月14日,3年,4.35%,养殖,725.00,50000,正常,0,2018年7月31日",
                "2,王小二," + WANG_XIAOER
                        + ",,天镇农商银行,NSH2018-003,50000,20180120,20210119,36个月,4.35%,入股分红,0,45000,逾期,46,2018年7月31日",
                "3,李四," + LI_SI + ",,天镇农商银行,NSH2018-002,待定,2018年4月10日,2020年4月9日,24,4.35%,种植,,30000,正常,0,2018年7月31日",
                "合计,,,,,,100000,,,,,,,,,,");
    }

    /**
     * The June ledger re-issued by the bank: the same contracts and date, 张三's balance corrected,
     * 赵六's due date and 钱七's status fixed.
     */
    static List<String> correctionRows() {
        return List.of(
                "序号,借款人姓名,借款人身份证号,户编号,贷款银行,借款合同号,贷款金额（元）,发放日期,到期日期,期限（月）,年利率,贷款用途,贴息金额,贷款余额,还款状态,逾期天数,统计日期",
                "1,张三," + ZHANG_SAN
                        + ",14022201001000001,天镇农商银行,NSH2018-001,50000,2018-03-15,2021-03-14,36,4.35%,养殖,543.75,48000,正常,0,2018-06-30",
                "2,李四," + LI_SI
                        + ",,天镇农商银行,NSH2018-002,30000,2018-04-10,2020-04-09,24,4.35%,种植,326.25,30000,正常,0,2018-06-30",
                "3,王小二," + WANG_XIAOER
                        + ",,天镇农商银行,NSH2018-003,50000,2018-01-20,2021-01-19,36,4.35%,入股分红,0,45000,逾期,15,2018-06-30",
                "4,赵六," + ZHAO_LIU
                        + ",14022201001000003,天镇农商银行,NSH2018-004,20000,2018-05-01,2021-04-30,36,4.35%,养殖,,20000,正常,0,2018-06-30",
                "5,钱七," + QIAN_QI
                        + ",14022205002000001,天镇农商银行,NSH2018-005,40000,2018-02-01,2021-02-01,36,4.35%,养殖,,40000,正常,0,2018-06-30");
    }

    private static void write(Workbook wb, Path file) throws IOException {
        try (OutputStream out = Files.newOutputStream(file)) {
            wb.write(out);
        }
    }
}
