package org.hhw.schedules.demo;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

/** The csv encodings Chinese Excel and WPS write. */
public enum CsvEncoding {
    UTF8(StandardCharsets.UTF_8, false),
    /** "CSV UTF-8" in Excel: a byte order mark in front. */
    UTF8_BOM(StandardCharsets.UTF_8, true),
    /** The default "CSV" of Chinese Excel and WPS. */
    GB18030(Charset.forName("GB18030"), false);

    private final Charset charset;
    private final boolean bom;

    CsvEncoding(Charset charset, boolean bom) {
        this.charset = charset;
        this.bom = bom;
    }

    public Charset charset() {
        return charset;
    }

    public boolean bom() {
        return bom;
    }
}
