package org.hhw.jobs.ingest;

import static org.hhw.jobs.ingest.RegistryFixtures.id;
import static org.hhw.jobs.ingest.RegistryFixtures.text;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Writes the checked-in education aid fixtures under {@code src/test/resources/fixtures/education}:
 * an autumn 2018 roster as xlsx (a sheet per township, title and 填报单位 lines, subtotal, footer),
 * the vocational and college roster of the same term as xls, a spring 2018 nutrition roster as a
 * GB18030 csv, and the corrected autumn roster as a UTF-8 csv. Their students are the registry
 * fixtures' 张小明 ({@link RegistryFixtures#XLSX}) and 吴小十 ({@link RegistryFixtures#XLS}), and
 * students the registry does not know. Run {@code main} to regenerate them;
 * {@link EducationIngestFunctionalTest} asserts exactly what they contain.
 */
final class EducationFixtures {

    static final String XLSX = "2018年秋季学期教育扶贫资助发放名册.xlsx";
    static final String XLS = "2018年秋季学期中职高职大学生资助名册.xls";
    static final String CSV_GB18030 = "2018年春季学期营养改善计划发放名册（GB18030）.csv";
    static final String CSV_CORRECTION = "2018年秋季学期教育扶贫资助发放名册（更正）.csv";

    /** Registered: the son of household 14022201001000001 in the registry fixtures. */
    static final String ZHANG_XIAOMING = id("20050101", "031");
    /** Registered: the son of household 14022207001000001, written there with his 15-digit ID. */
    static final String WU_XIAOSHI = id("19960707", "081");
    /** Not in the registry. */
    static final String LIU_XIAOHONG = id("20100315", "202");

    static final String QIAN_XIAOYAN = id("20020606", "042");
    static final String SUN_XIAOHU = id("20030303", "053");
    static final String HE_XIAOLAN = id("20040404", "064");
    static final String ZHENG_XIAOYI = id("20010909", "091");
    static final String FENG_XIAOER = id("19990101", "102");

    private EducationFixtures() {}

    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args.length > 0 ? args[0] : "jobs/src/test/resources/fixtures/education");
        Files.createDirectories(dir);
        writeXlsx(dir.resolve(XLSX));
        writeXls(dir.resolve(XLS));
        RegistryFixtures.writeCsv(dir.resolve(CSV_GB18030), Charset.forName("GB18030"), false, springRows());
        RegistryFixtures.writeCsv(dir.resolve(CSV_CORRECTION), StandardCharsets.UTF_8, true, correctionRows());
    }

    static void writeXlsx(Path file) throws IOException {
        try (XSSFWorkbook wb = new XSSFWorkbook()) {
            Sheet s = wb.createSheet("南河堡乡");
            text(s, 0, "天镇县2018年秋季学期建档立卡学生资助发放名册");
            text(s, 1, "填报单位：天镇县教育局　填报日期：2018年10月");
            text(s, 2, "序号", "学生姓名", "学生身份证号", "就读学校", "学段", "资助项目", "学期", "金额（元）", "发放日期", "家长姓名", "乡镇", "行政村");
            Row dated = text(
                    s,
                    3,
                    "1",
                    "张小明",
                    ZHANG_XIAOMING,
                    "天镇县第二中学",
                    "初中",
                    "建档立卡学生资助",
                    "2018年秋季",
                    "1,200.00元",
                    "",
                    "张三",
                    "南河堡乡",
                    "南河堡");
            dated.getCell(8).setCellValue(LocalDate.of(2018, 10, 15));
            CellStyle date = wb.createCellStyle();
            date.setDataFormat(wb.getCreationHelper().createDataFormat().getFormat("yyyy-mm-dd"));
            dated.getCell(8).setCellStyle(date);
            text(
                    s,
                    4,
                    "2",
                    "张小明",
                    ZHANG_XIAOMING,
                    "天镇县第二中学",
                    "初中",
                    "寄宿生生活补助",
                    "2018秋",
                    "625",
                    "2018/10/15",
                    "张三",
                    "南河堡",
                    "南河堡村");
            text(
                    s,
                    5,
                    "3",
                    "刘　小红",
                    LIU_XIAOHONG,
                    "南河堡乡中心小学",
                    "小学",
                    "营养改善计划",
                    "2018年秋季",
                    "600",
                    "2018年10月15日",
                    "刘大山",
                    "南河堡乡",
                    "南河堡");
            text(
                    s,
                    6,
                    "4",
                    "张小明",
                    ZHANG_XIAOMING,
                    "天镇县第二中学",
                    "初中",
                    "寄宿生补助",
                    "2018-2019学年第一学期",
                    "625",
                    "2018.10.15",
                    "张三",
                    "南河堡乡",
                    "南河堡");
            text(s, 7, "小计", "", "", "", "", "", "", "3050");
            text(s, 8, "制表人：王老师　审核人：李主任");

            Sheet x = wb.createSheet("新平堡镇");
            text(x, 0, "姓名", "身份证号", "学校名称", "就读阶段", "资助类别", "资助学期", "发放金额", "发放时间", "监护人");
            text(x, 1, "钱小燕", QIAN_XIAOYAN, "天镇县第一中学", "高中", "普高助学金", "2018秋", "1000", "20181120", "钱大");
            text(x, 2, "孙小虎", SUN_XIAOHU, "天镇县第一中学", "普通高中", "免学费", "2018秋", "待定", "20181120", "孙大");
            text(x, 3, "何小兰", HE_XIAOLAN, "新平堡镇中学", "初中", "爱心捐助", "2018秋", "500", "20181120", "何大");
            wb.getCreationHelper().createFormulaEvaluator().evaluateAll();
            try (OutputStream out = Files.newOutputStream(file)) {
                wb.write(out);
            }
        }
    }

    static void writeXls(Path file) throws IOException {
        try (HSSFWorkbook wb = new HSSFWorkbook()) {
            Sheet s = wb.createSheet("米薪关镇");
            text(s, 0, "天镇县2018年秋季学期中职、高职及大学生资助发放名册");
            text(s, 1, "序号", "学生姓名", "证件号码", "就读学校", "学段", "资助项目", "学期", "资助金额", "发放日期", "户主姓名", "乡镇", "村");
            Row r = text(
                    s,
                    2,
                    "1",
                    "吴小十",
                    WU_XIAOSHI,
                    "山西大学",
                    "本科",
                    "雨露计划",
                    "2018-2019学年第一学期",
                    "",
                    "2018.9.20",
                    "吴十",
                    "米薪关镇",
                    "孤峰山");
            r.getCell(7).setCellValue(5000);
            text(
                    s,
                    3,
                    "2",
                    "郑小一",
                    ZHENG_XIAOYI,
                    "大同市职业技术学校",
                    "中职",
                    "中职助学金",
                    "2018秋",
                    "-1000",
                    "2018-11-01",
                    "郑一",
                    "米薪关镇",
                    "赵家夭");
            text(
                    s,
                    4,
                    "3",
                    "冯小二",
                    FENG_XIAOER,
                    "山西职业技术学院",
                    "高职",
                    "高职助学金",
                    "2018秋",
                    "1000",
                    "2018-11-01",
                    "冯二",
                    "米新关",
                    "孤峰山");
            text(s, 5, "合计", "", "", "", "", "", "", "5000");
            try (OutputStream out = Files.newOutputStream(file)) {
                wb.write(out);
            }
        }
    }

    static List<String> springRows() {
        return List.of(
                "天镇县2018年春季学期农村义务教育学生营养改善计划发放名册,,,,,,,",
                "学生姓名,学生身份证号,学校名称,学段,资助项目,学期,资助金额,发放日期",
                "张小明," + ZHANG_XIAOMING + ",天镇县第二中学,初中,营养改善计划,2018年春季,600,2018-04-10",
                "刘小红," + LIU_XIAOHONG + ",南河堡乡中心小学,小学,营养餐,2018春,600,20180410",
                "吴小十," + WU_XIAOSHI + ",山西大学,本科,生源地信用助学贷款,2017-2018学年第二学期,\"15,000\",2018-03-20",
                "审核人：赵会计,,,,,,,");
    }

    static List<String> correctionRows() {
        return List.of(
                "学生姓名,学生身份证号,就读学校,学段,资助项目,学期,金额（元）,发放日期,乡镇,行政村",
                "张小明," + ZHANG_XIAOMING + ",天镇县第二中学,初中,建档立卡学生资助,2018年秋季,\"1,500.00元\",2018-10-15,南河堡乡,南河堡",
                "张小明," + ZHANG_XIAOMING + ",天镇县第二中学,初中,寄宿生生活补助,2018年秋季,625,2018-10-15,南河堡乡,南河堡",
                "刘小红," + LIU_XIAOHONG + ",南河堡乡中心小学,小学,营养改善计划,2018年秋季,600,2018-10-15,南河堡乡,南河堡");
    }
}
