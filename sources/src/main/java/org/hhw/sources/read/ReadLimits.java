package org.hhw.sources.read;

/**
 * Bounds on what a reader accepts, so that one oversized or crafted file cannot exhaust the
 * memory or the time of a batch run.
 *
 * @param maxFileBytes         size of the file on disk
 * @param maxUncompressedBytes the most an xlsx package may hold uncompressed: the sizes all its
 *                             entries declare, and the bytes actually inflated from its parts as
 *                             they are read
 * @param minInflateRatio      smallest accepted compressed/uncompressed ratio of a sizable xlsx
 *                             entry, as declared and as inflated (POI's zip-bomb default is 0.01)
 * @param maxColumns           a row with content beyond this many columns is refused
 */
public record ReadLimits(long maxFileBytes, long maxUncompressedBytes, double minInflateRatio, int maxColumns) {

    private static final long MIB = 1024L * 1024;

    public ReadLimits {
        if (maxFileBytes <= 0 || maxUncompressedBytes <= 0 || maxColumns <= 0) {
            throw new IllegalArgumentException("limits must be positive");
        }
        if (minInflateRatio < 0 || minInflateRatio >= 1) {
            throw new IllegalArgumentException("minInflateRatio must be in [0, 1): " + minInflateRatio);
        }
    }

    public static ReadLimits defaults() {
        return new ReadLimits(1024 * MIB, 4096 * MIB, 0.01, 500);
    }

    /**
     * The largest accepted shared-strings part of an xlsx. Sheets are streamed, but the shared
     * strings are held in memory as they are read, so they get a sixteenth of the total budget.
     */
    public long maxSharedStringsBytes() {
        return maxUncompressedBytes / 16;
    }
}
