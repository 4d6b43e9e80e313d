package org.hhw.warehouse.receipt;

import java.time.LocalDateTime;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What the receipt's first sheet tells the clerk about one processed file.
 *
 * @param sourceLabel        the kind of file in Chinese, e.g. 建档立卡贫困人口花名册
 * @param status             the outcome in Chinese, e.g. 已入库, 重复文件未重复入库
 * @param loadedAt           when its rows went into the warehouse; null when none did this time
 * @param previouslyLoadedAt for a file whose content was loaded before: when; otherwise null
 * @param previousFileName   for such a file: the name it was loaded under; may be null
 * @param rejectsByReason    reason code (see {@code org.hhw.sources.clean.Reason}) to count
 * @param nonDataByKind      kind of non-data row (合计/小计, 空行, 表尾, …) to count, in display order
 * @param sheetsSkipped      sheets not read, with why, e.g. "Sheet3（隐藏）"
 * @param unknownColumns     columns that were ignored, e.g. "Sheet1: 备注"
 */
public record ReceiptSummary(
        String fileName,
        String sourceLabel,
        String sha256,
        LocalDateTime receivedAt,
        LocalDateTime loadedAt,
        String status,
        LocalDateTime previouslyLoadedAt,
        String previousFileName,
        long rowsRead,
        long rowsLoaded,
        long rowsRejected,
        long rowsNonData,
        long rowsWarned,
        Map<String, Long> rejectsByReason,
        Map<String, Long> nonDataByKind,
        List<String> sheetsRead,
        List<String> sheetsSkipped,
        List<String> unknownColumns,
        long households,
        long persons) {

    public ReceiptSummary {
        Objects.requireNonNull(fileName, "fileName");
        Objects.requireNonNull(sourceLabel, "sourceLabel");
        Objects.requireNonNull(sha256, "sha256");
        Objects.requireNonNull(receivedAt, "receivedAt");
        Objects.requireNonNull(status, "status");
        rejectsByReason = Map.copyOf(rejectsByReason);
        nonDataByKind = Collections.unmodifiableMap(new LinkedHashMap<>(nonDataByKind));
        sheetsRead = List.copyOf(sheetsRead);
        sheetsSkipped = List.copyOf(sheetsSkipped);
        unknownColumns = List.copyOf(unknownColumns);
    }

    /** Whether this file's content had already been loaded, so nothing was loaded this time. */
    public boolean isDuplicate() {
        return previouslyLoadedAt != null;
    }
}
