package org.hhw.sources.read;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hhw.sources.read.Fixtures.row;
import static org.hhw.sources.read.WorkbookReadingTest.assertUnusable;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.hhw.sources.read.Fixtures.Content;
import org.hhw.sources.read.RowStream.SkippedSheet;
import org.hhw.sources.read.UnusableFileException.Code;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CsvReadingTest {

    private static final Charset GB18030 = Charset.forName("GB18030");
    private static final String UTF16_EXPLANATION = "文件的文字编码是UTF-16（Excel另存为“Unicode文本”时的编码），无法读取："
            + "只能读取UTF-8或GBK/GB18030编码的CSV文件。请用Excel或WPS打开文件，另存为.xlsx格式或“CSV UTF-8（逗号分隔）”格式后再发送。";

    @TempDir
    Path dir;

    @Test
    void readsQuotedCellsAndNumbersRecordsByTheLineWhereTheyStart() throws IOException {
        // given
        Path file = write(
                "学生资助.csv",
                StandardCharsets.UTF_8,
                ""
                        + "天镇县2018年秋季学期建档立卡学生资助发放名册,,,\r\n"
                        + "序号,学生姓名,身份证号,资助金额\r\n"
                        + "1,张三,140222200501011234,\"1,200.00元\"\r\n"
                        + "2,\"李\"\"小\"\"四\",\"140222200502021235\",1.40222E+17\r\n"
                        + "\r\n"
                        + "3,\"王\r\n五\",=\"0123\",\r\n"
                        + "4,赵六,\"=\"\"0456\"\"\",500");

        // when
        Content content = Fixtures.readAll(file);

        // then
        assertThat(content.rows())
                .containsExactly(
                        row("学生资助", 1, "天镇县2018年秋季学期建档立卡学生资助发放名册"),
                        row("学生资助", 2, "序号", "学生姓名", "身份证号", "资助金额"),
                        row("学生资助", 3, "1", "张三", "140222200501011234", "1,200.00元"),
                        row("学生资助", 4, "2", "李\"小\"四", "140222200502021235", "1.40222E+17"),
                        row("学生资助", 6, "3", "王\r\n五", "0123"),
                        row("学生资助", 8, "4", "赵六", "0456", "500"));
        assertThat(content.skipped()).isEmpty();
    }

    @Test
    void stripsTheUtf8ByteOrderMarkAndDetectsSemicolons() throws IOException {
        // given
        Path file = write("小额信贷.csv", StandardCharsets.UTF_8, "\uFEFF借款人;贷款金额(万元)\n张三;5\n李四;\"3,5\"\n");

        // when
        Content content = Fixtures.readAll(file);

        // then
        assertThat(content.rows())
                .containsExactly(
                        row("小额信贷", 1, "借款人", "贷款金额(万元)"), row("小额信贷", 2, "张三", "5"), row("小额信贷", 3, "李四", "3,5"));
    }

    @Test
    void readsGb18030() throws IOException {
        // given
        Path file = write("花名册.csv", GB18030, "户编号,姓名,行政村\r\n1402220101,张三,黃家湾\r\n1402220102,闫　五,滹沱村\r\n");

        // when
        Content content = Fixtures.readAll(file);

        // then
        assertThat(content.rows())
                .containsExactly(
                        row("花名册", 1, "户编号", "姓名", "行政村"),
                        row("花名册", 2, "1402220101", "张三", "黃家湾"),
                        row("花名册", 3, "1402220102", "闫　五", "滹沱村"));
    }

    @ParameterizedTest
    @CsvSource({"UTF-16LE, true", "UTF-16BE, true", "UTF-16LE, false", "UTF-16BE, false"})
    void refusesUtf16WithOrWithoutAByteOrderMarkAsAnEncodingToSaveAgain(String charset, boolean byteOrderMark)
            throws IOException {
        // given: a registry as a system exports it, 一 (U+4E00) putting a NUL on the other side of its pair
        Path file = write(
                "花名册.csv",
                Charset.forName(charset),
                (byteOrderMark ? "\uFEFF" : "")
                        + "户编号,乡镇,行政村,姓名,身份证号,与户主关系,贫困户属性\r\n"
                        + "1402220701001,南河堡乡,南河堡,张三,140222198001010013,户主,一般贫困户\r\n");

        // when / then
        assertUnusable(file, Code.ENCODING_UNKNOWN, UTF16_EXPLANATION);
    }

    @Test
    void refusesExcelUnicodeTextWhichIsTabSeparatedUtf16() throws IOException {
        // given
        Path file = write("培训.txt", StandardCharsets.UTF_16LE, "\uFEFF姓名\t补贴金额\r\n张三\t1,500\r\n");

        // when / then
        assertUnusable(file, Code.ENCODING_UNKNOWN, UTF16_EXPLANATION);
    }

    @Test
    void detectsTabsWithoutAByteOrderMark() throws IOException {
        // given
        Path file = write("医疗.tsv", StandardCharsets.UTF_8, "姓名\t总费用\t备注\n张三\t1200\t住院,转诊\n");

        // when
        Content content = Fixtures.readAll(file);

        // then
        assertThat(content.rows())
                .containsExactly(row("医疗", 1, "姓名", "总费用", "备注"), row("医疗", 2, "张三", "1200", "住院,转诊"));
    }

    @Test
    void refusesBytesThatAreNeitherUtf8NorGb18030AndSaysWhere() throws IOException {
        // given: GB18030 text damaged on line 3
        byte[] good = "姓名,金额\n张三,100\n".getBytes(GB18030);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.write(good);
        bytes.write(new byte[] {'A', (byte) 0xFF, 'A', '\n'});
        Path file = Files.write(dir.resolve("损坏.csv"), bytes.toByteArray());

        // when / then
        assertUnusable(
                file,
                Code.ENCODING_UNKNOWN,
                "文件的文字编码无法识别（既不是UTF-8，也不是GBK/GB18030），"
                        + "第3行（文件第" + (good.length + 2) + "个字节处）有无法识别的字符。"
                        + "请用Excel或WPS打开文件，另存为.xlsx格式或“CSV UTF-8（逗号分隔）”格式后再发送。");
    }

    @Test
    void reportsAFileWithoutContentAsAnEmptySheet() throws IOException {
        // given
        Path blank = write("空表.csv", StandardCharsets.UTF_8, ",,,\r\n\r\n  ,\r\n");
        Path nothing = Files.write(dir.resolve("零字节.csv"), new byte[0]);

        // when
        Content blankContent = Fixtures.readAll(blank);
        Content nothingContent = Fixtures.readAll(nothing);

        // then
        assertThat(blankContent.rows()).isEmpty();
        assertThat(blankContent.skipped()).containsExactly(new SkippedSheet("空表", SkippedSheet.Reason.EMPTY));
        assertThat(nothingContent.rows()).isEmpty();
        assertThat(nothingContent.skipped()).containsExactly(new SkippedSheet("零字节", SkippedSheet.Reason.EMPTY));
    }

    @Test
    void refusesAnUnclosedQuoteNamingItsLine() throws IOException {
        // given
        Path file = write("名单.csv", StandardCharsets.UTF_8, "序号,姓名\n1,张三\n2,\"李四,500\n3,王五\n");

        // when / then
        assertUnusable(
                file, Code.CORRUPT, "第3行有一个以英文双引号开头的单元格，引号一直没有结束，后面的内容无法正确分列。" + "请用Excel或WPS打开文件检查这一行，重新保存后再发送。");
    }

    @Test
    void refusesACellLongerThanExcelAllows() throws IOException {
        // given
        Path file = write("长.csv", StandardCharsets.UTF_8, "姓名\n" + "x".repeat(CsvRows.MAX_CELL_CHARS + 1) + "\n");

        // when / then
        assertUnusable(file, Code.CORRUPT, "第2行有一个超过32767个字符的单元格，这不是正常的表格内容。" + "请用Excel或WPS打开文件检查这一行，重新保存后再发送。");
    }

    @Test
    void refusesAWebPageSavedAsXls() throws IOException {
        // given
        Path file = write(
                "导出.xls", StandardCharsets.UTF_8, "\r\n<html><body><table><tr><td>姓名</td></tr></table></body></html>");

        // when / then
        assertUnusable(
                file,
                Code.NOT_A_SPREADSHEET,
                "文件其实是网页（HTML/XML）格式，只是看起来像Excel表格，无法读取。" + "请用Excel或WPS打开它，另存为.xlsx格式后再发送。");
    }

    @Test
    void refusesPdfImagesAndRandomBytes() throws IOException {
        // given
        Path pdf = write(
                "通知.pdf",
                StandardCharsets.ISO_8859_1,
                "%PDF-1.4\n%\u00E2\u00E3\u00CF\u00D3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n");
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R'};
        Path image = Files.write(dir.resolve("照片.xlsx"), png);
        byte[] noise = new byte[4096];
        new Random(7).nextBytes(noise);
        Path random = Files.write(dir.resolve("乱码.csv"), noise);
        String explanation = "文件不是Excel表格或CSV文件（可能是PDF、图片、Word文档或压缩包），无法读取。" + "请发送.xlsx、.xls或.csv格式的表格。";

        // when / then
        assertUnusable(pdf, Code.NOT_A_SPREADSHEET, explanation);
        assertUnusable(image, Code.NOT_A_SPREADSHEET, explanation);
        assertUnusable(random, Code.NOT_A_SPREADSHEET, explanation);
    }

    @Test
    void keepsRecordsIntactAcrossReadBuffers() throws IOException {
        // given: far more text than one read buffer, with every kind of line break and quoting
        Random random = new Random(42);
        String[] breaks = {"\n", "\r\n", "\r"};
        StringBuilder text = new StringBuilder();
        List<RawRow> expected = new ArrayList<>();
        int line = 1;
        for (int record = 0; record < 20_000; record++) {
            String plain = "张三" + "户".repeat(random.nextInt(40)) + record;
            String quoted = "备注\"" + record + "\"" + breaks[random.nextInt(3)] + "第二行";
            text.append(record)
                    .append(',')
                    .append(plain)
                    .append(",\"")
                    .append(quoted.replace("\"", "\"\""))
                    .append('"')
                    .append(breaks[random.nextInt(3)]);
            expected.add(row("大文件", line, String.valueOf(record), plain, quoted));
            line += 2;
        }
        Path file = write("大文件.csv", StandardCharsets.UTF_8, text.toString());

        // when
        Content content = Fixtures.readAll(file);

        // then
        assertThat(content.rows()).containsExactlyElementsOf(expected);
    }

    private Path write(String name, Charset charset, String text) throws IOException {
        return Files.write(dir.resolve(name), text.getBytes(charset));
    }
}
