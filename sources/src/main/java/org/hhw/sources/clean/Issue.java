package org.hhw.sources.clean;

/**
 * A problem with one value. {@code message} is Chinese, for the clerk: what is wrong and what to
 * fix. A rejecting issue keeps the row out of the warehouse; a warning loads it with a note.
 */
public record Issue(Reason reason, String message, boolean rejects) {

    public static Issue reject(Reason reason, String message) {
        return new Issue(reason, message, true);
    }

    public static Issue warning(Reason reason, String message) {
        return new Issue(reason, message, false);
    }
}
