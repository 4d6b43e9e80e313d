package org.hhw.warehouse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hhw.warehouse.RegistryLoads.row;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The monthly registry report over the small county of {@link RegistryEducationCounty}; expected values by hand. */
class RegistryReportTest {

    private static final String STOCKS = """
            township, year_month, households, persons, households_ordinary, households_dibao, households_tekun,
            persons_ordinary, persons_dibao, persons_tekun, households_exited, households_not_exited, persons_exited,
            persons_not_exited""";
    private static final String CHANGES = """
            township, year_month, households_new, persons_new, households_left, persons_left, households_moved_village,
            persons_moved_village, households_exited_month, persons_exited_month, households_exited_ytd,
            persons_exited_ytd""";
    private static final String UNITS = """
             from rpt_registry_month where township in ('全县', '玉泉镇', '米薪关镇')
            order by year_month, unit, township_key""";

    @TempDir
    static Path dir;

    private static RegistryLoads loads;

    @BeforeAll
    static void loadCounty() {
        loads = RegistryEducationCounty.load(dir);
    }

    @AfterAll
    static void close() {
        loads.close();
    }

    @Test
    void householdsAndPersonsAtEachMonthsEndByPovertyAndExitStatus() {
        // when
        List<List<Object>> stocks = loads.rows("select " + STOCKS + UNITS);

        // then: november 2018 (the first registry) to may 2019 (the latest file, an education roster); in january
        // 赵六's household leaves and 孙强's arrives, in march 张建国's household exits and 陈兰 moves to 玉泉镇
        assertThat(stocks)
                .containsExactly(
                        row("全县", "2018-11", 4, 10, 2, 1, 1, 4, 3, 3, 1, 3, 3, 7),
                        row("玉泉镇", "2018-11", 3, 7, 2, 1, 0, 4, 3, 0, 0, 3, 0, 7),
                        row("米薪关镇", "2018-11", 1, 3, 0, 0, 1, 0, 0, 3, 1, 0, 3, 0),
                        row("全县", "2018-12", 4, 10, 2, 1, 1, 4, 3, 3, 1, 3, 3, 7),
                        row("玉泉镇", "2018-12", 3, 7, 2, 1, 0, 4, 3, 0, 0, 3, 0, 7),
                        row("米薪关镇", "2018-12", 1, 3, 0, 0, 1, 0, 0, 3, 1, 0, 3, 0),
                        row("全县", "2019-01", 4, 10, 2, 1, 1, 4, 3, 3, 1, 3, 3, 7),
                        row("玉泉镇", "2019-01", 3, 7, 2, 1, 0, 4, 3, 0, 0, 3, 0, 7),
                        row("米薪关镇", "2019-01", 1, 3, 0, 0, 1, 0, 0, 3, 1, 0, 3, 0),
                        row("全县", "2019-02", 4, 10, 2, 1, 1, 4, 3, 3, 1, 3, 3, 7),
                        row("玉泉镇", "2019-02", 3, 7, 2, 1, 0, 4, 3, 0, 0, 3, 0, 7),
                        row("米薪关镇", "2019-02", 1, 3, 0, 0, 1, 0, 0, 3, 1, 0, 3, 0),
                        row("全县", "2019-03", 4, 10, 2, 1, 1, 5, 3, 2, 2, 2, 5, 5),
                        row("玉泉镇", "2019-03", 3, 8, 2, 1, 0, 5, 3, 0, 1, 2, 3, 5),
                        row("米薪关镇", "2019-03", 1, 2, 0, 0, 1, 0, 0, 2, 1, 0, 2, 0),
                        row("全县", "2019-04", 4, 10, 2, 1, 1, 5, 3, 2, 2, 2, 5, 5),
                        row("玉泉镇", "2019-04", 3, 8, 2, 1, 0, 5, 3, 0, 1, 2, 3, 5),
                        row("米薪关镇", "2019-04", 1, 2, 0, 0, 1, 0, 0, 2, 1, 0, 2, 0),
                        row("全县", "2019-05", 4, 10, 2, 1, 1, 5, 3, 2, 2, 2, 5, 5),
                        row("玉泉镇", "2019-05", 3, 8, 2, 1, 0, 5, 3, 0, 1, 2, 3, 5),
                        row("米薪关镇", "2019-05", 1, 2, 0, 0, 1, 0, 0, 2, 1, 0, 2, 0));
    }

    @Test
    void theMonthsChangesComeFromTheHistoryAndAMoveBetweenTownshipsIsAMoveOnlyForTheCounty() {
        // when
        List<List<Object>> changes = loads.rows("select " + CHANGES + UNITS);

        // then: everyone is new in the first month; january: 赵六's household left, 孙强's new, 王小明 moved to 南园子;
        // march: 张建国's household of 3 exited, 孙强's household moved to 李家庄, 陈兰 left 米薪关镇 for 玉泉镇 (a move of
        // village for the county); 刘福's household was exited when first registered, so never exits; 2019 starts the
        // year to date again
        assertThat(changes)
                .containsExactly(
                        row("全县", "2018-11", 4, 10, 0, 0, 0, 0, 0, 0, 0, 0),
                        row("玉泉镇", "2018-11", 3, 7, 0, 0, 0, 0, 0, 0, 0, 0),
                        row("米薪关镇", "2018-11", 1, 3, 0, 0, 0, 0, 0, 0, 0, 0),
                        row("全县", "2018-12", 0, 0, 0, 0, 0, 0, 0, 0, 0, 0),
                        row("玉泉镇", "2018-12", 0, 0, 0, 0, 0, 0, 0, 0, 0, 0),
                        row("米薪关镇", "2018-12", 0, 0, 0, 0, 0, 0, 0, 0, 0, 0),
                        row("全县", "2019-01", 1, 1, 1, 1, 0, 1, 0, 0, 0, 0),
                        row("玉泉镇", "2019-01", 1, 1, 1, 1, 0, 1, 0, 0, 0, 0),
                        row("米薪关镇", "2019-01", 0, 0, 0, 0, 0, 0, 0, 0, 0, 0),
                        row("全县", "2019-02", 0, 0, 0, 0, 0, 0, 0, 0, 0, 0),
                        row("玉泉镇", "2019-02", 0, 0, 0, 0, 0, 0, 0, 0, 0, 0),
                        row("米薪关镇", "2019-02", 0, 0, 0, 0, 0, 0, 0, 0, 0, 0),
                        row("全县", "2019-03", 0, 0, 0, 0, 1, 2, 1, 3, 1, 3),
                        row("玉泉镇", "2019-03", 0, 1, 0, 0, 1, 1, 1, 3, 1, 3),
                        row("米薪关镇", "2019-03", 0, 0, 0, 1, 0, 0, 0, 0, 0, 0),
                        row("全县", "2019-04", 0, 0, 0, 0, 0, 0, 0, 0, 1, 3),
                        row("玉泉镇", "2019-04", 0, 0, 0, 0, 0, 0, 0, 0, 1, 3),
                        row("米薪关镇", "2019-04", 0, 0, 0, 0, 0, 0, 0, 0, 0, 0),
                        row("全县", "2019-05", 0, 0, 0, 0, 0, 0, 0, 0, 1, 3),
                        row("玉泉镇", "2019-05", 0, 0, 0, 0, 0, 0, 0, 0, 1, 3),
                        row("米薪关镇", "2019-05", 0, 0, 0, 0, 0, 0, 0, 0, 0, 0));
    }

    @Test
    void eachUnitsPersonsAreLastMonthsPlusNewMinusLeftAndTheCountyIsTheSumOfItsTownships() {
        // when: the months where a unit's stock does not follow from its changes, or the county's from its townships
        List<List<Object>> broken = loads.rows("""
                with township_sum as (
                    select year_month, count(*) as units, sum(households) as households, sum(persons) as persons,
                           sum(persons_ordinary + persons_dibao + persons_tekun) as by_poverty,
                           sum(households_exited + households_not_exited) as by_exit
                    from rpt_registry_month where unit = 'township' group by year_month
                )
                select r.unit, r.township, r.year_month
                from rpt_registry_month r
                left join township_sum s on r.unit = 'county' and s.year_month = r.year_month
                window unit_months as (partition by r.unit, r.township_key order by r.year_month)
                qualify r.persons <> coalesce(lag(r.persons) over unit_months, 0) + r.persons_new - r.persons_left
                   or r.households <> coalesce(lag(r.households) over unit_months, 0) + r.households_new
                        - r.households_left
                   or (r.unit = 'county' and (s.units <> 12 or s.households <> r.households or s.persons <> r.persons
                        or s.by_poverty <> r.persons or s.by_exit <> r.households))""");
        List<List<Object>> emptyTownships = loads.rows("""
                select count(*) from rpt_registry_month
                where unit = 'township' and township not in ('玉泉镇', '米薪关镇')
                  and households = 0 and persons = 0 and persons_new = 0 and persons_left = 0""");

        // then: the nine other townships and 未归属乡镇 have a row of zeros for each of the seven months
        assertThat(broken).isEmpty();
        assertThat(emptyTownships).containsExactly(row(70L));
    }

    @Test
    void theReportPassesItsDataTests() {
        // when
        List<String> failing = loads.warehouse().runDataTests().stream()
                .map(DataTestFailure::test)
                .toList();

        // then
        assertThat(failing).isEmpty();
    }
}
