package org.hhw.schedules.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.hhw.sources.clean.ResidentIds;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RegistryFileWriterTest {

    private static final List<String> CANONICAL_HEADER = List.of(
            "乡镇", "行政村", "户编号", "姓名", "性别", "证件号码", "与户主关系", "家庭人口数", "贫困户属性", "主要致贫原因", "脱贫状态", "脱贫年度", "劳动能力", "健康状况",
            "在校生状况", "是否易地搬迁户");
    private static final List<Household> TWO_TOWNSHIPS = RegistrySample.generate(11, 600, List.of("南河堡乡", "逯家湾镇"));

    @TempDir
    Path dir;

    @Test
    void cleanCsvHasOneHeaderAndOneValidRowPerPerson() throws IOException {
        // given
        Path file = dir.resolve("clean.csv");

        // when
        Manifest manifest = RegistryFileWriter.writeCleanCsv(file, TWO_TOWNSHIPS.iterator(), CsvEncoding.UTF8);

        // then
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        assertThat(lines).hasSize(601);
        assertThat(lines.get(0)).isEqualTo(String.join(",", CANONICAL_HEADER));
        assertThat(manifest.dataRows()).isEqualTo(600);
        assertThat(manifest.sheets().get(0).households()).isEqualTo(TWO_TOWNSHIPS.size());
        assertThat(manifest.counts()).isEmpty();
        Map<String, String> householdOfId = new HashMap<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split(",", -1);
            assertThat(f).hasSize(16);
            assertValidId(f[5], f[4]);
            householdOfId.put(f[5], f[2]);
        }
        for (Household h : TWO_TOWNSHIPS) {
            for (Person p : h.members()) {
                assertThat(householdOfId.get(p.id())).isEqualTo(h.number());
            }
        }
        Person head = TWO_TOWNSHIPS.get(0).head();
        assertThat(lines.get(1))
                .isEqualTo(String.join(
                        ",",
                        head.township(),
                        head.village(),
                        head.householdNumber(),
                        head.name(),
                        head.sex(),
                        head.id(),
                        "户主",
                        Integer.toString(head.householdSize()),
                        head.povertyStatus(),
                        head.mainCause(),
                        head.exitStatus(),
                        head.exited() ? head.exitYear().toString() : "",
                        head.labourCapacity(),
                        head.health(),
                        head.schooling(),
                        head.relocated() ? "是" : "否"));
    }

    @Test
    void sameSeedWritesByteIdenticalCsvAndAnotherSeedADifferentOne() throws IOException {
        // given
        RegistryFileWriter writer = new RegistryFileWriter(Mess.all(), 5);

        // when
        writer.writeCsv(dir.resolve("a.csv"), TWO_TOWNSHIPS, CsvEncoding.UTF8);
        new RegistryFileWriter(Mess.all(), 5).writeCsv(dir.resolve("b.csv"), TWO_TOWNSHIPS, CsvEncoding.UTF8);
        new RegistryFileWriter(Mess.all(), 6).writeCsv(dir.resolve("c.csv"), TWO_TOWNSHIPS, CsvEncoding.UTF8);

        // then
        assertThat(Files.mismatch(dir.resolve("a.csv"), dir.resolve("b.csv"))).isEqualTo(-1L);
        assertThat(Files.mismatch(dir.resolve("a.csv"), dir.resolve("c.csv"))).isNotEqualTo(-1L);
    }

    @Test
    void encodingsDifferInBytesButNotInText() throws IOException {
        // given
        RegistryFileWriter writer = new RegistryFileWriter(Mess.all(), 5);

        // when
        writer.writeCsv(dir.resolve("utf8.csv"), TWO_TOWNSHIPS, CsvEncoding.UTF8);
        writer.writeCsv(dir.resolve("bom.csv"), TWO_TOWNSHIPS, CsvEncoding.UTF8_BOM);
        writer.writeCsv(dir.resolve("gb.csv"), TWO_TOWNSHIPS, CsvEncoding.GB18030);

        // then
        byte[] utf8 = Files.readAllBytes(dir.resolve("utf8.csv"));
        byte[] bom = Files.readAllBytes(dir.resolve("bom.csv"));
        byte[] gb = Files.readAllBytes(dir.resolve("gb.csv"));
        assertThat(utf8).startsWith("天镇县".getBytes(StandardCharsets.UTF_8));
        assertThat(bom).startsWith(0xEF - 256, 0xBB - 256, 0xBF - 256);
        assertThat(new String(bom, 3, bom.length - 3, StandardCharsets.UTF_8))
                .isEqualTo(new String(utf8, StandardCharsets.UTF_8));
        assertThat(gb).isNotEqualTo(utf8);
        assertThat(new String(gb, CsvEncoding.GB18030.charset())).isEqualTo(new String(utf8, StandardCharsets.UTF_8));
    }

    @Test
    void messyCsvHoldsExactlyWhatItsManifestSays() throws IOException {
        // given
        Path file = dir.resolve("乱.csv");

        // when
        Manifest manifest = new RegistryFileWriter(Mess.all(), 9).writeCsv(file, TWO_TOWNSHIPS, CsvEncoding.GB18030);

        // then
        List<String> lines = Files.readAllLines(file, CsvEncoding.GB18030.charset());
        Manifest.SheetSummary sheet = manifest.sheets().get(0);
        assertThat(sheet.name()).isEqualTo("乱");
        assertThat(lines).hasSize(sheet.lastRow());
        assertThat(lines.get(0)).startsWith("天镇县2019年建档立卡贫困人口花名册,");
        assertThat(lines.get(1)).startsWith("填报单位：天镇县扶贫开发中心　填报日期：2019年10月,");
        assertThat(lines.get(2)).contains(",家庭成员信息,,,,", ",脱贫情况,,");
        assertThat(sheet.headerRows()).isEqualTo(2);
        assertThat(lines.get(sheet.headerRow() - 1).split(",", -1))
                .hasSize(sheet.header().size());
        List<String[]> data = new ArrayList<>();
        int subtotals = 0;
        int blanks = 0;
        for (String line : lines) {
            String[] f = line.split(",", -1);
            assertThat(f).hasSize(sheet.header().size());
            if (f[3].matches("\\d+")) {
                data.add(f);
            } else if (f[0].equals("小计") || f[0].equals("合计")) {
                subtotals++;
            } else if (line.replace(",", "").isEmpty()) {
                blanks++;
            }
        }
        assertThat(data).hasSize(601);
        assertThat(sheet.dataRows()).isEqualTo(601);
        assertThat(subtotals).isEqualTo(sheet.subtotalRows());
        assertThat(blanks).isEqualTo(sheet.blankRows()).isEqualTo(2);
        assertThat(lines.get(lines.size() - 2)).startsWith("制表人：");
        assertThat(lines.get(lines.size() - 1)).startsWith("单位盖章：");
        assertThat(count(data, 6, "1\\.40222E\\+17"))
                .isEqualTo(manifest.count(Mess.ID_AS_NUMBER))
                .isEqualTo(1);
        assertThat(count(data, 6, "\\d{15}"))
                .isEqualTo(manifest.count(Mess.OLD_ID_15))
                .isEqualTo(1);
        assertThat(count(data, 6, "[０-９]{17}[０-９Ｘ]"))
                .isEqualTo(manifest.count(Mess.FULLWIDTH_ID))
                .isEqualTo(1);
        assertThat(count(data, 6, "\\d{17}x"))
                .isEqualTo(manifest.count(Mess.LOWERCASE_X))
                .isEqualTo(1);
        assertThat(count(data, 4, ".+　.+"))
                .isEqualTo(manifest.count(Mess.NAME_SPACES))
                .isEqualTo(1);
        assertThat(count(data, 7, "干儿子|干女儿"))
                .isEqualTo(manifest.count(Mess.UNKNOWN_CODE))
                .isEqualTo(1);
        List<String[]> unknownVillage =
                data.stream().filter(f -> f[2].matches("幸福村|红旗村|新建村|东风村")).toList();
        assertThat(unknownVillage).hasSize(manifest.count(Mess.UNKNOWN_VILLAGE)).isNotEmpty();
        String household = unknownVillage.get(0)[3];
        assertThat(unknownVillage)
                .allSatisfy(f -> assertThat(f[3]).isEqualTo(household))
                .hasSize(count(data, 3, household));
        assertThat(data.stream()
                        .filter(f -> !villageNames().contains(f[2])
                                && !villageAliases().contains(f[2])))
                .hasSize(manifest.count(Mess.UNKNOWN_VILLAGE));
        assertThat(data.stream().filter(f -> villageAliases().contains(f[2])))
                .hasSize(manifest.count(Mess.VILLAGE_ALIAS))
                .isNotEmpty();
        assertThat(count(data, 1, "南河堡|逯家湾"))
                .isEqualTo(manifest.count(Mess.TOWNSHIP_ALIAS))
                .isPositive();
        assertThat(manifest.count(Mess.FORMULA)).isZero();
        assertThat(manifest.count(Mess.DUPLICATE_ROW)).isEqualTo(1);
        int badChecks = 0;
        for (String[] f : data) {
            if (f[6].matches("\\d{17}[\\dX]") && f[6].charAt(17) != ResidentIds.checkChar(f[6].substring(0, 17))) {
                badChecks++;
            }
        }
        assertThat(badChecks).isEqualTo(manifest.count(Mess.BAD_CHECK_DIGIT)).isEqualTo(1);
        for (Manifest.Injection injection : sheet.injections()) {
            assertThat(lines.get(injection.row() - 1)).as(injection.toString()).contains("," + injection.value() + ",");
        }
    }

    @Test
    void messyXlsxHasASheetPerTownshipAndHoldsExactlyWhatItsManifestSays() throws IOException {
        // given
        Path file = dir.resolve("花名册.xlsx");
        Set<Mess> mess = EnumSet.allOf(Mess.class);
        mess.remove(Mess.TWO_ROW_HEADER);

        // when
        Manifest manifest = new RegistryFileWriter(mess, 3).writeXlsx(file, TWO_TOWNSHIPS);

        // then
        try (Workbook workbook = new XSSFWorkbook(Files.newInputStream(file))) {
            assertThat(sheetNames(workbook)).containsExactly("南河堡乡", "逯家湾镇", "数据字典", "Sheet3");
            assertThat(manifest.sheets())
                    .extracting(Manifest.SheetSummary::name)
                    .containsExactly("南河堡乡", "逯家湾镇", "数据字典", "Sheet3");
            assertThat(workbook.isSheetHidden(2)).isTrue();
            assertThat(workbook.isSheetHidden(0) || workbook.isSheetHidden(1) || workbook.isSheetHidden(3))
                    .isFalse();
            assertThat(workbook.getSheetAt(3).getPhysicalNumberOfRows()).isZero();
            assertThat(workbook.getSheetAt(2).getPhysicalNumberOfRows()).isEqualTo(3);
            for (int i = 0; i < 2; i++) {
                assertSheetMatches(workbook.getSheetAt(i), manifest.sheets().get(i));
            }
        }
        assertThat(manifest.dataRows()).isEqualTo(600 + manifest.count(Mess.DUPLICATE_ROW));
        assertThat(manifest.count(Mess.FORMULA)).isEqualTo(2);
        assertThat(manifest.count(Mess.ID_AS_NUMBER)).isEqualTo(2);
    }

    @Test
    void xlsHasATwoRowHeaderWithMergedParentCells() throws IOException {
        // given
        Path file = dir.resolve("花名册.xls");

        // when
        Manifest manifest = new RegistryFileWriter(Mess.all(), 4).writeXls(file, TWO_TOWNSHIPS);

        // then
        try (Workbook workbook = new HSSFWorkbook(Files.newInputStream(file))) {
            assertThat(sheetNames(workbook)).containsExactly("南河堡乡", "逯家湾镇", "数据字典", "Sheet3");
            Sheet sheet = workbook.getSheetAt(0);
            Manifest.SheetSummary summary = manifest.sheets().get(0);
            assertThat(summary.headerRows()).isEqualTo(2);
            int upper = summary.headerRow() - 2;
            assertThat(upper).isEqualTo(2);
            assertThat(sheet.getRow(upper).getCell(4).getStringCellValue()).isEqualTo("家庭成员信息");
            assertThat(sheet.getRow(upper).getCell(11).getStringCellValue()).isEqualTo("脱贫情况");
            assertThat(sheet.getRow(upper).getCell(1).getStringCellValue())
                    .isEqualTo(summary.header().get(1));
            assertThat(sheet.getMergedRegions())
                    .contains(
                            new CellRangeAddress(upper, upper, 4, 7),
                            new CellRangeAddress(upper, upper, 11, 12),
                            new CellRangeAddress(upper, upper + 1, 1, 1),
                            new CellRangeAddress(0, 0, 0, summary.header().size() - 1));
            assertThat(texts(sheet.getRow(upper + 1), 4, 8))
                    .isEqualTo(summary.header().subList(4, 8));
            for (int i = 0; i < 2; i++) {
                assertSheetMatches(workbook.getSheetAt(i), manifest.sheets().get(i));
            }
        }
    }

    @Test
    void xlsContinuesATownshipTooBigForOneSheetOnAnother() throws IOException {
        // given
        List<Household> households = RegistrySample.generate(2, 70_000, List.of("南河堡乡"));

        // when
        Manifest manifest = new RegistryFileWriter(Mess.none(), 1).writeXls(dir.resolve("大.xls"), households);

        // then
        assertThat(manifest.sheets()).extracting(Manifest.SheetSummary::name).containsExactly("南河堡乡", "南河堡乡(2)");
        assertThat(manifest.dataRows()).isEqualTo(70_000);
        assertThat(manifest.sheets()).allSatisfy(s -> assertThat(s.lastRow()).isLessThanOrEqualTo(65_536));
    }

    @Test
    void cleanXlsxKeepsIdsAsTextInOneSheet() throws IOException {
        // given
        Path file = dir.resolve("clean.xlsx");

        // when
        Manifest manifest = RegistryFileWriter.writeCleanXlsx(file, TWO_TOWNSHIPS.iterator());

        // then
        try (Workbook workbook = new XSSFWorkbook(Files.newInputStream(file))) {
            assertThat(workbook.getNumberOfSheets()).isEqualTo(1);
            Sheet sheet = workbook.getSheet(RegistryFileWriter.CLEAN_SHEET);
            assertThat(texts(sheet.getRow(0), 0, 16)).isEqualTo(CANONICAL_HEADER);
            assertThat(sheet.getLastRowNum()).isEqualTo(600);
            for (int r = 1; r <= 600; r++) {
                Row row = sheet.getRow(r);
                assertThat(row.getCell(5).getCellType()).isEqualTo(CellType.STRING);
                assertValidId(
                        row.getCell(5).getStringCellValue(), row.getCell(4).getStringCellValue());
            }
            Person head = TWO_TOWNSHIPS.get(0).head();
            assertThat(sheet.getRow(1).getCell(7).getNumericCellValue()).isEqualTo(head.householdSize());
        }
        assertThat(manifest.dataRows()).isEqualTo(600);
    }

    /** Rows, numeric IDs, formulas and every injected value as the manifest describes them. */
    private static void assertSheetMatches(Sheet sheet, Manifest.SheetSummary summary) {
        int serial = summary.header().indexOf("序号");
        assertThat(serial).isZero();
        assertThat(sheet.getLastRowNum() + 1).isEqualTo(summary.lastRow());
        assertThat(texts(sheet.getRow(summary.headerRow() - 1), 5, 8))
                .isEqualTo(summary.header().subList(5, 8));
        int household = 3;
        int id = 6;
        int size = 8;
        int data = 0;
        int numericIds = 0;
        int formulas = 0;
        Map<String, Integer> rowsOfHousehold = new HashMap<>();
        for (int r = summary.headerRow(); r < summary.lastRow(); r++) {
            Row row = sheet.getRow(r);
            if (row == null
                    || row.getCell(household) == null
                    || !row.getCell(household).getStringCellValue().matches("\\d+")) {
                continue;
            }
            data++;
            rowsOfHousehold.merge(row.getCell(household).getStringCellValue(), 1, Integer::sum);
            if (row.getCell(id).getCellType() == CellType.NUMERIC) {
                numericIds++;
                double value = row.getCell(id).getNumericCellValue();
                assertThat(new BigDecimal(value).round(new MathContext(15)).toPlainString())
                        .hasSize(18)
                        .startsWith("140222");
            }
        }
        for (int r = summary.headerRow(); r < summary.lastRow(); r++) {
            Row row = sheet.getRow(r);
            if (row != null && row.getCell(size) != null && row.getCell(size).getCellType() == CellType.FORMULA) {
                formulas++;
                assertThat(row.getCell(size).getCellFormula()).startsWith("COUNTIF(D" + (r + 1) + ":D");
                assertThat(row.getCell(size).getCachedFormulaResultType()).isEqualTo(CellType.NUMERIC);
                assertThat((int) row.getCell(size).getNumericCellValue())
                        .isEqualTo(rowsOfHousehold.get(row.getCell(household).getStringCellValue()));
            }
        }
        assertThat(data).isEqualTo(summary.dataRows());
        assertThat(numericIds).isEqualTo(summary.count(Mess.ID_AS_NUMBER)).isEqualTo(1);
        assertThat(formulas).isEqualTo(summary.count(Mess.FORMULA)).isEqualTo(1);
        for (Manifest.Injection injection : summary.injections()) {
            assertThat(display(sheet.getRow(injection.row() - 1)))
                    .as(injection.toString())
                    .contains(injection.value());
        }
    }

    private static List<String> display(Row row) {
        List<String> cells = new ArrayList<>();
        for (org.apache.poi.ss.usermodel.Cell c : row) {
            cells.add(
                    switch (c.getCellType()) {
                        case STRING -> c.getStringCellValue();
                        case NUMERIC -> new Cell.Number(c.getNumericCellValue()).display();
                        case FORMULA -> "=" + c.getCellFormula();
                        default -> "";
                    });
        }
        return cells;
    }

    private static List<String> texts(Row row, int from, int to) {
        List<String> texts = new ArrayList<>();
        for (int c = from; c < to; c++) {
            texts.add(row.getCell(c).getStringCellValue());
        }
        return texts;
    }

    private static List<String> sheetNames(Workbook workbook) {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < workbook.getNumberOfSheets(); i++) {
            names.add(workbook.getSheetName(i));
        }
        return names;
    }

    private static Set<String> villageNames() {
        return Places.bundled().townships().stream()
                .flatMap(t -> t.villages().stream())
                .map(Places.Village::name)
                .collect(Collectors.toSet());
    }

    private static Set<String> villageAliases() {
        return Places.bundled().townships().stream()
                .flatMap(t -> t.villages().stream())
                .flatMap(v -> v.aliases().stream())
                .collect(Collectors.toSet());
    }

    private static int count(List<String[]> rows, int column, String regex) {
        return (int) rows.stream().filter(f -> f[column].matches(regex)).count();
    }

    private static void assertValidId(String id, String sex) {
        assertThat(id).matches("140222\\d{11}[\\dX]");
        assertThat(id.charAt(17)).isEqualTo(ResidentIds.checkChar(id.substring(0, 17)));
        assertThat((id.charAt(16) - '0') % 2 == 1 ? "男" : "女").isEqualTo(sex);
    }
}
