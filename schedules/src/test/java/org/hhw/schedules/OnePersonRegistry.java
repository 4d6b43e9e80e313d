package org.hhw.schedules;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.hhw.sources.clean.ResidentIds;

/** A registry csv of one household head, as small as a valid registry file can be. */
final class OnePersonRegistry {

    private OnePersonRegistry() {}

    /** Writes it into {@code dir}; {@code first17} is the ID without its check character. */
    static Path write(Path dir, String name, String household, String township, String village, String first17)
            throws IOException {
        return Files.writeString(
                Files.createDirectories(dir).resolve(name),
                "户编号,乡镇,行政村,姓名,证件号码,与户主关系\r\n"
                        + household + "," + township + "," + village + ",白一," + first17 + ResidentIds.checkChar(first17)
                        + ",户主\r\n",
                StandardCharsets.UTF_8);
    }
}
