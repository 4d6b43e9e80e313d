package org.hhw.warehouse;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.hhw.sources.read.RowStream;
import org.hhw.sources.table.SheetHeader;
import org.hhw.sources.table.TableReader;

/**
 * What the reading of a file found about its sheets, as the receipt and {@code etl_file} show it:
 * each a "；"-separated list in Chinese ("" when there is nothing to say).
 */
public record SheetSummary(String sheetsRead, String sheetsSkipped, String unknownColumns) {

    static final String SEPARATOR = "；";

    public static SheetSummary of(TableReader table) {
        List<SheetHeader> headers = table.headers();
        String read = headers.stream().map(SheetHeader::sheet).collect(Collectors.joining(SEPARATOR));
        List<String> skipped = new ArrayList<>();
        for (RowStream.SkippedSheet s : table.rowStream().skippedSheets()) {
            skipped.add(s.sheet() + (s.reason() == RowStream.SkippedSheet.Reason.HIDDEN ? "（隐藏）" : "（空表）"));
        }
        for (String s : table.sheetsWithoutTable()) {
            skipped.add(s + "（未找到表头）");
        }
        String unknown = headers.stream()
                .filter(h -> !h.unknownColumns().isEmpty())
                .map(h -> h.sheet() + "：" + String.join("、", h.unknownColumns()))
                .collect(Collectors.joining(SEPARATOR));
        return new SheetSummary(read, String.join(SEPARATOR, skipped), unknown);
    }

    /** The sheets read, in order (for ordering a receipt's lines). */
    public List<String> sheetsReadList() {
        return sheetsRead.isEmpty() ? List.of() : List.of(sheetsRead.split(SEPARATOR));
    }
}
