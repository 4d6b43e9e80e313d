package org.hhw.warehouse;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.hhw.sources.clean.ResidentIds;

/** Tiny registry files, written exactly as a clerk's UTF-8 CSV export would be. */
public final class RegistryCsv {

    public static final String HEADER = "户编号,乡镇,行政村,姓名,证件号码,与户主关系,性别,家庭人口数,贫困户属性,主要致贫原因,脱贫状态,脱贫年度";

    private RegistryCsv() {}

    /** A valid 18-character Tianzhen ID: area 140222, the birth date, a 3-digit sequence (odd = male). */
    public static String id(String yyyymmdd, String sequence) {
        String first17 = "140222" + yyyymmdd + sequence;
        return first17 + ResidentIds.checkChar(first17);
    }

    /** The header line, then each line as given (an empty string is a blank row), LF-terminated. */
    public static Path write(Path dir, String fileName, String... lines) {
        StringBuilder text = new StringBuilder(HEADER).append('\n');
        for (String line : lines) {
            text.append(line).append('\n');
        }
        Path file = dir.resolve(fileName);
        try {
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }
}
