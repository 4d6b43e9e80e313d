package org.hhw.warehouse;

import java.nio.file.Path;

/**
 * The registry files several tests load: 玉泉镇 as first reported, 米薪关镇, 玉泉镇 corrected later
 * (张伟 and household 3101000003 gone, 王小明 now in 南园子, household 3101000004 new), and a 玉泉镇
 * file with a problem on most rows.
 */
public final class RegistryFiles {

    public static final String ZHANG_JIANGUO = "140222196503120117";
    public static final String LI_XIUYING = "140222196807050226";
    public static final String ZHANG_WEI = "140222199201180337";
    public static final String WANG_GUILAN = "140222195809200449";
    public static final String WANG_XIAOMING = "140222198505051230";
    public static final String ZHAO_LIU = "140222197001010561";
    public static final String LIU_FU = "140222196002140179";
    public static final String CHEN_LAN = "140222198811300282";
    public static final String SUN_QIANG = "140222197506060353";

    private RegistryFiles() {}

    public static Path yuquan(Path dir) {
        return RegistryCsv.write(
                dir,
                "玉泉镇花名册.csv",
                "3101000001,玉泉镇,李家庄,张建国," + ZHANG_JIANGUO + ",户主,男,3,一般贫困户,因病,已脱贫,2019",
                "3101000001,玉泉镇,李家庄,李秀英," + LI_XIUYING + ",配偶,女,,,,,",
                "3101000001,玉泉镇,李家庄,张伟," + ZHANG_WEI + ",之子,男,,,,,",
                "3101000002,玉泉镇,鲍家屯,王桂兰," + WANG_GUILAN + ",户主,女,2,低保贫困户,因残,未脱贫,",
                "3101000002,玉泉镇,鲍家屯,王小明," + WANG_XIAOMING + ",之子,男,,,,,",
                "3101000003,玉泉镇,石家庄,赵六," + ZHAO_LIU + ",户主,男,1,一般贫困户,缺资金,未脱贫,");
    }

    public static Path mixinguan(Path dir) {
        return RegistryCsv.write(
                dir,
                "米薪关镇花名册.csv",
                "3103000001,米薪关镇,孤峰山,刘福," + LIU_FU + ",户主,男,2,一般贫困户,缺技术,已脱贫,2020",
                "3103000001,米薪关镇,孤峰山,陈兰," + CHEN_LAN + ",配偶,女,,,,,");
    }

    public static Path yuquanCorrected(Path dir) {
        return RegistryCsv.write(
                dir,
                "玉泉镇花名册（更正）.csv",
                "3101000001,玉泉镇,李家庄,张建国," + ZHANG_JIANGUO + ",户主,男,3,一般贫困户,因病,已脱贫,2019",
                "3101000001,玉泉镇,李家庄,李秀英," + LI_XIUYING + ",配偶,女,,,,,",
                "3101000002,玉泉镇,鲍家屯,王桂兰," + WANG_GUILAN + ",户主,女,2,低保贫困户,因残,未脱贫,",
                "3101000002,玉泉镇,南园子,王小明," + WANG_XIAOMING + ",之子,男,,,,,",
                "3101000004,玉泉镇,石家庄,孙强," + SUN_QIANG + ",户主,男,1,一般贫困户,因学,未脱贫,");
    }

    /**
     * Two households of 玉泉镇 (李家庄: 3 persons, 鲍家屯: 2 of a declared 3); row 4 declares the wrong sex, row 6 has a
     * 15-digit ID, row 7 an unknown village and a mistyped ID, row 8 is blank, row 9 repeats row 3, row 10 is a total.
     */
    public static Path withProblems(Path dir) {
        return RegistryCsv.write(
                dir,
                "玉泉镇花名册.csv",
                "3101000001,玉泉镇,李家庄,张建国," + ZHANG_JIANGUO + ",户主,男,3,一般贫困户,因病,已脱贫,2019",
                "3101000001,玉泉镇,李家庄,李秀英," + LI_XIUYING + ",配偶,女,,,,,",
                "3101000001,玉泉镇,李家庄,张伟," + ZHANG_WEI + ",之子,女,,,,,",
                "3101000002,玉泉镇,鲍家屯,王桂兰," + WANG_GUILAN + ",户主,女,3,低保贫困户,因残,未脱贫,",
                "3101000002,玉泉镇,鲍家屯,王小明,140222850505123,之子,男,,,,,",
                "3101000003,玉泉镇,不存在村,赵六,140222197001010562,户主,男,1,一般贫困户,缺资金,未脱贫,",
                "",
                "3101000001,玉泉镇,李家庄,李秀英," + LI_XIUYING + ",配偶,女,,,,,",
                "合计,,,,,,,,,,,");
    }
}
