package org.hhw.warehouse.receipt;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.hhw.warehouse.RegistryFiles;
import org.hhw.warehouse.RegistryLoads;
import org.hhw.warehouse.WarehouseReader;
import org.hhw.warehouse.intake.Intake;
import org.hhw.warehouse.lake.Lake;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReceiptsTest {

    private static final LocalDateTime RECEIVED = LocalDateTime.of(2024, 3, 1, 9, 30);
    private static final String SHEET = "玉泉镇花名册";
    private static final List<String> DETAIL_HEADER = List.of("工作表", "行号", "列", "原始值", "原因代码", "原因说明");

    @TempDir
    Path dir;

    private RegistryLoads loads;

    @BeforeEach
    void open() {
        loads = new RegistryLoads(dir.resolve("home"));
    }

    @AfterEach
    void close() {
        loads.close();
    }

    @Test
    void receiptOfALoadedFileCountsItsRowsAndListsTheRejectsAsWritten() throws Exception {
        // given
        Path file = RegistryFiles.withProblems(dir);
        int fileKey = loads.load(file, RECEIVED);
        String loadedAt =
                ClerkTime.format(loads.warehouse().file(fileKey).orElseThrow().loadedAt());
        Path target = dir.resolve("玉泉镇花名册.csv.回执.xlsx");

        // when
        write(loads, fileKey, target);

        // then
        try (XSSFWorkbook workbook = new XSSFWorkbook(target.toFile())) {
            assertThat(dump(workbook.getSheet("回执")))
                    .containsExactly(
                            List.of("文件处理回执"),
                            List.of(),
                            List.of("文件名", "玉泉镇花名册.csv"),
                            List.of("文件类别", "建档立卡贫困人口花名册"),
                            List.of("收到时间", "2024-03-01 09:30"),
                            List.of("入库时间", loadedAt),
                            List.of("处理结果", "已入库"),
                            List.of("文件校验码（SHA-256）", Intake.sha256(file)),
                            List.of(),
                            List.of("行数统计"),
                            List.of("读取行数", "9"),
                            List.of("入库行数", "5"),
                            List.of("拒收行数", "2"),
                            List.of("非数据行数（合计、空行、表尾等）", "2"),
                            List.of("　其中：空行", "1"),
                            List.of("　其中：合计/小计行", "1"),
                            List.of("带警告入库行数", "2"),
                            List.of(),
                            List.of("拒收原因统计"),
                            List.of("原因代码", "原因说明", "条数"),
                            List.of("DUPLICATE_IN_FILE", "文件内重复", "1"),
                            List.of("ID_CHECKSUM", "身份证号校验位错误", "1"),
                            List.of("VILLAGE_UNKNOWN", "行政村名称无法识别", "1"),
                            List.of(),
                            List.of("读取的工作表", SHEET),
                            List.of("跳过的工作表", "无"),
                            List.of("未识别的列", "无"),
                            List.of(),
                            List.of("涉及户数", "2"),
                            List.of("涉及人数", "5"),
                            List.of(),
                            List.of("请您"),
                            List.of("拒收的行没有入库：请按“拒收明细”工作表逐行改正原文件，然后重新报送。"),
                            List.of("带警告的行已经入库：请查看“警告”工作表，如有错误请改正后重新报送。"));
            assertThat(dump(workbook.getSheet("拒收明细")))
                    .containsExactly(
                            List.of("以下各行没有入库。请在原文件中按“原因说明”逐行改正，改好后重新报送。"),
                            DETAIL_HEADER,
                            List.of(
                                    SHEET,
                                    "7",
                                    "行政村",
                                    "不存在村",
                                    "VILLAGE_UNKNOWN",
                                    "行政村“不存在村”不在玉泉镇的村名单中。请核对村名的写法；如果它确实是玉泉镇的行政村，请联系县扶贫办把它加入村名单。"),
                            List.of(
                                    SHEET,
                                    "7",
                                    "证件号码",
                                    "140222197001010562",
                                    "ID_CHECKSUM",
                                    "身份证号码“140222197001010562”校验不通过，号码中至少有一位录错了。请对照身份证或户口簿逐位核对后重新填写。"),
                            List.of(
                                    SHEET,
                                    "9",
                                    "证件号码",
                                    "",
                                    "DUPLICATE_IN_FILE",
                                    "与本文件工作表“玉泉镇花名册”第3行是同一人（同一证件号码），重复的行未入库。请删除重复行，或核对证件号码是否填错。"));
            assertThat(dump(workbook.getSheet("警告")))
                    .containsExactly(
                            List.of("以下各行已经入库，但有需要注意的地方，请核对。如原文件有误，请改正后重新报送。"),
                            DETAIL_HEADER,
                            List.of(SHEET, "4", "性别", "女", "INCONSISTENT", "性别与身份证号不符：身份证号显示为男。已按身份证号入库，请核对性别或身份证号。"),
                            List.of(
                                    SHEET,
                                    "6",
                                    "证件号码",
                                    "140222850505123",
                                    "ID_CONVERTED_15",
                                    "15位旧身份证号码“140222850505123”已自动转换为18位号码“140222198505051230”。"
                                            + "如本人已换发新身份证，请在表中改填新证上的18位号码。"));
        }
    }

    @Test
    void receiptOfADuplicateSaysWhenAndUnderWhichNameItsContentWasLoaded() throws Exception {
        // given
        Path file = RegistryFiles.withProblems(dir);
        int first = loads.load(file, RECEIVED);
        String firstLoadedAt =
                ClerkTime.format(loads.warehouse().file(first).orElseThrow().loadedAt());
        Path copy = Files.copy(file, dir.resolve("玉泉镇花名册(1).csv"));
        int duplicate = loads.register(copy, LocalDateTime.of(2024, 3, 5, 14, 0));
        loads.warehouse().markDuplicate(duplicate, first);
        Path target = dir.resolve("玉泉镇花名册(1).csv.回执.xlsx");

        // when
        write(loads, duplicate, target);

        // then
        try (XSSFWorkbook workbook = new XSSFWorkbook(target.toFile())) {
            assertThat(dump(workbook.getSheet("回执")))
                    .containsExactly(
                            List.of("文件处理回执"),
                            List.of(),
                            List.of("文件名", "玉泉镇花名册(1).csv"),
                            List.of("文件类别", "建档立卡贫困人口花名册"),
                            List.of("收到时间", "2024-03-05 14:00"),
                            List.of("入库时间", "本次未入库"),
                            List.of("处理结果", "重复文件，未重复入库"),
                            List.of("说明", "该文件内容已于 " + firstLoadedAt + " 以《玉泉镇花名册.csv》入库，本次未重复入库。"),
                            List.of("文件校验码（SHA-256）", Intake.sha256(file)),
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
    void lakeKeepsIdsMaskedWhileTheSpoolKeepsTheClerksValuesUntilTheReceiptIsWritten() throws Exception {
        // given a file with a mistyped ID (row 7) and a 15-digit ID converted to 18 characters (row 6), read and loaded
        int fileKey = loads.load(RegistryFiles.withProblems(dir), RECEIVED);
        Path spooled = loads.spool().dir("registry", fileKey);

        // then the lake holds neither ID as written nor the converted one, anywhere
        assertThat(lakeFilesHolding("140222197001010562", "140222850505123", "140222198505051230"))
                .isEmpty();
        assertThat(lakeFilesHolding("140222********0562"))
                .containsExactly(List.of(loads.lake()
                        .partFile("registry", fileKey, Lake.Part.REJECTS, 2)
                        .toString()));
        // and the spool, a folder only the owner may open, holds the values masking changed as the clerk wrote them
        assertThat(Files.getPosixFilePermissions(loads.home().resolve("state/spool")))
                .isEqualTo(PosixFilePermissions.fromString("rwx------"));
        assertThat(RegistryLoads.rows(
                        loads.warehouse().connectionForTests(),
                        "select * from read_parquet('" + spooled + "/*.parquet') order by row_number"))
                .containsExactly(
                        List.of(
                                SHEET,
                                6,
                                "证件号码",
                                "ID_CONVERTED_15",
                                "140222850505123",
                                "15位旧身份证号码“140222850505123”"
                                        + "已自动转换为18位号码“140222198505051230”。如本人已换发新身份证，请在表中改填新证上的18位号码。"),
                        List.of(
                                SHEET,
                                7,
                                "证件号码",
                                "ID_CHECKSUM",
                                "140222197001010562",
                                "身份证号码“140222197001010562”校验不通过，号码中至少有一位录错了。请对照身份证或户口簿逐位核对后重新填写。"));

        // when
        write(loads, fileKey, dir.resolve("回执.xlsx"));

        // then
        assertThat(spooled).doesNotExist();
        try (XSSFWorkbook workbook = new XSSFWorkbook(dir.resolve("回执.xlsx").toFile())) {
            assertThat(dump(workbook.getSheet("拒收明细")).get(3))
                    .containsExactly(
                            SHEET,
                            "7",
                            "证件号码",
                            "140222197001010562",
                            "ID_CHECKSUM",
                            "身份证号码“140222197001010562”校验不通过，号码中至少有一位录错了。请对照身份证或户口簿逐位核对后重新填写。");
        }
    }

    /** The lake's Parquet files (every kind, manifests too) with a value containing one of the texts. */
    private List<List<Object>> lakeFilesHolding(String... texts) {
        String any = String.join(
                " or ",
                Arrays.stream(texts).map(t -> "t::varchar like '%" + t + "%'").toList());
        return RegistryLoads.rows(
                loads.warehouse().connectionForTests(),
                "select distinct filename from read_parquet('"
                        + loads.lake().root() + "/**/*.parquet', union_by_name = true, filename = true, "
                        + "hive_partitioning = false) t where " + any);
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

    /** A receipt written as the ingest job writes it, through a reader of the warehouse. */
    private static void write(RegistryLoads loads, int fileKey, Path target) {
        try (WarehouseReader reader = loads.warehouse().reader()) {
            Receipts.write(reader, loads.spool(), loads.contract(), fileKey, target);
        }
    }
}
