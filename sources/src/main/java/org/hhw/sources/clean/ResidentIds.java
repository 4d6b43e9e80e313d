package org.hhw.sources.clean;

/** GB 11643-1999 resident ID arithmetic: ISO 7064 MOD 11-2 check character. */
public final class ResidentIds {

    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final char[] CHECK = {'1', '0', 'X', '9', '8', '7', '6', '5', '4', '3', '2'};

    private ResidentIds() {
    }

    /** The check character for the first 17 digits of an 18-character ID. */
    public static char checkChar(CharSequence first17) {
        if (first17.length() != 17) {
            throw new IllegalArgumentException("need 17 digits, got " + first17.length());
        }
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            char c = first17.charAt(i);
            if (c < '0' || c > '9') {
                throw new IllegalArgumentException("not a digit at " + i + ": " + c);
            }
            sum += (c - '0') * WEIGHTS[i];
        }
        return CHECK[sum % 11];
    }
}
