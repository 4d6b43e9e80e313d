package org.hhw.warehouse;

import java.nio.file.FileSystemException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Tells a full disk as such. Every layer words it differently (the JDK's "No space left on device",
 * DuckDB's "could not write file … No space left on device", a failed commit followed by "no
 * transaction is active"), and the operator needs one thing: which disk to free.
 */
public final class NoSpace {

    private static final Pattern QUOTED_PATH = Pattern.compile("[\"'](/[^\"']+)[\"']");

    private NoSpace() {}

    /** {@code no space left on <path>} when a full disk caused the failure, else empty. */
    public static Optional<String> explain(Throwable failure, Path fallback) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            String message = t.getMessage();
            boolean full = message != null
                    && (message.contains("No space left on device")
                            || message.contains("ENOSPC")
                            || message.toLowerCase().contains("disk is full"));
            if (t instanceof FileSystemException fs && "No space left on device".equals(fs.getReason())) {
                return Optional.of("no space left on " + (fs.getFile() != null ? fs.getFile() : fallback));
            }
            if (full) {
                Matcher m = QUOTED_PATH.matcher(message);
                return Optional.of("no space left on " + (m.find() ? m.group(1) : fallback));
            }
        }
        return Optional.empty();
    }

    /** The message to show for a failure: the full disk if that was its cause, else its own. */
    public static String message(Throwable failure, Path fallback) {
        return explain(failure, fallback).orElse(failure.getMessage());
    }
}
