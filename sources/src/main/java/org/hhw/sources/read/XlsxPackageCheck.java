package org.hhw.sources.read;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Locale;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Zip-bomb guard for xlsx packages (fastexcel has none). It first judges the central directory,
 * so that a bomb declaring its size is refused without inflating a byte. Headers can lie, so it
 * then counts the bytes actually inflated, per part and for the whole package, and stops at the
 * limits whatever the headers declared: first over the parts that fastexcel and {@link XlsxParts}
 * hold in memory (inflated here, before either parses them), then over each sheet as it is streamed
 * ({@link #open}).
 */
final class XlsxPackageCheck {

    /** Like POI's ZipSecureFile: small entries may compress well without being suspicious. */
    private static final long RATIO_GRACE_BYTES = 100 * 1024;

    private final ReadLimits limits;
    /** The inflater cannot have been given more compressed bytes for one part than the file holds. */
    private final long fileSize;

    private long inflated;

    private XlsxPackageCheck(ReadLimits limits, long fileSize) {
        this.limits = limits;
        this.fileSize = fileSize;
    }

    /** Checks the package; the guard it returns goes on counting as the sheets are read. */
    static XlsxPackageCheck check(Path file, ReadLimits limits) {
        try (ZipFile zip = new ZipFile(file.toFile())) {
            XlsxPackageCheck guard = new XlsxPackageCheck(limits, Files.size(file));
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
                if (size > RATIO_GRACE_BYTES && (double) entry.getCompressedSize() / size < limits.minInflateRatio()) {
                    throw Rejections.abnormalCompression();
                }
                if (isSharedStrings(name) && size > limits.maxSharedStringsBytes()) {
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
                guard.inflateWhole(zip, entry);
            }
            return guard;
        } catch (IOException e) {
            throw Rejections.corrupt(e);
        }
    }

    /**
     * A sheet's content, counted as it is read.
     *
     * @throws UnusableFileException from its reads, once a limit is passed
     */
    InputStream open(ZipFile zip, ZipEntry entry) throws IOException {
        return new Counted(zip.getInputStream(entry), entry, limits.maxUncompressedBytes());
    }

    private void inflateWhole(ZipFile zip, ZipEntry entry) throws IOException {
        long limit = isSharedStrings(entry.getName().toLowerCase(Locale.ROOT))
                ? limits.maxSharedStringsBytes()
                : limits.maxUncompressedBytes();
        try (InputStream in = new Counted(zip.getInputStream(entry), entry, limit)) {
            in.transferTo(OutputStream.nullOutputStream());
        }
    }

    private static boolean isSharedStrings(String lowerCaseName) {
        return lowerCaseName.endsWith("sharedstrings.xml");
    }

    /** A part's inflated bytes, counted against the limits as they are read. */
    private final class Counted extends FilterInputStream {

        private final long compressed;
        private final long limit;
        private long count;

        Counted(InputStream in, ZipEntry entry, long limit) {
            super(in);
            long declared = entry.getCompressedSize();
            this.compressed = declared < 0 ? fileSize : Math.min(declared, fileSize);
            this.limit = limit;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                inflated(1);
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                inflated(n);
            }
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            long skipped = super.skip(n);
            inflated(skipped);
            return skipped;
        }

        private void inflated(long n) {
            count += n;
            inflated += n;
            if (inflated > limits.maxUncompressedBytes()) {
                throw Rejections.contentTooLarge(limits.maxUncompressedBytes());
            }
            if (count > limit) {
                throw Rejections.contentTooLarge(limit);
            }
            if (count > RATIO_GRACE_BYTES && (double) compressed / count < limits.minInflateRatio()) {
                throw Rejections.abnormalCompression();
            }
        }
    }
}
