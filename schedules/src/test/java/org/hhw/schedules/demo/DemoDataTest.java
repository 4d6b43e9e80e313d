package org.hhw.schedules.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DemoDataTest {

    @TempDir
    Path dir;

    @Test
    void demoSetHasFourFilesWithEveryHabitTheirFormatAllows() throws IOException {
        // given
        Path inbox = dir.resolve("inbox");

        // when
        List<Manifest> manifests = DemoData.writeDemoSet(inbox, 42);

        // then
        assertThat(manifests)
                .extracting(m -> m.file().getFileName().toString())
                .containsExactly(
                        "2019年南河堡乡等四乡镇花名册.xlsx", "2019年米薪关镇张西河乡花名册.xls",
                        "2019年赵家沟乡贾家屯乡花名册.csv", "2019年南高崖乡玉泉镇花名册.csv");
        assertThat(manifests).allSatisfy(m -> assertThat(m.file()).exists().hasParent(inbox));
        int duplicates =
                manifests.stream().mapToInt(m -> m.count(Mess.DUPLICATE_ROW)).sum();
        assertThat(manifests.stream().mapToInt(Manifest::dataRows).sum()).isEqualTo(DemoData.DEMO_PERSONS + duplicates);
        Set<Mess> rowHabits =
                Arrays.stream(Mess.values()).filter(Mess::rowLevel).collect(Collectors.toSet());
        Set<Mess> csvHabits = EnumSet.copyOf(rowHabits);
        csvHabits.remove(Mess.FORMULA);
        assertThat(manifests.get(0).counts().keySet()).isEqualTo(rowHabits);
        assertThat(manifests.get(1).counts().keySet()).isEqualTo(rowHabits);
        assertThat(manifests.get(2).counts().keySet()).isEqualTo(csvHabits);
        assertThat(manifests.get(3).counts().keySet()).isEqualTo(csvHabits);
        assertThat(manifests.get(0).sheets())
                .extracting(Manifest.SheetSummary::name)
                .containsExactly("南河堡乡", "逯家湾镇", "新平堡镇", "卅里铺乡", "数据字典", "Sheet3");
        assertThat(manifests.get(0).sheets())
                .extracting(Manifest.SheetSummary::headerRows)
                .containsExactly(1, 1, 1, 1, 0, 0);
        assertThat(manifests.get(1).sheets())
                .extracting(Manifest.SheetSummary::headerRows)
                .containsExactly(2, 2);
        assertThat(manifests.get(0).sheets().get(1).injections())
                .filteredOn(i -> i.mess() == Mess.VILLAGE_ALIAS)
                .extracting(Manifest.Injection::value)
                .contains("瓦窑口", "百舍科");
        assertThat(manifests.get(0).sheets().get(2).injections())
                .filteredOn(i -> i.mess() == Mess.TOWNSHIP_ALIAS)
                .extracting(Manifest.Injection::value)
                .containsOnly("新平镇");
        assertThat(manifests.get(1).sheets().get(0).injections())
                .filteredOn(i -> i.mess() == Mess.TOWNSHIP_ALIAS)
                .extracting(Manifest.Injection::value)
                .containsOnly("米新关");
        try (Workbook workbook =
                new XSSFWorkbook(Files.newInputStream(manifests.get(0).file()))) {
            assertThat(workbook.getNumberOfSheets()).isEqualTo(6);
            assertThat(workbook.isSheetHidden(4)).isTrue();
        }
        assertThat(Files.readString(manifests.get(2).file(), StandardCharsets.UTF_8))
                .startsWith("天镇县2019年");
        assertThat(Files.readString(manifests.get(3).file(), CsvEncoding.GB18030.charset()))
                .startsWith("天镇县2019年");
    }

    @Test
    void demoSetIsTheSameForTheSameSeed() throws IOException {
        // when
        List<Manifest> first = DemoData.writeDemoSet(dir.resolve("a"), 42);
        List<Manifest> second = DemoData.writeDemoSet(dir.resolve("b"), 42);

        // then
        for (int i = 0; i < first.size(); i++) {
            assertThat(second.get(i).sheets()).isEqualTo(first.get(i).sheets());
        }
        for (int i = 0; i < first.size(); i++) {
            assertThat(Files.mismatch(first.get(i).file(), second.get(i).file()))
                    .as(first.get(i).file().toString())
                    .isEqualTo(-1L);
        }
    }

    @Test
    void largeFilesHaveOneHeaderRowAndOneRowPerPerson() throws IOException {
        // given
        Path csv = dir.resolve("large.csv");
        Path xlsx = dir.resolve("large.xlsx");

        // when
        Manifest csvManifest = DemoData.writeLargeCsv(csv, 50_000, 1, CsvEncoding.GB18030);
        Manifest xlsxManifest = DemoData.writeLargeXlsx(xlsx, 5_000, 1);

        // then
        assertThat(Files.readAllLines(csv, CsvEncoding.GB18030.charset())).hasSize(50_001);
        assertThat(csvManifest.dataRows()).isEqualTo(50_000);
        try (Workbook workbook = new XSSFWorkbook(Files.newInputStream(xlsx))) {
            assertThat(workbook.getSheetAt(0).getLastRowNum()).isEqualTo(5_000);
        }
        assertThat(xlsxManifest.sheets().get(0).lastRow()).isEqualTo(5_001);
    }
}
