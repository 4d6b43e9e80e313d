package org.hhw.warehouse;

import java.time.LocalDateTime;

/** One row of {@code etl_file}: a file received and what became of it. */
public record EtlFile(
        int fileKey,
        String source,
        String fileName,
        String sha256,
        String status,
        Long rowsRead,
        Long rowsLoaded,
        Long rowsRejected,
        Long rowsNonData,
        Long rowsWarned,
        LocalDateTime receivedAt,
        LocalDateTime loadedAt,
        Integer duplicateOf,
        String errorCode,
        String error,
        String sheetsRead,
        String sheetsSkipped,
        String unknownColumns) {

    public static final String RUNNING = "RUNNING";
    public static final String LOADED = "LOADED";
    public static final String DUPLICATE = "DUPLICATE";
    public static final String REJECTED = "REJECTED";
}
