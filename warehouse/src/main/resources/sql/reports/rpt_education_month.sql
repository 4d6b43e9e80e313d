-- grain: one unit (the county, or a township), calendar month of a year with education aid, and programme (each of
-- the department's programmes, and 'all' for every programme together); key: unit, township_key, year_month,
-- programme (township_key null on the county row; 0 is 未归属乡镇, students the registry does not know).
-- a row per programme rather than a column per programme: the programmes are the contract's list (dim_programme),
-- data that may grow, and recipients of two programmes cannot be added up, so 'all' is a row of its own, counted
-- again. every unit and programme has a row for every month from the first month of the year with a current payment
-- to december, or to the latest month any payment reaches if earlier (a month the rosters have not reached is
-- unknown, not zero). a payment counts in the month it was paid and in the township of the household's version on
-- that day (the version the fact names, as mart_township_month places events). recipients are distinct persons;
-- year to date a person counts once a year in each unit and programme, from the month of their first payment there.
-- edu_gap_children: the EDU_GAP findings of the month's year (mart_finding: registered children of compulsory school
-- age with no aid paid in the year, as the copy knows the year), in the township of the child's current household;
-- on the 'all' rows only.
create or replace table rpt_education_month as
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
programme as (
    select code as programme, name_zh as programme_zh from dim_programme where department = 'education'
    union all
    select 'all', '合计'
),
paid as (
    select
        f.person_id_hash, f.programme, coalesce(h.township_key, 0) as township_key, year(f.paid_on) as year,
        strftime(f.paid_on, '%Y-%m') as year_month, f.amount
    from fact_education_aid f
    join dim_household h using (household_key)
    where f.is_current
),
span as (
    select year, min(year_month) as first_month,
           least(year || '-12', (select max(year_month) from paid)) as last_month
    from paid
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
-- each payment counted four ways: in its township and in the county, under its programme and under all
counted as (
    select
        u.unit, case when u.unit = 'township' then p.township_key end as township_key,
        case when a.all_programmes then 'all' else p.programme end as programme,
        p.person_id_hash, p.year, p.year_month, p.amount
    from paid p
    cross join (values ('township'), ('county')) as u(unit)
    cross join (values (false), (true)) as a(all_programmes)
),
month_paid as (
    select unit, township_key, programme, year_month, count(distinct person_id_hash) as recipients, sum(amount) as yuan
    from counted
    group by all
),
-- a person joins a unit's and programme's recipients of the year in the month of their first payment there
newly_paid as (
    select unit, township_key, programme, first_month as year_month, count(*) as recipients
    from (
        select unit, township_key, programme, person_id_hash, min(year_month) as first_month
        from counted
        group by unit, township_key, programme, person_id_hash, year
    )
    group by all
),
gap as (
    select coalesce(h.township_key, 0) as township_key, f.year
    from mart_finding f
    join dim_household h using (household_key)
    where f.rule_code = 'EDU_GAP'
),
edu_gap as (
    select 'township' as unit, township_key, year, count(*) as children from gap group by all
    union all
    select 'county', null, year, count(*) from gap group by all
),
figures as (
    select
        u.unit, u.township_key, u.township, p.year_month, p.year, p.month, g.programme, g.programme_zh,
        coalesce(m.recipients, 0) as recipients,
        coalesce(m.yuan, 0) as yuan,
        sum(coalesce(n.recipients, 0)) over ytd as ytd_recipients,
        sum(coalesce(m.yuan, 0)) over ytd as ytd_yuan,
        case when g.programme = 'all' then coalesce(e.children, 0) end as edu_gap_children
    from unit u
    cross join period p
    cross join programme g
    left join month_paid m
        on m.unit = u.unit and m.township_key is not distinct from u.township_key and m.programme = g.programme
        and m.year_month = p.year_month
    left join newly_paid n
        on n.unit = u.unit and n.township_key is not distinct from u.township_key and n.programme = g.programme
        and n.year_month = p.year_month
    left join edu_gap e on e.unit = u.unit and e.township_key is not distinct from u.township_key and e.year = p.year
    window ytd as (partition by u.unit, u.township_key, g.programme, p.year order by p.year_month)
)
select
    unit, township_key, township, year_month, year, month, programme, programme_zh,
    cast(recipients as integer) as recipients,
    cast(yuan as decimal(18, 2)) as yuan,
    cast(ytd_recipients as integer) as ytd_recipients,
    cast(ytd_yuan as decimal(18, 2)) as ytd_yuan,
    cast(edu_gap_children as integer) as edu_gap_children
from figures
order by year_month, unit, township_key, programme;
