package org.hhw.warehouse.report.forms;

import java.util.List;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xddf.usermodel.XDDFColor;
import org.apache.poi.xddf.usermodel.XDDFLineProperties;
import org.apache.poi.xddf.usermodel.XDDFSolidFillProperties;
import org.apache.poi.xddf.usermodel.chart.AxisCrossBetween;
import org.apache.poi.xddf.usermodel.chart.AxisCrosses;
import org.apache.poi.xddf.usermodel.chart.AxisOrientation;
import org.apache.poi.xddf.usermodel.chart.AxisPosition;
import org.apache.poi.xddf.usermodel.chart.BarDirection;
import org.apache.poi.xddf.usermodel.chart.ChartTypes;
import org.apache.poi.xddf.usermodel.chart.DisplayBlanks;
import org.apache.poi.xddf.usermodel.chart.LegendPosition;
import org.apache.poi.xddf.usermodel.chart.MarkerStyle;
import org.apache.poi.xddf.usermodel.chart.XDDFBarChartData;
import org.apache.poi.xddf.usermodel.chart.XDDFCategoryAxis;
import org.apache.poi.xddf.usermodel.chart.XDDFChartData;
import org.apache.poi.xddf.usermodel.chart.XDDFDataSource;
import org.apache.poi.xddf.usermodel.chart.XDDFDataSourcesFactory;
import org.apache.poi.xddf.usermodel.chart.XDDFLineChartData;
import org.apache.poi.xddf.usermodel.chart.XDDFNumericalDataSource;
import org.apache.poi.xddf.usermodel.chart.XDDFValueAxis;
import org.apache.poi.xssf.usermodel.XSSFChart;
import org.apache.poi.xssf.usermodel.XSSFClientAnchor;
import org.apache.poi.xssf.usermodel.XSSFDrawing;
import org.apache.poi.xssf.usermodel.XSSFRow;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.hhw.warehouse.report.Chart;
import org.hhw.warehouse.report.ChartKind;
import org.hhw.warehouse.report.Column;
import org.hhw.warehouse.report.Measure;
import org.hhw.warehouse.report.Table;

/**
 * Native charts over a table's cells: the series name the table's ranges, so a chart shows what the
 * table prints, and {@code plot} writes the values into the chart too (WPS and LibreOffice draw the
 * cached values; without them the chart is empty).
 */
final class XlsxCharts {

    /** The rows a chart takes below its table: twelve bars or months stay legible. */
    static final int ROWS = 20;

    /** Office's first series colours: blue, orange, grey, gold, light blue, green. */
    private static final byte[][] PALETTE = {
        rgb(0x44, 0x72, 0xC4), rgb(0xED, 0x7D, 0x31), rgb(0xA5, 0xA5, 0xA5),
        rgb(0xFF, 0xC0, 0x00), rgb(0x5B, 0x9B, 0xD5), rgb(0x70, 0xAD, 0x47)
    };

    private static final double LINE_POINTS = 2.25;

    private XlsxCharts() {}

    /**
     * @param header the table's header row (0-based); its rows follow it
     * @param top the first row of the chart's room
     * @param columns the sheet's columns: the chart is as wide as the tables, so it prints on their page width
     */
    static void draw(XSSFSheet sheet, Chart chart, Table table, int header, int top, int columns) {
        XSSFDrawing drawing = sheet.createDrawingPatriarch();
        XSSFClientAnchor anchor = drawing.createAnchor(0, 0, 0, 0, 0, top, columns, top + ROWS);
        XSSFChart xchart = drawing.createChart(anchor);
        xchart.setTitleText(chart.title());
        xchart.setTitleOverlay(false);
        // A missing figure is a blank cell of a hidden column (see plotted): a gap, never a zero.
        xchart.displayBlanksAs(DisplayBlanks.GAP);
        xchart.setPlotOnlyVisibleCells(false);

        boolean ranking = chart.kind() == ChartKind.RANKING_BARS;
        Column category = table.columns().get(chart.categoryColumn());
        List<Column> series =
                chart.seriesColumns().stream().map(table.columns()::get).toList();

        XDDFCategoryAxis categoryAxis = xchart.createCategoryAxis(ranking ? AxisPosition.LEFT : AxisPosition.BOTTOM);
        categoryAxis.setTitle(category.label());
        XDDFValueAxis valueAxis = xchart.createValueAxis(ranking ? AxisPosition.BOTTOM : AxisPosition.LEFT);
        valueAxis.setTitle(
                series.size() == 1 ? series.get(0).label() : unit(series.get(0).measure()));
        valueAxis.setNumberFormat(XlsxCells.numberFormat(series.get(0).measure()));
        valueAxis.setCrossBetween(AxisCrossBetween.BETWEEN);
        if (ranking) {
            // The first township at the top, as a ranking reads; the values' axis stays at the bottom.
            categoryAxis.setOrientation(AxisOrientation.MAX_MIN);
            valueAxis.setCrosses(AxisCrosses.MAX);
        } else {
            valueAxis.setCrosses(AxisCrosses.AUTO_ZERO);
        }

        XDDFChartData data = xchart.createData(ranking ? ChartTypes.BAR : ChartTypes.LINE, categoryAxis, valueAxis);
        data.setVaryColors(false);
        if (data instanceof XDDFBarChartData bars) {
            bars.setBarDirection(BarDirection.BAR);
        }
        int first = header + 1;
        int last = header + table.rows().size();
        XDDFDataSource<?> categories = category.measure() == Measure.TEXT
                ? XDDFDataSourcesFactory.fromStringCellRange(sheet, column(first, last, chart.categoryColumn()))
                : XDDFDataSourcesFactory.fromNumericCellRange(sheet, column(first, last, chart.categoryColumn()));
        for (int s = 0; s < series.size(); s++) {
            int c = chart.seriesColumns().get(s);
            XDDFNumericalDataSource<Double> values = XDDFDataSourcesFactory.fromNumericCellRange(
                    sheet, column(first, last, plotted(sheet, table, header, c, columns)));
            XDDFChartData.Series line = data.addSeries(categories, values);
            line.setTitle(series.get(s).label(), new CellReference(sheet.getSheetName(), header, c, true, true));
            // Without a colour of its own LibreOffice draws a bar or a line invisible (only the markers show).
            XDDFSolidFillProperties colour = new XDDFSolidFillProperties(XDDFColor.from(PALETTE[s % PALETTE.length]));
            if (line instanceof XDDFLineChartData.Series trend) {
                trend.setSmooth(false);
                trend.setMarkerStyle(MarkerStyle.CIRCLE);
                XDDFLineProperties stroke = new XDDFLineProperties(colour);
                stroke.setWidth(LINE_POINTS);
                trend.setLineProperties(stroke);
            } else {
                line.setFillProperties(colour);
            }
        }
        if (series.size() > 1) {
            xchart.getOrAddLegend().setPosition(LegendPosition.BOTTOM);
        }
        xchart.plot(data);
    }

    /**
     * The column a series reads: the table's own, unless it holds a missing figure. Its cell then
     * shows the text —, which Excel, WPS and LibreOffice plot as 0 (they read the cells, not the
     * cached values); so the series reads a copy of the column beyond the printed ones, hidden,
     * with the missing figures left blank.
     */
    private static int plotted(XSSFSheet sheet, Table table, int header, int column, int columns) {
        boolean complete = table.rows().stream().allMatch(row -> row.get(column) instanceof Number);
        if (complete) {
            return column;
        }
        int copy = columns + column;
        for (int r = 0; r < table.rows().size(); r++) {
            if (table.rows().get(r).get(column) instanceof Number number) {
                XSSFRow row = sheet.getRow(header + 1 + r);
                row.createCell(copy).setCellValue(number.doubleValue());
            }
        }
        sheet.setColumnHidden(copy, true);
        return copy;
    }

    private static byte[] rgb(int red, int green, int blue) {
        return new byte[] {(byte) red, (byte) green, (byte) blue};
    }

    private static CellRangeAddress column(int first, int last, int column) {
        return new CellRangeAddress(first, last, column, column);
    }

    /** What several series share on their axis: the unit of their measure. */
    private static String unit(Measure measure) {
        return switch (measure) {
            case YUAN -> "元";
            case WAN_YUAN -> "万元";
            case PERCENT -> "%";
            case COUNT, TEXT -> "数量";
        };
    }
}
