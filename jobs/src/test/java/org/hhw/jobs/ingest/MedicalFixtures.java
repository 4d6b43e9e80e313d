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
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Writes the checked-in medical claims fixtures under {@code src/test/resources/fixtures/medical}:
 * patients of the registry fixture {@link RegistryFixtures#XLSX} and one it does not know, in xlsx
 * (two-row header under 报销金额), xls (万元 total, no settlement number), a GB18030 csv, and a
 * corrected re-issue of the xlsx as a UTF-8 csv. Run {@code main} to regenerate them;
 * {@link MedicalIngestFunctionalTest} asserts exactly what they contain.
 */
final class MedicalFixtures {

    static final String XLSX = "2019年县医保中心住院一站式结算明细.xlsx";
    static final String XLS = "2019年乡镇卫生院住院结算明细.xls";
    static final String CSV_GB18030 = "2019年省级及省外住院结算明细（GB18030）.csv";
    static final String CSV_CORRECTION = "2019年县医保中心住院一站式结算明细（更正）.csv";

    /** A patient whom the registry fixtures do not list. */
    static final String UNREGISTERED_ID = id("19580303", "181");

    private MedicalFixtures() {}

    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args.length > 0 ? args[0] : "jobs/src/test/resources/fixtures/medical");
        Files.createDirectories(dir);
        writeXlsx(dir.resolve(XLSX));
        writeXls(dir.resolve(XLS));
        RegistryFixtures.writeCsv(dir.resolve(CSV_GB18030), Charset.forName("GB18030"), false, gbRows());
        RegistryFixtures.writeCsv(dir.resolve(CSV_CORRECTION), StandardCharsets.UTF_8, true, correctionRows());
    }

    static void writeXlsx(Path file) throws IOException {
        try (XSSFWorkbook wb = new XSSFWorkbook()) {
            Sheet s = wb.createSheet("县级及市级");
            text(s, 0, "天镇县建档立卡贫困人口住院费用“一站式”结算明细（2019年）");
            text(s, 1, "填报单位：天镇县医疗保障服务中心　填报日期：2019年12月");
            text(
                    s, 2, "序号", "结算单号", "患者姓名", "身份证号", "就诊医院", "医院级别", "入院日期", "出院日期", "疾病名称", "是否重特大疾病", "医疗总费用",
                    "报销金额", "", "", "", "个人自付", "结算日期");
            text(s, 3, "", "", "", "", "", "", "", "", "", "", "", "基本医保报销", "大病保险报销", "补充医疗保险", "医疗救助", "", "");
            for (int col : new int[] {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 15, 16}) {
                s.addMergedRegion(new CellRangeAddress(2, 3, col, col));
            }
            s.addMergedRegion(new CellRangeAddress(2, 2, 11, 14));
            Row first = text(
                    s,
                    4,
                    "1",
                    "JS2019001",
                    "张三",
                    id("19650312", "011"),
                    "天镇县人民医院",
                    "县级",
                    "",
                    "2019-03-10",
                    "脑梗死",
                    "否",
                    "8000",
                    "5200",
                    "0",
                    "1000",
                    "1000",
                    "800",
                    "2019-03-10");
            CellStyle date = wb.createCellStyle();
            date.setDataFormat(wb.getCreationHelper().createDataFormat().getFormat("yyyy-mm-dd"));
            first.getCell(6).setCellValue(LocalDate.of(2019, 3, 1));
            first.getCell(6).setCellStyle(date);
            text(
                    s,
                    5,
                    "2",
                    "JS2019002",
                    "李　四",
                    id("19670520", "022"),
                    "天镇县中医医院",
                    "县级",
                    "2019/4/2",
                    "2019/4/1",
                    "腰椎间盘突出",
                    "否",
                    "3000",
                    "2100",
                    "0",
                    "300",
                    "0",
                    "600",
                    "2019/4/2");
            text(
                    s,
                    6,
                    "3",
                    "JS2019003",
                    "钱七",
                    id("19520202", "033"),
                    "大同市第三人民医院",
                    "市级",
                    "2019.5.6",
                    "2019.5.20",
                    "肺癌",
                    "是",
                    "30,000.00",
                    "15000",
                    "6000",
                    "2000",
                    "3000",
                    "2000",
                    "2019.5.20");
            text(
                    s,
                    7,
                    "4",
                    "JS2019001",
                    "周九",
                    lowercaseXId("19800808"),
                    "天镇县人民医院",
                    "县级",
                    "2019-03-12",
                    "2019-03-15",
                    "肺炎",
                    "否",
                    "2000",
                    "1400",
                    "0",
                    "200",
                    "200",
                    "200",
                    "2019-03-15");
            text(s, 8, "合计", "", "", "", "", "", "", "", "", "", "43000", "23700", "6000", "3500", "4200", "3600");
            text(s, 9, "制表人：刘一　审核人：陈二");
            try (OutputStream out = Files.newOutputStream(file)) {
                wb.write(out);
            }
        }
    }

    static void writeXls(Path file) throws IOException {
        try (HSSFWorkbook wb = new HSSFWorkbook()) {
            Sheet s = wb.createSheet("南河堡乡卫生院");
            text(s, 0, "南河堡乡卫生院建档立卡贫困人口住院结算明细");
            text(
                    s,
                    1,
                    "结算编号",
                    "姓名",
                    "患者身份证号",
                    "定点医院",
                    "医疗机构级别",
                    "入院日期",
                    "出院日期",
                    "诊断",
                    "是否大病",
                    "住院总费用(万元)",
                    "统筹支付",
                    "大病保险",
                    "补充保险",
                    "民政救助",
                    "个人负担");
            text(
                    s,
                    2,
                    "",
                    "赵六",
                    id("19700101", "051"),
                    "南河堡乡卫生院",
                    "乡镇卫生院",
                    "2019年6月3日",
                    "2019年6月8日",
                    "慢性支气管炎",
                    "否",
                    "0.15",
                    "1350",
                    "",
                    "",
                    "",
                    "150");
            text(
                    s,
                    3,
                    "",
                    "王　五",
                    UNREGISTERED_ID,
                    "天镇县人民医院",
                    "县",
                    "2019-07-01",
                    "2019-07-05",
                    "高血压",
                    "否",
                    "0.24",
                    "1,680.00元",
                    "",
                    "240",
                    "240",
                    "240");
            text(
                    s,
                    4,
                    "",
                    "张小明",
                    id("20050101", "031"),
                    "南河堡乡卫生院",
                    "乡镇卫生院",
                    "2019-08-01",
                    "2019-08-03",
                    "肺炎",
                    "否",
                    "0.08",
                    "720",
                    "",
                    "",
                    "待定",
                    "80");
            text(
                    s,
                    5,
                    "",
                    "钱七",
                    id("19520202", "033"),
                    "天镇县第二医院",
                    "二级甲等",
                    "2019-09-01",
                    "2019-09-09",
                    "肺癌",
                    "是",
                    "0.5",
                    "3500",
                    "1000",
                    "",
                    "",
                    "500");
            try (OutputStream out = Files.newOutputStream(file)) {
                wb.write(out);
            }
        }
    }

    static List<String> gbRows() {
        return List.of(
                "结算单号,患者姓名,证件号码,医疗机构名称,医院级别,入院日期,出院日期,病种,是否重特大疾病,总费用,目录内费用,基本医疗保险,"
                        + "大病保险报销,补充医疗保险,医疗救助,其他报销,个人自付,结算日期",
                "JS2019101,周九," + lowercaseXId("19800808") + ",北京协和医院,省外,20190901,20190915,冠心病,是,50000,42000,"
                        + "25000,12000,3000,4000,500,5500,20190915",
                "JS2019102,张小明," + id("20050101", "031") + ",山西省儿童医院,省级,2019-10-08,2019-10-12,肺炎,否,4000,3600,"
                        + "2800,0,400,0,,-100,2019-10-12");
    }

    /** The xlsx's claims re-issued: JS2019003 with parts that add up, and 赵六's stay with new amounts. */
    static List<String> correctionRows() {
        return List.of(
                "天镇县建档立卡贫困人口住院费用“一站式”结算明细（更正）,,,,,,,,,,,,,",
                "结算单号,患者姓名,身份证号,就诊医院,医院级别,入院日期,出院日期,医疗总费用,基本医保报销,大病保险报销,补充医疗保险,医疗救助," + "个人自付,结算日期",
                "JS2019003,钱七," + id("19520202", "033") + ",大同市第三人民医院,市级,2019-05-06,2019-05-20,31000,15000,"
                        + "6000,2000,3000,5000,2019-05-20",
                ",赵六," + id("19700101", "051") + ",南河堡乡卫生院,乡镇卫生院,2019-06-03,2019-06-08,1600,1400,0,0,50,150,"
                        + "2019-06-08");
    }
}
