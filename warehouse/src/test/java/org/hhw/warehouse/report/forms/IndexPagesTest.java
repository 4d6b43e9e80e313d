package org.hhw.warehouse.report.forms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hhw.warehouse.report.forms.ReportHtmlTest.parse;
import static org.hhw.warehouse.report.forms.ReportHtmlTest.rows;
import static org.hhw.warehouse.report.forms.ReportHtmlTest.texts;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import org.hhw.warehouse.report.SampleReport;
import org.hhw.warehouse.report.forms.MonthIndexPage.ReportFile;
import org.hhw.warehouse.report.forms.ReportsIndexPage.MonthFolder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

class IndexPagesTest {

    @TempDir
    Path home;

    private final List<ReportFile> files = List.of(
            new ReportFile("天镇县", "xlsx", "天镇县脱贫攻坚数据月报_2019年6月.xlsx"),
            new ReportFile("天镇县", "pdf", "天镇县脱贫攻坚数据月报_2019年6月.pdf"),
            new ReportFile("玉泉镇", "xlsx", "天镇县玉泉镇脱贫攻坚数据月报_2019年6月.xlsx"),
            new ReportFile("玉泉镇", "pdf", "天镇县玉泉镇脱贫攻坚数据月报_2019年6月.pdf"),
            new ReportFile("谷前堡镇", "pdf", "天镇县谷前堡镇 脱贫攻坚数据月报&_2019年6月.pdf"));

    @Test
    void theMonthsPageShowsTheCountysFiguresAndChartsAndLinksEveryFile() throws Exception {
        // given the county report of June 2019 and the month's files
        Path month = home.resolve("reports/2019-06");

        // when the month's page is written
        Path page = MonthIndexPage.write(month, SampleReport.county(), files);

        // then it is month/index.html, well-formed UTF-8 XHTML in Chinese with no script, the 概要 and
        // both charts inline, and a relative, percent-encoded link to each file under its unit and form
        assertThat(page).isEqualTo(month.resolve("index.html"));
        assertThat(month).isDirectoryNotContaining(p -> p.toString().endsWith(".part"));
        String html = Files.readString(page, StandardCharsets.UTF_8);
        assertThat(html)
                .doesNotContain("<script")
                .contains("<meta charset=\"UTF-8\"/>")
                .contains("@media print");
        Document dom = parse(html);
        assertThat(dom.getDocumentElement().getAttribute("lang")).isEqualTo("zh-CN");
        assertThat(dom.getElementsByTagName("svg").getLength()).isEqualTo(2);
        assertThat(texts(dom, "h2")).containsExactly("概要", "四、扶贫小额信贷", "本月报表文件");
        assertThat(rows((Element) dom.getElementsByTagName("table").item(0)))
                .contains(List.of("当月发放金额（万元）", "35.00", "20.50", "+14.50", "—", "180.25"));
        assertThat(rows((Element) dom.getElementsByTagName("table").item(1)))
                .containsExactly(
                        List.of("单位", "XLSX", "PDF"),
                        List.of("天镇县", files.get(0).fileName(), files.get(1).fileName()),
                        List.of("玉泉镇", files.get(2).fileName(), files.get(3).fileName()),
                        List.of("谷前堡镇", "—", files.get(4).fileName()));
        assertThat(links(dom))
                .containsExactly(
                        "%E5%A4%A9%E9%95%87%E5%8E%BF%E8%84%B1%E8%B4%AB%E6%94%BB%E5%9D%9A%E6%95%B0%E6%8D%AE%E6%9C%88%E6%8A%A5"
                                + "_2019%E5%B9%B46%E6%9C%88.xlsx",
                        "%E5%A4%A9%E9%95%87%E5%8E%BF%E8%84%B1%E8%B4%AB%E6%94%BB%E5%9D%9A%E6%95%B0%E6%8D%AE%E6%9C%88%E6%8A%A5"
                                + "_2019%E5%B9%B46%E6%9C%88.pdf",
                        Markup.href(files.get(2).fileName()),
                        Markup.href(files.get(3).fileName()),
                        "%E5%A4%A9%E9%95%87%E5%8E%BF%E8%B0%B7%E5%89%8D%E5%A0%A1%E9%95%87%20%E8%84%B1%E8%B4%AB%E6%94%BB%E5%9D"
                                + "%9A%E6%95%B0%E6%8D%AE%E6%9C%88%E6%8A%A5%26_2019%E5%B9%B46%E6%9C%88.pdf");
    }

    @Test
    void theReportsPageLinksEachMonthsPageLatestFirst() throws Exception {
        // given three months with reports, in no order
        List<MonthFolder> months = List.of(
                new MonthFolder(YearMonth.of(2019, 5), "2019-05"),
                new MonthFolder(YearMonth.of(2019, 6), "2019-06"),
                new MonthFolder(YearMonth.of(2018, 12), "2018-12"));

        // when the reports' page is written
        Path page = ReportsIndexPage.write(home.resolve("reports"), "天镇县", months);

        // then it links each month's index.html, relative, under its Chinese name, the latest first
        assertThat(page).isEqualTo(home.resolve("reports/index.html"));
        String html = Files.readString(page, StandardCharsets.UTF_8);
        assertThat(html).doesNotContain("<script").contains("<meta charset=\"UTF-8\"/>");
        Document dom = parse(html);
        assertThat(texts(dom, "h1")).containsExactly("天镇县脱贫攻坚数据月报");
        assertThat(texts(dom, "a")).containsExactly("2019年6月", "2019年5月", "2018年12月");
        assertThat(links(dom)).containsExactly("2019-06/index.html", "2019-05/index.html", "2018-12/index.html");
    }

    private static List<String> links(Document dom) {
        List<String> hrefs = new ArrayList<>();
        NodeList anchors = dom.getElementsByTagName("a");
        for (int i = 0; i < anchors.getLength(); i++) {
            hrefs.add(((Element) anchors.item(i)).getAttribute("href"));
        }
        return hrefs;
    }
}
