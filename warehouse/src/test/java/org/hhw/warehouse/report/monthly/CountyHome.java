package org.hhw.warehouse.report.monthly;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import java.util.stream.Stream;
import org.hhw.warehouse.Home;
import org.hhw.warehouse.RegistryLoads;
import org.hhw.warehouse.report.ReportForm;
import org.hhw.warehouse.report.blocks.BlockCounty;
import org.hhw.warehouse.report.forms.PdfReportForm;
import org.hhw.warehouse.report.forms.XlsxReportForm;

/** {@link BlockCounty} in a home of the product's layout, published, and the reports' generator over that home. */
final class CountyHome {

    static final String COUNTY = "天镇县";
    static final YearMonth JUNE = YearMonth.of(2019, 6);
    /** The townships of the gazetteer (dim_township) in township-code order, the order the reports are made in. */
    static final List<String> TOWNSHIPS =
            List.of("玉泉镇", "谷前堡镇", "米薪关镇", "逯家湾镇", "新平堡镇", "赵家沟乡", "南河堡乡", "贾家屯乡", "卅里铺乡", "张西河乡", "南高崖乡");
    /** 06:00 on 6 July 2019 in the county, when June's reports are made. */
    static final LocalDateTime MADE_AT = LocalDateTime.of(2019, 7, 6, 6, 0);

    private static final ZoneId COUNTY_ZONE = ZoneId.of("Asia/Shanghai");

    private CountyHome() {}

    /** The county loaded into {@code dir}/home (its warehouse where {@link BlockCounty} puts it) and published. */
    static RegistryLoads load(Path dir) {
        Home home = home(dir);
        home.create(List.of("registry", "education", "medical", "microloan", "training"));
        RegistryLoads loads = BlockCounty.load(dir);
        publish(loads, home);
        return loads;
    }

    static Home home(Path dir) {
        return new Home(dir.resolve("home"));
    }

    /** Publishes the warehouse as the publish gate does, where the reports read it. */
    static void publish(RegistryLoads loads, Home home) {
        assertThat(loads.warehouse().publishIfTestsPass(home.analyticsDb(), null))
                .as("the county's data tests")
                .isEmpty();
    }

    /** The workbook and the PDF, as the service makes them, two files written at once. */
    static MonthlyReports reports(Home home) {
        return reports(home, List.of(new XlsxReportForm(), PdfReportForm.withFont(null)));
    }

    static MonthlyReports reports(Home home, List<ReportForm> forms) {
        Clock clock = Clock.fixed(MADE_AT.atZone(COUNTY_ZONE).toInstant(), COUNTY_ZONE);
        return new MonthlyReports(home, COUNTY, forms, clock, "0.1.0", 2);
    }

    /** The names of the files in a folder, in no order. */
    static List<String> names(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(f -> f.getFileName().toString()).toList();
        }
    }

    /** 天镇县脱贫攻坚数据月报_2019年6月 for the county, 天镇县玉泉镇脱贫攻坚数据月报_2019年6月 for a township. */
    static String stem(String township, YearMonth month) {
        return COUNTY + (township == null ? "" : township) + "脱贫攻坚数据月报_" + month.getYear() + "年" + month.getMonthValue()
                + "月";
    }
}
