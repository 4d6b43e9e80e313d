package org.hhw.warehouse.report.forms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hhw.warehouse.report.forms.ReportHtmlTest.parse;
import static org.hhw.warehouse.report.forms.ReportHtmlTest.texts;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.hhw.warehouse.report.Block;
import org.hhw.warehouse.report.Chart;
import org.hhw.warehouse.report.ChartKind;
import org.hhw.warehouse.report.Column;
import org.hhw.warehouse.report.Measure;
import org.hhw.warehouse.report.SampleReport;
import org.hhw.warehouse.report.Table;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

class SvgChartTest {

    private final Block microloans = SampleReport.county().blocks().get(0);

    @Test
    void aRankingIsABarPerTownshipAsLongAsItsValueWithItsNameAndFigure() throws Exception {
        // given the sample's ranking chart: 6.50, 2.10 and 0.00 %
        Chart chart = microloans.charts().get(0);

        // when drawn
        Document svg = draw(chart, microloans.tables().get(0));

        // then the longest bar is the highest rate, the others in proportion, each named and labelled
        assertThat(attributes(svg, "rect", "width")).containsExactly("440.0", "142.2", "0.0");
        assertThat(texts(svg, "text")).containsExactly("米薪关镇", "6.50%", "玉泉镇", "2.10%", "谷前堡镇", "0.00%");
        assertThat(svg.getDocumentElement().getAttribute("aria-label")).isEqualTo("各乡镇逾期率（%）");
    }

    @Test
    void aTrendIsALinePerSeriesOverTheMonthsWithALegendAndARoundAxis() throws Exception {
        // given the sample's trend: balances 400..510 and overdue 10..21 over twelve months
        Chart chart = microloans.charts().get(1);

        // when drawn
        Document svg = draw(chart, microloans.tables().get(1));

        // then two lines of twelve points, the legend names both series, the months run along the
        // bottom and the axis counts in round steps from zero
        List<String> lines = attributes(svg, "polyline", "points");
        assertThat(lines)
                .hasSize(2)
                .allSatisfy(points -> assertThat(points.split(" ")).hasSize(12));
        List<String> texts = texts(svg, "text");
        assertThat(texts).startsWith("月末贷款余额（万元）", "月末逾期金额（万元）");
        assertThat(texts).containsSubsequence("0.00", "200.00", "400.00", "600.00");
        assertThat(texts).containsSubsequence("2018-07", "2018-12", "2019-01", "2019-06");
        assertThat(attributes(svg, "circle", "cx")).hasSize(24);
    }

    @Test
    void aMonthWithoutAFigureBreaksTheLineInsteadOfDroppingToZero() throws Exception {
        // given a count over five months, the third unknown
        List<List<Object>> rows = new ArrayList<>();
        Long[] values = {5L, 7L, null, 6L, 8L};
        for (int i = 0; i < values.length; i++) {
            rows.add(Arrays.asList("2019-0" + (i + 1), values[i]));
        }
        Table table =
                new Table("走势", List.of(new Column("月份", Measure.TEXT), new Column("人数", Measure.COUNT)), rows, null);
        Chart chart = new Chart(ChartKind.TREND_LINE, "人数走势", 0, 0, List.of(1));

        // when drawn
        Document svg = draw(chart, table);

        // then two pieces of line, of two points each, four dots, no legend for one series, and the
        // count's axis reads in whole steps
        assertThat(attributes(svg, "polyline", "points"))
                .extracting(p -> p.split(" ").length)
                .containsExactly(2, 2);
        assertThat(attributes(svg, "circle", "cx")).hasSize(4);
        assertThat(texts(svg, "text")).startsWith("0", "2", "4", "6", "8", "2019-01");
    }

    @Test
    void stepsAreOneTwoOrFiveTimesAPowerOfTen() {
        // given raw steps / when rounded / then 1, 2, 5 × 10^n, never below the raw step
        assertThat(SvgChart.niceStep(0.3)).isEqualTo(0.5);
        assertThat(SvgChart.niceStep(27.5)).isEqualTo(50);
        assertThat(SvgChart.niceStep(150)).isEqualTo(200);
        assertThat(SvgChart.niceStep(1000)).isEqualTo(1000);
        assertThat(SvgChart.niceStep(0)).isEqualTo(1);
    }

    private static Document draw(Chart chart, Table table) throws Exception {
        Markup out = new Markup();
        SvgChart.write(out, chart, table);
        return parse(out.toString());
    }

    private static List<String> attributes(Document svg, String tag, String attribute) {
        List<String> values = new ArrayList<>();
        NodeList nodes = svg.getElementsByTagName(tag);
        for (int i = 0; i < nodes.getLength(); i++) {
            values.add(((Element) nodes.item(i)).getAttribute(attribute));
        }
        return values;
    }
}
