-- grain: one unit (the county, or a township) and calendar month of a year with training; key: unit, township_key,
-- year_month (township_key is null on the county row; 0 is 未归属乡镇, the trainees the registry does not know).
-- every unit has a row for every month from the first month of the year with a current enrolment to december, or to
-- the latest month any enrolment reaches if earlier (a month the rosters have not reached is unknown, not zero). an
-- enrolment counts in the month its course starts and in the township of the household's version on that day
-- (int_training_enrolment). year to date a person counts once, as rpt_plan_target_month counts them
-- (int_trainee_year): in the township of their first enrolment of the year, from its month on; completed and employed
-- from the first month of the year with an enrolment they completed, or after which they were employed. so the
-- county's year-to-date figures are the sums of its townships'; its month's trainees count a person on courses in
-- two townships in the month once. the year's target is the county's (the plan's), on the county row only.
create or replace table rpt_training_month as
with township as (
    select township_key, township from dim_township
    union all
    select 0, '未归属乡镇'
),
unit as (
    select 'township' as unit, township_key, township from township
    union all
    select 'county', null, '全县'
),
span as (
    select year, min(first_month) as first_month,
           least(year || '-12', (select max(year_month) from int_training_enrolment)) as last_month
    from int_trainee_year
    group by year
),
calendar as (
    select unnest(range(1, 13)) as month
),
period as (
    select s.year, m.month, printf('%d-%02d', s.year, m.month) as year_month
    from span s
    cross join calendar m
    where printf('%d-%02d', s.year, m.month) between s.first_month and s.last_month
),
month_trainees as (
    select
        case when grouping(township_key) = 1 then 'county' else 'township' end as unit, township_key, year_month,
        count(distinct person_id_hash) as trainees
    from int_training_enrolment
    group by grouping sets ((township_key, year_month), (year_month))
),
ytd as (
    select
        case when grouping(t.township_key) = 1 then 'county' else 'township' end as unit, t.township_key,
        p.year_month,
        count(*) as ytd_trainees,
        count(*) filter (where t.completed_month <= p.year_month) as ytd_completed,
        count(*) filter (where t.employed_month <= p.year_month) as ytd_employed,
        count(*) filter (where t.is_registered) as ytd_registered
    from period p
    join int_trainee_year t on t.year = p.year and t.first_month <= p.year_month
    group by grouping sets ((t.township_key, p.year_month), (p.year_month))
),
target as (
    select year(valid_from) as year, value as target_trainees
    from ref_plan_target
    where target = 'free_training_trainees'
),
figures as (
    select
        u.unit, u.township_key, u.township, p.year_month, p.year, p.month,
        coalesce(m.trainees, 0) as trainees,
        coalesce(y.ytd_trainees, 0) as ytd_trainees,
        coalesce(y.ytd_completed, 0) as ytd_completed,
        coalesce(y.ytd_employed, 0) as ytd_employed,
        coalesce(y.ytd_registered, 0) as ytd_registered,
        case when u.unit = 'county' then t.target_trainees end as target_trainees
    from unit u
    cross join period p
    left join month_trainees m
        on m.unit = u.unit and m.township_key is not distinct from u.township_key and m.year_month = p.year_month
    left join ytd y
        on y.unit = u.unit and y.township_key is not distinct from u.township_key and y.year_month = p.year_month
    left join target t on t.year = p.year
)
select
    unit, township_key, township, year_month, year, month, trainees, ytd_trainees, ytd_completed, ytd_employed,
    ytd_registered, ytd_trainees - ytd_registered as ytd_not_registered, target_trainees,
    cast(round(ytd_trainees * 100 / target_trainees, 2) as decimal(9, 2)) as progress_pct
from figures
order by unit, township_key, year_month;
