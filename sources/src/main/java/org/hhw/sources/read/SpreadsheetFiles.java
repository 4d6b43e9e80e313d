package org.hhw.sources.read;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Opens any department file as a {@link RowStream}. The format is decided by the content, never
 * by the extension alone: clerks rename files, and systems export CSV or HTML as ".xls".
 * <ul>
 *   <li>a zip package: xlsx, streamed with fastexcel after a zip-bomb check;</li>
 *   <li>a compound (OLE2) file: a legacy .xls, or a password-protected xlsx (refused);</li>
 *   <li>anything else that is text: CSV (UTF-8 or GB18030/GBK; UTF-16 is refused with advice).</li>
 * </ul>
 * Every problem that comes from the file itself, when opening or later while streaming, is an
 * {@link UnusableFileException} with an explanation for the clerk. An {@link IOException} means
 * the file could not be read at all (missing, no permission, disk failure).
 */
public final class SpreadsheetFiles {

    private static final byte[] ZIP = {'P', 'K', 3, 4};
    private static final byte[] OLE2 = {
        (byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1
    };
    /** Enough to recognise a text file by its first lines. */
    private static final int HEAD_BYTES = 64 * 1024;

    private SpreadsheetFiles() {}

    public static RowStream open(Path file, ReadLimits limits) throws IOException {
        long size = Files.size(file);
        if (size > limits.maxFileBytes()) {
            throw Rejections.fileTooLarge(size, limits.maxFileBytes());
        }
        byte[] head = head(file);
        if (startsWith(head, ZIP)) {
            return XlsxRows.open(file, limits);
        }
        if (startsWith(head, OLE2)) {
            return XlsRows.open(file, limits);
        }
        return CsvRows.open(file, limits, head);
    }

    private static byte[] head(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return in.readNBytes(HEAD_BYTES);
        }
    }

    private static boolean startsWith(byte[] bytes, byte[] magic) {
        return bytes.length >= magic.length && Arrays.equals(bytes, 0, magic.length, magic, 0, magic.length);
    }
}
