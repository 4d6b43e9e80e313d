package org.hhw.warehouse.report.forms;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.hhw.warehouse.report.Block;
import org.hhw.warehouse.report.Chart;
import org.hhw.warehouse.report.MonthlyReport;

/**
 * A month's page, {@code <home>/reports/<yyyy-mm>/index.html}: the county's headline figures, its
 * charts (the township rankings and the twelve-month trends) drawn inline, and a link to every file of
 * the month. One file, no script, nothing fetched: it reads the same opened from a USB stick.
 */
public final class MonthIndexPage {

    /** One file of the month: whose report it is, its form (xlsx, pdf) and its name in the month's folder. */
    public record ReportFile(String unit, String form, String fileName) {}

    private static final String PAGE_CSS = "@page { size: A4; margin: 15mm; }\n";

    private MonthIndexPage() {}

    /** Writes the page as {@code index.html} in the month's folder. */
    public static Path write(Path monthFolder, MonthlyReport county, List<ReportFile> files) throws IOException {
        return Markup.write(monthFolder.resolve("index.html"), page(county, files));
    }

    public static String page(MonthlyReport county, List<ReportFile> files) {
        Markup page = Markup.page(county.title() + " " + county.monthLabel(), PAGE_CSS + ReportHtml.CSS);
        ReportHtml.heading(page, county);
        page.element("h2", "概要");
        ReportHtml.figures(page, county.blocks(), true);
        for (Block block : county.blocks()) {
            if (!block.charts().isEmpty()) {
                page.element("h2", block.title());
                for (Chart chart : block.charts()) {
                    ReportHtml.chart(page, block, chart);
                }
            }
        }
        page.element("h2", "本月报表文件");
        links(page, files);
        return page.endPage();
    }

    /** A row per unit in the order given, a column per form, each cell the file's name as its link. */
    private static void links(Markup page, List<ReportFile> files) {
        List<String> forms = new ArrayList<>();
        Map<String, Map<String, String>> byUnit = new LinkedHashMap<>();
        for (ReportFile file : files) {
            if (!forms.contains(file.form())) {
                forms.add(file.form());
            }
            byUnit.computeIfAbsent(file.unit(), u -> new LinkedHashMap<>()).put(file.form(), file.fileName());
        }
        page.open("table", "class", "files");
        page.open("thead").open("tr").element("th", "单位");
        for (String form : forms) {
            page.element("th", form.toUpperCase(Locale.ROOT));
        }
        page.close("tr").close("thead");
        page.open("tbody");
        for (Map.Entry<String, Map<String, String>> unit : byUnit.entrySet()) {
            page.open("tr").element("td", unit.getKey());
            for (String form : forms) {
                String fileName = unit.getValue().get(form);
                if (fileName == null) {
                    page.element("td", Formats.NONE);
                } else {
                    page.open("td")
                            .element("a", fileName, "href", Markup.href(fileName))
                            .close("td");
                }
            }
            page.close("tr");
        }
        page.close("tbody").close("table");
    }
}
