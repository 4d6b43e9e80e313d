package org.hhw.warehouse.report.blocks;

import static org.hhw.warehouse.RegistryFiles.CHEN_LAN;
import static org.hhw.warehouse.RegistryFiles.LIU_FU;
import static org.hhw.warehouse.RegistryFiles.LI_XIUYING;
import static org.hhw.warehouse.RegistryFiles.SUN_QIANG;
import static org.hhw.warehouse.RegistryFiles.WANG_GUILAN;
import static org.hhw.warehouse.RegistryFiles.ZHANG_JIANGUO;
import static org.hhw.warehouse.RegistryFiles.ZHAO_LIU;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import org.hhw.warehouse.RegistryFiles;
import org.hhw.warehouse.RegistryLoads;

/**
 * A small county for the report models and blocks of medical care, microloans, training and plan targets, its
 * figures worked out by hand in the tests. 玉泉镇 (李家庄: 张建国, 李秀英, 张伟; 鲍家屯: 王桂兰, 王小明; 石家庄: 赵六)
 * and 米薪关镇 (孤峰山: 刘福, 陈兰) registered in January 2019; 孙强 is not in the registry.
 *
 * <p>Hospital stays from December 2018 to June 2019 (none in January): 李秀英 (April), 刘福 (March, province), 王桂兰
 * (May, province) and 赵六 (his second stay, June) go over their self-pay caps; 王桂兰's household (12,000 yuan
 * self-paid) and 刘福's (8,500 over 2 × 3,906) are on the warning list. Microloans: the commercial bank's ledger of
 * 31 May (张建国, 刘福 overdue, 王桂兰 over the limit), the postal bank's of 30 June (陈兰, overdue). Training: 李秀英 in
 * May, 陈兰 (employed after) and 孙强 in June 2019.
 */
public final class BlockCounty {

    public static final String MEDICAL =
            "结算单号,患者姓名,身份证号,就诊医院,医院级别,入院日期,出院日期,医疗总费用,基本医保报销,大病保险报销," + "补充医疗保险,医疗救助,其他报销,个人自付";

    private static final String LEDGER = "借款人姓名,借款人身份证号,贷款银行,借款合同号,贷款金额,发放日期,到期日期,贷款余额,还款状态,统计日期";

    private BlockCounty() {}

    /** Loads the county into a warehouse under {@code dir} and builds its marts and report models. */
    public static RegistryLoads load(Path dir) {
        RegistryLoads loads = new RegistryLoads(dir.resolve("home"));
        loads.load(RegistryFiles.yuquan(dir), at(2019, 1, 5));
        loads.load(RegistryFiles.mixinguan(dir), at(2019, 1, 6));
        loads.load(
                "medical",
                csv(
                        dir,
                        "2018-2019年住院结算明细.csv",
                        MEDICAL,
                        "JS-1,张建国," + ZHANG_JIANGUO + ",玉泉镇卫生院,乡镇卫生院,2018-12-03,2018-12-08,2000,1500,,,,,500",
                        "JS-2,张建国," + ZHANG_JIANGUO + ",天镇县人民医院,县级,2019-02-10,2019-02-20,8000,6000,800,0,400,,800",
                        "JS-3,李秀英," + LI_XIUYING + ",天镇县人民医院,县级,2019-04-05,2019-04-15,6200,4000,500,300,200,0,1200",
                        "JS-4,刘福," + LIU_FU + ",山西医科大学第一医院,省级,2019-03-01,2019-03-20,30000,18000,4000,0,1000,0,7000",
                        "JS-5,陈兰," + CHEN_LAN + ",大同市第三人民医院,市级,2019-04-20,2019-04-30,5000,3500,0,0,0,0,1500",
                        "JS-6,孙强," + SUN_QIANG + ",天镇县人民医院,县级,2019-04-12,2019-04-18,3000,2500,,,,,500",
                        "JS-7,王桂兰," + WANG_GUILAN + ",山西医科大学第一医院,省级,2019-05-08,2019-05-28,40000,25000,3000,0,0,0,12000",
                        "JS-8,赵六," + ZHAO_LIU + ",玉泉镇卫生院,乡镇卫生院,2019-05-15,2019-05-20,1500,900,,,,,600",
                        "JS-9,赵六," + ZHAO_LIU + ",天镇县人民医院,县级,2019-06-10,2019-06-16,2500,2000,,,,,500"),
                at(2019, 7, 2));
        loads.load(
                "microloan",
                csv(
                        dir,
                        "2019年5月扶贫小额信贷台账（农商银行）.csv",
                        LEDGER,
                        "张建国," + ZHANG_JIANGUO + ",天镇农商银行,NS001,50000,2019-03-10,2022-03-09,40000,正常,2019-05-31",
                        "刘福," + LIU_FU + ",天镇农商银行,NS002,30000,2019-04-15,2022-04-14,30000,逾期,2019-05-31",
                        "王桂兰," + WANG_GUILAN + ",天镇农商银行,NS003,60000,2019-05-05,2022-05-04,60000,正常,2019-05-31"),
                at(2019, 6, 3));
        loads.load(
                "microloan",
                csv(
                        dir,
                        "2019年6月扶贫小额信贷台账（邮储银行）.csv",
                        LEDGER,
                        "陈兰," + CHEN_LAN + ",邮储银行,YC001,20000,2019-06-10,2021-06-09,20000,逾期,2019-06-30"),
                at(2019, 7, 3));
        loads.load(
                "training",
                csv(
                        dir,
                        "2019年培训花名册.csv",
                        "姓名,身份证号,培训项目,培训机构,开班日期,结业日期,培训课时,是否结业,是否就业,补贴金额",
                        "李秀英," + LI_XIUYING + ",家政服务员,方源职业培训学校,2019-05-10,2019-05-20,80,是,否,1200",
                        "陈兰," + CHEN_LAN + ",电子商务,博宇职业培训学校,2019-06-05,2019-06-15,40,是,是,600",
                        "孙强," + SUN_QIANG + ",育婴员,方源职业培训学校,2019-06-15,2019-06-25,60,否,否,800"),
                at(2019, 7, 4));
        loads.warehouse().buildMarts();
        return loads;
    }

    /** Publishes the county's copy for the reports, as the publish gate does once its data tests pass. */
    public static Path publish(RegistryLoads loads, Path dir) {
        Path copy = dir.resolve("analytics.duckdb");
        var failures = loads.warehouse().publishIfTestsPass(copy, null);
        if (!failures.isEmpty()) {
            throw new IllegalStateException("the county's data tests fail: " + failures);
        }
        return copy;
    }

    private static LocalDateTime at(int year, int month, int day) {
        return LocalDateTime.of(year, month, day, 9, 0);
    }

    private static Path csv(Path dir, String fileName, String header, String... lines) {
        try {
            return Files.writeString(
                    dir.resolve(fileName), header + "\n" + String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
