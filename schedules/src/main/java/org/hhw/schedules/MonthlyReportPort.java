package org.hhw.schedules;

import java.time.YearMonth;
import java.util.List;

/**
 * What the schedule asks of the report generator: which months are due and to make one. The
 * schedule decides when; the generator decides what a month's reports are and whether they exist.
 */
public interface MonthlyReportPort {

    /**
     * The months with data after the last one reported, up to {@code lastDueMonth}, oldest first; a
     * month already reported is not due again.
     */
    List<YearMonth> monthsDue(YearMonth lastDueMonth);

    /** Makes the month's reports, throwing when they cannot be made. */
    void generate(YearMonth month);
}
