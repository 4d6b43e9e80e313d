package org.hhw.warehouse.report.forms;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.hhw.warehouse.report.Chart;
import org.hhw.warehouse.report.ChartKind;
import org.hhw.warehouse.report.Measure;
import org.hhw.warehouse.report.Table;

/**
 * A report chart as inline SVG, drawn from the cells of its table so that it plots exactly the figures
 * printed beside it: a ranking as horizontal bars with their labels and values, a trend as a line per
 * series over the months with a legend. Plain shapes and text only, no script, nothing fetched: the
 * PDF draws it through Batik and a browser shows it offline.
 */
final class SvgChart {

    /** The width of every chart, in CSS pixels: a little under an A4 page's text width. */
    static final int WIDTH = 640;

    private static final String[] COLOURS = {"#c0392b", "#2874a6", "#d68910", "#239b56", "#7d3c98", "#5d6d7e"};
    private static final int FONT_SIZE = 11;

    private SvgChart() {}

    static void write(Markup out, Chart chart, Table table) {
        if (chart.kind() == ChartKind.RANKING_BARS) {
            bars(out, chart, table);
        } else {
            lines(out, chart, table);
        }
    }

    private static void bars(Markup out, Chart chart, Table table) {
        int series = chart.seriesColumns().size();
        int barHeight = 14;
        int rowHeight = series * barHeight + 8;
        int top = legendHeight(series);
        int height = top + table.rows().size() * rowHeight + 4;
        int labelWidth = 110;
        double barArea = WIDTH - labelWidth - 90;
        double max = 0;
        for (List<Object> row : table.rows()) {
            for (int column : chart.seriesColumns()) {
                Double v = Formats.plotted(row.get(column));
                max = v == null ? max : Math.max(max, v);
            }
        }
        open(out, chart, height);
        legend(out, chart, table, series);
        for (int r = 0; r < table.rows().size(); r++) {
            List<Object> row = table.rows().get(r);
            int y = top + r * rowHeight + 4;
            out.element(
                    "text",
                    Formats.format(row.get(chart.categoryColumn()), Measure.TEXT),
                    "x",
                    number(labelWidth - 6),
                    "y",
                    number(y + series * barHeight / 2.0 + FONT_SIZE / 2.0 - 1),
                    "text-anchor",
                    "end");
            for (int s = 0; s < series; s++) {
                int column = chart.seriesColumns().get(s);
                Object value = row.get(column);
                Double v = Formats.plotted(value);
                double length = v == null || max <= 0 ? 0 : Math.max(0, v) / max * barArea;
                double barTop = y + s * barHeight;
                out.empty(
                        "rect",
                        "x",
                        number(labelWidth),
                        "y",
                        number(barTop + 1),
                        "width",
                        number(length),
                        "height",
                        number(barHeight - 2),
                        "fill",
                        colour(s));
                out.element(
                        "text",
                        Formats.format(value, table.columns().get(column).measure()),
                        "x",
                        number(labelWidth + length + 4),
                        "y",
                        number(barTop + barHeight / 2.0 + FONT_SIZE / 2.0 - 1));
            }
        }
        out.close("svg");
    }

    private static void lines(Markup out, Chart chart, Table table) {
        int series = chart.seriesColumns().size();
        int height = 260;
        double left = 70;
        double right = WIDTH - 16;
        double top = legendHeight(series) + 8;
        double bottom = height - 28;
        List<List<Object>> rows = table.rows();
        double min = 0;
        double max = 0;
        for (List<Object> row : rows) {
            for (int column : chart.seriesColumns()) {
                Double v = Formats.plotted(row.get(column));
                if (v != null) {
                    min = Math.min(min, v);
                    max = Math.max(max, v);
                }
            }
        }
        Measure axis = table.columns().get(chart.seriesColumns().get(0)).measure();
        // A count's axis never reads in halves.
        double step = axis == Measure.COUNT ? Math.max(1, niceStep((max - min) / 4)) : niceStep((max - min) / 4);
        double low = Math.floor(min / step) * step;
        double high = Math.max(low + step, Math.ceil(max / step) * step);
        open(out, chart, height);
        legend(out, chart, table, series);
        for (int k = 0; low + k * step <= high + step / 2; k++) {
            double tick = low + k * step;
            double y = bottom - (tick - low) / (high - low) * (bottom - top);
            out.empty(
                    "line",
                    "x1",
                    number(left),
                    "y1",
                    number(y),
                    "x2",
                    number(right),
                    "y2",
                    number(y),
                    "stroke",
                    "#dddddd",
                    "stroke-width",
                    "1");
            out.element(
                    "text",
                    Formats.format(BigDecimal.valueOf(tick), axis),
                    "x",
                    number(left - 6),
                    "y",
                    number(y + FONT_SIZE / 2.0 - 1),
                    "text-anchor",
                    "end");
        }
        double spacing = rows.size() > 1 ? (right - left - 20) / (rows.size() - 1) : 0;
        double first = rows.size() > 1 ? left + 10 : (left + right) / 2;
        for (int i = 0; i < rows.size(); i++) {
            out.element(
                    "text",
                    Formats.format(rows.get(i).get(chart.categoryColumn()), Measure.TEXT),
                    "x",
                    number(first + i * spacing),
                    "y",
                    number(bottom + 16),
                    "text-anchor",
                    "middle");
        }
        for (int s = 0; s < series; s++) {
            int column = chart.seriesColumns().get(s);
            // A month without a figure breaks the line rather than dropping it to zero.
            List<String> segment = new ArrayList<>();
            for (int i = 0; i <= rows.size(); i++) {
                Double v = i < rows.size() ? Formats.plotted(rows.get(i).get(column)) : null;
                if (v != null) {
                    double x = first + i * spacing;
                    double y = bottom - (v - low) / (high - low) * (bottom - top);
                    segment.add(number(x) + "," + number(y));
                    out.empty("circle", "cx", number(x), "cy", number(y), "r", "2.5", "fill", colour(s));
                } else if (!segment.isEmpty()) {
                    out.empty(
                            "polyline",
                            "points",
                            String.join(" ", segment),
                            "fill",
                            "none",
                            "stroke",
                            colour(s),
                            "stroke-width",
                            "2");
                    segment.clear();
                }
            }
        }
        out.close("svg");
    }

    private static void open(Markup out, Chart chart, int height) {
        out.open(
                "svg",
                "xmlns",
                "http://www.w3.org/2000/svg",
                "width",
                String.valueOf(WIDTH),
                "height",
                String.valueOf(height),
                "viewBox",
                "0 0 " + WIDTH + " " + height,
                "role",
                "img",
                "aria-label",
                chart.title(),
                "font-family",
                ReportHtml.FONT_FAMILY,
                "font-size",
                String.valueOf(FONT_SIZE),
                "fill",
                "#222222");
    }

    private static int legendHeight(int series) {
        return series > 1 ? 20 : 0;
    }

    /** A swatch and the column's heading per series, in a row above the plot; one series needs none. */
    private static void legend(Markup out, Chart chart, Table table, int series) {
        if (series < 2) {
            return;
        }
        double x = 70;
        for (int s = 0; s < series; s++) {
            String label = table.columns().get(chart.seriesColumns().get(s)).label();
            out.empty("rect", "x", number(x), "y", "4", "width", "12", "height", "12", "fill", colour(s));
            out.element("text", label, "x", number(x + 16), "y", "14");
            x += 16 + label.length() * FONT_SIZE + 24;
        }
    }

    /** 1, 2 or 5 times a power of ten, the smallest at least {@code raw}, so the axis reads in round numbers. */
    static double niceStep(double raw) {
        if (raw <= 0) {
            return 1;
        }
        double magnitude = Math.pow(10, Math.floor(Math.log10(raw)));
        for (double factor : new double[] {1, 2, 5}) {
            if (factor * magnitude >= raw) {
                return factor * magnitude;
            }
        }
        return 10 * magnitude;
    }

    private static String colour(int series) {
        return COLOURS[series % COLOURS.length];
    }

    private static String number(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }
}
