package org.hhw.warehouse.receipt;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hhw.sources.clean.Reason;
import org.hhw.sources.contract.Contract;
import org.hhw.warehouse.EtlFile;
import org.hhw.warehouse.ReceiptFacts;
import org.hhw.warehouse.WarehouseReader;
import org.hhw.warehouse.lake.ReceiptSpool;

/**
 * Builds a file's receipt from what the warehouse and the lake recorded of it. Rejected and warned
 * values, and the messages quoting them, are shown as the clerk wrote them, since the receipt goes
 * back to the clerk who owns the data: the lake and the warehouse keep resident IDs only masked, so
 * what masking changed is read from the file's {@link ReceiptSpool}, which is deleted once the
 * receipt is written. (A crash after that rewrites the receipt with the IDs masked: a receipt that
 * shows less, rather than raw IDs kept past their use.)
 */
public final class Receipts {

    private static final String STATUS_LOADED = "已入库";
    private static final String STATUS_DUPLICATE = "重复文件，未重复入库";

    private Receipts() {}

    public static void write(
            WarehouseReader warehouse, ReceiptSpool spool, Contract contract, int fileKey, Path target) {
        EtlFile file = warehouse.file(fileKey).orElseThrow();
        EtlFile original = file.duplicateOf() == null
                ? null
                : warehouse.file(file.duplicateOf()).orElseThrow();
        ReceiptFacts facts = warehouse.receiptFacts();
        Map<String, String> labels = new LinkedHashMap<>();
        for (Reason r : Reason.values()) {
            labels.put(r.name(), r.labelZh());
        }
        try {
            if (original != null) {
                // Nothing of a duplicate was read, so it has no lake parts, no findings and nothing spooled.
                ReceiptWriter.write(
                        target,
                        summary(contract, file, original, facts, new ReceiptFacts.People(0, 0)),
                        Collections.emptyIterator(),
                        Collections.emptyIterator(),
                        labels);
                return;
            }
            ReceiptFacts.People people = facts.people(contract, fileKey);
            List<String> sheets = split(file.sheetsRead());
            String spooled = spool.relation(contract.source(), fileKey);
            try (ReceiptFacts.Lines rejectLines = facts.rejects(fileKey, sheets, spooled);
                    ReceiptFacts.Lines warningLines = facts.warnings(fileKey, sheets, spooled)) {
                ReceiptWriter.write(
                        target, summary(contract, file, null, facts, people), rejectLines, warningLines, labels);
            }
            spool.delete(contract.source(), fileKey);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the receipt " + target, e);
        }
    }

    private static ReceiptSummary summary(
            Contract contract, EtlFile file, EtlFile original, ReceiptFacts facts, ReceiptFacts.People people) {
        boolean duplicate = original != null;
        return new ReceiptSummary(
                file.fileName(),
                contract.label(),
                file.sha256(),
                file.receivedAt(),
                duplicate ? null : file.loadedAt(),
                duplicate ? STATUS_DUPLICATE : STATUS_LOADED,
                duplicate ? original.loadedAt() : null,
                duplicate ? original.fileName() : null,
                nz(file.rowsRead()),
                nz(file.rowsLoaded()),
                nz(file.rowsRejected()),
                nz(file.rowsNonData()),
                nz(file.rowsWarned()),
                facts.rejectsByReason(file.fileKey()),
                facts.nonDataByKind(file.fileKey()),
                split(file.sheetsRead()),
                split(file.sheetsSkipped()),
                split(file.unknownColumns()),
                people.households(),
                people.persons());
    }

    private static List<String> split(String list) {
        return list == null || list.isEmpty() ? List.of() : Arrays.asList(list.split("；"));
    }

    private static long nz(Long n) {
        return n == null ? 0 : n;
    }
}
