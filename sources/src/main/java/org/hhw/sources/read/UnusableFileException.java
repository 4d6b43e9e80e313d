package org.hhw.sources.read;

/**
 * A whole file that cannot be used: it goes to the rejected folder with {@link #explanation()}
 * (Chinese, for the clerk: what is wrong and what to do) instead of being loaded.
 */
public class UnusableFileException extends RuntimeException {

    /** Stable codes, documented in the README. */
    public enum Code {
        NOT_A_SPREADSHEET,
        CORRUPT,
        ENCRYPTED,
        TOO_LARGE,
        ENCODING_UNKNOWN,
        EMPTY,
        COLUMNS_MISSING
    }

    private final Code code;
    private final String explanation;

    public UnusableFileException(Code code, String explanation) {
        this(code, explanation, null);
    }

    public UnusableFileException(Code code, String explanation, Throwable cause) {
        super(code + ": " + explanation, cause);
        this.code = code;
        this.explanation = explanation;
    }

    public Code code() {
        return code;
    }

    public String explanation() {
        return explanation;
    }
}
