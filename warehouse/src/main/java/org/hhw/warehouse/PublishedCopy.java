package org.hhw.warehouse;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * Writes the analysts' copy of a checkpointed warehouse file as the blocks that changed, not the whole file.
 *
 * <p>Two files take turns: the published one, which readers open, and a spare beside the warehouse (in its owner-only
 * folder, so no reader can open it by name), which holds the copy published before it. A publish makes the spare equal
 * to the warehouse file, writing only the parts that differ (a file's load changes a few dozen of a large county's
 * thousand blocks), and renames it over the published name; the copy it replaces becomes the spare. Readers see what
 * they saw before: the rename is atomic, and a file is only ever written into while it is nobody's:
 * <ul>
 *   <li>no reader holds it: DuckDB holds a shared lock on every file it has open read-only, which another process's
 *       exclusive lock cannot get past, and a connection of this process is known to {@link AnalystConnection};
 *   <li>no other name leads to it (the reports' snapshots are hard links to the published copy as it stood).
 * </ul>
 * A spare that fails either is left to whoever has it (its name removed, the file kept for them) and the copy is
 * written whole into a new file, as it is the first time. A publish cut short at any point leaves the published copy as
 * it was, and a half-written spare is simply compared and written again.
 */
final class PublishedCopy {

    /**
     * What a publish wrote.
     *
     * @param bytes the size of the copy
     * @param written the bytes it wrote: all of them when the copy was written whole
     */
    record Written(long bytes, long written) {}

    /** The unit compared and written: a quarter of DuckDB's block, which its blocks do not start in step with. */
    private static final int PART = 64 * 1024;

    private final Path database;
    private final Path target;
    private final Path spare;
    private final Path previous;

    /**
     * @param database the warehouse file, checkpointed, which nobody writes while this runs
     * @param target the published name
     */
    PublishedCopy(Path database, Path target) {
        this.database = database;
        this.target = target;
        this.spare = spareOf(database, target);
        this.previous = database.resolveSibling(target.getFileName() + ".previous");
    }

    /** Where the copy published before the last is kept, for the next publish to write into. */
    static Path spareOf(Path database, Path target) {
        return database.resolveSibling(target.getFileName() + ".spare");
    }

    /** Publishes the warehouse file under the target's name, readable by {@code readerGroup} (null: its owner only). */
    Written publish(String readerGroup) throws IOException {
        if (!Files.getFileStore(database.getParent())
                .equals(Files.getFileStore(target.toAbsolutePath().getParent()))) {
            // no rename between file systems: the copy is written whole beside the published one every time
            return writeInto(target.resolveSibling(target.getFileName() + ".tmp"), readerGroup, target);
        }
        tidyAfterCrash();
        if (Files.exists(spare) && !nobodysFile(spare)) {
            // whoever holds it keeps it; the name is free for a new one
            Files.delete(spare);
        }
        Written written = writeInto(spare, readerGroup, null);
        if (written == null) {
            // a reader in another process still has the spare open: left to it, and a new file it cannot have
            Files.delete(spare);
            written = writeInto(spare, readerGroup, null);
        }
        boolean keepsTheOld = Files.exists(target) && linked(previous, target);
        Files.move(spare, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        if (keepsTheOld) {
            Files.move(previous, spare, StandardCopyOption.ATOMIC_MOVE);
        }
        return written;
    }

    /**
     * Makes {@code file} equal to the database, writing the parts that differ, then gives it the readers' access and,
     * with {@code moveTo}, moves it there; null when another process holds a lock on it.
     */
    private Written writeInto(Path file, String readerGroup, Path moveTo) throws IOException {
        long written = 0;
        long size;
        try (FileChannel from = FileChannel.open(database, StandardOpenOption.READ);
                FileChannel to = FileChannel.open(
                        file, StandardOpenOption.READ, StandardOpenOption.WRITE, StandardOpenOption.CREATE);
                FileLock lock = to.tryLock()) {
            if (lock == null) {
                return null;
            }
            size = from.size();
            if (to.size() > size) {
                to.truncate(size);
            }
            ByteBuffer wanted = ByteBuffer.allocateDirect(PART);
            ByteBuffer there = ByteBuffer.allocateDirect(PART);
            for (long at = 0; at < size; at += PART) {
                read(from, wanted, at);
                read(to, there, at);
                if (wanted.mismatch(there) >= 0) {
                    while (wanted.hasRemaining()) {
                        to.write(wanted, at + wanted.position());
                    }
                    written += wanted.limit();
                }
            }
            // the copy outlives this process as the reports' snapshots: on disk before anyone can open it
            to.force(false);
        }
        FileModes.share(file, "rw-r-----", readerGroup);
        if (moveTo != null) {
            Files.move(file, moveTo, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        }
        return new Written(size, written);
    }

    private static void read(FileChannel channel, ByteBuffer buffer, long at) throws IOException {
        buffer.clear();
        while (buffer.hasRemaining() && channel.read(buffer, at + buffer.position()) > 0) {
            // a read may stop short of the part; the end of the file stops it for good
        }
        buffer.flip();
    }

    /**
     * Whether only the spare's name leads to the file and no connection of this process has it open; other processes'
     * readers are found by the lock {@link #writeInto} takes.
     */
    private static boolean nobodysFile(Path file) throws IOException {
        return Files.isRegularFile(file)
                && ((Number) Files.getAttribute(file, "unix:nlink")).intValue() == 1
                && !AnalystConnection.openInThisProcess(file);
    }

    /** The published copy given a second name, so that the rename over it does not free it; false where links fail. */
    private static boolean linked(Path link, Path existing) {
        try {
            Files.createLink(link, existing);
            return true;
        } catch (UnsupportedOperationException | IOException e) {
            return false;
        }
    }

    /**
     * A publish killed between its renames leaves {@code previous}: the published copy itself (killed before the spare
     * took its name), dropped, or the copy it replaced, which becomes the spare.
     */
    private void tidyAfterCrash() throws IOException {
        if (!Files.exists(previous)) {
            return;
        }
        try {
            if (Files.exists(spare) || Files.isSameFile(previous, target)) {
                Files.delete(previous);
            } else {
                Files.move(previous, spare, StandardCopyOption.ATOMIC_MOVE);
            }
        } catch (NoSuchFileException e) {
            Files.delete(previous);
        }
    }
}
