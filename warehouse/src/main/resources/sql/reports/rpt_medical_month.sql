-- grain: one unit (the county, or one township) and calendar month; key: unit, township_key, year_month (the county
-- row: unit 'county', township_key null; township_key 0 = 未归属乡镇, patients the registry does not place).
-- a stay counts in the month of its admission, not of its settlement: fact_medical_claim dates a claim by admitted_date
-- (the contract's event date, always present; 结算日期 is optional and often missing), and mart_township_month and the
-- findings date stays the same way, so these figures agree with them. the month's stays, cost, reimbursed and
-- self-paid of a township are mart_township_month's: a stay counts in the township of the household's version on the
-- admission day, reimbursed is the sum of the parts the claim states (basic, critical illness, supplementary
-- insurance, medical assistance, other; a part left empty counts 0). the months run from the first to the latest
-- month of a current stay's admission, a unit without a stay in one has zeros.
-- persons over their self-pay cap: the SELF_PAY_OVER_CAP findings (mart_finding_dates); a person counts once a year,
-- in the month of the admission whose self-payment first took them over a cap (the finding's stays in admission order
-- against the cap the finding applied), and in the township of that finding's household version (the household of
-- lower number when two went over on the same day).
-- HIGH_MEDICAL_BURDEN is judged once, over the 12 months up to the latest admission the claims know: its households stand in that month
-- only, every other month is not judged (null).
-- both read mart_finding_dates, which carries each finding's person, year and township: joining mart_finding and
-- dim_household for them took most of this model's time in a county of 1,000,000 persons.
create or replace table rpt_medical_month as
with township as (
    select township_key, township from dim_township
    union all
    select 0, '未归属乡镇'
),
span as (
    select min(date_trunc('month', admitted_date)) as first_month, max(date_trunc('month', admitted_date)) as last_month
    from fact_medical_claim
    where is_current
),
calendar as (
    select strftime(m, '%Y-%m') as year_month, year(m) as year, month(m) as month
    from span s, unnest(generate_series(s.first_month, s.last_month, interval 1 month)) as t(m)
),
stay as (
    select
        township_key, year_month, medical_stays as stays, medical_total_cost as total_cost,
        medical_reimbursed as reimbursed, medical_self_paid as self_paid
    from mart_township_month
),
first_crossed as (
    select
        person_id_hash, year, min(over_cap_on) as crossed_on,
        arg_min(township_key, (over_cap_on, household_id)) as township_key
    from mart_finding_dates
    where over_cap_on is not null
    group by person_id_hash, year
),
over_cap as (
    select township_key, strftime(crossed_on, '%Y-%m') as year_month, count(*) as persons
    from first_crossed
    group by all
),
burden as (
    select township_key, count(distinct household_id) as households
    from mart_finding_dates
    where rule_code = 'HIGH_MEDICAL_BURDEN'
    group by all
),
by_township as (
    select
        'township' as unit, t.township_key, t.township, c.year_month, c.year, c.month,
        coalesce(s.stays, 0) as stays,
        coalesce(s.total_cost, 0) as total_cost,
        coalesce(s.reimbursed, 0) as reimbursed,
        coalesce(s.self_paid, 0) as self_paid,
        coalesce(o.persons, 0) as persons_over_cap,
        case when c.year_month = (select strftime(last_month, '%Y-%m') from span) then coalesce(b.households, 0) end
            as high_burden_households
    from township t
    cross join calendar c
    left join stay s on s.township_key = t.township_key and s.year_month = c.year_month
    left join over_cap o on o.township_key = t.township_key and o.year_month = c.year_month
    left join burden b on b.township_key = t.township_key
),
unit_month as (
    select * from by_township
    union all
    select
        'county', null, '全县', year_month, year, month, sum(stays), sum(total_cost), sum(reimbursed), sum(self_paid),
        sum(persons_over_cap), sum(high_burden_households)
    from by_township
    group by year_month, year, month
),
with_ytd as (
    select
        *,
        sum(stays) over ytd as stays_ytd,
        sum(total_cost) over ytd as total_cost_ytd,
        sum(reimbursed) over ytd as reimbursed_ytd,
        sum(self_paid) over ytd as self_paid_ytd,
        sum(persons_over_cap) over ytd as persons_over_cap_ytd
    from unit_month
    window ytd as (partition by unit, township_key, year order by year_month)
)
select
    unit, cast(township_key as integer) as township_key, year_month, township, year, month,
    cast(stays as integer) as stays,
    cast(total_cost as decimal(18, 2)) as total_cost,
    cast(reimbursed as decimal(18, 2)) as reimbursed,
    cast(self_paid as decimal(18, 2)) as self_paid,
    cast(round(reimbursed * 100 / nullif(total_cost, 0), 2) as decimal(9, 2)) as reimbursed_pct,
    cast(stays_ytd as integer) as stays_ytd,
    cast(total_cost_ytd as decimal(18, 2)) as total_cost_ytd,
    cast(reimbursed_ytd as decimal(18, 2)) as reimbursed_ytd,
    cast(self_paid_ytd as decimal(18, 2)) as self_paid_ytd,
    cast(round(reimbursed_ytd * 100 / nullif(total_cost_ytd, 0), 2) as decimal(9, 2)) as reimbursed_ytd_pct,
    cast(persons_over_cap as integer) as persons_over_cap,
    cast(persons_over_cap_ytd as integer) as persons_over_cap_ytd,
    cast(high_burden_households as integer) as high_burden_households
from with_ytd
order by year_month, unit, township_key;
