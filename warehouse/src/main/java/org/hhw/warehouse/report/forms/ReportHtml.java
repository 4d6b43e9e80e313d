package org.hhw.warehouse.report.forms;

import java.util.List;
import org.hhw.warehouse.report.Block;
import org.hhw.warehouse.report.Chart;
import org.hhw.warehouse.report.Column;
import org.hhw.warehouse.report.Figure;
import org.hhw.warehouse.report.Measure;
import org.hhw.warehouse.report.MonthlyReport;
import org.hhw.warehouse.report.Table;

/**
 * A unit's monthly report as one well-formed XHTML document: the title, the 概要 (every block's headline
 * figures), then each block's heading, figures, tables and charts (inline SVG). The PDF is this
 * document laid out on A4; a browser shows the same document. It computes nothing but the change on
 * the month before, the difference of two figures it prints.
 */
public final class ReportHtml {

    /**
     * The family the PDF registers its CJK font under, then the fonts a reader's browser may have:
     * one list for the page and its charts.
     */
    static final String PDF_FONT = "hhw-cjk";

    static final String FONT_FAMILY = "'" + PDF_FONT
            + "', 'WenQuanYi Micro Hei', 'Microsoft YaHei', 'PingFang SC', 'Noto Sans CJK SC', sans-serif";

    /** Tables and text, on screen and on paper alike. */
    static final String CSS = "body { font-family: " + FONT_FAMILY + "; font-size: 10pt; color: #222; margin: 0; }\n"
            + "h1 { font-size: 18pt; text-align: center; margin: 0 0 4pt 0; }\n"
            + "h2 { font-size: 13pt; border-bottom: 1.5pt solid #b03a2e; padding-bottom: 2pt; margin: 16pt 0 6pt 0;"
            + " page-break-after: avoid; }\n"
            + "h3 { font-size: 10.5pt; margin: 10pt 0 3pt 0; page-break-after: avoid; }\n"
            + ".meta { text-align: center; color: #555; margin: 0 0 10pt 0; }\n"
            + "table { border-collapse: collapse; width: 100%; margin: 0 0 4pt 0; -fs-table-paginate: paginate; }\n"
            + "thead { display: table-header-group; }\n"
            + "tr { page-break-inside: avoid; }\n"
            + "th, td { border: 0.5pt solid #999; padding: 2pt 4pt; vertical-align: top; }\n"
            + "th { background-color: #eeeeee; font-weight: normal; text-align: center; }\n"
            + "td.num { text-align: right; white-space: nowrap; }\n"
            + "tr.group th { text-align: left; background-color: #f8f3f2; }\n"
            + ".note { font-size: 8.5pt; color: #555; margin: 0 0 8pt 0; }\n"
            + ".chart { page-break-inside: avoid; margin: 6pt 0 10pt 0; }\n"
            + ".chart-title { font-weight: bold; margin: 0 0 2pt 0; }\n"
            + "a { color: #1a5276; }\n"
            + "@media screen { body { max-width: 960px; margin: 0 auto; padding: 16px; } }\n"
            + "@media print { a { color: inherit; text-decoration: none; } }\n";

    /** A4 pages numbered in the footer (openhtmltopdf's margin boxes; browsers ignore them on screen). */
    private static final String PAGE_CSS = "@page { size: A4; margin: 16mm 15mm 18mm 15mm;\n"
            + "  @bottom-center { content: \"第 \" counter(page) \" 页 共 \" counter(pages) \" 页\";"
            + " font-family: " + FONT_FAMILY + "; font-size: 9pt; color: #555; } }\n";

    private static final String[] FIGURE_HEADINGS = {"指标", "本月", "上月", "较上月", "去年同月", "年初至今"};

    private ReportHtml() {}

    public static String document(MonthlyReport report) {
        Markup page = Markup.page(report.title() + " " + report.monthLabel(), PAGE_CSS + CSS);
        heading(page, report);
        page.element("h2", "概要");
        figures(page, report.blocks(), true);
        for (Block block : report.blocks()) {
            page.element("h2", block.title());
            if (!block.figures().isEmpty()) {
                figures(page, List.of(block), false);
            }
            for (Table table : block.tables()) {
                table(page, table);
            }
            for (Chart chart : block.charts()) {
                chart(page, block, chart);
            }
        }
        return page.endPage();
    }

    /** The report's title, then its unit and month. */
    static void heading(Markup page, MonthlyReport report) {
        page.element("h1", report.title());
        page.element("p", "报告单位：" + report.unit().name() + "　报告月份：" + report.monthLabel(), "class", "meta");
    }

    /**
     * The headline figures of the blocks against the month before, a year before and the year to date;
     * with {@code grouped}, each block's figures under its title (the 概要).
     */
    static void figures(Markup page, List<Block> blocks, boolean grouped) {
        page.open("table", "class", "figures");
        page.open("thead").open("tr");
        for (String heading : FIGURE_HEADINGS) {
            page.element("th", heading);
        }
        page.close("tr").close("thead");
        page.open("tbody");
        for (Block block : blocks) {
            if (grouped && !block.figures().isEmpty()) {
                page.open("tr", "class", "group")
                        .element("th", block.title(), "colspan", String.valueOf(FIGURE_HEADINGS.length))
                        .close("tr");
            }
            for (Figure f : block.figures()) {
                page.open("tr");
                page.element("td", f.label());
                cell(page, Formats.format(f.month(), f.measure()));
                cell(page, Formats.format(f.previousMonth(), f.measure()));
                cell(page, Formats.change(f.month(), f.previousMonth(), f.measure()));
                cell(page, Formats.format(f.yearAgo(), f.measure()));
                cell(page, Formats.format(f.yearToDate(), f.measure()));
                page.close("tr");
            }
        }
        page.close("tbody").close("table");
    }

    static void table(Markup page, Table table) {
        page.element("h3", table.title());
        page.open("table");
        page.open("thead").open("tr");
        for (Column column : table.columns()) {
            page.element("th", column.label());
        }
        page.close("tr").close("thead");
        page.open("tbody");
        for (List<Object> row : table.rows()) {
            page.open("tr");
            for (int i = 0; i < row.size(); i++) {
                Column column = table.columns().get(i);
                String text = Formats.format(row.get(i), column.measure());
                if (column.measure() == Measure.TEXT) {
                    page.element("td", text);
                } else {
                    cell(page, text);
                }
            }
            page.close("tr");
        }
        page.close("tbody").close("table");
        if (table.note() != null) {
            page.element("p", table.note(), "class", "note");
        }
    }

    /** A chart under its title, drawn from the block's table it names. */
    static void chart(Markup page, Block block, Chart chart) {
        page.open("div", "class", "chart");
        page.element("p", chart.title(), "class", "chart-title");
        SvgChart.write(page, chart, block.tables().get(chart.table()));
        page.close("div");
    }

    private static void cell(Markup page, String number) {
        page.element("td", number, "class", "num");
    }
}
