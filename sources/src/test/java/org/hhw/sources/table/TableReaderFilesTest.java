package org.hhw.sources.table;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.hhw.sources.table.TableReaderTest.REGISTRY;
import static org.hhw.sources.table.TableReaderTest.data;
import static org.hhw.sources.table.TableReaderTest.nonData;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.hhw.sources.read.ReadLimits;
import org.hhw.sources.read.RowStream.SkippedSheet;
import org.hhw.sources.read.SpreadsheetFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** TableReader over files as clerks send them, read by {@link SpreadsheetFiles}. */
class TableReaderFilesTest {

    enum Format {
        XLSX,
        XLS
    }

    /**
     * A township's registry: merged title, 填报单位 line, two-row header (家庭情况 over two
     * sub-columns, the other columns merged over both rows), a blank row, a 小计 and a footer.
     * Row indexes are 0-based as in POI; null leaves the row out.
     */
    private static final List<List<Object>> GRID = new ArrayList<>();

    static {
        GRID.add(List.of("天镇县2018年建档立卡贫困人口花名册"));
        GRID.add(List.of("填报单位：南河堡乡　　填报日期：2018年10月"));
        GRID.add(List.of("序号", "户编号", "乡镇", "行政村", "姓名", "身份证号", "与户主关系", "家庭情况", ""));
        GRID.add(List.of("", "", "", "", "", "", "", "家庭人口数", "贫困户属性"));
        GRID.add(List.of(1, "1402220701001", "南河堡乡", "南河堡", "张三", "140222198001010013", "户主", 2, "一般贫困户"));
        GRID.add(List.of(2, "1402220701001", "南河堡乡", "南河堡", "李四", "140222198503120028", "配偶"));
        GRID.add(null);
        GRID.add(List.of("小计", "1户", "", "", "", "", "", 2));
        GRID.add(List.of(3, "1402220701002", "南河堡", "赵小堡", "王　五", "14022219900101123x", "户主", 1, "低保户"));
        GRID.add(List.of("制表人：王五　　审核人：李四"));
    }

    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(Format.class)
    void readsAWorkbookAsTownshipsSendIt(Format format) throws IOException {
        // given
        Path file = writeWorkbook(format);

        // when
        TableReaderTest.Read read;
        try (TableReader reader = new TableReader(SpreadsheetFiles.open(file, ReadLimits.defaults()), REGISTRY)) {
            read = readAll(reader);
        }

        // then
        assertThat(read.shown()).containsExactly(expectedRows("南河堡乡"));
        SheetHeader header = read.headers().get(0);
        assertThat(read.headers()).hasSize(1);
        assertThat(header.firstHeaderRow()).isEqualTo(3);
        assertThat(header.lastHeaderRow()).isEqualTo(4);
        assertThat(header.fieldColumns()).containsExactly(1, 2, 3, 4, 5, 6, -1, 7, 8, -1, -1, -1, -1, -1, -1, -1);
        assertThat(header.preamble()).containsExactly("天镇县2018年建档立卡贫困人口花名册", "填报单位:南河堡乡 填报日期:2018年10月");
        assertThat(read.sheetsWithoutTable()).containsExactly("说明");
        assertThat(read.reader().rowStream().skippedSheets())
                .containsExactly(
                        new SkippedSheet("隐藏", SkippedSheet.Reason.HIDDEN),
                        new SkippedSheet("Sheet3", SkippedSheet.Reason.EMPTY));
    }

    @Test
    void readsTheSameTableFromAGb18030Csv() throws IOException {
        // given
        Path file = dir.resolve("南河堡花名册.csv");
        String csv = GRID.stream()
                .map(r -> r == null ? "" : r.stream().map(String::valueOf).collect(Collectors.joining(",")))
                .collect(Collectors.joining("\r\n", "", "\r\n"));
        Files.writeString(file, csv, Charset.forName("GB18030"));

        // when
        TableReaderTest.Read read;
        try (TableReader reader = new TableReader(SpreadsheetFiles.open(file, ReadLimits.defaults()), REGISTRY)) {
            read = readAll(reader);
        }

        // then
        assertThat(read.shown()).containsExactly(expectedRows("南河堡花名册"));
        assertThat(read.headers())
                .extracting(SheetHeader::firstHeaderRow, SheetHeader::lastHeaderRow)
                .containsExactly(tuple(3, 4));
    }

    private static String[] expectedRows(String sheet) {
        return new String[] {
            data(sheet, 5, "1402220701001", "南河堡乡", "南河堡", "张三", "140222198001010013", "户主", null, "2", "一般贫困户"),
            data(sheet, 6, "1402220701001", "南河堡乡", "南河堡", "李四", "140222198503120028", "配偶", null, "", ""),
            nonData(sheet, 7, NonDataRow.Kind.BLANK),
            nonData(sheet, 8, NonDataRow.Kind.TOTAL),
            data(sheet, 9, "1402220701002", "南河堡", "赵小堡", "王　五", "14022219900101123x", "户主", null, "1", "低保户"),
            nonData(sheet, 10, NonDataRow.Kind.FOOTER)
        };
    }

    private static TableReaderTest.Read readAll(TableReader reader) throws IOException {
        List<SheetRow> rows = new ArrayList<>();
        for (SheetRow r = reader.next(); r != null; r = reader.next()) {
            rows.add(r);
        }
        return new TableReaderTest.Read(reader, rows);
    }

    private Path writeWorkbook(Format format) throws IOException {
        Path file = dir.resolve(format == Format.XLSX ? "花名册.xlsx" : "花名册.xls");
        try (Workbook workbook = format == Format.XLSX ? new XSSFWorkbook() : new HSSFWorkbook();
                OutputStream out = Files.newOutputStream(file)) {
            Sheet sheet = workbook.createSheet("南河堡乡");
            for (int r = 0; r < GRID.size(); r++) {
                if (GRID.get(r) == null) {
                    continue;
                }
                Row row = sheet.createRow(r);
                List<Object> cells = GRID.get(r);
                for (int c = 0; c < cells.size(); c++) {
                    if (cells.get(c) instanceof Integer n) {
                        row.createCell(c).setCellValue(n);
                    } else if (!"".equals(cells.get(c))) {
                        row.createCell(c).setCellValue((String) cells.get(c));
                    }
                }
            }
            sheet.addMergedRegion(new CellRangeAddress(0, 0, 0, 8));
            sheet.addMergedRegion(new CellRangeAddress(2, 2, 7, 8));
            for (int c = 0; c < 7; c++) {
                sheet.addMergedRegion(new CellRangeAddress(2, 3, c, c));
            }
            workbook.createSheet("说明").createRow(0).createCell(0).setCellValue("本表由各乡镇扶贫办填报，审核后报县扶贫办。");
            workbook.createSheet("隐藏").createRow(0).createCell(0).setCellValue("旧数据");
            workbook.setSheetHidden(2, true);
            workbook.createSheet("Sheet3");
            workbook.write(out);
        }
        return file;
    }
}
