-- grain: one unit (the county, or one township), calendar month and finding rule; key: unit, township_key, year_month,
-- rule_code (the county row: unit 'county', township_key null; township_key 0 = 未归属乡镇, persons the registry does
-- not place).
-- a finding counts from the month it was found (mart_finding_dates), not the month of its event: the bulletin asks
-- the townships to visit what is new, and a loan of 2018 over the limit first listed in a ledger received in june 2019
-- is june 2019's news (counted in its issue month it would be news in no bulletin, that month's being out already).
-- standing in a month = found by the month's end and still a finding in this copy (mart_finding holds the findings of
-- the current data only: one settled since is in no month); new = found in the month, so standing(m) = standing(m-1)
-- + new(m). the months run from the first month a finding was found to the month of the latest file received; the
-- rules are those with a finding, in mart_finding's order.
create or replace table rpt_finding_month as
with
township as (
    select township_key, township from dim_township
    union all
    select 0, '未归属乡镇'
),
found as (
    select finding_key, rule_code, township_key, found_month as year_month from mart_finding_dates
),
rule as (
    select
        rule_code, any_value(rule_zh) as rule_zh, any_value(severity) as severity,
        cast(rank() over (order by min(rule_order)) as integer) as rule_order
    from mart_finding
    group by rule_code
),
span as (
    select
        (select strptime(min(year_month), '%Y-%m') from found) as first_month,
        date_trunc('month', max(received_at)) as last_month
    from etl_file
),
calendar as (
    select strftime(m, '%Y-%m') as year_month, year(m) as year, month(m) as month
    from span s, unnest(generate_series(s.first_month, s.last_month, interval 1 month)) as t(m)
),
found_count as (
    select township_key, year_month, rule_code, count(*) as found
    from found
    group by all
),
by_township as (
    select
        'township' as unit, t.township_key, c.year_month, r.rule_code, t.township, c.year, c.month,
        coalesce(n.found, 0) as new_findings
    from township t
    cross join calendar c
    cross join rule r
    left join found_count n on n.township_key = t.township_key and n.year_month = c.year_month
        and n.rule_code = r.rule_code
),
by_county as (
    select
        'county' as unit, cast(null as integer) as township_key, year_month, rule_code, '全县' as township, year, month,
        sum(new_findings) as new_findings
    from by_township
    group by year_month, rule_code, year, month
),
unit_month as (
    select * from by_township
    union all
    select * from by_county
)
select
    u.unit, u.township_key, u.year_month, u.rule_code, u.township, u.year, u.month,
    r.rule_order, r.rule_zh, r.severity,
    cast(sum(u.new_findings) over (partition by u.unit, u.township_key, u.rule_code order by u.year_month) as integer)
        as standing,
    cast(u.new_findings as integer) as new_findings,
    cast(lag(u.new_findings, 1, 0) over (partition by u.unit, u.township_key, u.rule_code order by u.year_month)
        as integer) as new_last_month,
    cast(sum(u.new_findings) over (partition by u.unit, u.township_key, u.rule_code, u.year order by u.year_month)
        as integer) as new_ytd
from unit_month u
join rule r using (rule_code)
order by u.year_month, u.unit, u.township_key, r.rule_order;
