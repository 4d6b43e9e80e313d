-- grain: one household, unit (the county, or one township) and month in which the household or a registered person
-- it holds adds to or changes the unit's registry figures; key: household_id, unit, township_key, month_start (the
-- county's rows: unit 'county', township_key null; township_key 0 = 未归属乡镇).
-- rpt_registry_month's figures household by household, so that a load's households alone are redone (Models) and
-- the report is a sum over this table, not a walk of every version of the county. a person's figures count with the
-- household of their version current at the month's end, or at the previous month's end when they left: a person of
-- two households over time has both in any scope that holds them, so redoing those households redoes the person.
-- the stock columns are steps: +1 in the month a version begins to be current at a month's end, -1 in the month it
-- stops (rpt_registry_month runs the sum); the change columns count the month's new, left, moved and exited, as
-- rpt_registry_month's comment defines them. the stock steps are the townships' only: the county's stocks are the
-- sums of its townships'.
create or replace table int_registry_household_month as
with household_version as (
    select
        household_id, min(household_key) over identity as household_no, count(*) over identity as versions,
        coalesce(township_key, 0) as township_key, village_key, poverty_status, exit_status,
        valid_from, valid_to, date_trunc('month', valid_from) as first_month, date_trunc('month', valid_to) as end_month
    from dim_household
    where household_key <> 0
    window identity as (partition by household_id)
),
-- the persons of several versions: only a person with a version that has ended can have another (one version is
-- current at a time), so the others (a county's first registry: every one) are numbered without a walk over the
-- 64-character hashes of all
person_several as (
    select person_id_hash, min(person_key) as person_no, count(*) as versions
    from dim_person
    where is_registered
        and person_id_hash in (select person_id_hash from dim_person where is_registered and valid_to is not null)
    group by person_id_hash
),
person_version as (
    select
        p.household_id, coalesce(p.township_key, 0) as township_key, p.village_key,
        -- a number of the person's own: the joins below match versions on it, not on the 64-character hash
        coalesce(s.person_no, p.person_key) as person_no, coalesce(s.versions, 1) as versions,
        p.valid_from, p.valid_to, date_trunc('month', p.valid_from) as first_month,
        date_trunc('month', p.valid_to) as end_month
    from dim_person p
    left join person_several s on s.person_id_hash = p.person_id_hash
    where p.is_registered
),
-- a person's version beside their household's, for the time both hold: what the person's status is
person_state as (
    select
        p.household_id, p.township_key, h.poverty_status, h.exit_status,
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
    select household_id, township_key, first_month as month_start, 1 as step, poverty_status, exit_status,
        'household' as counted
    from household_version
    union all
    select household_id, township_key, end_month, -1, poverty_status, exit_status, 'household'
    from household_version where end_month is not null
    union all
    select household_id, township_key, first_month, 1, poverty_status, exit_status, 'person'
    from person_state
    union all
    select household_id, township_key, end_month, -1, poverty_status, exit_status, 'person'
    from person_state where end_month is not null
),
stock as (
    select
        household_id, 'township' as unit, township_key, month_start,
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
-- households and persons alike, for their changes: the identity, its household, where the version places it, its
-- exit status
version as (
    select
        'household' as counted, household_no as id, household_id, township_key, village_key, exit_status, first_month,
        end_month, versions
    from household_version
    union all
    select 'person', person_no, household_id, township_key, village_key, null, first_month, end_month, versions
    from person_version
),
-- the versions of identities with several: the only ones the joins below need (a county's first registry has none,
-- and the joins' tables are built from this, not from every version)
several_version as (
    select * from version where versions > 1
),
-- the months a version of an identity with several begins or ends: the only months a state can change in
turn_month as (
    select counted, id, first_month as month_start from several_version
    union
    select counted, id, end_month from several_version where end_month is not null
),
-- the version current at the month's end (n) beside the one current at the previous month's end (b); an identity of
-- one version (most, and all of a county's first registry) turns without a join: current from the month it begins
-- (unless it ends in that month too), no longer in the month it ends
turn as (
    select
        counted, id, household_id, first_month as month_start, end_month is distinct from first_month as is_now,
        township_key, village_key, false as was, null as was_township_key, null as was_village_key, false as exited
    from version
    where versions = 1
    union all
    select
        counted, id, household_id, end_month, false, null, null, true, township_key, village_key, false
    from version
    where versions = 1 and end_month > first_month
    union all
    select
        t.counted, t.id, coalesce(n.household_id, b.household_id) as household_id, t.month_start,
        n.id is not null as is_now, n.township_key, n.village_key,
        b.id is not null as was, b.township_key as was_township_key, b.village_key as was_village_key,
        n.exit_status = 'exited' and b.id is not null and b.exit_status is distinct from 'exited' as exited
    from turn_month t
    left join several_version n
        on n.counted = t.counted and n.id = t.id and n.first_month <= t.month_start
        and coalesce(n.end_month, 'infinity') > t.month_start
    left join several_version b
        on b.counted = t.counted and b.id = t.id and b.first_month <= t.month_start - interval 1 month
        and coalesce(b.end_month, 'infinity') > t.month_start - interval 1 month
),
-- the persons of an exiting household: its registered persons current at the month's end
exited_person as (
    select t.household_id, t.month_start, p.township_key
    from turn t
    join person_version p
        on p.household_id = t.household_id and p.first_month <= t.month_start
        and coalesce(p.end_month, 'infinity') > t.month_start
    where t.counted = 'household' and t.exited
),
-- the exits: households, and the persons of each
exits as (
    select 'household' as counted, household_id, month_start, township_key
    from turn where counted = 'household' and exited
    union all
    select 'person', household_id, month_start, township_key from exited_person
),
-- each change as a township sees it (arrivals, departures, moves within it) and as the county does
unit_change as (
    select 'township' as unit, township_key, household_id, month_start, counted, 'new' as change
    from turn where is_now and township_key is distinct from was_township_key
    union all
    select 'township', was_township_key, household_id, month_start, counted, 'left'
    from turn where was and was_township_key is distinct from township_key
    union all
    select 'township', township_key, household_id, month_start, counted, 'moved'
    from turn where was_township_key = township_key and was_village_key is distinct from village_key
    union all
    select
        'county', null, household_id, month_start, counted,
        case when not was then 'new' when not is_now then 'left' else 'moved' end
    from turn where is_now <> was or (is_now and was and was_village_key is distinct from village_key)
    union all
    select 'township', township_key, household_id, month_start, counted, 'exited' from exits
    union all
    select 'county', null, household_id, month_start, counted, 'exited' from exits
),
changes as (
    select
        household_id, unit, township_key, month_start,
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
)
select
    household_id, unit, cast(township_key as integer) as township_key, month_start,
    cast(coalesce(s.households, 0) as integer) as households,
    cast(coalesce(s.persons, 0) as integer) as persons,
    cast(coalesce(s.households_ordinary, 0) as integer) as households_ordinary,
    cast(coalesce(s.households_dibao, 0) as integer) as households_dibao,
    cast(coalesce(s.households_tekun, 0) as integer) as households_tekun,
    cast(coalesce(s.persons_ordinary, 0) as integer) as persons_ordinary,
    cast(coalesce(s.persons_dibao, 0) as integer) as persons_dibao,
    cast(coalesce(s.persons_tekun, 0) as integer) as persons_tekun,
    cast(coalesce(s.households_exited, 0) as integer) as households_exited,
    cast(coalesce(s.households_not_exited, 0) as integer) as households_not_exited,
    cast(coalesce(s.persons_exited, 0) as integer) as persons_exited,
    cast(coalesce(s.persons_not_exited, 0) as integer) as persons_not_exited,
    cast(coalesce(c.households_new, 0) as integer) as households_new,
    cast(coalesce(c.persons_new, 0) as integer) as persons_new,
    cast(coalesce(c.households_left, 0) as integer) as households_left,
    cast(coalesce(c.persons_left, 0) as integer) as persons_left,
    cast(coalesce(c.households_moved_village, 0) as integer) as households_moved_village,
    cast(coalesce(c.persons_moved_village, 0) as integer) as persons_moved_village,
    cast(coalesce(c.households_exited_month, 0) as integer) as households_exited_month,
    cast(coalesce(c.persons_exited_month, 0) as integer) as persons_exited_month
from stock s
full join changes c using (household_id, unit, township_key, month_start);
