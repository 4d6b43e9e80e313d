package org.hhw.warehouse.report.forms;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.hhw.warehouse.report.Block;
import org.hhw.warehouse.report.Column;
import org.hhw.warehouse.report.Measure;
import org.hhw.warehouse.report.MonthlyReport;
import org.hhw.warehouse.report.ReportUnit;
import org.hhw.warehouse.report.SampleReport;
import org.hhw.warehouse.report.Table;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

class ReportHtmlTest {

    static final String SCRIPT = "<script>alert('x')</script>";

    @Test
    void theDocumentIsWellFormedXhtmlWithNoScriptAndItsChartsInline() throws Exception {
        // given the hand-made county report
        // when it is written as XHTML
        String html = ReportHtml.document(SampleReport.county());

        // then an XML parser takes it, it is in Chinese and UTF-8, and holds two SVG charts and no script
        Document dom = parse(html);
        Element root = dom.getDocumentElement();
        assertThat(root.getAttribute("lang")).isEqualTo("zh-CN");
        assertThat(((Element) dom.getElementsByTagName("meta").item(0)).getAttribute("charset"))
                .isEqualTo("UTF-8");
        assertThat(dom.getElementsByTagName("svg").getLength()).isEqualTo(2);
        assertThat(html).doesNotContain("<script").doesNotContain("src=").doesNotContain("http://www.example");
        // a browser reads the style sheet as raw text: an entity in it would break the rule
        assertThat(dom.getElementsByTagName("style").item(0).getTextContent())
                .isEqualTo(html.substring(html.indexOf("<style>") + 7, html.indexOf("</style>")))
                .contains("font-family: 'hhw-cjk', 'WenQuanYi Micro Hei'");
        assertThat(dom.getElementsByTagName("title").item(0).getTextContent()).isEqualTo("天镇县脱贫攻坚数据月报 2019年6月");
    }

    @Test
    void theSummaryListsEveryHeadlineFigureAgainstTheMonthBeforeAYearAgoAndTheYearToDate() throws Exception {
        // given the county report
        // when written
        Document dom = parse(ReportHtml.document(SampleReport.county()));

        // then the 概要 table, the first, has the six headings, the block's title as a group row and a
        // row per figure formatted by its measure, — where there is no figure
        Element summary = (Element) dom.getElementsByTagName("table").item(0);
        assertThat(rows(summary))
                .containsExactly(
                        List.of("指标", "本月", "上月", "较上月", "去年同月", "年初至今"),
                        List.of("四、扶贫小额信贷"),
                        List.of("月末贷款余额笔数", "120", "118", "+2", "—", "—"),
                        List.of("月末贷款余额（万元）", "512.35", "498.00", "+14.35", "—", "—"),
                        List.of("逾期率（%）", "3.25%", "2.80%", "+0.45个百分点", "—", "—"),
                        List.of("当月发放金额（万元）", "35.00", "20.50", "+14.50", "—", "180.25"));
    }

    @Test
    void aBlockShowsItsHeadingFiguresTablesWithTheirNoteAndCharts() throws Exception {
        // given the county report
        // when written
        Document dom = parse(ReportHtml.document(SampleReport.county()));

        // then the headings run in the report's order, and the ranking table is formatted by column
        assertThat(texts(dom, "h2")).containsExactly("概要", "四、扶贫小额信贷", "九、数据来源");
        assertThat(texts(dom, "h3")).containsExactly("各乡镇逾期率排名", "近12个月走势", "纳入本期的数据");
        Element ranking = (Element) dom.getElementsByTagName("table").item(2);
        assertThat(rows(ranking))
                .containsExactly(
                        List.of("排名", "乡镇", "贷款余额（万元）", "逾期率（%）"),
                        List.of("1", "米薪关镇", "80.00", "6.50%"),
                        List.of("2", "玉泉镇", "300.00", "2.10%"),
                        List.of("3", "谷前堡镇", "—", "0.00%"));
        assertThat(texts(dom, "p")).contains("逾期率 = 月末逾期金额 ÷ 月末贷款余额 × 100");
        assertThat(texts(dom, "p")).contains("各乡镇逾期率（%）", "贷款余额与逾期金额走势（万元）");
    }

    @Test
    void textThatLooksLikeMarkupOrAFormulaReachesThePageAsText() throws Exception {
        // given a report whose cells, titles and labels hold a script tag, a formula and a stray control character
        Table table = new Table(
                SCRIPT,
                List.of(new Column("村 & 组", Measure.TEXT), new Column("\"户数\"", Measure.COUNT)),
                List.of(List.of(SCRIPT, 1L), List.of(SampleReport.FORMULA_LIKE, 2L), List.of("后\u0007缀", 3L)),
                "</p><p>");
        Block block = new Block("问题线索", SCRIPT, List.of(), List.of(table), List.of());
        MonthlyReport report =
                new MonthlyReport("天镇县", new ReportUnit(3, "<b>镇</b>"), SampleReport.MONTH, List.of(block));

        // when written
        String html = ReportHtml.document(report);

        // then the document is still well formed, runs nothing, and shows each text as typed
        assertThat(html).doesNotContain("<script").doesNotContain("<b>");
        Document dom = parse(html);
        assertThat(texts(dom, "h1")).containsExactly("天镇县<b>镇</b>脱贫攻坚数据月报");
        assertThat(texts(dom, "h2")).containsExactly("概要", SCRIPT);
        assertThat(rows((Element) dom.getElementsByTagName("table").item(1)))
                .containsExactly(
                        List.of("村 & 组", "\"户数\""),
                        List.of(SCRIPT, "1"),
                        List.of(SampleReport.FORMULA_LIKE, "2"),
                        List.of("后\uFFFD缀", "3"));
        assertThat(texts(dom, "p")).contains("</p><p>");
    }

    static Document parse(String xhtml) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(false);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", false);
        return factory.newDocumentBuilder().parse(new InputSource(new StringReader(xhtml)));
    }

    static List<String> texts(Document dom, String tag) {
        List<String> texts = new ArrayList<>();
        NodeList nodes = dom.getElementsByTagName(tag);
        for (int i = 0; i < nodes.getLength(); i++) {
            texts.add(nodes.item(i).getTextContent());
        }
        return texts;
    }

    /** The table's rows, each the text of its cells (th and td) in order. */
    static List<List<String>> rows(Element table) {
        List<List<String>> rows = new ArrayList<>();
        NodeList trs = table.getElementsByTagName("tr");
        for (int i = 0; i < trs.getLength(); i++) {
            List<String> cells = new ArrayList<>();
            NodeList children = trs.item(i).getChildNodes();
            for (int j = 0; j < children.getLength(); j++) {
                if (children.item(j) instanceof Element cell) {
                    cells.add(cell.getTextContent());
                }
            }
            rows.add(cells);
        }
        return rows;
    }
}
