package org.hhw.warehouse.intake;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import org.hhw.warehouse.FileModes;
import org.hhw.warehouse.Home;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The files themselves: fingerprinting, archiving the original byte for byte, and moving it out of
 * the inbox once it is dealt with, kept once on disk ({@link #deliver}).
 */
public final class Intake {

    /** The longest file name, in bytes, that Linux file systems (ext4, xfs, btrfs) accept. */
    private static final int NAME_BYTES = 255;

    private static final Logger log = LoggerFactory.getLogger(Intake.class);
    /** Hard links refused (the archive on another file system): said once per process, not at every file. */
    private static final AtomicBoolean LINKS_REFUSED = new AtomicBoolean();

    /**
     * The names in processed/ and rejected/ chosen for originals not there yet, each with its original: a poll
     * delivers two files at once, and "X.csv" sent again (its name "X (2).csv") and a file "X (2).csv" would both
     * find that name free. This process is the home's one writer; a name chosen before a crash is chosen again.
     */
    private static final Map<Path, Path> CHOSEN = new HashMap<>();

    private final Home home;

    public Intake(Home home) {
        this.home = home;
    }

    /** The content's fingerprint; a symbolic link is refused, never followed (it could name any file of the machine). */
    public static String sha256(Path file) {
        try (InputStream in = Files.newInputStream(file, LinkOption.NOFOLLOW_LINKS)) {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[1 << 16];
            int n;
            while ((n = in.read(buffer)) > 0) {
                digest.update(buffer, 0, n);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Puts a copy of an operator's file into the source's inbox and returns where it is. A file of
     * that name already waiting there with the same content is that file (an ingest interrupted
     * by a crash and asked for again resumes it); with other content the copy takes a free name.
     * The copy is written under a hidden name first, so no poll ever takes half a file.
     */
    public Path drop(String source, Path file) {
        Path inbox = home.inbox(source);
        Path target = inbox.resolve(file.getFileName().toString());
        try {
            if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
                if (Files.isSameFile(file, target) || sha256(file).equals(sha256(target))) {
                    return target;
                }
                target = freeName(inbox, file);
            }
            Files.createDirectories(inbox);
            Path tmp = inbox.resolve(".hhw-" + ProcessHandle.current().pid() + "-" + System.nanoTime() + ".part");
            Files.copy(file, tmp, StandardCopyOption.REPLACE_EXISTING);
            FileModes.asFolder(tmp);
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot copy " + file + " into " + inbox + ": " + e.getMessage(), e);
        }
    }

    /** Copies the original into the archive under its hash (once: the same content is archived once). */
    public Path archive(Path file, String sha256) {
        Path target = home.archive().resolve(sha256 + extension(file));
        try {
            if (!Files.exists(target)) {
                Files.createDirectories(target.getParent());
                Path tmp = target.resolveSibling(target.getFileName() + ".tmp");
                try (InputStream in = Files.newInputStream(file, LinkOption.NOFOLLOW_LINKS)) {
                    Files.copy(in, tmp, StandardCopyOption.REPLACE_EXISTING);
                }
                FileModes.ownerOnly(tmp);
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
            }
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot archive " + file, e);
        }
    }

    /**
     * Where a dealt-with file goes in processed/&lt;source&gt;, never over an earlier one. The receipt is
     * written there first and the file delivered last ({@link #deliver}, which gives the name its file
     * in one rename), so a crash in between leaves the name free and the file in the inbox, and the
     * job, redoing both, is given the same name again.
     */
    public Path processedTarget(String source, Path file) {
        return freeName(home.processed(source), file);
    }

    public Path rejectedTarget(String source, Path file) {
        return freeName(home.rejected(source), file);
    }

    /**
     * Takes a dealt-with original out of the inbox to {@code target} (from {@link #processedTarget} or
     * {@link #rejectedTarget}, its receipt or note already written there), kept once on disk: when its
     * content is archived, {@code target} is a hard link to the archived copy and the clerk's file is
     * gone. Otherwise (never archived, or hard links refused) it is {@linkplain #move moved} as it is.
     *
     * <p>The clerk's file itself is never linked: a clerk may still write it in place, and the kernel
     * (fs.protected_hardlinks) refuses to link another user's file. The archived copy is linked instead,
     * under a hidden name beside {@code target}, where it takes the mode of that folder's files
     * ({@link FileModes#asFolder}: the clerks' group may read it, not write it, so no clerk can change
     * the archive through processed/; archive/ itself stays the owner's, so the group reaches the bytes
     * only there), and the clerk's file's modification time, which clerks saw on their processed files
     * when they were moved and which the job's parameters hold. That link then replaces the clerk's
     * file in the inbox (one rename), and is moved to {@code target} like any file (another).
     *
     * <p>Why not link {@code target} straight and then delete the inbox file: after a crash between
     * the two, the restarted job would have to tell its own link from the same content sent again
     * under the same name and delivered before (a duplicate), whose name is the archive's inode just
     * the same; taking it for its own would write the duplicate's receipt over the first one. Here the
     * original is always wholly in one place: the clerk's file in the inbox, the archived copy in the
     * inbox under the clerk's name (the same bytes, mode and time, so the restarted run has the same
     * parameters and resumes), or the copy at {@code target}. The name is taken only by the last rename,
     * so {@link #processedTarget} chooses it again, and a second name such as "name (2).csv" is given
     * only to a second file. A crash may leave the hidden link, which the next delivery replaces.
     */
    public void deliver(Path original, String sha256, Path target) {
        Path archived = home.archive().resolve(sha256 + extension(original));
        try {
            Files.createDirectories(target.getParent());
            if (Files.exists(archived) && !Files.isSameFile(original, archived)) {
                Path link = pendingLink(target, archived);
                Files.deleteIfExists(link);
                if (linked(link, archived)) {
                    FileModes.asFolder(link);
                    Files.setLastModifiedTime(link, Files.getLastModifiedTime(original));
                    Files.move(link, original, StandardCopyOption.ATOMIC_MOVE);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot deliver " + original + " to " + target + ": " + e.getMessage(), e);
        }
        move(original, target);
    }

    /**
     * The hidden name the archived copy is linked under before it replaces the clerk's file: the target's own (a
     * poll's files are delivered two at a time, and the same content sent twice under two names is two deliveries of
     * one archived copy into one folder), in a few bytes whatever the length of the target's name.
     */
    static Path pendingLink(Path target, Path archived) {
        UUID forTarget = UUID.nameUUIDFromBytes(target.getFileName().toString().getBytes(StandardCharsets.UTF_8));
        return target.resolveSibling(".hhw-" + archived.getFileName() + "-" + forTarget + ".link");
    }

    /**
     * Links the archived copy, or says why it cannot: archive/ on another file system than the clerks'
     * folders (or one without hard links) is a setting, not a fault, and the original is then moved,
     * kept twice as before.
     */
    private static boolean linked(Path link, Path archived) {
        try {
            Files.createLink(link, archived);
            return true;
        } catch (IOException | UnsupportedOperationException e) {
            if (LINKS_REFUSED.compareAndSet(false, true)) {
                log.warn(
                        "cannot hard-link the archive's {} into {} ({}): originals are moved instead and each is kept"
                                + " twice, in archive/ and in processed/ or rejected/; put archive/ on the same file"
                                + " system as processed/ to keep each once",
                        archived.getFileName(),
                        link.getParent(),
                        e.toString());
            }
            return false;
        }
    }

    /**
     * Moves the original out of the inbox; atomic, so it is either in one place or the other. As it is:
     * for what was never archived (a link or a folder refused unread, a file that never got that far).
     */
    public static void move(Path file, Path target) {
        try {
            Files.createDirectories(target.getParent());
            Files.move(file, target, StandardCopyOption.ATOMIC_MOVE);
            arrived(target);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot move " + file + " to " + target, e);
        }
    }

    /**
     * Where the receipt of a processed file goes: {@code <name>.回执.xlsx} beside it, the name
     * shortened when it would be too long for the file system (the receipt names the file in full).
     */
    public static Path receiptOf(Path processedFile) {
        return processedFile.resolveSibling(fit(processedFile.getFileName().toString(), ".回执.xlsx"));
    }

    /** Where the explanation of a rejected file goes: {@code <name>.说明.txt} beside it, shortened likewise. */
    public static Path noteOf(Path rejectedFile) {
        return rejectedFile.resolveSibling(fit(rejectedFile.getFileName().toString(), ".说明.txt"));
    }

    /**
     * {@code stem + tail}, with the stem cut (and marked …) so that the name and the {@code .tmp}
     * it is first written under stay within the 255 bytes a Linux file name may have: 80 Chinese
     * characters are a legal name, and the same name with {@code .回执.xlsx} is not.
     */
    static String fit(String stem, String tail) {
        int budget = NAME_BYTES - ".tmp".length() - utf8(tail);
        if (utf8(stem) <= budget) {
            return stem + tail;
        }
        StringBuilder cut = new StringBuilder();
        int used = utf8("…");
        for (int i = 0; i < stem.length(); ) {
            int cp = stem.codePointAt(i);
            int bytes = utf8(new String(Character.toChars(cp)));
            if (used + bytes > budget) {
                break;
            }
            cut.appendCodePoint(cp);
            used += bytes;
            i += Character.charCount(cp);
        }
        return cut.append('…').append(tail).toString();
    }

    private static int utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8).length;
    }

    /**
     * The first name not on disk and not chosen for another original still on its way there ({@link #CHOSEN}); the
     * same original is given the same name again until it is there.
     */
    private static Path freeName(Path dir, Path file) {
        String name = file.getFileName().toString();
        String ext = extension(file);
        String stem = name.substring(0, name.length() - ext.length());
        Path original = file.toAbsolutePath();
        synchronized (CHOSEN) {
            Path target = dir.resolve(name);
            int n = 2;
            while (Files.exists(target, LinkOption.NOFOLLOW_LINKS)
                    || !CHOSEN.getOrDefault(target, original).equals(original)) {
                target = dir.resolve(fit(stem, " (" + n++ + ")" + ext));
            }
            CHOSEN.put(target, original);
            return target;
        }
    }

    /** The name is taken by its file now: {@link #freeName} sees it on disk. */
    private static void arrived(Path target) {
        synchronized (CHOSEN) {
            CHOSEN.remove(target);
        }
    }

    private static String extension(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot < 0 ? "" : name.substring(dot).toLowerCase();
    }
}
