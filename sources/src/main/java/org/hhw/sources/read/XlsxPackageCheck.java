package org.hhw.sources.read;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Locale;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Zip-bomb guard for xlsx packages, run before fastexcel opens one (fastexcel has none). It
 * judges the central directory, then inflates the parts that the reader keeps in memory to make
 * sure they are no larger than declared: a forged directory must not slip a bomb past the check.
 * Worksheets are streamed, so their declared sizes are trusted.
 */
final class XlsxPackageCheck {

    /** Like POI's ZipSecureFile: small entries may compress well without being suspicious. */
    private static final long RATIO_GRACE_BYTES = 100 * 1024;

    private XlsxPackageCheck() {
    }

    static void check(Path file, ReadLimits limits) {
        try (ZipFile zip = new ZipFile(file.toFile())) {
            boolean hasWorkbook = false;
            long total = 0;
            List<ZipEntry> heldInMemory = new ArrayList<>();
            Enumeration<? extends ZipEntry> entries = zip.entries();
            while (entries.hasMoreElements()) {
                ZipEntry entry = entries.nextElement();
                String name = entry.getName().toLowerCase(Locale.ROOT);
                long size = entry.getSize();
                total += size;
                if (total > limits.maxUncompressedBytes()) {
                    throw Rejections.contentTooLarge(limits.maxUncompressedBytes());
                }
                if (size > RATIO_GRACE_BYTES
                        && (double) entry.getCompressedSize() / size < limits.minInflateRatio()) {
                    throw Rejections.abnormalCompression();
                }
                if (name.endsWith("sharedstrings.xml") && size > limits.maxSharedStringsBytes()) {
                    throw Rejections.contentTooLarge(limits.maxSharedStringsBytes());
                }
                hasWorkbook |= name.equals("xl/workbook.xml");
                if ((name.endsWith(".xml") || name.endsWith(".rels")) && !name.startsWith("xl/worksheets/")) {
                    heldInMemory.add(entry);
                }
            }
            if (!hasWorkbook) {
                throw Rejections.notASpreadsheet();
            }
            for (ZipEntry entry : heldInMemory) {
                requireDeclaredSize(zip, entry);
            }
        } catch (IOException e) {
            throw Rejections.corrupt(e);
        }
    }

    private static void requireDeclaredSize(ZipFile zip, ZipEntry entry) throws IOException {
        byte[] buffer = new byte[64 * 1024];
        long remaining = entry.getSize();
        try (InputStream in = zip.getInputStream(entry)) {
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                remaining -= n;
                if (remaining < 0) {
                    throw Rejections.abnormalCompression();
                }
            }
        }
    }
}
