package org.hhw.jobs.ingest;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.hhw.sources.clean.ResidentIds;

/**
 * Writes the checked-in registry fixtures under {@code src/test/resources/fixtures/registry}, one
 * per format, each with the mess the field guide describes. Run {@code main} to regenerate them;
 * {@link IngestJobFunctionalTest} asserts exactly what they contain.
 */
final class RegistryFixtures {

    static final String XLSX = "2019年南河堡乡新平堡镇花名册.xlsx";
    static final String XLS = "2019年米薪关镇花名册.xls";
    static final String CSV_UTF8 = "2019年逯家湾镇花名册.csv";
    static final String CSV_GB18030 = "2019年卅里铺乡花名册（GB18030）.csv";

    static final String[] HEADER = {
        "序号", "户编号", "乡镇", "行政村", "姓名", "证件号码", "与户主关系", "性别", "家庭人口数", "贫困户属性", "主要致贫原因", "脱贫状态", "脱贫年度", "备注"
    };

    private RegistryFixtures() {}

    /** An 18-digit Tianzhen ID with a correct check character. */
    static String id(String birth, String sequence) {
        String first17 = "140222" + birth + sequence;
        return first17 + ResidentIds.checkChar(first17);
    }

    /** The first ID of that birth date whose check character is X, written with a lowercase x. */
    static String lowercaseXId(String birth) {
        for (int seq = 1; seq < 1000; seq++) {
            String id = id(birth, String.format("%03d", seq));
            if (id.endsWith("X")) {
                return id.toLowerCase();
            }
        }
        throw new IllegalStateException("no X check character for " + birth);
    }

    static String badId(String birth, String sequence) {
        String good = id(birth, sequence);
        char wrong = good.charAt(17) == '0' ? '1' : '0';
        return good.substring(0, 17) + wrong;
    }

    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args.length > 0 ? args[0] : "jobs/src/test/resources/fixtures/registry");
        Files.createDirectories(dir);
        writeXlsx(dir.resolve(XLSX));
        writeXls(dir.resolve(XLS));
        writeCsv(dir.resolve(CSV_UTF8), StandardCharsets.UTF_8, true, utf8Rows());
        writeCsv(dir.resolve(CSV_GB18030), Charset.forName("GB18030"), false, gbRows());
    }

    static void writeXlsx(Path file) throws IOException {
        try (XSSFWorkbook wb = new XSSFWorkbook()) {
            Sheet s = wb.createSheet("南河堡乡");
            text(s, 0, "天镇县2019年建档立卡贫困人口花名册");
            text(s, 1, "填报单位：南河堡乡　填报日期：2019年10月");
            text(s, 2, HEADER);
            text(
                    s,
                    3,
                    "1",
                    "14022201001000001",
                    "南河堡乡",
                    "南河堡",
                    "张三",
                    id("19650312", "011"),
                    "户主",
                    "男",
                    "3",
                    "一般贫困户",
                    "因病",
                    "未脱贫",
                    "",
                    "");
            text(
                    s,
                    4,
                    "2",
                    "14022201001000001",
                    "南河堡乡",
                    "南河堡",
                    "李　四",
                    id("19670520", "022"),
                    "配偶",
                    "女",
                    "",
                    "",
                    "",
                    "",
                    "",
                    "");
            text(
                    s,
                    5,
                    "3",
                    "14022201001000001",
                    "南河堡乡",
                    "南河堡",
                    "张小明",
                    id("20050101", "031"),
                    "之子",
                    "男",
                    "",
                    "",
                    "",
                    "",
                    "",
                    "");
            text(s, 6, "小计", "", "", "", "3人");
            text(
                    s,
                    7,
                    "4",
                    "14022201001000002",
                    "南河堡",
                    "赵小堡",
                    "王五",
                    badId("19580808", "013"),
                    "户主",
                    "男",
                    "1",
                    "一般贫困户",
                    "缺技术",
                    "未脱贫",
                    "",
                    "");
            // row 9 left blank
            Row r = text(
                    s,
                    9,
                    "5",
                    "14022201001000003",
                    "南河堡乡",
                    "赵小堡",
                    "赵六",
                    id("19700101", "051"),
                    "户主",
                    "女",
                    "",
                    "低保贫困户",
                    "缺资金",
                    "已脱贫",
                    "2018",
                    "电话已停机");
            r.createCell(8).setCellFormula("1");
            text(s, 10, "合计", "", "", "", "5人");
            text(s, 11, "制表人：刘一　审核人：陈二");
            text(s, 12, "单位盖章");

            Sheet n = wb.createSheet("新平堡镇");
            text(n, 0, "户码", "乡镇", "村名", "姓名", "身份证号", "与户主关系", "家庭人口数", "贫困户属性", "主要致贫原因", "是否脱贫", "脱贫年份");
            text(
                    n,
                    1,
                    "14022205002000001",
                    "新平镇",
                    "黃家湾",
                    "钱七",
                    id("19520202", "033"),
                    "户主",
                    "2",
                    "特困供养贫困户",
                    "因残",
                    "已脱贫",
                    "2017");
            Row numeric = text(n, 2, "14022205002000001", "新平镇", "黃家湾", "孙八", "", "配偶", "", "", "", "", "");
            numeric.getCell(4).setCellValue(Double.parseDouble(id("19550505", "044")));
            text(
                    n,
                    3,
                    "14022205002000002",
                    "新平堡镇",
                    "五里墩",
                    "周九",
                    lowercaseXId("19800808"),
                    "户主",
                    "1",
                    "一般贫困户",
                    "缺劳力",
                    "未脱贫",
                    "");

            Sheet hidden = wb.createSheet("说明");
            text(hidden, 0, "本表由乡镇扶贫工作站填报");
            wb.setSheetHidden(wb.getSheetIndex(hidden), true);
            wb.createSheet("Sheet3");
            wb.getCreationHelper().createFormulaEvaluator().evaluateAll();
            try (OutputStream out = Files.newOutputStream(file)) {
                wb.write(out);
            }
        }
    }

    static void writeXls(Path file) throws IOException {
        try (HSSFWorkbook wb = new HSSFWorkbook()) {
            Sheet s = wb.createSheet("米薪关镇");
            text(s, 0, "米薪关镇建档立卡贫困人口花名册");
            text(s, 1, "户编号", "所属乡镇", "行政村名称", "家庭成员信息", "", "", "户属性", "致贫原因", "脱贫情况", "");
            text(s, 2, "", "", "", "成员姓名", "公民身份号码", "与户主关系", "", "", "脱贫状态", "脱贫年度");
            for (int col : new int[] {0, 1, 2, 6, 7}) {
                s.addMergedRegion(new CellRangeAddress(1, 2, col, col));
            }
            s.addMergedRegion(new CellRangeAddress(1, 1, 3, 5));
            s.addMergedRegion(new CellRangeAddress(1, 1, 8, 9));
            text(
                    s,
                    3,
                    "14022207001000001",
                    "米新关",
                    "孤峰山",
                    "吴十",
                    "１４０２２２" + id("19600606", "071").substring(6),
                    "户主",
                    "一般贫困户",
                    "因学",
                    "未脱贫",
                    "");
            text(s, 4, "14022207001000001", "米新关", "孤峰山", "吴小十", "140222" + "960707" + "081", "之子", "", "", "", "");
            text(
                    s,
                    5,
                    "14022207001000002",
                    "米薪关镇",
                    "赵家夭",
                    "郑一",
                    id("19450909", "091"),
                    "户主",
                    "一般贫困户",
                    "缺资金",
                    "已脱贫",
                    "2019");
            text(
                    s,
                    6,
                    "14022207001000003",
                    "米薪关镇",
                    "红旗村",
                    "冯二",
                    id("19750303", "101"),
                    "户主",
                    "一般贫困户",
                    "缺资金",
                    "未脱贫",
                    "");
            text(s, 7, "合计", "", "", "4人");
            try (OutputStream out = Files.newOutputStream(file)) {
                wb.write(out);
            }
        }
    }

    static List<String> utf8Rows() {
        return List.of(
                "天镇县逯家湾镇2019年建档立卡贫困人口花名册,,,,,,,,,,,,,",
                String.join(",", HEADER),
                "1,14022209001000001,逯家湾镇,瓦窑口,陈三," + id("19660606", "111") + ",户主,男,2,一般贫困户,因病,未脱贫,,",
                "2,14022209001000001,逯家湾镇,瓦窑口,林四," + id("19680808", "122") + ",配偶,女,,,,,,",
                "3,14022209001000001,逯家湾镇,瓦窑口,陈三," + id("19660606", "111") + ",户主,男,2,一般贫困户,因病,未脱贫,,重复录入",
                "4,14022209001000002,逯家湾镇,百舍科,何五," + id("19590909", "131") + ",干儿子,男,1,一般贫困户,因病,未脱贫,,",
                "5,14022209001000003,逯家湾镇,白舍科,许六,1.40222197707E+17,户主,男,1,一般贫困户,缺资金,未脱贫,,",
                ",,,,,,,,,,,,,",
                "合计,,,,5人,,,,,,,,,",
                "制表人：黄七,,,,,,,,,,,,,");
    }

    static List<String> gbRows() {
        return List.of(
                "户编号,乡镇,行政村,姓名,身份证号码,与户主关系,性别,户人数,贫困户属性,主要致贫原因,脱贫状态,脱贫年度",
                "14022211001000001,三十里铺,孙家店,马　六," + id("19710101", "141") + ",户主,男,1,一般贫困户,缺技术,未脱贫,",
                "14022211001000002,卅里铺乡,新建村,牛七," + id("19720202", "151") + ",户主,男,1,一般贫困户,缺技术,未脱贫,",
                "14022211001000003,卅里铺乡,孙家店,杨八," + id("19730303", "162") + ",户主,女,1,五保户,缺劳力,已脱贫,2016年");
    }

    static void writeCsv(Path file, Charset charset, boolean bom, List<String> lines) throws IOException {
        String text = String.join("\r\n", lines) + "\r\n";
        try (OutputStream out = Files.newOutputStream(file)) {
            if (bom) {
                out.write(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
            }
            out.write(text.getBytes(charset));
        }
    }

    static Row text(Sheet sheet, int row, String... cells) {
        Row r = sheet.createRow(row);
        for (int i = 0; i < cells.length; i++) {
            if (!cells[i].isEmpty()) {
                r.createCell(i).setCellValue(cells[i]);
            } else {
                r.createCell(i);
            }
        }
        return r;
    }
}
