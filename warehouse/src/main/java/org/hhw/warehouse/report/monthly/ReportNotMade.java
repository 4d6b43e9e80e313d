package org.hhw.warehouse.report.monthly;

import java.time.YearMonth;

/**
 * A month's reports that could not be made, and why, in the leaders' language as the ledger and
 * {@code hhw status} show it. Nothing of the attempt is left in the month's folder.
 */
public final class ReportNotMade extends RuntimeException {

    private final YearMonth month;

    public ReportNotMade(YearMonth month, String reason) {
        super(reason);
        this.month = month;
    }

    public ReportNotMade(YearMonth month, String reason, Throwable cause) {
        super(reason, cause);
        this.month = month;
    }

    public YearMonth month() {
        return month;
    }
}
