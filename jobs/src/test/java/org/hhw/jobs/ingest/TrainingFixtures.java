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
import java.time.LocalDate;
import java.util.List;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Writes the checked-in training roster fixtures under {@code src/test/resources/fixtures/training}:
 * an xlsx, an xls, a GB18030 csv and a corrected re-issue of that csv (UTF-8 with BOM). Their trainees
 * are persons of {@link RegistryFixtures#XLSX} (registered), and 孔一, whom the registry does not know.
 * Run {@code main} to regenerate them; {@link TrainingIngestFunctionalTest} asserts exactly what they contain.
 */
final class TrainingFixtures {

    static final String XLSX = "2019年方源职业培训学校家政班花名册.xlsx";
    static final String XLS = "2019年阳光职业培训学校养老护理员花名册.xls";
    static final String CSV_GB18030 = "2019年博宇职业培训学校电商种养班花名册（GB18030）.csv";
    static final String CSV_CORRECTED = "2019年博宇职业培训学校电商种养班花名册（更正）.csv";

    /** Persons of the registry fixture, and one trainee it does not list. */
    static final String ZHANG_SAN = id("19650312", "011");

    static final String LI_SI = id("19670520", "022");
    static final String ZHAO_LIU = id("19700101", "051");
    static final String QIAN_QI = id("19520202", "033");
    static final String ZHOU_JIU = lowercaseXId("19800808");
    static final String KONG_YI = id("19900415", "026");

    private TrainingFixtures() {}

    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args.length > 0 ? args[0] : "jobs/src/test/resources/fixtures/training");
        Files.createDirectories(dir);
        writeXlsx(dir.resolve(XLSX));
        writeXls(dir.resolve(XLS));
        RegistryFixtures.writeCsv(dir.resolve(CSV_GB18030), Charset.forName("GB18030"), false, gbRows());
        RegistryFixtures.writeCsv(dir.resolve(CSV_CORRECTED), StandardCharsets.UTF_8, true, correctedRows());
    }

    /** Title and 填报单位 lines, a real date cell, an age contradicting the ID, a job described, a non-trainee. */
    static void writeXlsx(Path file) throws IOException {
        try (XSSFWorkbook wb = new XSSFWorkbook()) {
            Sheet s = wb.createSheet("家政班");
            text(s, 0, "天镇县2019年贫困劳动力技能培训花名册（天镇保姆）");
            text(s, 1, "填报单位：天镇县方源职业培训学校　填报日期：2019年4月");
            text(
                    s, 2, "序号", "学员姓名", "性别", "年龄", "身份证号", "培训项目", "培训机构", "开班日期", "结业日期", "培训课时", "是否结业", "证书编号",
                    "是否就业", "就业地点", "月收入（元）", "补贴金额（元）");
            Row dated = text(
                    s,
                    3,
                    "1",
                    "李　四",
                    "女",
                    "51",
                    LI_SI,
                    "家政服务员",
                    "方源职业培训学校",
                    "",
                    "2019-03-20",
                    "120",
                    "是",
                    "JZ2019001",
                    "在北京做家政",
                    "北京",
                    "4500",
                    "1500");
            date(wb, dated.getCell(7), LocalDate.of(2019, 3, 1));
            text(
                    s,
                    4,
                    "2",
                    "周九",
                    "男",
                    "50",
                    ZHOU_JIU,
                    "保安",
                    "方源职业培训学校",
                    "2019/3/1",
                    "2019/3/15",
                    "80学时",
                    "是",
                    "",
                    "是",
                    "天津",
                    "3,800.00元",
                    "1200");
            text(
                    s,
                    5,
                    "3",
                    "孔一",
                    "女",
                    "28",
                    KONG_YI,
                    "育婴员",
                    "方源职业培训学校",
                    "2019.3.1",
                    "2019.3.25",
                    "100",
                    "否",
                    "",
                    "否",
                    "",
                    "",
                    "1500");
            text(
                    s,
                    6,
                    "4",
                    "张三",
                    "男",
                    "54",
                    ZHANG_SAN,
                    "家政服务员",
                    "方源职业培训学校",
                    "2019-03-10",
                    "2019-03-05",
                    "120",
                    "是",
                    "",
                    "否",
                    "",
                    "",
                    "1500");
            text(s, 7, "合计", "", "", "", "", "", "", "", "", "", "", "", "", "", "", "4200");
            text(s, 8, "制表人：刘一　审核人：陈二");
            try (OutputStream out = Files.newOutputStream(file)) {
                wb.write(out);
            }
        }
    }

    /** The other header variants, zero hours, a course outside the list, the non-trainee on a second course. */
    static void writeXls(Path file) throws IOException {
        try (HSSFWorkbook wb = new HSSFWorkbook()) {
            Sheet s = wb.createSheet("养老护理员");
            text(s, 0, "阳光职业培训学校2019年养老护理员培训学员名册");
            text(
                    s, 1, "姓名", "证件号码", "培训工种", "培训学校", "开班日期", "结业日期", "学时", "是否结业", "职业资格证书", "就业情况", "就业地点", "月工资",
                    "培训补贴", "备注");
            text(
                    s,
                    2,
                    "赵六",
                    ZHAO_LIU,
                    "养老护理员",
                    "阳光职业培训学校",
                    "2019年4月1日",
                    "2019年4月30日",
                    "96",
                    "是",
                    "YL2019-007",
                    "是",
                    "县内",
                    "2000",
                    "1000",
                    "");
            text(
                    s,
                    3,
                    "张三",
                    ZHANG_SAN,
                    "养老护理员",
                    "阳光职业培训学校",
                    "2019年4月1日",
                    "2019年4月30日",
                    "0",
                    "否",
                    "",
                    "否",
                    "",
                    "",
                    "1000",
                    "");
            text(
                    s,
                    4,
                    "李四",
                    LI_SI,
                    "美容美发",
                    "阳光职业培训学校",
                    "2019年4月1日",
                    "2019年4月30日",
                    "96",
                    "是",
                    "",
                    "",
                    "",
                    "",
                    "1000",
                    "");
            text(
                    s,
                    5,
                    "孔一",
                    KONG_YI,
                    "养老护理",
                    "阳光职业培训学校",
                    "2019年4月1日",
                    "2019年4月30日",
                    "96",
                    "是",
                    "YL2019-009",
                    "在大同养老院",
                    "大同",
                    "2600",
                    "1000",
                    "转岗");
            try (OutputStream out = Files.newOutputStream(file)) {
                wb.write(out);
            }
        }
    }

    /** An enrolment listed twice, a job declined as 未就业, a subsidy not yet known (待定). */
    static List<String> gbRows() {
        return List.of(
                "姓名,身份证号,性别,培训专业,培训机构,开班日期,结业日期,培训课时,是否结业,证书编号,是否就业,就业地点,月收入,补贴金额",
                "张三," + ZHANG_SAN + ",男,电商,博宇职业培训学校,20190510,20190520,60,是,,否,,,800",
                "张三," + ZHANG_SAN + ",男,电子商务,博宇职业培训学校,20190510,20190520,60,是,,否,,,800",
                "钱七," + QIAN_QI + ",男,种植技术,博宇职业培训学校,20190510,20190524,72,是,ZZ2019-002,未就业,,,900",
                "周九," + ZHOU_JIU + ",男,养殖技术,博宇职业培训学校,20190510,20190524,72,是,,是,县内,\"2,400\",待定");
    }

    /** The school's corrected roster: 张三's subsidy, 周九's subsidy filled in, 钱七 unchanged. */
    static List<String> correctedRows() {
        return List.of(
                "姓名,身份证号,性别,培训专业,培训机构,开班日期,结业日期,培训课时,是否结业,证书编号,是否就业,就业地点,月收入,补贴金额",
                "张三," + ZHANG_SAN + ",男,电子商务,博宇职业培训学校,20190510,20190520,60,是,DS2019-001,否,,,1000",
                "钱七," + QIAN_QI + ",男,种植技术,博宇职业培训学校,20190510,20190524,72,是,ZZ2019-002,未就业,,,900",
                "周九," + ZHOU_JIU + ",男,养殖技术,博宇职业培训学校,20190510,20190524,72,是,,是,县内,\"2,400\",1100");
    }

    private static void date(Workbook wb, org.apache.poi.ss.usermodel.Cell cell, LocalDate value) {
        CellStyle style = wb.createCellStyle();
        style.setDataFormat(wb.getCreationHelper().createDataFormat().getFormat("yyyy-mm-dd"));
        cell.setCellValue(value);
        cell.setCellStyle(style);
    }
}
