package org.hhw.warehouse.receipt;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReceiptWriterTest {

    private static final Map<String, String> LABELS = Map.of(
            "ID_CHECKSUM", "身份证号校验位错误",
            "ID_PRECISION_LOST", "身份证号已被Excel改成科学计数法，后几位丢失",
            "VILLAGE_UNKNOWN", "行政村名称无法识别",
            "ID_CONVERTED_15", "15位身份证号已转为18位");

    private static final List<String> DETAIL_HEADER = List.of("工作表", "行号", "列", "原始值", "原因代码", "原因说明");

    @TempDir
    Path dir;

    @Test
    void writesSummaryRejectsAndWarningsInChinese() throws Exception {
        // given
        Path target = dir.resolve("南河堡乡花名册.xlsx.回执.xlsx");
        Map<String, Long> nonData = new LinkedHashMap<>();
        nonData.put("合计/小计", 2L);
        nonData.put("空行", 1L);
        nonData.put("表尾", 3L);
        ReceiptSummary summary = new ReceiptSummary(
                "南河堡乡花名册.xlsx",
                "建档立卡贫困人口花名册",
                "ab12cd34",
                LocalDateTime.of(2026, 11, 28, 10, 10, 5),
                LocalDateTime.of(2026, 11, 28, 10, 15, 40),
                "已入库",
                null,
                null,
                1210,
                1200,
                3,
                6,
                1,
                Map.of("ID_CHECKSUM", 1L, "ID_PRECISION_LOST", 2L),
                nonData,
                List.of("南河堡乡", "Sheet2"),
                List.of("Sheet3（隐藏）", "Sheet4（空表）"),
                List.of("南河堡乡: 备注", "Sheet2: 联系电话"),
                402,
                1200);
        List<ReceiptLine> rejects = List.of(
                new ReceiptLine("南河堡乡", 5, "身份证号码", "140222199001011235", "ID_CHECKSUM", "身份证号码最后一位校验位不对，请核对后改正。"),
                new ReceiptLine(
                        "南河堡乡",
                        17,
                        "身份证号码",
                        "1.40222199001011E17",
                        "ID_PRECISION_LOST",
                        "身份证号码被Excel存成了数字，后几位已丢失。请把该列设为文本后重新录入。"),
                new ReceiptLine(
                        "Sheet2",
                        9,
                        "身份证号码",
                        "1.40222198505052E17",
                        "ID_PRECISION_LOST",
                        "身份证号码被Excel存成了数字，后几位已丢失。请把该列设为文本后重新录入。"));
        List<ReceiptLine> warnings = List.of(new ReceiptLine(
                "Sheet2", 12, "身份证号", "140222850505123", "ID_CONVERTED_15", "15位身份证号已自动转为18位：140222198505051234。"));

        // when
        ReceiptWriter.write(target, summary, rejects.iterator(), warnings.iterator(), LABELS);

        // then
        try (XSSFWorkbook workbook = new XSSFWorkbook(target.toFile())) {
            assertThat(sheetNames(workbook)).containsExactly("回执", "拒收明细", "警告");
            Sheet receipt = workbook.getSheet("回执");
            assertThat(dump(receipt))
                    .containsExactly(
                            List.of("文件处理回执"),
                            List.of(),
                            List.of("文件名", "南河堡乡花名册.xlsx"),
                            List.of("文件类别", "建档立卡贫困人口花名册"),
                            List.of("收到时间", "2026-11-28 10:10"),
                            List.of("入库时间", "2026-11-28 10:15"),
                            List.of("处理结果", "已入库"),
                            List.of("文件校验码（SHA-256）", "ab12cd34"),
                            List.of(),
                            List.of("行数统计"),
                            List.of("读取行数", "1210"),
                            List.of("入库行数", "1200"),
                            List.of("拒收行数", "3"),
                            List.of("非数据行数（合计、空行、表尾等）", "6"),
                            List.of("　其中：合计/小计", "2"),
                            List.of("　其中：空行", "1"),
                            List.of("　其中：表尾", "3"),
                            List.of("带警告入库行数", "1"),
                            List.of(),
                            List.of("拒收原因统计"),
                            List.of("原因代码", "原因说明", "条数"),
                            List.of("ID_PRECISION_LOST", "身份证号已被Excel改成科学计数法，后几位丢失", "2"),
                            List.of("ID_CHECKSUM", "身份证号校验位错误", "1"),
                            List.of(),
                            List.of("读取的工作表", "南河堡乡、Sheet2"),
                            List.of("跳过的工作表", "Sheet3（隐藏）、Sheet4（空表）"),
                            List.of("未识别的列", "以下列未识别，已忽略：南河堡乡: 备注；Sheet2: 联系电话"),
                            List.of(),
                            List.of("涉及户数", "402"),
                            List.of("涉及人数", "1200"),
                            List.of(),
                            List.of("请您"),
                            List.of("拒收的行没有入库：请按“拒收明细”工作表逐行改正原文件，然后重新报送。"),
                            List.of("带警告的行已经入库：请查看“警告”工作表，如有错误请改正后重新报送。"));
            assertThat(receipt.getRow(10).getCell(1).getCellType()).isEqualTo(CellType.NUMERIC);

            Sheet rejectSheet = workbook.getSheet("拒收明细");
            assertThat(dump(rejectSheet))
                    .containsExactly(
                            List.of("以下各行没有入库。请在原文件中按“原因说明”逐行改正，改好后重新报送。"),
                            DETAIL_HEADER,
                            List.of(
                                    "南河堡乡",
                                    "5",
                                    "身份证号码",
                                    "140222199001011235",
                                    "ID_CHECKSUM",
                                    "身份证号码最后一位校验位不对，请核对后改正。"),
                            List.of(
                                    "南河堡乡",
                                    "17",
                                    "身份证号码",
                                    "1.40222199001011E17",
                                    "ID_PRECISION_LOST",
                                    "身份证号码被Excel存成了数字，后几位已丢失。请把该列设为文本后重新录入。"),
                            List.of(
                                    "Sheet2",
                                    "9",
                                    "身份证号码",
                                    "1.40222198505052E17",
                                    "ID_PRECISION_LOST",
                                    "身份证号码被Excel存成了数字，后几位已丢失。请把该列设为文本后重新录入。"));
            Cell rawId = rejectSheet.getRow(2).getCell(3);
            assertThat(rawId.getCellType()).isEqualTo(CellType.STRING);
            assertThat(rawId.getCellStyle().getDataFormatString()).isEqualTo("@");
            assertThat(rejectSheet.getRow(2).getCell(1).getCellType()).isEqualTo(CellType.NUMERIC);
            assertThat(rejectSheet.getPaneInformation().getHorizontalSplitTopRow())
                    .isEqualTo((short) 2);
            assertThat(rejectSheet.getColumnWidth(5)).isEqualTo(70 * 256);

            assertThat(dump(workbook.getSheet("警告")))
                    .containsExactly(
                            List.of("以下各行已经入库，但有需要注意的地方，请核对。如原文件有误，请改正后重新报送。"),
                            DETAIL_HEADER,
                            List.of(
                                    "Sheet2",
                                    "12",
                                    "身份证号",
                                    "140222850505123",
                                    "ID_CONVERTED_15",
                                    "15位身份证号已自动转为18位：140222198505051234。"));
        }
        assertThat(Files.exists(dir.resolve("南河堡乡花名册.xlsx.回执.xlsx.tmp"))).isFalse();
    }

    @Test
    void theWarmUpWritesAWholeReceiptIntoMemoryAndNothingOnDisk() throws Exception {
        // given POI's temporary folder as it is
        List<String> before = poiTemporaryFiles();

        // when the receipt of nothing is written, as before an ingest's first receipt
        byte[] receipt = ReceiptWriter.warmUp();

        // then it is a whole workbook of the three sheets, and no temporary file of it is left behind
        try (XSSFWorkbook workbook = new XSSFWorkbook(new java.io.ByteArrayInputStream(receipt))) {
            assertThat(List.of(workbook.getSheetName(0), workbook.getSheetName(1), workbook.getSheetName(2)))
                    .containsExactly("回执", "拒收明细", "警告");
            assertThat(workbook.getNumberOfSheets()).isEqualTo(3);
        }
        assertThat(poiTemporaryFiles()).isEqualTo(before);
    }

    private static List<String> poiTemporaryFiles() throws java.io.IOException {
        Path poi = Path.of(System.getProperty("java.io.tmpdir"), "poifiles");
        if (!Files.isDirectory(poi)) {
            return List.of();
        }
        try (java.util.stream.Stream<Path> files = Files.list(poi)) {
            return files.map(Path::toString).sorted().toList();
        }
    }

    @Test
    void tellsTheClerkWhenAndUnderWhichNameADuplicateWasLoaded() throws Exception {
        // given
        Path target = dir.resolve("花名册(1).xlsx.回执.xlsx");
        Files.writeString(target, "an older receipt");
        ReceiptSummary summary = new ReceiptSummary(
                "花名册(1).xlsx",
                "建档立卡贫困人口花名册",
                "ab12cd34",
                LocalDateTime.of(2026, 12, 1, 9, 0),
                null,
                "重复文件未重复入库",
                LocalDateTime.of(2026, 11, 28, 10, 15),
                "花名册.xlsx",
                0,
                0,
                0,
                0,
                0,
                Map.of(),
                Map.of(),
                List.of(),
                List.of(),
                List.of(),
                0,
                0);

        // when
        ReceiptWriter.write(target, summary, Collections.emptyIterator(), Collections.emptyIterator(), LABELS);

        // then
        try (XSSFWorkbook workbook = new XSSFWorkbook(target.toFile())) {
            assertThat(dump(workbook.getSheet("回执")))
                    .containsExactly(
                            List.of("文件处理回执"),
                            List.of(),
                            List.of("文件名", "花名册(1).xlsx"),
                            List.of("文件类别", "建档立卡贫困人口花名册"),
                            List.of("收到时间", "2026-12-01 09:00"),
                            List.of("入库时间", "本次未入库"),
                            List.of("处理结果", "重复文件未重复入库"),
                            List.of("说明", "该文件内容已于 2026-11-28 10:15 以《花名册.xlsx》入库，本次未重复入库。"),
                            List.of("文件校验码（SHA-256）", "ab12cd34"),
                            List.of(),
                            List.of("行数统计"),
                            List.of("读取行数", "0"),
                            List.of("入库行数", "0"),
                            List.of("拒收行数", "0"),
                            List.of("非数据行数（合计、空行、表尾等）", "0"),
                            List.of("带警告入库行数", "0"),
                            List.of(),
                            List.of("拒收原因统计"),
                            List.of("无"),
                            List.of(),
                            List.of("读取的工作表", "无"),
                            List.of("跳过的工作表", "无"),
                            List.of("未识别的列", "无"),
                            List.of(),
                            List.of("涉及户数", "0"),
                            List.of("涉及人数", "0"),
                            List.of(),
                            List.of("请您"),
                            List.of("无需重新报送。如果本想报送改正后的文件，请确认改动已经保存，再报送改好的文件。"));
            assertThat(dump(workbook.getSheet("拒收明细"))).containsExactly(List.of("本文件没有拒收的行。"), DETAIL_HEADER);
            assertThat(dump(workbook.getSheet("警告"))).containsExactly(List.of("本文件没有带警告的行。"), DETAIL_HEADER);
        }
    }

    @Test
    void continuesOnANewSheetPastTheRowLimit() throws Exception {
        // given: a limit of 4 rows per sheet leaves room for two detail rows after the instruction and header
        Path target = dir.resolve("big.xlsx.回执.xlsx");
        Iterator<ReceiptLine> rejects = List.of(
                        new ReceiptLine("S", 1, "姓名", "a", "TEXT_INVALID", "m1"),
                        new ReceiptLine("S", 2, "姓名", "b", "TEXT_INVALID", "m2"),
                        new ReceiptLine("S", 3, "姓名", "c", "TEXT_INVALID", "m3"))
                .iterator();
        ReceiptSummary summary = new ReceiptSummary(
                "big.xlsx",
                "建档立卡贫困人口花名册",
                "ff",
                LocalDateTime.of(2026, 1, 2, 3, 4),
                LocalDateTime.of(2026, 1, 2, 3, 5),
                "已入库",
                null,
                null,
                3,
                0,
                3,
                0,
                0,
                Map.of("TEXT_INVALID", 3L),
                Map.of(),
                List.of("S"),
                List.of(),
                List.of(),
                0,
                0);

        // when
        ReceiptWriter.write(target, summary, rejects, Collections.emptyIterator(), LABELS, 4);

        // then
        try (XSSFWorkbook workbook = new XSSFWorkbook(target.toFile())) {
            assertThat(sheetNames(workbook)).containsExactly("回执", "拒收明细", "拒收明细（续2）", "警告");
            assertThat(dump(workbook.getSheet("拒收明细")).subList(2, 4))
                    .containsExactly(
                            List.of("S", "1", "姓名", "a", "TEXT_INVALID", "m1"),
                            List.of("S", "2", "姓名", "b", "TEXT_INVALID", "m2"));
            assertThat(dump(workbook.getSheet("拒收明细（续2）")))
                    .containsExactly(
                            List.of("以下各行没有入库。请在原文件中按“原因说明”逐行改正，改好后重新报送。"),
                            DETAIL_HEADER,
                            List.of("S", "3", "姓名", "c", "TEXT_INVALID", "m3"));
        }
    }

    private static List<String> sheetNames(XSSFWorkbook workbook) {
        List<String> names = new ArrayList<>();
        workbook.forEach(sheet -> names.add(sheet.getSheetName()));
        return names;
    }

    /** Every row up to the last, each cell as text (numbers as integers), trailing blanks dropped. */
    private static List<List<String>> dump(Sheet sheet) {
        List<List<String>> rows = new ArrayList<>();
        for (int r = 0; r <= sheet.getLastRowNum(); r++) {
            Row row = sheet.getRow(r);
            List<String> cells = new ArrayList<>();
            if (row != null) {
                for (int c = 0; c < row.getLastCellNum(); c++) {
                    Cell cell = row.getCell(c);
                    cells.add(
                            cell == null
                                    ? ""
                                    : cell.getCellType() == CellType.NUMERIC
                                            ? String.valueOf((long) cell.getNumericCellValue())
                                            : cell.getStringCellValue());
                }
            }
            rows.add(cells);
        }
        return rows;
    }
}
