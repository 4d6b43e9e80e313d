package org.hhw.warehouse;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.GroupPrincipal;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipalNotFoundException;
import java.util.EnumSet;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Who may open what in a home: identified data is the owner's alone (folders {@code rwx------},
 * files {@code rw-------}); the clerks' folders and the published copy may be opened to a group.
 * On a file system without POSIX permissions nothing is changed.
 */
public final class FileModes {

    public static final String OWNER_DIR = "rwx------";
    public static final String OWNER_FILE = "rw-------";

    private static final Logger log = LoggerFactory.getLogger(FileModes.class);
    /** Groups found missing, each warned about once per process rather than at every publish. */
    private static final Set<String> MISSING_GROUPS = ConcurrentHashMap.newKeySet();

    private static final boolean POSIX =
            FileSystems.getDefault().supportedFileAttributeViews().contains("posix");

    private FileModes() {}

    /** A folder or a file for the owner alone. */
    public static void ownerOnly(Path path) {
        set(path, Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS) ? OWNER_DIR : OWNER_FILE);
    }

    public static void set(Path path, String permissions) {
        if (!POSIX) {
            return;
        }
        try {
            Files.setPosixFilePermissions(path, PosixFilePermissions.fromString(permissions));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot set the permissions of " + path + ": " + e.getMessage(), e);
        }
    }

    /**
     * Gives a file the access of the folder it is in: the folder's group, and the folder's
     * permissions without their execute bits. A receipt in a clerks' folder is then the clerks' to
     * read, an archived original in an owner-only folder the owner's alone, whatever the umask.
     */
    public static void asFolder(Path file) {
        if (!POSIX) {
            return;
        }
        try {
            PosixFileAttributeView folder =
                    Files.getFileAttributeView(file.toAbsolutePath().getParent(), PosixFileAttributeView.class);
            PosixFileAttributes attributes = folder.readAttributes();
            PosixFileAttributeView view =
                    Files.getFileAttributeView(file, PosixFileAttributeView.class, LinkOption.NOFOLLOW_LINKS);
            if (!view.readAttributes().group().equals(attributes.group())) {
                view.setGroup(attributes.group());
            }
            Set<PosixFilePermission> permissions = EnumSet.noneOf(PosixFilePermission.class);
            for (PosixFilePermission p : attributes.permissions()) {
                if (p != PosixFilePermission.OWNER_EXECUTE
                        && p != PosixFilePermission.GROUP_EXECUTE
                        && p != PosixFilePermission.OTHERS_EXECUTE) {
                    permissions.add(p);
                }
            }
            permissions.add(PosixFilePermission.OWNER_READ);
            permissions.add(PosixFilePermission.OWNER_WRITE);
            view.setPermissions(permissions);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot set the permissions of " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * Opens a folder or file to a group with {@code permissions}; with no such group on this machine
     * (or none configured) it stays the owner's alone, with a warning, rather than opening it wider.
     */
    public static void share(Path path, String permissions, String group) {
        if (!POSIX) {
            return;
        }
        if (group == null || group.isBlank()) {
            ownerOnly(path);
            return;
        }
        try {
            GroupPrincipal principal =
                    path.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByGroupName(group);
            Files.getFileAttributeView(path, PosixFileAttributeView.class, LinkOption.NOFOLLOW_LINKS)
                    .setGroup(principal);
            set(path, permissions);
        } catch (UserPrincipalNotFoundException e) {
            if (MISSING_GROUPS.add(group)) {
                log.warn(
                        "no group {} on this machine: {} and what follows it stay readable by their owner only",
                        group,
                        path.getFileName());
            }
            ownerOnly(path);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot give " + path + " to the group " + group + ": " + e.getMessage(), e);
        }
    }
}
