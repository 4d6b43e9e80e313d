package org.hhw.jobs;

import java.time.Clock;
import java.time.ZoneId;
import java.util.List;
import org.hhw.warehouse.Home;
import org.hhw.warehouse.report.forms.PdfReportForm;
import org.hhw.warehouse.report.forms.XlsxReportForm;
import org.hhw.warehouse.report.monthly.MonthlyReports;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;

/** The leaders' monthly reports: made from the published copy, in the forms they open. */
@Configuration(proxyBeanMethods = false)
public class ReportConfiguration {

    /**
     * Created on first use: a machine without a CJK font then fails only where a report is made, saying what to
     * install, not at every command's start.
     */
    @Bean
    @Lazy
    public MonthlyReports monthlyReports(Home home, HhwProperties properties) {
        ZoneId zone = properties.reportTimeZone() != null ? properties.reportTimeZone() : ZoneId.systemDefault();
        String version = MonthlyReports.class.getPackage().getImplementationVersion();
        return new MonthlyReports(
                home,
                properties.county(),
                List.of(new XlsxReportForm(), PdfReportForm.withFont(properties.reportFont())),
                Clock.system(zone),
                version != null ? version : "dev",
                Runtime.getRuntime().availableProcessors());
    }
}
