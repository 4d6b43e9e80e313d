-- grain: one unit (the county, or one township) and calendar month; key: unit, township_key, year_month (the county
-- row: unit 'county', township_key null; township_key 0 = 未归属乡镇, borrowers the registry does not know).
-- the months run from the first month a current loan was issued or a ledger dated to the month of the latest ledger.
-- what is owed stands as of the month's end: each bank's latest ledger on or before it (banks send ledgers on their
-- own dates; a loan missing from that ledger is no longer owed, as in mart_household_year); before any bank's first
-- ledger it is unknown (null), not zero. loans count in the township of the household's version on the issue date
-- (the version the fact names, as mart_township_month places events), issued in the month of the issue date with
-- each loan's latest ledger's principal. over the limit: the LOAN_OVER_LIMIT findings of mart_finding, each traced
-- through its one lineage row to its loan, in the month that loan was issued. amounts in 万元 like the plan, exact
-- (six decimals: a fen is 0.000001 万元), so the county row is the sum of its townships to the fen.
create or replace table rpt_microloan_month as
with township as (
    select township_key, township from dim_township
    union all
    select 0, '未归属乡镇'
),
place as (
    select household_key, coalesce(township_key, 0) as township_key
    from dim_household
),
span as (
    select
        least(min(date_trunc('month', issue_date)), min(date_trunc('month', as_of_date))) as first_month,
        max(date_trunc('month', as_of_date)) as last_month
    from fact_microloan
    where is_current
),
calendar as (
    select strftime(m, '%Y-%m') as year_month, cast(last_day(m) as date) as month_end
    from span s, unnest(generate_series(s.first_month, s.last_month, interval 1 month)) as t(m)
),
ledger as (
    select distinct bank_key, as_of_date
    from fact_microloan
    where is_current
),
month_ledger as (
    select c.year_month, l.bank_key, max(l.as_of_date) as as_of_date
    from calendar c
    join ledger l on l.as_of_date <= c.month_end
    group by all
),
-- a month some bank's ledger reaches: what a township owes then is known, zero if nothing
known as (
    select distinct year_month, 0 as zero
    from month_ledger
),
owed as (
    select
        m.year_month, p.township_key,
        count(*) filter (where f.status is distinct from 'settled') as loans,
        coalesce(sum(f.balance) filter (where f.status is distinct from 'settled'), 0) as balance,
        count(*) filter (where f.status = 'overdue') as overdue_loans,
        coalesce(sum(f.balance) filter (where f.status = 'overdue'), 0) as overdue_balance
    from month_ledger m
    join fact_microloan f using (bank_key, as_of_date)
    join place p on p.household_key = f.household_key
    where f.is_current
    group by all
),
issued as (
    select p.township_key, strftime(l.issue_date, '%Y-%m') as year_month, count(*) as loans, sum(l.principal) as principal
    from int_microloan_latest l
    join place p using (household_key)
    group by all
),
over_limit as (
    select p.township_key, strftime(l.issue_date, '%Y-%m') as year_month, count(*) as loans
    from mart_finding f
    join int_microloan_latest l using (file_key, sheet, row_number)
    join place p on p.household_key = l.household_key
    where f.rule_code = 'LOAN_OVER_LIMIT'
    group by all
),
by_township as (
    select
        'township' as unit, t.township_key, c.year_month, t.township, c.month_end,
        coalesce(o.loans, k.zero) as loans_outstanding,
        coalesce(o.balance, k.zero) as balance,
        coalesce(o.overdue_loans, k.zero) as loans_overdue,
        coalesce(o.overdue_balance, k.zero) as overdue_balance,
        coalesce(i.loans, 0) as loans_issued,
        coalesce(i.principal, 0) as principal,
        sum(coalesce(i.loans, 0)) over ytd as loans_issued_ytd,
        sum(coalesce(i.principal, 0)) over ytd as principal_ytd,
        coalesce(x.loans, 0) as loans_over_limit,
        sum(coalesce(x.loans, 0)) over ytd as loans_over_limit_ytd
    from township t
    cross join calendar c
    left join known k on k.year_month = c.year_month
    left join owed o on o.township_key = t.township_key and o.year_month = c.year_month
    left join issued i on i.township_key = t.township_key and i.year_month = c.year_month
    left join over_limit x on x.township_key = t.township_key and x.year_month = c.year_month
    window ytd as (partition by t.township_key, year(c.month_end) order by c.year_month)
),
by_county as (
    select
        'county' as unit, cast(null as integer) as township_key, year_month, '全县' as township, month_end,
        sum(loans_outstanding) as loans_outstanding, sum(balance) as balance, sum(loans_overdue) as loans_overdue,
        sum(overdue_balance) as overdue_balance, sum(loans_issued) as loans_issued, sum(principal) as principal,
        sum(loans_issued_ytd) as loans_issued_ytd, sum(principal_ytd) as principal_ytd,
        sum(loans_over_limit) as loans_over_limit, sum(loans_over_limit_ytd) as loans_over_limit_ytd
    from by_township
    group by year_month, month_end
),
unit_month as (
    select * from by_township
    union all
    select * from by_county
),
rated as (
    select
        u.*,
        cast(round(u.overdue_balance * 100 / nullif(u.balance, 0), 2) as decimal(9, 2)) as overdue_rate_pct,
        t.value as target_value,
        -- the bulletin ranks the townships that owe something; 未归属乡镇 is no township
        u.unit = 'township' and u.township_key <> 0 and u.balance > 0 as ranked
    from unit_month u
    left join ref_plan_target t
        on u.unit = 'county' and t.target = 'microloan_issued' and u.month_end between t.valid_from and t.valid_to
)
select
    unit, township_key, year_month, township,
    year(month_end) as year, month(month_end) as month,
    cast(loans_outstanding as integer) as loans_outstanding,
    cast(balance / 10000 as decimal(18, 6)) as outstanding_wan_yuan,
    cast(loans_overdue as integer) as loans_overdue,
    cast(overdue_balance / 10000 as decimal(18, 6)) as overdue_wan_yuan,
    overdue_rate_pct,
    case when ranked then
        cast(rank() over (partition by year_month, ranked order by overdue_rate_pct desc) as integer)
    end as overdue_rank,
    cast(loans_issued as integer) as loans_issued,
    cast(principal / 10000 as decimal(18, 6)) as issued_wan_yuan,
    cast(loans_issued_ytd as integer) as loans_issued_ytd,
    cast(principal_ytd / 10000 as decimal(18, 6)) as issued_ytd_wan_yuan,
    target_value as target_wan_yuan,
    cast(round(principal_ytd / 100 / target_value, 2) as decimal(9, 2)) as target_progress_pct,
    cast(loans_over_limit as integer) as loans_over_limit,
    cast(loans_over_limit_ytd as integer) as loans_over_limit_ytd
from rated
order by year_month, unit, township_key;
