package org.hhw.sources.clean;

/**
 * The outcome of cleaning one value: a value (possibly with a warning), a rejection, or
 * nothing at all for a blank input ({@link #blank()}: value and issue both null; whether blank
 * is allowed is the caller's business, as only it knows if the field is required).
 */
public record Cleaned<T>(T value, Issue issue) {

    public static <T> Cleaned<T> ok(T value) {
        return new Cleaned<>(value, null);
    }

    public static <T> Cleaned<T> warn(T value, Reason reason, String message) {
        return new Cleaned<>(value, Issue.warning(reason, message));
    }

    public static <T> Cleaned<T> reject(Reason reason, String message) {
        return new Cleaned<>(null, Issue.reject(reason, message));
    }

    public static <T> Cleaned<T> blank() {
        return new Cleaned<>(null, null);
    }

    public boolean rejected() {
        return issue != null && issue.rejects();
    }

    public boolean isBlank() {
        return value == null && issue == null;
    }
}
