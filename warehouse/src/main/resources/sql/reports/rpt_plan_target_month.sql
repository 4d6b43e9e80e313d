-- grain: one plan target and calendar month of the target's year; key: target, year_month.
-- the months run from the first month of the year with a fact of the target's department to december, or to the
-- latest month any fact of that department reaches if earlier (a month the files have not reached yet is unknown,
-- not zero); a target with no fact in its year has no row. trainees: the plan counts 人, so a person counts once a
-- year, in the month their first current enrolment of the year starts (int_trainee_year). microloans: principal of
-- the current loans issued in the month as each loan's latest ledger states it, in 万元 like the plan. every current
-- fact counts, a beneficiary the registry does not know too: the findings judge who may benefit, the task counts what
-- was done.
create or replace table rpt_plan_target_month as
with target as (
    select target, year(valid_from) as year, applies_to, unit, value as target_value, source
    from ref_plan_target
),
measured as (
    select 'training' as department, first_month as year_month, cast(1 as decimal(18, 4)) as amount
    from int_trainee_year
    union all
    select 'microloan', strftime(issue_date, '%Y-%m'), cast(principal / 10000 as decimal(18, 4))
    from int_microloan_latest
),
by_month as (
    select department, year_month, sum(amount) as amount
    from measured
    group by all
),
reach as (
    select department, max(year_month) as last_month
    from by_month
    group by all
),
span as (
    select t.target, t.year, min(b.year_month) as first_month, least(t.year || '-12', min(r.last_month)) as last_month
    from target t
    join by_month b on b.department = t.applies_to and left(b.year_month, 4) = cast(t.year as varchar)
    join reach r on r.department = t.applies_to
    group by t.target, t.year
),
calendar as (
    select unnest(range(1, 13)) as month
),
cell as (
    select s.target, s.year, m.month, printf('%d-%02d', s.year, m.month) as year_month
    from span s
    cross join calendar m
    where printf('%d-%02d', s.year, m.month) between s.first_month and s.last_month
),
progress as (
    select
        c.target, c.year_month, c.year, c.month, t.applies_to, t.unit, t.target_value,
        coalesce(b.amount, 0) as month_value,
        sum(coalesce(b.amount, 0)) over (partition by c.target, c.year order by c.year_month) as ytd_value,
        t.source
    from cell c
    join target t on t.target = c.target and t.year = c.year
    left join by_month b on b.department = t.applies_to and b.year_month = c.year_month
)
select
    target, year_month, year, month, applies_to, unit, target_value,
    cast(month_value as decimal(18, 4)) as month_value,
    cast(ytd_value as decimal(18, 4)) as ytd_value,
    cast(round(ytd_value * 100 / target_value, 2) as decimal(9, 2)) as progress_pct,
    source
from progress
order by target, year_month;
