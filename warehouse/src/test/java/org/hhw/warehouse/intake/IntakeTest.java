package org.hhw.warehouse.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.hhw.warehouse.Home;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IntakeTest {

    private static final String EIGHTY = "天镇县".repeat(26) + "表格"; // 80 Chinese characters, 240 bytes

    @TempDir
    Path dir;

    @Test
    void aReceiptOfALongNameIsShortenedToALegalName() throws Exception {
        // given a legal file name of 80 Chinese characters, in processed/
        Path processed =
                Files.createDirectories(dir.resolve("processed/registry")).resolve(EIGHTY + ".xlsx");
        Files.writeString(processed, "x");

        // when its receipt's and note's names are made
        Path receipt = Intake.receiptOf(processed);
        Path note = Intake.noteOf(processed);

        // then each fits, with its .tmp, in 255 bytes, keeps as much of the name as fits, and can be created
        for (Path p : new Path[] {receipt, note}) {
            String name = p.getFileName().toString();
            assertThat((name + ".tmp").getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(255);
            assertThat(name).startsWith(EIGHTY.substring(0, 70)).contains("…");
            Files.writeString(p.resolveSibling(name + ".tmp"), "receipt");
        }
        assertThat(receipt.getFileName().toString()).endsWith("….回执.xlsx");
        assertThat(note.getFileName().toString()).endsWith("….说明.txt");
    }

    @Test
    void aShortNameIsKeptAsItIs() {
        // given / when / then
        assertThat(Intake.receiptOf(dir.resolve("花名册.xlsx")).getFileName().toString())
                .isEqualTo("花名册.xlsx.回执.xlsx");
        assertThat(Intake.fit("a".repeat(300), "").getBytes(StandardCharsets.UTF_8))
                .hasSize(251);
        assertThat(Intake.fit("a".repeat(300), "")).isEqualTo("a".repeat(248) + "…");
    }

    @Test
    void aFileDroppedAgainWithTheSameContentIsTheOneWaitingAndOtherContentTakesAFreeName() throws Exception {
        // given a file waiting in the inbox
        Intake intake = new Intake(new Home(dir.resolve("home")).create(java.util.List.of("registry")));
        Path file = Files.writeString(dir.resolve("花名册.csv"), "a");
        Path first = intake.drop("registry", file);

        // when the same file is dropped again, then a different one of the same name
        Path again = intake.drop("registry", file);
        Path other = intake.drop(
                "registry",
                Files.writeString(Files.createDirectories(dir.resolve("b")).resolve("花名册.csv"), "b"));

        // then the first is resumed, the second takes a free name, and no temporary copy is left
        assertThat(again).isEqualTo(first);
        assertThat(other.getFileName().toString()).isEqualTo("花名册 (2).csv");
        try (var files = Files.list(first.getParent())) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("花名册.csv", "花名册 (2).csv");
        }
    }
}
