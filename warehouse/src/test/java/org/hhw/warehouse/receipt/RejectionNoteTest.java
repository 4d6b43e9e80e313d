package org.hhw.warehouse.receipt;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RejectionNoteTest {

    @TempDir
    Path dir;

    @Test
    void explainsInChineseWhyNothingOfTheFileWasLoaded() throws Exception {
        // given
        Path target = dir.resolve("资助名册.xlsx.说明.txt");
        Files.writeString(target, "an older note");

        // when
        RejectionNote.write(
                target,
                "资助名册.xlsx",
                "教育扶贫资助发放名册",
                "ENCRYPTED",
                "文件设置了打开密码，系统无法读取。请取消密码后重新报送。",
                LocalDateTime.of(2026, 11, 28, 10, 15, 59));

        // then
        byte[] bytes = Files.readAllBytes(target);
        assertThat(Arrays.copyOf(bytes, 3)).containsExactly(0xEF, 0xBB, 0xBF);
        String text = new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8);
        assertThat(text).endsWith("\r\n");
        assertThat(text.replace("\r\n", "")).doesNotContain("\n");
        assertThat(text.split("\r\n"))
                .containsExactly(
                        "文件未能使用的说明",
                        "",
                        "文件名：资助名册.xlsx",
                        "文件类别：教育扶贫资助发放名册",
                        "处理时间：2026-11-28 10:15",
                        "问题代码：ENCRYPTED",
                        "问题说明：文件设置了打开密码，系统无法读取。请取消密码后重新报送。",
                        "",
                        "处理结果：这个文件的数据一行也没有入库。",
                        "请您：按上面的问题说明处理好原文件，再重新报送。如有疑问，请联系县扶贫办数据管理人员，并告知问题代码。");
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("资助名册.xlsx.说明.txt");
        }
    }
}
