package org.hhw.warehouse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hhw.warehouse.RegistryLoads.row;

import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The provenance report over {@link ReportCounty}; expected values by hand. */
class ProvenanceReportTest extends ReportCountyTest {

    @Test
    void eachMonthCountsTheFilesByItsEndAndTheLateOnesItsFiguresInclude() {
        // when
        List<List<Object>> june = loads.rows("""
                select year_month, department_zh, files_to_month_end, files_after_month, newest_file_name,
                       newest_received_at, files_included
                from rpt_provenance_month where year_month = '2019-06' order by department_order""");

        // then: the july ledger is june's report's late file; the duplicate and the encrypted roster loaded nothing
        assertThat(june)
                .containsExactly(
                        row("2019-06", "扶贫办", 2, 0, "米薪关镇花名册.csv", LocalDateTime.of(2019, 5, 6, 9, 0), 4),
                        row("2019-06", "教育局", 0, 0, null, null, 4),
                        row("2019-06", "医保局", 0, 0, null, null, 4),
                        row("2019-06", "金融办", 1, 1, ReportCounty.JULY_LEDGER, LocalDateTime.of(2019, 8, 5, 9, 0), 4),
                        row("2019-06", "人社局", 0, 0, null, null, 4));
    }

    @Test
    void theDataIsAsOfTheLatestLoadAndNotOfADuplicateOrARejectionMarkedLater() {
        // when
        List<List<Object>> asOf = loads.rows("""
                select count(distinct p.data_as_of), any_value(p.data_as_of) = any_value(f.loaded_at),
                       any_value(p.data_as_of) < (select min(loaded_at) from etl_file where status <> 'LOADED')
                from rpt_provenance_month p
                cross join (select loaded_at from etl_file where file_name = '%s' and status = 'LOADED') f""".formatted(ReportCounty.JULY_LEDGER));

        // then
        assertThat(asOf).containsExactly(row(1L, true, true));
    }

    @Test
    void theRulesAndTargetsVersionChangesWithAnyOfTheirRows() {
        // given the version and counts as loaded
        String sql = """
                select distinct rules_version, rules = (select count(*) from ref_policy_rule),
                       rules_latest_from = (select max(valid_from) from ref_policy_rule), targets_version,
                       targets = (select count(*) from ref_plan_target)
                from rpt_provenance_month""";
        List<List<Object>> before = loads.rows(sql);

        // when one rule's value changes, and changes back
        loads.rows(
                "update ref_policy_rule set value = value + 1 where rule = 'microloan_principal_max' returning rule");
        loads.warehouse().buildMarts();
        List<List<Object>> changed = loads.rows(sql);
        loads.rows(
                "update ref_policy_rule set value = value - 1 where rule = 'microloan_principal_max' returning rule");
        loads.warehouse().buildMarts();

        // then: one version, of md5's 32 hex characters, another for another rule set, the same again for the same
        assertThat(before).hasSize(1);
        assertThat((String) before.get(0).get(0)).matches("[0-9a-f]{32}");
        assertThat(before.get(0).subList(1, 5))
                .containsExactly(true, true, before.get(0).get(3), true);
        assertThat(changed.get(0).get(0)).isNotEqualTo(before.get(0).get(0));
        assertThat(changed.get(0).get(3)).isEqualTo(before.get(0).get(3));
        assertThat(loads.rows(sql)).isEqualTo(before);
    }
}
