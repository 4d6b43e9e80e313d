package org.hhw.warehouse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hhw.warehouse.RegistryLoads.row;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The findings report over {@link ReportCounty}; expected values by hand. */
class FindingReportTest extends ReportCountyTest {

    private static final String COLUMNS =
            "township, year_month, rule_order, rule_code, severity, standing, new_findings, new_last_month, new_ytd";

    @Test
    void aFindingIsNewInTheMonthItsRecordsFirstArrivedAndStandsFromThen() {
        // when
        List<List<Object>> county = loads.rows(
                "select " + COLUMNS + " from rpt_finding_month where unit = 'county' order by year_month, rule_order");

        // then: june's ledger brings NS001 over the limit, 孙强's loan (not registered) and 赵六's household with no
        // loan (the first ledger of 2019); august's ledger lists NS001 and 孙强's loan again, which are not new
        // again, and brings NS003 over the limit; july received nothing and keeps what stands
        assertThat(county)
                .containsExactly(
                        row("全县", "2019-06", 1, "LOAN_OVER_LIMIT", "medium", 1, 1, 0, 1),
                        row("全县", "2019-06", 2, "BENEFICIARY_NOT_REGISTERED", "high", 1, 1, 0, 1),
                        row("全县", "2019-06", 3, "LOAN_GAP", "low", 1, 1, 0, 1),
                        row("全县", "2019-07", 1, "LOAN_OVER_LIMIT", "medium", 1, 0, 1, 1),
                        row("全县", "2019-07", 2, "BENEFICIARY_NOT_REGISTERED", "high", 1, 0, 1, 1),
                        row("全县", "2019-07", 3, "LOAN_GAP", "low", 1, 0, 1, 1),
                        row("全县", "2019-08", 1, "LOAN_OVER_LIMIT", "medium", 2, 1, 0, 2),
                        row("全县", "2019-08", 2, "BENEFICIARY_NOT_REGISTERED", "high", 1, 0, 0, 1),
                        row("全县", "2019-08", 3, "LOAN_GAP", "low", 1, 0, 0, 1));
    }

    @Test
    void aFindingCountsInItsHouseholdsTownshipAndOneTheRegistryDoesNotPlaceIsUnplaced() {
        // when: the township rows with a finding standing
        List<List<Object>> townships = loads.rows("select " + COLUMNS + """
                 from rpt_finding_month where unit = 'township' and standing > 0
                order by year_month, township_key, rule_order""");

        // then: 孙强 is in no township of the registry
        assertThat(townships)
                .containsExactly(
                        row("未归属乡镇", "2019-06", 2, "BENEFICIARY_NOT_REGISTERED", "high", 1, 1, 0, 1),
                        row("玉泉镇", "2019-06", 1, "LOAN_OVER_LIMIT", "medium", 1, 1, 0, 1),
                        row("玉泉镇", "2019-06", 3, "LOAN_GAP", "low", 1, 1, 0, 1),
                        row("未归属乡镇", "2019-07", 2, "BENEFICIARY_NOT_REGISTERED", "high", 1, 0, 1, 1),
                        row("玉泉镇", "2019-07", 1, "LOAN_OVER_LIMIT", "medium", 1, 0, 1, 1),
                        row("玉泉镇", "2019-07", 3, "LOAN_GAP", "low", 1, 0, 1, 1),
                        row("未归属乡镇", "2019-08", 2, "BENEFICIARY_NOT_REGISTERED", "high", 1, 0, 0, 1),
                        row("玉泉镇", "2019-08", 1, "LOAN_OVER_LIMIT", "medium", 2, 1, 0, 2),
                        row("玉泉镇", "2019-08", 3, "LOAN_GAP", "low", 1, 0, 0, 1));
    }

    @Test
    void everyUnitHasEveryRuleEachMonth() {
        // when
        List<List<Object>> cells = loads.rows("""
                select year_month, count(*) filter (where unit = 'township'), count(distinct township_key)
                from rpt_finding_month group by year_month order by year_month""");

        // then: 11 townships and 未归属乡镇, three rules each
        assertThat(cells).containsExactly(row("2019-06", 36L, 12L), row("2019-07", 36L, 12L), row("2019-08", 36L, 12L));
    }
}
