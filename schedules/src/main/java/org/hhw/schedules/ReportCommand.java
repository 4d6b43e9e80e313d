package org.hhw.schedules;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import org.hhw.warehouse.report.monthly.MonthlyReports;
import org.hhw.warehouse.report.monthly.ReportNotMade;

/**
 * {@code hhw report [--month=yyyy-mm] [--township=…]}: makes a month's reports now, from the published copy as it
 * stands, a new version when the month was made before. It reads only the published copy and writes only the
 * reports, so it runs beside the service, one report run at a time.
 */
final class ReportCommand {

    private ReportCommand() {}

    /** @param month null: the latest month with events in the published copy */
    static int run(MonthlyReports reports, String month, String township, PrintStream out, PrintStream err) {
        YearMonth which;
        if (month != null) {
            try {
                which = YearMonth.parse(month.strip());
            } catch (DateTimeParseException e) {
                err.println("--month takes a month as yyyy-mm, e.g. --month=2019-06, not " + month);
                return 2;
            }
        } else {
            List<YearMonth> withData = reports.monthsWithData();
            if (withData.isEmpty()) {
                err.println("报表未生成：还没有任何月份的数据（no published data with events yet; ingest files first)");
                return 1;
            }
            which = withData.get(withData.size() - 1);
        }
        try {
            MonthlyReports.Made made =
                    reports.make(which, Optional.ofNullable(township).map(String::strip));
            out.println("Reports of " + which
                    + (made.entry().version() > 1 ? ", version " + made.entry().version() : "") + " ("
                    + made.entry().units() + "), " + made.files().size() + " files in " + made.folder() + ":");
            for (Path file : made.files()) {
                out.println("  " + file.getFileName());
            }
            out.println("Open " + made.folder().resolve("index.html") + " in a browser; every month: "
                    + made.folder().getParent().resolve("index.html") + ".");
            return 0;
        } catch (ReportNotMade e) {
            err.println("报表未生成（" + which + "）：" + e.getMessage());
            return 1;
        }
    }
}
