package org.hhw.warehouse.report.monthly;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.hhw.warehouse.report.monthly.CountyHome.JUNE;
import static org.hhw.warehouse.report.monthly.CountyHome.MADE_AT;
import static org.hhw.warehouse.report.monthly.CountyHome.names;
import static org.hhw.warehouse.report.monthly.CountyHome.stem;
import static org.hhw.warehouse.report.monthly.Workbooks.NONE;
import static org.hhw.warehouse.report.monthly.Workbooks.row;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.hhw.warehouse.Home;
import org.hhw.warehouse.report.MonthlyReport;
import org.hhw.warehouse.report.ReportForm;
import org.hhw.warehouse.report.blocks.BlockCounty;
import org.hhw.warehouse.report.monthly.MonthlyReports.Made;
import org.hhw.warehouse.report.monthly.ReportLedger.Entry;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Which months of {@link BlockCounty} are due, and the months and townships that cannot be made. Its events (a stay
 * admitted, a loan issued, a course started) fall in December 2018 and February to June 2019: none in January, the
 * registry's month, which is no event. Each test has a home of its own holding a copy of the county's published copy.
 */
class MonthsDueAndNotMadeTest {

    private static final YearMonth MARCH = YearMonth.of(2019, 3);
    private static final YearMonth MAY = YearMonth.of(2019, 5);
    private static final YearMonth AUGUST = YearMonth.of(2019, 8);
    private static final YearMonth SEPTEMBER = YearMonth.of(2019, 9);

    /** Writes only the report's title: the months due and the ledger do not depend on the forms. */
    private static final ReportForm TITLE = form("txt", null);

    @TempDir
    static Path county;

    @TempDir
    Path dir;

    private Home home;

    @BeforeAll
    static void publish() {
        // the published copy is all the reports read: the warehouse is closed at once
        CountyHome.load(county).close();
    }

    @BeforeEach
    void homeWithTheCountysPublishedCopy() throws IOException {
        home = CountyHome.home(dir).create(List.of("registry", "education", "medical", "microloan", "training"));
        Files.copy(CountyHome.home(county).analyticsDb(), home.analyticsDb());
    }

    @Test
    void withNothingReportedOnlyTheLatestMonthWithEventsUpToTheLastDueMonthIsDue() {
        // given no report made yet
        MonthlyReports reports = CountyHome.reports(home, List.of(TITLE));

        // when / then: the history before it is made on demand, not at a first start
        assertThat(reports.monthsWithData())
                .containsExactly(
                        YearMonth.of(2018, 12), YearMonth.of(2019, 2), MARCH, YearMonth.of(2019, 4), MAY, JUNE);
        assertThat(reports.monthsDue(AUGUST)).containsExactly(JUNE);
        assertThat(reports.monthsDue(JUNE)).containsExactly(JUNE);
        assertThat(reports.monthsDue(MAY)).containsExactly(MAY);
        assertThat(reports.monthsDue(YearMonth.of(2019, 1))).containsExactly(YearMonth.of(2018, 12));
        assertThat(reports.monthsDue(YearMonth.of(2018, 11))).isEmpty();
    }

    @Test
    void afterAMonthIsReportedTheMonthsWithEventsAfterItAreDueOldestFirst() {
        // given march reported
        MonthlyReports reports = CountyHome.reports(home, List.of(TITLE));
        reports.make(MARCH);

        // when / then
        assertThat(reports.monthsDue(AUGUST)).containsExactly(YearMonth.of(2019, 4), MAY, JUNE);
        assertThat(reports.monthsDue(MAY)).containsExactly(YearMonth.of(2019, 4), MAY);
        assertThat(reports.monthsDue(MARCH)).isEmpty();

        // when may is reported too (april left to be made on demand)
        reports.make(MAY);

        // then
        assertThat(reports.monthsDue(AUGUST)).containsExactly(JUNE);
        assertThat(reports.ledger().lastReported()).contains(MAY);
    }

    @Test
    void aTownshipsOwnRunMakesJustItsTwoFilesAndLeavesTheCountysReportDue() throws Exception {
        // given
        MonthlyReports reports = CountyHome.reports(home);

        // when
        Made made = reports.make(JUNE, Optional.of("玉泉镇"));

        // then: its workbook and PDF only, no month's page (it shows the county's figures, which were not made)
        Path june = home.reports().resolve("2019-06");
        List<String> files = List.of(stem("玉泉镇", JUNE) + ".xlsx", stem("玉泉镇", JUNE) + ".pdf");
        assertThat(made.files()).extracting(f -> f.getFileName().toString()).containsExactlyElementsOf(files);
        assertThat(names(june)).containsExactlyInAnyOrderElementsOf(files);
        assertThat(made.entry()).isEqualTo(new Entry(JUNE, 1, "玉泉镇", true, MADE_AT, "analytics-2019-06.duckdb", ""));
        // the township's own figures: 赵六's stay in june, 王桂兰's and 赵六's in may (MedicalBlockTest)
        try (XSSFWorkbook workbook = Workbooks.open(june.resolve(files.get(0)))) {
            assertThat(Workbooks.rows(workbook.getSheet("医疗"), 6).subList(0, 5))
                    .containsExactly(
                            row(1, "三、基本医疗有保障"),
                            row(2, "单位：玉泉镇　月份：2019年6月"),
                            row(4, "主要指标"),
                            row(5, "指标", "本月", "上月", "较上月", "去年同月", "年初至今"),
                            row(6, "住院人次", 1, 2, -1, NONE, 5));
        }
        // the county's report of june is still due, and the reports' page lists no month
        assertThat(reports.monthsDue(AUGUST)).containsExactly(JUNE);
        assertThat(Files.readString(home.reports().resolve("index.html"))).doesNotContain("<a ");
    }

    @Test
    void aMonthWithoutEventsIsNotMadeSayingWhyAndLeavesNothing() throws Exception {
        // given
        MonthlyReports reports = CountyHome.reports(home);

        // when
        ReportNotMade notMade = catchThrowableOfType(() -> reports.make(SEPTEMBER), ReportNotMade.class);

        // then: the reason names the months that have data; the ledger keeps it; no folder, no snapshot
        String reason = "2019年9月没有任何数据（发布库中有数据的月份：2018-12 至 2019-06）";
        assertThat(notMade.month()).isEqualTo(SEPTEMBER);
        assertThat(notMade.getMessage()).isEqualTo(reason);
        assertThat(reports.ledger().entries())
                .containsExactly(new Entry(SEPTEMBER, 1, "全部", false, MADE_AT, "", reason));
        assertThat(Files.readAllLines(home.reportLedger()))
                .containsExactly(
                        "month\tversion\tunits\tstatus\tat\tsnapshot\treason",
                        "2019-09\t1\t全部\tnot made\t2019-07-06T06:00\t\t" + reason);
        assertThat(home.reports().resolve("2019-09")).doesNotExist();
        assertThat(names(home.snapshots())).isEmpty();
        assertThat(reports.monthsDue(AUGUST)).containsExactly(JUNE);
    }

    @Test
    void aTownshipNotInTheGazetteerIsRefusedWithTheChoices() throws Exception {
        // given
        MonthlyReports reports = CountyHome.reports(home);

        // when
        ReportNotMade notMade = catchThrowableOfType(() -> reports.make(JUNE, Optional.of("永宁镇")), ReportNotMade.class);

        // then
        String reason = "没有名为“永宁镇”的乡镇；可选：玉泉镇、谷前堡镇、米薪关镇、逯家湾镇、新平堡镇、赵家沟乡、南河堡乡、贾家屯乡、卅里铺乡、张西河乡、南高崖乡";
        assertThat(notMade.getMessage()).isEqualTo(reason);
        assertThat(reports.ledger().entries()).containsExactly(new Entry(JUNE, 1, "永宁镇", false, MADE_AT, "", reason));
        assertThat(home.reports().resolve("2019-06")).doesNotExist();
        assertThat(names(home.snapshots())).isEmpty();
    }

    @Test
    void withoutAPublishedCopyNothingIsMade() throws Exception {
        // given a home where nothing was published yet
        Files.delete(home.analyticsDb());
        MonthlyReports reports = CountyHome.reports(home);

        // when
        ReportNotMade notMade = catchThrowableOfType(() -> reports.make(JUNE), ReportNotMade.class);

        // then
        assertThat(notMade.getMessage()).isEqualTo("还没有发布的数据库（" + home.analyticsDb() + "），请先导入数据");
        assertThat(reports.monthsDue(AUGUST)).isEmpty();
        assertThat(home.reports().resolve("2019-06")).doesNotExist();
    }

    @Test
    void aFileThatCannotBeWrittenLeavesNoFileNoFolderAndNoSnapshotAndTheMonthDue() throws Exception {
        // given a form that fails on 米薪关镇's report, after the county's and others' files were written
        MonthlyReports reports = CountyHome.reports(home, List.of(TITLE, form("csv", "米薪关镇")));

        // when
        ReportNotMade notMade = catchThrowableOfType(() -> reports.make(JUNE), ReportNotMade.class);

        // then
        assertThat(notMade.getMessage()).isEqualTo("生成报表时出错：磁盘已满");
        assertThat(reports.ledger().entries())
                .containsExactly(new Entry(JUNE, 1, "全部", false, MADE_AT, "", "生成报表时出错：磁盘已满"));
        assertThat(home.reports().resolve("2019-06")).doesNotExist();
        assertThat(names(home.snapshots())).isEmpty();
        assertThat(reports.monthsDue(AUGUST)).containsExactly(JUNE);

        // when it is tried again with forms that work
        Made made = CountyHome.reports(home, List.of(TITLE)).make(JUNE);

        // then it is the month's first version
        assertThat(made.entry().version()).isEqualTo(1);
        assertThat(made.files()).hasSize(12);
    }

    @Test
    void aMadeMonthStaysMadeWhenItsIndexPageCannotBeWritten() throws Exception {
        // given the reports' page blocked by a folder of its name
        Files.createDirectories(home.reports().resolve("index.html"));
        MonthlyReports reports = CountyHome.reports(home, List.of(TITLE));

        // when
        Made made = reports.make(JUNE);

        // then: the files, the ledger's line and the snapshot stay; the page is written again with the next report
        assertThat(made.files()).hasSize(12).allSatisfy(f -> assertThat(f).isRegularFile());
        assertThat(reports.ledger().entries()).containsExactly(made.entry());
        assertThat(home.snapshots().resolve("analytics-2019-06.duckdb")).isRegularFile();
        assertThat(reports.monthsDue(AUGUST)).isEmpty();
    }

    /** A form writing the report's title into a file of the extension; failing on the township named, if any. */
    private static ReportForm form(String extension, String failsOn) {
        return new ReportForm() {
            @Override
            public String extension() {
                return extension;
            }

            @Override
            public void write(MonthlyReport report, Path file) throws IOException {
                if (report.unit().name().equals(failsOn)) {
                    throw new IOException("磁盘已满");
                }
                Files.writeString(file, report.title());
            }
        };
    }
}
