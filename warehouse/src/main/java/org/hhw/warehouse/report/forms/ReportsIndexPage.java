package org.hhw.warehouse.report.forms;

import java.io.IOException;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.Comparator;
import java.util.List;

/** {@code <home>/reports/index.html}: a link to each month's page, the latest month first. */
public final class ReportsIndexPage {

    /** A month that has reports, and its folder under {@code reports/} (e.g. 2019-06). */
    public record MonthFolder(YearMonth month, String folder) {}

    private ReportsIndexPage() {}

    /** Writes the page as {@code index.html} in the reports folder. */
    public static Path write(Path reportsFolder, String county, List<MonthFolder> months) throws IOException {
        return Markup.write(reportsFolder.resolve("index.html"), page(county, months));
    }

    public static String page(String county, List<MonthFolder> months) {
        String title = county + "脱贫攻坚数据月报";
        Markup page = Markup.page(title, ReportHtml.CSS);
        page.element("h1", title);
        page.element("p", "共 " + months.size() + " 个月", "class", "meta");
        page.open("ul", "class", "months");
        for (MonthFolder m : months.stream()
                .sorted(Comparator.comparing(MonthFolder::month).reversed())
                .toList()) {
            page.open("li")
                    .element(
                            "a",
                            m.month().getYear() + "年" + m.month().getMonthValue() + "月",
                            "href",
                            Markup.href(m.folder()) + "/index.html")
                    .close("li");
        }
        page.close("ul");
        return page.endPage();
    }
}
