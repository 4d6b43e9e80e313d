package org.hhw.jobs.ingest;

import static org.hhw.jobs.ingest.RegistryFixtures.id;
import static org.hhw.jobs.ingest.RegistryFixtures.text;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Writes the training rosters under {@code src/test/resources/fixtures/training-placeholders} whose
 * cells hold placeholders for "nothing here" (/, 无, —, -, 空, 暂无, 不详 and their full-width and
 * spaced forms) in required and optional columns: an xlsx, an xls that LibreOffice writes from
 * {@link #FODS}, and a UTF-8 csv. 就业情况 "无" is an answer (not employed), and 是否结业 "无" is 否.
 * Run {@code main}, then {@code soffice --headless --convert-to xls --outdir DIR DIR/<FODS>};
 * {@link PlaceholdersFunctionalTest} asserts exactly what they contain.
 */
final class PlaceholdersFixtures {

    static final String XLSX = "2019年方源职业培训学校家政班花名册（空缺项）.xlsx";
    static final String FODS = "2019年阳光职业培训学校养老护理员花名册（空缺项）.fods";
    static final String XLS = "2019年阳光职业培训学校养老护理员花名册（空缺项）.xls";
    static final String CSV = "2019年博宇职业培训学校电商种养班花名册（空缺项）.csv";

    static final String ZHANG_SAN = id("19650312", "011");
    static final String LI_SI = id("19670520", "022");
    static final String ZHAO_LIU = id("19700101", "051");
    static final String QIAN_QI = id("19520202", "033");
    static final String ZHOU_JIU = id("19800808", "015");
    static final String KONG_YI = id("19900415", "026");

    private PlaceholdersFixtures() {}

    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args.length > 0 ? args[0] : "jobs/src/test/resources/fixtures/training-placeholders");
        Files.createDirectories(dir);
        writeXlsx(dir.resolve(XLSX));
        Fods.write(dir.resolve(FODS), "养老护理员", xlsRows());
        RegistryFixtures.writeCsv(dir.resolve(CSV), StandardCharsets.UTF_8, true, csvRows());
    }

    /** 无 and — in the ID column, / as a name; placeholders in the optional columns of loaded rows; a total. */
    static void writeXlsx(Path file) throws IOException {
        try (XSSFWorkbook wb = new XSSFWorkbook()) {
            Sheet s = wb.createSheet("家政班");
            text(s, 0, "天镇县2019年贫困劳动力技能培训花名册");
            text(
                    s, 1, "序号", "学员姓名", "身份证号", "培训项目", "培训机构", "开班日期", "结业日期", "培训课时", "是否结业", "是否就业", "就业地点",
                    "月收入（元）", "补贴金额（元）");
            text(
                    s,
                    2,
                    "1",
                    "张三",
                    ZHANG_SAN,
                    "家政服务员",
                    "方源职业培训学校",
                    "2019-03-01",
                    "2019-03-20",
                    "120",
                    "是",
                    "无",
                    "/",
                    "—",
                    "1500");
            text(
                    s,
                    3,
                    "2",
                    "李四",
                    "无",
                    "家政服务员",
                    "方源职业培训学校",
                    "2019-03-01",
                    "2019-03-20",
                    "120",
                    "是",
                    "是",
                    "北京",
                    "4500",
                    "1500");
            text(
                    s,
                    4,
                    "3",
                    "/",
                    ZHAO_LIU,
                    "家政服务员",
                    "方源职业培训学校",
                    "2019-03-01",
                    "2019-03-20",
                    "120",
                    "是",
                    "否",
                    "",
                    "",
                    "1500");
            text(
                    s,
                    5,
                    "4",
                    "钱七",
                    QIAN_QI,
                    "家政服务员",
                    "方源职业培训学校",
                    "2019-03-01",
                    "2019-03-20",
                    "120",
                    "不详",
                    "暂无",
                    "不详",
                    "-",
                    "－");
            text(
                    s,
                    6,
                    "5",
                    "周九",
                    "——",
                    "家政服务员",
                    "方源职业培训学校",
                    "2019-03-01",
                    "2019-03-20",
                    "120",
                    "是",
                    "否",
                    "",
                    "",
                    "1500");
            text(s, 7, "合计", "", "", "", "", "", "", "", "", "", "", "", "4500");
            try (OutputStream out = Files.newOutputStream(file)) {
                wb.write(out);
            }
        }
    }

    /** Full-width ／ as an ID, —— as a course, 暂无 as a name and 空 as a school (two findings), - - as hours. */
    static List<String[]> xlsRows() {
        return List.of(
                new String[] {"阳光职业培训学校2019年养老护理员培训学员名册"},
                new String[] {"姓名", "证件号码", "培训工种", "培训学校", "开班日期", "结业日期", "学时", "是否结业", "就业情况", "就业地点", "月工资", "培训补贴"
                },
                new String[] {
                    "周九", ZHOU_JIU, "养老护理员", "阳光职业培训学校", "2019年4月1日", "2019年4月30日", "96", "是", "无", "／", "／", "1000"
                },
                new String[] {
                    "孔一", "／", "养老护理员", "阳光职业培训学校", "2019年4月1日", "2019年4月30日", "96", "是", "是", "县内", "2000", "1000"
                },
                new String[] {
                    "张三", ZHANG_SAN, "——", "阳光职业培训学校", "2019年4月1日", "2019年4月30日", "96", "是", "否", "", "", "1000"
                },
                new String[] {"暂无", LI_SI, "养老护理员", "空", "2019年4月1日", "2019年4月30日", "96", "是", "否", "", "", "1000"},
                new String[] {
                    "赵六", ZHAO_LIU, "养老护理员", "阳光职业培训学校", "2019年4月1日", "2019年4月30日", "- -", "否", "否", "", "", "1000"
                });
    }

    /** 不详 as a name, a spaced 无 and - as IDs; 无 in every optional column of a loaded row. */
    static List<String> csvRows() {
        return List.of(
                "姓名,身份证号,培训专业,培训机构,开班日期,结业日期,培训课时,是否结业,是否就业,就业地点,月收入,补贴金额",
                "张三," + ZHANG_SAN + ",电商,博宇职业培训学校,20190510,20190520,60,是,否,/,/,800",
                "不详," + LI_SI + ",电商,博宇职业培训学校,20190510,20190520,60,是,否,,,800",
                "孔一, 无 ,电商,博宇职业培训学校,20190510,20190520,60,是,否,,,800",
                "赵六," + ZHAO_LIU + ",种植技术,博宇职业培训学校,20190510,20190524,72,无,无,无,无,无",
                "钱七,-,种植技术,博宇职业培训学校,20190510,20190524,72,是,否,,,900");
    }
}
