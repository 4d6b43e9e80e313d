-- grain: one unit (the county, or one township) and calendar month; key: unit, township_key, year_month (the county
-- row: unit 'county', township_key null; township_key 0 = 未归属乡镇, registered persons and households with no township).
-- the months run from the month of the first registry version to the month of the latest file received (the registry
-- stands until a file changes it). a version of dim_household or dim_person is current at a month's end when it began
-- before the next month and had not ended by then; so a version that begins and ends within one month is current at
-- no month's end. persons are registered persons; a person's poverty and exit status are those of their household's
-- version current at the same moment. changes compare each person's and household's version current at the month's
-- end with the one current at the previous month's end, within the unit: new (in the unit now, not before), left
-- (in the unit before, not now), moved village (in the unit both times, in another village); so a move between two
-- townships is a departure from one and an arrival in the other, and a move of village for the county. exited: a
-- household whose exit status is exited now and was something else at the previous month's end (an arrival already
-- exited is new, not exited), with the persons of its version now. stocks and changes add up: a unit's persons are
-- last month's plus new minus left, and the county's stocks are the sums of its townships'. the figures are sums of
-- int_registry_household_month's, which holds them household by household.
create or replace table rpt_registry_month as
with township as (
    select township_key, township from dim_township
    union all
    select 0, '未归属乡镇'
),
span as (
    select
        min(date_trunc('month', valid_from)) as first_month,
        greatest(
            max(date_trunc('month', valid_from)),
            (select date_trunc('month', max(received_at)) from etl_file where status = 'LOADED')) as last_month
    from dim_household
    where household_key <> 0
),
calendar as (
    select m as month_start, strftime(m, '%Y-%m') as year_month, year(m) as year, month(m) as month
    from span s, unnest(generate_series(s.first_month, s.last_month, interval 1 month)) as t(m)
),
stock_change as (
    select
        township_key, month_start,
        sum(households) as households, sum(persons) as persons,
        sum(households_ordinary) as households_ordinary, sum(households_dibao) as households_dibao,
        sum(households_tekun) as households_tekun, sum(persons_ordinary) as persons_ordinary,
        sum(persons_dibao) as persons_dibao, sum(persons_tekun) as persons_tekun,
        sum(households_exited) as households_exited, sum(households_not_exited) as households_not_exited,
        sum(persons_exited) as persons_exited, sum(persons_not_exited) as persons_not_exited
    from int_registry_household_month
    where unit = 'township'
    group by all
),
changes as (
    select
        unit, township_key, month_start,
        sum(households_new) as households_new, sum(persons_new) as persons_new,
        sum(households_left) as households_left, sum(persons_left) as persons_left,
        sum(households_moved_village) as households_moved_village,
        sum(persons_moved_village) as persons_moved_village,
        sum(households_exited_month) as households_exited_month,
        sum(persons_exited_month) as persons_exited_month
    from int_registry_household_month
    group by all
),
township_stock as (
    select
        t.township_key, t.township, c.month_start, c.year_month, c.year, c.month,
        sum(coalesce(s.households, 0)) over running as households,
        sum(coalesce(s.persons, 0)) over running as persons,
        sum(coalesce(s.households_ordinary, 0)) over running as households_ordinary,
        sum(coalesce(s.households_dibao, 0)) over running as households_dibao,
        sum(coalesce(s.households_tekun, 0)) over running as households_tekun,
        sum(coalesce(s.persons_ordinary, 0)) over running as persons_ordinary,
        sum(coalesce(s.persons_dibao, 0)) over running as persons_dibao,
        sum(coalesce(s.persons_tekun, 0)) over running as persons_tekun,
        sum(coalesce(s.households_exited, 0)) over running as households_exited,
        sum(coalesce(s.households_not_exited, 0)) over running as households_not_exited,
        sum(coalesce(s.persons_exited, 0)) over running as persons_exited,
        sum(coalesce(s.persons_not_exited, 0)) over running as persons_not_exited
    from township t
    cross join calendar c
    left join stock_change s on s.township_key = t.township_key and s.month_start = c.month_start
    window running as (partition by t.township_key order by c.month_start)
),
unit_stock as (
    select 'township' as unit, * from township_stock
    union all
    select
        'county', null, '全县', month_start, year_month, year, month, sum(households), sum(persons),
        sum(households_ordinary), sum(households_dibao), sum(households_tekun), sum(persons_ordinary),
        sum(persons_dibao), sum(persons_tekun), sum(households_exited), sum(households_not_exited),
        sum(persons_exited), sum(persons_not_exited)
    from township_stock
    group by all
)
select
    s.unit, s.township_key, s.township, s.year_month, s.year, s.month,
    cast(s.households as integer) as households,
    cast(s.persons as integer) as persons,
    cast(s.households_ordinary as integer) as households_ordinary,
    cast(s.households_dibao as integer) as households_dibao,
    cast(s.households_tekun as integer) as households_tekun,
    cast(s.persons_ordinary as integer) as persons_ordinary,
    cast(s.persons_dibao as integer) as persons_dibao,
    cast(s.persons_tekun as integer) as persons_tekun,
    cast(s.households_exited as integer) as households_exited,
    cast(s.households_not_exited as integer) as households_not_exited,
    cast(s.persons_exited as integer) as persons_exited,
    cast(s.persons_not_exited as integer) as persons_not_exited,
    cast(coalesce(c.households_new, 0) as integer) as households_new,
    cast(coalesce(c.persons_new, 0) as integer) as persons_new,
    cast(coalesce(c.households_left, 0) as integer) as households_left,
    cast(coalesce(c.persons_left, 0) as integer) as persons_left,
    cast(coalesce(c.households_moved_village, 0) as integer) as households_moved_village,
    cast(coalesce(c.persons_moved_village, 0) as integer) as persons_moved_village,
    cast(coalesce(c.households_exited_month, 0) as integer) as households_exited_month,
    cast(coalesce(c.persons_exited_month, 0) as integer) as persons_exited_month,
    cast(sum(coalesce(c.households_exited_month, 0)) over ytd as integer) as households_exited_ytd,
    cast(sum(coalesce(c.persons_exited_month, 0)) over ytd as integer) as persons_exited_ytd
from unit_stock s
left join changes c
    on c.unit = s.unit and c.township_key is not distinct from s.township_key and c.month_start = s.month_start
window ytd as (partition by s.unit, s.township_key, s.year order by s.month_start)
order by s.year_month, s.unit, s.township_key;
