package org.hhw.jobs.ingest;

import static org.hhw.jobs.ingest.RegistryFixtures.id;
import static org.hhw.jobs.ingest.RegistryFixtures.text;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.ss.usermodel.Sheet;

/**
 * Writes the microloan ledgers under {@code src/test/resources/fixtures/microloan-months} whose 统计日期
 * is a month, in every form clerks write it: an xlsx that LibreOffice writes from {@link #FODS} (the
 * title names the year, the 填报日期 the next one), an xls whose title names no year, and a UTF-8 csv
 * whose title states the date. Run {@code main}, then
 * {@code soffice --headless --convert-to xlsx --outdir DIR DIR/<FODS>};
 * {@link LedgerMonthDatesFunctionalTest} asserts exactly what they contain.
 */
final class LedgerMonthDatesFixtures {

    static final String FODS = "2018年12月扶贫小额信贷台账（农商银行）.fods";
    static final String XLSX = "2018年12月扶贫小额信贷台账（农商银行）.xlsx";
    static final String XLS = "扶贫小额信贷台账（邮储银行）.xls";
    static final String CSV = "2018年12月扶贫小额信贷台账（农商银行城关支行）.csv";

    static final String ZHANG_SAN = id("19650312", "011");
    static final String LI_SI = id("19670520", "022");
    static final String ZHAO_LIU = id("19700101", "051");
    static final String QIAN_QI = id("19520202", "033");
    static final String WANG_XIAOER = id("19750505", "211");
    static final String ZHOU_JIU = id("19800808", "015");

    private static final String[] HEADER = {
        "序号", "借款人姓名", "借款人身份证号", "贷款银行", "借款合同号", "贷款金额（元）", "发放日期", "到期日期", "贷款余额", "还款状态", "统计日期"
    };

    private LedgerMonthDatesFixtures() {}

    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args.length > 0 ? args[0] : "jobs/src/test/resources/fixtures/microloan-months");
        Files.createDirectories(dir);
        Fods.write(dir.resolve(FODS), "农商银行", xlsxRows());
        writeXls(dir.resolve(XLS));
        RegistryFixtures.writeCsv(dir.resolve(CSV), StandardCharsets.UTF_8, true, csvRows());
    }

    /** Months with and without their year under a title naming 2018, an issue date given as a month, a total. */
    static List<String[]> xlsxRows() {
        return List.of(
                new String[] {"天镇县2018年扶贫小额信贷台账（农商银行）"},
                new String[] {"填报单位：天镇农商银行　填报日期：2019年1月5日"},
                HEADER,
                new String[] {
                    "1",
                    "张三",
                    ZHANG_SAN,
                    "天镇农商银行",
                    "NSH2018-101",
                    "50000",
                    "2018-03-15",
                    "2021-03-14",
                    "50000",
                    "正常",
                    "2018年12月"
                },
                new String[] {
                    "2",
                    "李四",
                    LI_SI,
                    "天镇农商银行",
                    "NSH2018-102",
                    "30000",
                    "2018-04-10",
                    "2020-04-09",
                    "30000",
                    "正常",
                    "2018.12"
                },
                new String[] {
                    "3",
                    "赵六",
                    ZHAO_LIU,
                    "天镇农商银行",
                    "NSH2018-103",
                    "20000",
                    "2018-05-01",
                    "2021-04-30",
                    "20000",
                    "正常",
                    "12月底"
                },
                new String[] {
                    "4",
                    "钱七",
                    QIAN_QI,
                    "天镇农商银行",
                    "NSH2018-104",
                    "40000",
                    "2018-02-01",
                    "2021-02-01",
                    "40000",
                    "逾期",
                    "2018年12月末"
                },
                new String[] {
                    "5",
                    "王小二",
                    WANG_XIAOER,
                    "天镇农商银行",
                    "NSH2018-105",
                    "10000",
                    "2018年3月",
                    "2019-03-31",
                    "10000",
                    "正常",
                    "2018年12月"
                },
                new String[] {"合计", "", "", "", "", "150000"});
    }

    /** A title without a year: a month with its year is read, one without it is rejected; a footer. */
    static void writeXls(Path file) throws IOException {
        try (HSSFWorkbook wb = new HSSFWorkbook()) {
            Sheet s = wb.createSheet("邮储银行");
            text(s, 0, "扶贫小额信贷台账（邮储银行）");
            text(s, 1, "借款人", "身份证号", "放贷机构", "合同编号", "放款金额", "放款日期", "到期日期", "余额", "贷款状态", "截至日期");
            text(
                    s,
                    2,
                    "张三",
                    ZHANG_SAN,
                    "邮储银行",
                    "YC2018-201",
                    "20000",
                    "2018/6/1",
                    "2020/5/31",
                    "20000",
                    "正常",
                    "2018-12");
            text(s, 3, "李四", LI_SI, "邮储银行", "YC2018-202", "20000", "2018/6/1", "2020/5/31", "20000", "正常", "201812");
            text(s, 4, "赵六", ZHAO_LIU, "邮储银行", "YC2018-203", "20000", "2018/6/1", "2020/5/31", "20000", "正常", "12月");
            text(
                    s,
                    5,
                    "钱七",
                    QIAN_QI,
                    "邮储银行",
                    "YC2018-204",
                    "20000",
                    "2018/6/1",
                    "2020/5/31",
                    "20000",
                    "正常",
                    "2018-12-31");
            text(s, 6, "制表人：刘一　审核人：陈二");
            try (OutputStream out = Files.newOutputStream(file)) {
                wb.write(out);
            }
        }
    }

    /** A title stating the date: a blank cell takes it, a month without a year its year; a month 13. */
    static List<String> csvRows() {
        return List.of(
                "天镇县扶贫小额信贷台账（截止2018年12月底）,,,,,,,,,,",
                String.join(",", HEADER),
                "1,周九," + ZHOU_JIU + ",天镇农商银行,NSH2018-201,30000,2018-07-01,2020-06-30,30000,正常,",
                "2,王小二," + WANG_XIAOER + ",天镇农商银行,NSH2018-202,30000,2018-07-01,2020-06-30,30000,正常,12月",
                "3,张三," + ZHANG_SAN + ",天镇农商银行,NSH2018-203,30000,2018-07-01,2020-06-30,30000,正常,2018年13月",
                "4,李四," + LI_SI + ",天镇农商银行,NSH2018-204,30000,2018-07-01,2020-06-30,30000,正常,2018年11月");
    }
}
