package org.hhw.warehouse;

import static org.hhw.warehouse.RegistryFiles.CHEN_LAN;
import static org.hhw.warehouse.RegistryFiles.LIU_FU;
import static org.hhw.warehouse.RegistryFiles.LI_XIUYING;
import static org.hhw.warehouse.RegistryFiles.SUN_QIANG;
import static org.hhw.warehouse.RegistryFiles.WANG_GUILAN;
import static org.hhw.warehouse.RegistryFiles.WANG_XIAOMING;
import static org.hhw.warehouse.RegistryFiles.ZHANG_JIANGUO;
import static org.hhw.warehouse.RegistryFiles.ZHAO_LIU;

import java.nio.file.Path;
import java.time.LocalDateTime;

/**
 * The small county of the registry and education reports, its every figure known by hand. 玉泉镇 and 米薪关镇 are
 * registered in November 2018; in January 2019 玉泉镇's corrected file drops 赵六's household (3101000003), adds 孙强's
 * (3101000004, 石家庄) and moves 王小明 to 南园子; in March 2019 张建国's household exits poverty, 孙强's moves to 李家庄
 * and 陈兰 marries into it from 米薪关镇. The education bureau pays 张小明 in November 2018, then in March and April 2019
 * 刘小红, 张小明 (two programmes) and 钱小燕, whom the registry does not know; 刘小红 (8) has no aid in 2018 and 王小丽
 * (7) none in 2019: EDU_GAP. The latest file arrives in May 2019; the other nine townships have no one.
 */
public final class RegistryEducationCounty {

    public static final String ZHANG_XIAOMING = RegistryCsv.id("20080501", "031");
    public static final String WANG_XIAOLI = RegistryCsv.id("20120601", "062");
    public static final String LIU_XIAOHONG = RegistryCsv.id("20100315", "142");
    public static final String QIAN_XIAOYAN = RegistryCsv.id("20000606", "152");

    private static final String EDUCATION = "学生姓名,学生身份证号,学校名称,学段,资助项目,学期,资助金额,发放日期";

    private RegistryEducationCounty() {}

    /** Loads the county into a warehouse under {@code dir} and builds its marts and report models. */
    public static RegistryLoads load(Path dir) {
        RegistryLoads loads = new RegistryLoads(dir.resolve("home"));
        loads.load(
                RegistryCsv.write(
                        dir,
                        "玉泉镇花名册.csv",
                        "3101000001,玉泉镇,李家庄,张建国," + ZHANG_JIANGUO + ",户主,男,3,一般贫困户,因病,未脱贫,",
                        "3101000001,玉泉镇,李家庄,李秀英," + LI_XIUYING + ",配偶,女,,,,,",
                        "3101000001,玉泉镇,李家庄,张小明," + ZHANG_XIAOMING + ",之子,男,,,,,",
                        "3101000002,玉泉镇,鲍家屯,王桂兰," + WANG_GUILAN + ",户主,女,3,低保贫困户,因残,未脱贫,",
                        "3101000002,玉泉镇,鲍家屯,王小明," + WANG_XIAOMING + ",之子,男,,,,,",
                        "3101000002,玉泉镇,鲍家屯,王小丽," + WANG_XIAOLI + ",之女,女,,,,,",
                        "3101000003,玉泉镇,石家庄,赵六," + ZHAO_LIU + ",户主,男,1,一般贫困户,缺资金,未脱贫,"),
                at(2018, 11, 5));
        loads.load(
                RegistryCsv.write(
                        dir,
                        "米薪关镇花名册.csv",
                        "3103000001,米薪关镇,孤峰山,刘福," + LIU_FU + ",户主,男,3,特困供养贫困户,缺技术,已脱贫,2018",
                        "3103000001,米薪关镇,孤峰山,陈兰," + CHEN_LAN + ",配偶,女,,,,,",
                        "3103000001,米薪关镇,孤峰山,刘小红," + LIU_XIAOHONG + ",之女,女,,,,,"),
                at(2018, 11, 6));
        loads.load(
                "education",
                MartFindingTest.csv(
                        dir,
                        "2018年秋季学期资助名册.csv",
                        EDUCATION,
                        "张小明," + ZHANG_XIAOMING + ",玉泉镇中心小学,小学,营养改善计划,2018年秋季,500,2018-11-20"),
                at(2018, 12, 3));
        loads.load(
                RegistryCsv.write(
                        dir,
                        "玉泉镇花名册（更正）.csv",
                        "3101000001,玉泉镇,李家庄,张建国," + ZHANG_JIANGUO + ",户主,男,3,一般贫困户,因病,未脱贫,",
                        "3101000001,玉泉镇,李家庄,李秀英," + LI_XIUYING + ",配偶,女,,,,,",
                        "3101000001,玉泉镇,李家庄,张小明," + ZHANG_XIAOMING + ",之子,男,,,,,",
                        "3101000002,玉泉镇,鲍家屯,王桂兰," + WANG_GUILAN + ",户主,女,3,低保贫困户,因残,未脱贫,",
                        "3101000002,玉泉镇,南园子,王小明," + WANG_XIAOMING + ",之子,男,,,,,",
                        "3101000002,玉泉镇,鲍家屯,王小丽," + WANG_XIAOLI + ",之女,女,,,,,",
                        "3101000004,玉泉镇,石家庄,孙强," + SUN_QIANG + ",户主,男,1,一般贫困户,因学,未脱贫,"),
                at(2019, 1, 10));
        loads.load(
                RegistryCsv.write(
                        dir,
                        "玉泉镇花名册（2019年3月）.csv",
                        "3101000001,玉泉镇,李家庄,张建国," + ZHANG_JIANGUO + ",户主,男,3,一般贫困户,因病,已脱贫,2019",
                        "3101000001,玉泉镇,李家庄,李秀英," + LI_XIUYING + ",配偶,女,,,,,",
                        "3101000001,玉泉镇,李家庄,张小明," + ZHANG_XIAOMING + ",之子,男,,,,,",
                        "3101000002,玉泉镇,鲍家屯,王桂兰," + WANG_GUILAN + ",户主,女,3,低保贫困户,因残,未脱贫,",
                        "3101000002,玉泉镇,南园子,王小明," + WANG_XIAOMING + ",之子,男,,,,,",
                        "3101000002,玉泉镇,鲍家屯,王小丽," + WANG_XIAOLI + ",之女,女,,,,,",
                        "3101000004,玉泉镇,李家庄,孙强," + SUN_QIANG + ",户主,男,2,一般贫困户,因学,未脱贫,",
                        "3101000004,玉泉镇,李家庄,陈兰," + CHEN_LAN + ",配偶,女,,,,,"),
                at(2019, 3, 20));
        loads.load(
                "education",
                MartFindingTest.csv(
                        dir,
                        "2019年春季学期资助名册.csv",
                        EDUCATION,
                        "刘小红," + LIU_XIAOHONG + ",米薪关镇中心小学,小学,营养改善计划,2019年春季,600,2019-03-15",
                        "张小明," + ZHANG_XIAOMING + ",玉泉镇中心小学,小学,营养改善计划,2019年春季,500,2019-04-10",
                        "张小明," + ZHANG_XIAOMING + ",玉泉镇中心小学,小学,寄宿生生活补助,2019年春季,625,2019-04-10",
                        "钱小燕," + QIAN_XIAOYAN + ",山西大学,本科,雨露计划,2019年春季,3000,2019-04-20"),
                at(2019, 5, 6));
        loads.warehouse().buildMarts();
        return loads;
    }

    private static LocalDateTime at(int year, int month, int day) {
        return LocalDateTime.of(year, month, day, 9, 0);
    }
}
