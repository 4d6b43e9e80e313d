package org.hhw.sources.read;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.zip.ZipEntry;
import org.apache.poi.hssf.record.crypto.Biff8EncryptionKey;
import org.apache.poi.poifs.crypt.EncryptionInfo;
import org.apache.poi.poifs.crypt.EncryptionMode;
import org.apache.poi.poifs.crypt.Encryptor;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.hhw.sources.read.Fixtures.Content;
import org.hhw.sources.read.Fixtures.Format;
import org.hhw.sources.read.UnusableFileException.Code;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

class WorkbookReadingTest {

    private static final String SHEET_HEAD =
            "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>";
    private static final String SHEET_TAIL = "</sheetData></worksheet>";

    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(Format.class)
    void readsEveryVisibleSheetWithTheSharedCellConventions(Format format) throws IOException {
        // given
        Path file = Fixtures.write(dir, "register." + format.name().toLowerCase(), format, Fixtures::register);

        // when
        Content content = Fixtures.readAll(file);

        // then
        assertThat(content.rows()).containsExactlyElementsOf(Fixtures.REGISTER_ROWS);
        assertThat(content.skipped()).containsExactlyElementsOf(Fixtures.REGISTER_SKIPPED);
    }

    @ParameterizedTest
    @EnumSource(Format.class)
    void readsTheRowsASheetHidesAndTellsThem(Format format) throws IOException {
        // given: the clerk hid the row of 李四, checked
        Path file = Fixtures.write(dir, "hidden." + format.name().toLowerCase(), format, workbook -> {
            var sheet = workbook.createSheet("名单");
            sheet.createRow(0).createCell(0).setCellValue("姓名");
            sheet.createRow(1).createCell(0).setCellValue("张三");
            var checked = sheet.createRow(2);
            checked.createCell(0).setCellValue("李四");
            checked.setZeroHeight(true);
            sheet.createRow(3).createCell(0).setCellValue("王五");
        });

        // when
        Content content = Fixtures.readAll(file);

        // then
        assertThat(content.rows())
                .containsExactly(
                        Fixtures.row("名单", 1, "姓名"),
                        Fixtures.row("名单", 2, "张三"),
                        Fixtures.hiddenRow("名单", 3, "李四"),
                        Fixtures.row("名单", 4, "王五"));
    }

    @Test
    void tellsTheColumnsOfFormulasSavedWithoutAResult() throws IOException {
        // given: a program wrote the total as a formula and never calculated it
        Path plain = Fixtures.write(dir, "plain.xlsx", Format.XLSX, Fixtures::register);
        Path file = Fixtures.replaceEntry(
                plain,
                dir.resolve("uncalculated.xlsx"),
                "xl/worksheets/sheet1.xml",
                out -> out.write(Fixtures.utf8(SHEET_HEAD
                        + "<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>姓名</t></is></c>"
                        + "<c r=\"B1\" t=\"inlineStr\"><is><t>补贴金额</t></is></c></row>"
                        + "<row r=\"2\"><c r=\"A2\" t=\"inlineStr\"><is><t>张三</t></is></c><c r=\"B2\"><f>SUM(C2:E2)</f></c>"
                        + "</row>" + SHEET_TAIL)));

        // when
        Content content = Fixtures.readAll(file);

        // then
        assertThat(content.rows())
                .startsWith(
                        Fixtures.row("南河堡乡", 1, "姓名", "补贴金额"),
                        new RawRow("南河堡乡", 2, List.of("张三"), false, Set.of(1), Set.of(1)));
    }

    @ParameterizedTest
    @EnumSource(Format.class)
    void detectsTheFormatByContentNotByExtension(Format format) throws IOException {
        // given
        Path file = Fixtures.write(dir, "register.csv", format, Fixtures::register);

        // when
        Content content = Fixtures.readAll(file);

        // then
        assertThat(content.rows()).containsExactlyElementsOf(Fixtures.REGISTER_ROWS);
    }

    @ParameterizedTest
    @EnumSource(Format.class)
    void refusesContentBeyondTheColumnLimitButIgnoresBlankCellsThere(Format format) throws IOException {
        // given
        Path file = Fixtures.write(dir, "wide." + format.name().toLowerCase(), format, workbook -> {
            var sheet = workbook.createSheet("宽表");
            var first = sheet.createRow(0);
            first.createCell(0).setCellValue("姓名");
            first.createCell(9).setCellValue(" ");
            sheet.createRow(1).createCell(5).setCellValue("多余");
        });
        ReadLimits fiveColumns = new ReadLimits(1 << 20, 1 << 24, 0.01, 5);

        // when
        RowStream stream = SpreadsheetFiles.open(file, fiveColumns);

        // then
        try (stream) {
            assertThat(stream.next()).isEqualTo(Fixtures.row("宽表", 1, "姓名"));
            assertThatThrownBy(stream::next).isInstanceOfSatisfying(UnusableFileException.class, e -> {
                assertThat(e.code()).isEqualTo(Code.TOO_LARGE);
                assertThat(e.explanation()).isEqualTo("工作表“宽表”第2行在第5列（E列）之后还有内容，超出了5列的上限，无法读取。" + "请删除表格右侧多余的列后再发送。");
            });
        }
    }

    @Test
    void refusesAPasswordProtectedXlsx() throws IOException {
        // given
        Path file = dir.resolve("加密.xlsx");
        try (POIFSFileSystem fileSystem = new POIFSFileSystem();
                XSSFWorkbook workbook = new XSSFWorkbook()) {
            Fixtures.register(workbook);
            Encryptor encryptor = new EncryptionInfo(EncryptionMode.agile).getEncryptor();
            encryptor.confirmPassword("123456");
            try (OutputStream out = encryptor.getDataStream(fileSystem)) {
                workbook.write(out);
            }
            try (OutputStream out = Files.newOutputStream(file)) {
                fileSystem.writeFilesystem(out);
            }
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }

        // when / then
        assertUnusable(file, Code.ENCRYPTED, "文件设置了打开密码，无法读取。请在Excel或WPS中去掉打开密码，保存后重新发送。");
    }

    @Test
    void refusesAPasswordProtectedXls() throws IOException {
        // given
        Biff8EncryptionKey.setCurrentUserPassword("123456");
        Path file;
        try {
            file = Fixtures.write(dir, "加密.xls", Format.XLS, Fixtures::register);
        } finally {
            Biff8EncryptionKey.setCurrentUserPassword(null);
        }

        // when / then
        assertUnusable(file, Code.ENCRYPTED, "文件设置了打开密码，无法读取。请在Excel或WPS中去掉打开密码，保存后重新发送。");
    }

    @ParameterizedTest
    @EnumSource(Format.class)
    void refusesATruncatedWorkbook(Format format) throws IOException {
        // given
        Path whole = Fixtures.write(dir, "whole", format, Fixtures::register);
        byte[] bytes = Files.readAllBytes(whole);
        Path file =
                Files.write(dir.resolve("half." + format.name().toLowerCase()), Arrays.copyOf(bytes, bytes.length / 2));

        // when / then
        assertUnusable(file, Code.CORRUPT, "文件已损坏，无法打开。请用Excel或WPS重新保存后再发送。");
    }

    @Test
    void refusesAZipBombWithoutInflatingIt() throws IOException {
        // given: a sheet of 50 MB of blanks that compresses to a few dozen KB
        Path plain = Fixtures.write(dir, "plain.xlsx", Format.XLSX, Fixtures::register);
        Path bomb = Fixtures.replaceEntry(plain, dir.resolve("bomb.xlsx"), "xl/worksheets/sheet1.xml", out -> {
            out.write(Fixtures.utf8(SHEET_HEAD));
            byte[] blanks = new byte[1 << 20];
            Arrays.fill(blanks, (byte) ' ');
            for (int i = 0; i < 50; i++) {
                out.write(blanks);
            }
            out.write(Fixtures.utf8(SHEET_TAIL));
        });
        assertThat(Files.size(bomb)).isLessThan(200_000);

        // when / then
        assertUnusable(bomb, Code.TOO_LARGE, "文件的压缩比例异常（解压后会变得极大，可能是损坏或被恶意构造的文件），无法读取。" + "请用Excel或WPS打开后重新保存，再发送。");
    }

    @Test
    void countsWhatASheetInflatesToWhateverItsHeadersDeclare() throws IOException {
        // given: a 2 MB file whose sheet inflates to 1.9 GiB while its headers declare 1 MiB, which
        // passes every check of the headers; a 64 MiB budget keeps the test fast
        Path plain = Fixtures.write(dir, "plain.xlsx", Format.XLSX, Fixtures::register);
        Path bomb = Fixtures.deflateBomb(
                plain, dir.resolve("bomb.xlsx"), "xl/worksheets/sheet1.xml", SHEET_HEAD, 1900, SHEET_TAIL, 1 << 20);
        assertThat(Files.size(bomb)).isBetween(1_000_000L, 3_000_000L);
        ReadLimits limits = new ReadLimits(1 << 30, 64L << 20, 0.01, 500);

        // when / then
        assertUnusable(bomb, limits, Code.TOO_LARGE, "文件解压后的内容超过上限（64MB），无法读取。请把表格拆分成几个较小的文件后再发送。");
    }

    @ParameterizedTest
    @ValueSource(strings = {"xl/worksheets/sheet1.xml", "xl/sharedStrings.xml", "xl/workbook.xml", "xl/styles.xml"})
    void stopsAPartWhoseHeadersLieEarlyByTheInflationRatioUnderTheDefaultLimits(String part) throws IOException {
        // given: the same bomb in any part that is read, under the default limits (4 GiB in all),
        // which it stays below: only the ratio of what it inflates to its 2 MB can tell it
        Path plain = Fixtures.write(dir, "plain.xlsx", Format.XLSX, Fixtures::register);
        Path bomb = Fixtures.deflateBomb(plain, dir.resolve("bomb.xlsx"), part, "<x>", 1900, "</x>", 1 << 20);
        long start = System.nanoTime();

        // when
        Throwable thrown = catchThrowable(() -> Fixtures.readAll(bomb));

        // then
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
        assertThat(thrown).isInstanceOfSatisfying(UnusableFileException.class, e -> {
            assertThat(e.code()).isEqualTo(Code.TOO_LARGE);
            assertThat(e.explanation())
                    .isEqualTo("文件的压缩比例异常（解压后会变得极大，可能是损坏或被恶意构造的文件），无法读取。" + "请用Excel或WPS打开后重新保存，再发送。");
        });
    }

    @Test
    void countsWhatTheSharedStringsInflateToWhateverTheirHeadersDeclare() throws IOException {
        // given: shared strings of about 150 KB declared as 32 KB, against a 1 MB budget of which
        // shared strings get 64 KB
        Path file = distinctTexts();
        Fixtures.declare(file, "xl/sharedStrings.xml", ZipEntry.DEFLATED, 32 << 10);
        ReadLimits limits = new ReadLimits(1 << 30, 1 << 20, 0.01, 500);

        // when / then
        assertUnusable(file, limits, Code.TOO_LARGE, "文件解压后的内容超过上限（64KB），无法读取。请把表格拆分成几个较小的文件后再发送。");
    }

    @Test
    void refusesAPackageLargerThanTheLimitOnceUncompressed() throws IOException {
        // given: numbers only, so that the nearly empty shared strings stay within their share
        Path file = Fixtures.write(
                dir,
                "numbers.xlsx",
                Format.XLSX,
                workbook ->
                        workbook.createSheet("金额").createRow(0).createCell(0).setCellValue(1200));
        ReadLimits fourKilobytes = new ReadLimits(1 << 20, 4096, 0.01, 500);

        // when / then
        assertUnusable(file, fourKilobytes, Code.TOO_LARGE, "文件解压后的内容超过上限（4KB），无法读取。请把表格拆分成几个较小的文件后再发送。");
    }

    @Test
    void refusesSharedStringsBeyondTheirShareOfTheBudget() throws IOException {
        // given: shared strings of about 150 KB, against a 1 MB budget of which shared strings get 64 KB
        Path file = distinctTexts();
        ReadLimits limits = new ReadLimits(1 << 30, 1 << 20, 0.01, 500);

        // when / then
        assertUnusable(file, limits, Code.TOO_LARGE, "文件解压后的内容超过上限（64KB），无法读取。请把表格拆分成几个较小的文件后再发送。");
    }

    @Test
    void refusesAFileLargerThanTheLimit() throws IOException {
        // given
        Path file = Fixtures.write(dir, "register.xls", Format.XLS, Fixtures::register);
        ReadLimits oneKilobyte = new ReadLimits(1024, 1 << 20, 0.01, 500);
        long kilobytes = Math.round(Files.size(file) / 1024.0);

        // when / then
        assertThatThrownBy(() -> SpreadsheetFiles.open(file, oneKilobyte))
                .isInstanceOfSatisfying(UnusableFileException.class, e -> {
                    assertThat(e.code()).isEqualTo(Code.TOO_LARGE);
                    assertThat(e.explanation()).startsWith("文件太大（" + kilobytes + "KB，上限1KB）");
                });
    }

    @Test
    void reportsBrokenSheetXmlMidStreamAsCorrupt() throws IOException {
        // given: the first row is fine, the second is cut off in the middle of a cell
        Path plain = Fixtures.write(dir, "plain.xlsx", Format.XLSX, Fixtures::register);
        Path broken = Fixtures.replaceEntry(
                plain,
                dir.resolve("broken.xlsx"),
                "xl/worksheets/sheet1.xml",
                out -> out.write(Fixtures.utf8(
                        "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>"
                                + "<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>序号</t></is></c></row>"
                                + "<row r=\"2\"><c r=\"A2\"><v>1</")));

        // when
        RowStream stream = SpreadsheetFiles.open(broken, ReadLimits.defaults());

        // then
        try (stream) {
            assertThat(stream.next()).isEqualTo(Fixtures.row("南河堡乡", 1, "序号"));
            assertThatThrownBy(stream::next)
                    .isInstanceOfSatisfying(
                            UnusableFileException.class,
                            e -> assertThat(e.code()).isEqualTo(Code.CORRUPT));
        }
    }

    @Test
    void refusesAZipThatIsNoWorkbook() throws IOException {
        // given: a Word document has the same zip container as an xlsx
        Path plain = Fixtures.write(dir, "plain.xlsx", Format.XLSX, Fixtures::register);
        Path docx = dir.resolve("通知.docx");
        try (var in = new java.util.zip.ZipInputStream(Files.newInputStream(plain));
                var out = new java.util.zip.ZipOutputStream(Files.newOutputStream(docx))) {
            out.putNextEntry(new java.util.zip.ZipEntry("[Content_Types].xml"));
            out.write(Fixtures.readPart(plain, "[Content_Types].xml"));
            out.putNextEntry(new java.util.zip.ZipEntry("word/document.xml"));
            out.write(Fixtures.utf8("<w:document/>"));
        }

        // when / then
        assertUnusable(
                docx,
                Code.NOT_A_SPREADSHEET,
                "文件不是Excel表格或CSV文件（可能是PDF、图片、Word文档或压缩包），无法读取。" + "请发送.xlsx、.xls或.csv格式的表格。");
    }

    @Test
    void refusesACompoundFileThatIsNoWorkbook() throws IOException {
        // given: a legacy .doc is a compound file like .xls
        Path doc = dir.resolve("通知.xls");
        try (POIFSFileSystem fileSystem = new POIFSFileSystem();
                OutputStream out = Files.newOutputStream(doc)) {
            fileSystem.createDocument(new java.io.ByteArrayInputStream(new byte[4096]), "WordDocument");
            fileSystem.writeFilesystem(out);
        }

        // when / then
        assertUnusable(
                doc,
                Code.NOT_A_SPREADSHEET,
                "文件不是Excel表格或CSV文件（可能是PDF、图片、Word文档或压缩包），无法读取。" + "请发送.xlsx、.xls或.csv格式的表格。");
    }

    @Test
    void refusesAnExcel95Workbook() throws IOException {
        // given: Excel 5.0/95 keeps its book in a "Book" stream, not "Workbook"
        Path old = dir.resolve("1998年名册.xls");
        try (POIFSFileSystem fileSystem = new POIFSFileSystem();
                OutputStream out = Files.newOutputStream(old)) {
            fileSystem.createDocument(new java.io.ByteArrayInputStream(new byte[4096]), "Book");
            fileSystem.writeFilesystem(out);
        }

        // when / then
        assertUnusable(old, Code.NOT_A_SPREADSHEET, "文件是Excel 95或更早的旧格式，无法读取。请用Excel或WPS打开它，另存为.xlsx格式后再发送。");
    }

    /** About 150 KB of distinct texts, so of shared strings. */
    private Path distinctTexts() throws IOException {
        return Fixtures.write(dir, "texts.xlsx", Format.XLSX, workbook -> {
            var sheet = workbook.createSheet("名单");
            for (int i = 0; i < 2_000; i++) {
                sheet.createRow(i).createCell(0).setCellValue("天镇县南河堡乡第" + i + "号农户家庭成员名单备注" + (i * 7919L % 100_003));
            }
        });
    }

    static void assertUnusable(Path file, Code code, String explanation) {
        assertUnusable(file, ReadLimits.defaults(), code, explanation);
    }

    static void assertUnusable(Path file, ReadLimits limits, Code code, String explanation) {
        assertThatThrownBy(() -> Fixtures.readAll(file, limits))
                .isInstanceOfSatisfying(UnusableFileException.class, e -> {
                    assertThat(e.code()).isEqualTo(code);
                    assertThat(e.explanation()).isEqualTo(explanation);
                });
    }
}
