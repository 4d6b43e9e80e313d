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
-- last month's plus new minus left, and the county's stocks are the sums of its townships'.
create or replace table rpt_registry_month as
with township as (
    select township_key, township from dim_township
    union all
    select 0, '未归属乡镇'
),
household_version as (
    select
        household_id, coalesce(township_key, 0) as township_key, village_key, poverty_status, exit_status,
        valid_from, valid_to, date_trunc('month', valid_from) as first_month, date_trunc('month', valid_to) as end_month
    from dim_household
    where household_key <> 0
),
person_version as (
    select
        person_id_hash, household_id, coalesce(township_key, 0) as township_key, village_key,
        valid_from, valid_to, date_trunc('month', valid_from) as first_month, date_trunc('month', valid_to) as end_month
    from dim_person
    where is_registered
),
span as (
    select
        min(first_month) as first_month,
        greatest(max(first_month), (select date_trunc('month', max(received_at)) from etl_file where status = 'LOADED'))
            as last_month
    from household_version
),
calendar as (
    select m as month_start, strftime(m, '%Y-%m') as year_month, year(m) as year, month(m) as month
    from span s, unnest(generate_series(s.first_month, s.last_month, interval 1 month)) as t(m)
),
-- a person's version beside their household's, for the time both hold: what the person's status is
person_state as (
    select
        p.township_key, h.poverty_status, h.exit_status,
        -- greatest and least pass over a null: an open end, or no household version (then the person's own)
        greatest(p.first_month, h.first_month) as first_month, least(p.end_month, h.end_month) as end_month
    from person_version p
    left join household_version h
        on h.household_id = p.household_id
        and h.valid_from < coalesce(p.valid_to, 'infinity'::timestamp)
        and p.valid_from < coalesce(h.valid_to, 'infinity'::timestamp)
),
-- a version counts from the month it begins to the month before it ends: +1 then, -1 when it ends
stock_step as (
    select
        township_key, first_month as month_start, 1 as step, poverty_status, exit_status, 'household' as counted
    from household_version
    union all
    select township_key, end_month, -1, poverty_status, exit_status, 'household'
    from household_version where end_month is not null
    union all
    select township_key, first_month, 1, poverty_status, exit_status, 'person'
    from person_state
    union all
    select township_key, end_month, -1, poverty_status, exit_status, 'person'
    from person_state where end_month is not null
),
stock_change as (
    select
        township_key, month_start,
        sum(step) filter (where counted = 'household') as households,
        sum(step) filter (where counted = 'person') as persons,
        sum(step) filter (where counted = 'household' and poverty_status = 'ordinary') as households_ordinary,
        sum(step) filter (where counted = 'household' and poverty_status = 'dibao') as households_dibao,
        sum(step) filter (where counted = 'household' and poverty_status = 'tekun') as households_tekun,
        sum(step) filter (where counted = 'person' and poverty_status = 'ordinary') as persons_ordinary,
        sum(step) filter (where counted = 'person' and poverty_status = 'dibao') as persons_dibao,
        sum(step) filter (where counted = 'person' and poverty_status = 'tekun') as persons_tekun,
        sum(step) filter (where counted = 'household' and exit_status = 'exited') as households_exited,
        sum(step) filter (where counted = 'household' and exit_status = 'not_exited') as households_not_exited,
        sum(step) filter (where counted = 'person' and exit_status = 'exited') as persons_exited,
        sum(step) filter (where counted = 'person' and exit_status = 'not_exited') as persons_not_exited
    from stock_step
    group by all
),
-- households and persons alike, for their changes: the identity, where the version places it, its exit status
version as (
    select 'household' as counted, household_id as id, township_key, village_key, exit_status, first_month, end_month
    from household_version
    union all
    select 'person', person_id_hash, township_key, village_key, null, first_month, end_month
    from person_version
),
-- the months a version begins or ends: the only months a state can change in
turn_month as (
    select counted, id, first_month as month_start from version
    union
    select counted, id, end_month from version where end_month is not null
),
-- the version current at the month's end (n) beside the one current at the previous month's end (b)
turn as (
    select
        t.counted, t.id, t.month_start, n.id is not null as is_now, n.township_key, n.village_key,
        b.id is not null as was, b.township_key as was_township_key, b.village_key as was_village_key,
        n.exit_status = 'exited' and b.id is not null and b.exit_status is distinct from 'exited' as exited
    from turn_month t
    left join version n
        on n.counted = t.counted and n.id = t.id and n.first_month <= t.month_start
        and coalesce(n.end_month, 'infinity') > t.month_start
    left join version b
        on b.counted = t.counted and b.id = t.id and b.first_month <= t.month_start - interval 1 month
        and coalesce(b.end_month, 'infinity') > t.month_start - interval 1 month
),
-- the persons of an exiting household: its registered persons current at the month's end
exited_person as (
    select t.month_start, p.township_key
    from turn t
    join person_version p
        on p.household_id = t.id and p.first_month <= t.month_start
        and coalesce(p.end_month, 'infinity') > t.month_start
    where t.counted = 'household' and t.exited
),
-- the exits: households, and the persons of each
exits as (
    select 'household' as counted, month_start, township_key from turn where counted = 'household' and exited
    union all
    select 'person', month_start, township_key from exited_person
),
-- each change as a township sees it (arrivals, departures, moves within it) and as the county does
unit_change as (
    select 'township' as unit, township_key, month_start, counted, 'new' as change
    from turn where is_now and township_key is distinct from was_township_key
    union all
    select 'township', was_township_key, month_start, counted, 'left'
    from turn where was and was_township_key is distinct from township_key
    union all
    select 'township', township_key, month_start, counted, 'moved'
    from turn where was_township_key = township_key and was_village_key is distinct from village_key
    union all
    select 'county', null, month_start, counted, case when not was then 'new' when not is_now then 'left' else 'moved' end
    from turn where is_now <> was or (is_now and was and was_village_key is distinct from village_key)
    union all
    select 'township', township_key, month_start, counted, 'exited' from exits
    union all
    select 'county', null, month_start, counted, 'exited' from exits
),
changes as (
    select
        unit, township_key, month_start,
        count(*) filter (where counted = 'household' and change = 'new') as households_new,
        count(*) filter (where counted = 'person' and change = 'new') as persons_new,
        count(*) filter (where counted = 'household' and change = 'left') as households_left,
        count(*) filter (where counted = 'person' and change = 'left') as persons_left,
        count(*) filter (where counted = 'household' and change = 'moved') as households_moved_village,
        count(*) filter (where counted = 'person' and change = 'moved') as persons_moved_village,
        count(*) filter (where counted = 'household' and change = 'exited') as households_exited_month,
        count(*) filter (where counted = 'person' and change = 'exited') as persons_exited_month
    from unit_change
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
