package org.hhw.warehouse;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

/**
 * The one-writer rule of a home, made by the operating system: every process that writes to a
 * home (the service, {@code ingest}, {@code rebuild}, {@code demo}) holds an exclusive lock on
 * {@code state/writer.lock} for its whole life, taken before it touches anything else. The OS
 * releases it when the process ends, however it ends (a {@code kill -9} included), so a crash
 * never leaves a stale lock, and while a writer lives no other can start.
 *
 * <p>Who holds the lock is written to a separate file, {@code state/writer.info}, because on
 * Linux closing <em>any</em> channel of a locked file in the holding JVM drops its lock: nothing
 * but {@link #tryAcquire} ever opens the lock file itself.
 */
public final class WriterLock implements AutoCloseable {

    /** Who holds a home's lock: enough for a clear refusal, and for {@code ingest} to hand its files over. */
    public record Holder(long pid, String command, LocalDateTime since) {

        /** Whether the holder is the service, which takes files dropped into the inboxes. */
        public boolean isService() {
            return command.equals("run");
        }

        @Override
        public String toString() {
            return "`hhw " + command + "` (pid " + pid + ", since "
                    + since.withNano(0).toString().replace('T', ' ') + ")";
        }
    }

    private final FileChannel channel;
    private final FileLock lock;
    private final Holder holder;

    private WriterLock(FileChannel channel, FileLock lock, Holder holder) {
        this.channel = channel;
        this.lock = lock;
        this.holder = holder;
    }

    /** Takes the home's writer lock for {@code command}, or returns empty at once if another process holds it. */
    public static Optional<WriterLock> tryAcquire(Path home, String command) {
        Path state = home.resolve("state");
        try {
            Files.createDirectories(state);
            FileChannel channel =
                    FileChannel.open(state.resolve("writer.lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock lock;
            try {
                lock = channel.tryLock();
            } catch (OverlappingFileLockException e) {
                lock = null;
            }
            if (lock == null) {
                channel.close();
                return Optional.empty();
            }
            Holder holder = new Holder(
                    ProcessHandle.current().pid(),
                    command,
                    LocalDateTime.ofInstant(Instant.now(), ZoneId.systemDefault()));
            Path info = state.resolve("writer.info");
            Path tmp = state.resolve("writer.info.tmp");
            Files.writeString(
                    tmp, holder.pid() + "\n" + holder.command() + "\n" + holder.since() + "\n", StandardCharsets.UTF_8);
            Files.move(tmp, info, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            return Optional.of(new WriterLock(channel, lock, holder));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot take the writer lock of " + home + ": " + e.getMessage(), e);
        }
    }

    /**
     * Who holds the lock, as its holder wrote it down; read it only after {@link #tryAcquire} failed.
     * Empty when the holder is gone (it ended between the two calls) or has not written it yet.
     */
    public static Optional<Holder> holder(Path home) {
        try {
            List<String> lines =
                    Files.readAllLines(home.resolve("state").resolve("writer.info"), StandardCharsets.UTF_8);
            if (lines.size() < 3) {
                return Optional.empty();
            }
            long pid = Long.parseLong(lines.get(0).strip());
            if (ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) {
                return Optional.of(new Holder(
                        pid,
                        lines.get(1).strip(),
                        LocalDateTime.parse(lines.get(2).strip())));
            }
            return Optional.empty();
        } catch (IOException | RuntimeException e) {
            // missing or half-written: the holder has just started or just ended
            return Optional.empty();
        }
    }

    public Holder holder() {
        return holder;
    }

    public boolean isValid() {
        return lock.isValid();
    }

    @Override
    public void close() {
        try {
            lock.release();
            channel.close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot release the writer lock", e);
        }
    }
}
