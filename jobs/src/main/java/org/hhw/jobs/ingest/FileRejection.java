package org.hhw.jobs.ingest;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.OptionalInt;
import org.hhw.sources.contract.Contract;
import org.hhw.sources.contract.ContractRegistry;
import org.hhw.warehouse.Home;
import org.hhw.warehouse.Warehouse;
import org.hhw.warehouse.intake.Intake;
import org.hhw.warehouse.lake.ReceiptSpool;
import org.hhw.warehouse.receipt.RejectionNote;

/**
 * "This file cannot be used", whatever the cause: a file the read step found unusable (corrupt,
 * encrypted, columns missing, …) and a file set aside after repeated failed attempts take the same
 * way out, in two halves: {@link #record} (its {@code etl_file} row {@code REJECTED} with the error
 * code, its receipt spool deleted), then, once the poll's publish has made that row visible,
 * {@link #deliver} (the 说明.txt note and the original to rejected/, kept once, a hard link to its
 * archived copy: {@link Intake#deliver}).
 *
 * <p>The publish comes between the halves, so a clerk's note never announces what analysts cannot
 * see yet: when a data test fails, the rejection is recorded in the warehouse but neither published
 * nor shown to the clerk, and the file waits in the inbox like a load that failed its tests; doing
 * either half again later changes nothing twice.
 */
public final class FileRejection {

    private final Warehouse warehouse;
    private final Home home;
    private final ReceiptSpool spool;
    private final ContractRegistry contracts;

    public FileRejection(Warehouse warehouse, Home home, ReceiptSpool spool, ContractRegistry contracts) {
        this.warehouse = warehouse;
        this.home = home;
        this.spool = spool;
        this.contracts = contracts;
    }

    /**
     * The rejection as the warehouse records it, before the publish.
     *
     * @param fileKey the file's {@code etl_file} row, empty when it has none (its attempts failed before it
     *                was registered): then there is nothing to record
     * @param explanation the clerk's explanation, in Chinese, written to {@code etl_file.error}
     */
    public void record(String source, OptionalInt fileKey, String code, String explanation) {
        fileKey.ifPresent(key -> {
            warehouse.markRejected(key, code, explanation);
            // chunks read before the file failed spooled values for a receipt it will never have
            spool.delete(source, key);
        });
    }

    /**
     * The rejection as the clerk sees it, after the publish: the note in rejected/, then the original.
     *
     * @param explanation the clerk's explanation, in Chinese, written to the note
     */
    public void deliver(String source, Path original, String code, String explanation) throws IOException {
        // hashed again, so that the original is linked to an archived copy only if that is its content: a file
        // set aside may never have been archived (or been rewritten since); the one read of a rejected file
        String sha256 = Intake.sha256(original);
        new Intake(home).deliver(original, sha256, noteFirst(home, contracts.get(source), original, code, explanation));
    }

    /**
     * The way out for what never was a file of the warehouse (a link or a folder dropped in an inbox):
     * moved as it is, unread, to rejected/ with a note.
     */
    public static void moveWithNote(Home home, Contract contract, Path original, String code, String explanation)
            throws IOException {
        Intake.move(original, noteFirst(home, contract, original, code, explanation));
    }

    /**
     * Writes the note where the original is going in rejected/ and returns that place: the original
     * follows it, so a crash in between leaves the file in the inbox for the next attempt.
     */
    private static Path noteFirst(Home home, Contract contract, Path original, String code, String explanation)
            throws IOException {
        Path target = new Intake(home).rejectedTarget(contract.source(), original);
        RejectionNote.write(
                Intake.noteOf(target),
                original.getFileName().toString(),
                contract.label(),
                code,
                explanation,
                LocalDateTime.now());
        return target;
    }
}
