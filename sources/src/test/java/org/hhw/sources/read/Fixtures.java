package org.hhw.sources.read;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.hhw.sources.read.RowStream.SkippedSheet;

/** Test files, generated: the same workbook content can be written as xlsx and as xls. */
final class Fixtures {

    enum Format {
        XLSX,
        XLS
    }

    record Content(List<RawRow> rows, List<SkippedSheet> skipped) {}

    interface WorkbookContent {
        void fill(Workbook workbook);
    }

    private Fixtures() {}

    static Path write(Path dir, String name, Format format, WorkbookContent content) throws IOException {
        Path file = dir.resolve(name);
        try (Workbook workbook = format == Format.XLSX ? new XSSFWorkbook() : new HSSFWorkbook();
                OutputStream out = Files.newOutputStream(file)) {
            content.fill(workbook);
            workbook.getCreationHelper().createFormulaEvaluator().evaluateAll();
            workbook.write(out);
        }
        return file;
    }

    static Content readAll(Path file) throws IOException {
        return readAll(file, ReadLimits.defaults());
    }

    static Content readAll(Path file, ReadLimits limits) throws IOException {
        List<RawRow> rows = new ArrayList<>();
        try (RowStream stream = SpreadsheetFiles.open(file, limits)) {
            for (RawRow row = stream.next(); row != null; row = stream.next()) {
                rows.add(row);
            }
            return new Content(rows, stream.skippedSheets());
        }
    }

    static RawRow row(String sheet, int rowNumber, String... cells) {
        return new RawRow(sheet, rowNumber, List.of(cells));
    }

    /** The row with formulas in these columns, as a sheet shows it (every formula with its result). */
    static RawRow withFormulas(RawRow row, Integer... columns) {
        return new RawRow(row.sheet(), row.rowNumber(), row.cells(), row.hidden(), Set.of(), Set.of(columns));
    }

    static RawRow hiddenRow(String sheet, int rowNumber, String... cells) {
        return new RawRow(sheet, rowNumber, List.of(cells), true, Set.of(), Set.of());
    }

    /**
     * A medical-reimbursement roll as townships send it: a merged title, a two-row header with a
     * merged parent cell, IDs as text and as a number, dates, formulas, a gap, a blank formatted
     * row, a total and a footer; then a hidden sheet, an empty one, a second township and a sheet
     * holding nothing but spaces.
     */
    static void register(Workbook workbook) {
        CellStyle isoDate = workbook.createCellStyle();
        isoDate.setDataFormat(workbook.createDataFormat().getFormat("yyyy-mm-dd"));
        CellStyle chineseDate = workbook.createCellStyle();
        chineseDate.setDataFormat((short) 31);
        CellStyle twoDecimals = workbook.createCellStyle();
        twoDecimals.setDataFormat(workbook.createDataFormat().getFormat("0.00"));

        Sheet sheet = workbook.createSheet("南河堡乡");
        sheet.createRow(0).createCell(0).setCellValue("天镇县2018年建档立卡贫困人口住院费用结算明细");
        sheet.addMergedRegion(new CellRangeAddress(0, 0, 0, 7));
        Row header = sheet.createRow(1);
        String[] top = {"序号", "姓名", "身份证号", "出院日期", "报销金额（元）", "", "", "是否大病"};
        for (int i = 0; i < top.length; i++) {
            header.createCell(i).setCellValue(top[i]);
        }
        sheet.addMergedRegion(new CellRangeAddress(1, 1, 4, 6));
        for (int column : new int[] {0, 1, 2, 3, 7}) {
            sheet.addMergedRegion(new CellRangeAddress(1, 2, column, column));
        }
        Row sub = sheet.createRow(2);
        sub.createCell(4).setCellValue("基本医保");
        sub.createCell(5).setCellValue("大病保险");
        sub.createCell(6).setCellValue("小计");

        Row first = sheet.createRow(3);
        first.createCell(0).setCellValue(1);
        first.createCell(1).setCellValue("张三");
        first.createCell(2).setCellValue("140222199001011234");
        Cell discharged = first.createCell(3);
        discharged.setCellValue(LocalDate.of(2018, 6, 1));
        discharged.setCellStyle(isoDate);
        Cell basic = first.createCell(4);
        basic.setCellValue(1200.50);
        basic.setCellStyle(twoDecimals);
        first.createCell(5).setCellValue(3);
        first.createCell(6).setCellFormula("E4+F4");
        first.createCell(7).setCellValue(true);

        Row second = sheet.createRow(4);
        second.createCell(0).setCellValue(2);
        second.createCell(1).setCellValue("李　四");
        second.createCell(2).setCellValue(140222199001011000.0);
        Cell dischargedChinese = second.createCell(3);
        dischargedChinese.setCellValue(LocalDate.of(2018, 7, 15));
        dischargedChinese.setCellStyle(chineseDate);
        second.createCell(4).setCellValue(800);
        second.createCell(5).setCellValue(0);
        second.createCell(6).setCellFormula("E5+F5");
        second.createCell(7).setCellFormula("G5>1000");

        sheet.createRow(6).createCell(2).setCellStyle(twoDecimals);
        Row total = sheet.createRow(7);
        total.createCell(0).setCellValue("合计");
        total.createCell(4).setCellFormula("SUM(E4:E5)");
        total.createCell(6).setCellFormula("B4&\"等2人\"");
        sheet.createRow(9).createCell(0).setCellValue("制表人：王五");

        Sheet hidden = workbook.createSheet("隐藏");
        hidden.createRow(0).createCell(0).setCellValue("旧数据");
        workbook.setSheetHidden(1, true);
        workbook.createSheet("Sheet3");
        Sheet other = workbook.createSheet("米薪关镇");
        Row only = other.createRow(2);
        only.createCell(0).setCellValue(1);
        only.createCell(2).setCellValue("赵六");
        workbook.createSheet("空白").createRow(0).createCell(1).setCellValue("  ");
    }

    static final List<RawRow> REGISTER_ROWS = List.of(
            row("南河堡乡", 1, "天镇县2018年建档立卡贫困人口住院费用结算明细"),
            row("南河堡乡", 2, "序号", "姓名", "身份证号", "出院日期", "报销金额（元）", "", "", "是否大病"),
            row("南河堡乡", 3, "", "", "", "", "基本医保", "大病保险", "小计"),
            withFormulas(
                    row("南河堡乡", 4, "1", "张三", "140222199001011234", "2018-06-01", "1200.5", "3", "1203.5", "TRUE"), 6),
            withFormulas(
                    row("南河堡乡", 5, "2", "李　四", "1.40222199001011E17", "2018-07-15", "800", "0", "800", "FALSE"), 6, 7),
            withFormulas(row("南河堡乡", 8, "合计", "", "", "", "2000.5", "", "张三等2人"), 4, 6),
            row("南河堡乡", 10, "制表人：王五"),
            row("米薪关镇", 3, "1", "", "赵六"));

    static final List<SkippedSheet> REGISTER_SKIPPED = List.of(
            new SkippedSheet("隐藏", SkippedSheet.Reason.HIDDEN),
            new SkippedSheet("Sheet3", SkippedSheet.Reason.EMPTY),
            new SkippedSheet("空白", SkippedSheet.Reason.EMPTY));

    /** A copy of an xlsx with one part replaced, written by {@code replacement}. */
    static Path replaceEntry(Path xlsx, Path target, String entryName, EntryWriter replacement) throws IOException {
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(xlsx));
                ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(target))) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                out.putNextEntry(new ZipEntry(entry.getName()));
                if (entry.getName().equals(entryName)) {
                    replacement.write(out);
                } else {
                    in.transferTo(out);
                }
                out.closeEntry();
            }
        }
        return target;
    }

    /**
     * A copy of an xlsx in which one part is {@code mebibytes} MiB of blanks between {@code head}
     * and {@code tail}, deflated to about a thousandth of that, while the zip headers declare the
     * part holds {@code declaredBytes}. Deflating gigabytes would make the test slow, so one
     * mebibyte is deflated once with a full flush (which makes the block independent of what came
     * before) and the block repeated; ZipOutputStream takes such ready-made bytes only as a STORED
     * entry, so the entry is then marked DEFLATED in its headers. Its CRC is the stored bytes', which
     * no reader gets to check: it is refused long before the end.
     */
    static Path deflateBomb(
            Path xlsx, Path target, String entryName, String head, int mebibytes, String tail, long declaredBytes)
            throws IOException {
        Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION, true);
        ByteArrayOutputStream deflated = new ByteArrayOutputStream();
        deflated.write(deflate(deflater, utf8(head), Deflater.FULL_FLUSH));
        byte[] blanks = new byte[1 << 20];
        Arrays.fill(blanks, (byte) ' ');
        byte[] block = deflate(deflater, blanks, Deflater.FULL_FLUSH);
        for (int i = 0; i < mebibytes; i++) {
            deflated.write(block);
        }
        deflater.setInput(utf8(tail));
        deflater.finish();
        byte[] buffer = new byte[4096];
        while (!deflater.finished()) {
            deflated.write(buffer, 0, deflater.deflate(buffer));
        }
        deflater.end();
        byte[] raw = deflated.toByteArray();
        CRC32 crc = new CRC32();
        crc.update(raw);
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(xlsx));
                ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(target))) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                ZipEntry copy = new ZipEntry(entry.getName());
                if (entry.getName().equals(entryName)) {
                    copy.setMethod(ZipEntry.STORED);
                    copy.setSize(raw.length);
                    copy.setCompressedSize(raw.length);
                    copy.setCrc(crc.getValue());
                    out.putNextEntry(copy);
                    out.write(raw);
                } else {
                    out.putNextEntry(copy);
                    in.transferTo(out);
                }
                out.closeEntry();
            }
        }
        declare(target, entryName, ZipEntry.DEFLATED, declaredBytes);
        return target;
    }

    private static byte[] deflate(Deflater deflater, byte[] input, int flush) {
        deflater.setInput(input);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[4096];
        int n;
        do {
            n = deflater.deflate(buffer, 0, buffer.length, flush);
            out.write(buffer, 0, n);
        } while (n == buffer.length || !deflater.needsInput());
        return out.toByteArray();
    }

    /**
     * Rewrites what the zip headers of one entry declare, in its local header and in the central
     * directory: its compression method and its uncompressed size.
     */
    static void declare(Path xlsx, String entryName, int method, long size) throws IOException {
        byte[] bytes = Files.readAllBytes(xlsx);
        byte[] name = entryName.getBytes(StandardCharsets.UTF_8);
        ByteBuffer zip = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        int local = 0;
        int central = 0;
        for (int i = 0; i + 46 + name.length <= bytes.length; i++) {
            int signature = zip.getInt(i);
            if (signature == 0x04034b50
                    && zip.getShort(i + 26) == name.length
                    && Arrays.equals(bytes, i + 30, i + 30 + name.length, name, 0, name.length)) {
                zip.putShort(i + 8, (short) method);
                zip.putInt(i + 22, (int) size);
                local++;
            } else if (signature == 0x02014b50
                    && zip.getShort(i + 28) == name.length
                    && Arrays.equals(bytes, i + 46, i + 46 + name.length, name, 0, name.length)) {
                zip.putShort(i + 10, (short) method);
                zip.putInt(i + 24, (int) size);
                central++;
            }
        }
        if (local != 1 || central != 1) {
            throw new IllegalArgumentException(entryName + " found " + local + " and " + central + " times in " + xlsx);
        }
        Files.write(xlsx, bytes);
    }

    interface EntryWriter {
        void write(OutputStream out) throws IOException;
    }

    static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    static byte[] readPart(Path xlsx, String entryName) throws IOException {
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(xlsx))) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                if (entry.getName().equals(entryName)) {
                    return in.readAllBytes();
                }
            }
        }
        throw new IllegalArgumentException("no " + entryName + " in " + xlsx);
    }
}
