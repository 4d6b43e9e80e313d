package org.hhw.warehouse.receipt;

import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;

/** The one way a time is shown to a clerk, in receipts and notes alike. */
final class ClerkTime {

    private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private ClerkTime() {}

    static String format(LocalDateTime time) {
        return FORMAT.format(time);
    }
}
