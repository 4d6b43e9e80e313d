-- grain: one unit (the county, or one township), calendar month and finding rule; key: unit, township_key, year_month,
-- rule_code (the county row: unit 'county', township_key null; township_key 0 = 未归属乡镇, persons the registry does
-- not place).
-- a finding counts from the month it was found, not the month of its event: the bulletin asks the townships to visit
-- what is new, and a loan of 2018 over the limit first listed in a ledger received in june 2019 is june 2019's news
-- (counted in its issue month it would be news in no bulletin, that month's being out already). found = when the last
-- of the records behind it (its lineage rows) first arrived: each row is the first receipt of its record (the same
-- loan contract on any ledger, the same payment of a programme to a student in a term, the same settlement, the same
-- enrolment, the same registered person or household), so a later ledger or a re-sent file listing the same records
-- does not make a finding new again, while a correction that makes a finding counts from the record's first receipt.
-- a finding about an absence in a year (no aid, no course, no loan) also rests on its department's files of that year,
-- which its lineage does not name: it is found no earlier than the first of them.
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
year_evidence as (
    select 'EDU_GAP' as rule_code, year(f.paid_on) as year, min(e.received_at) as received_at
    from fact_education_aid f
    join etl_file e using (file_key)
    where f.is_current
    group by all
    union all
    select 'TRAINING_GAP', year(f.start_date), min(e.received_at)
    from fact_training f
    join etl_file e using (file_key)
    where f.is_current
    group by all
    union all
    select 'LOAN_GAP', year(f.as_of_date), min(e.received_at)
    from fact_microloan f
    join etl_file e using (file_key)
    where f.is_current
    group by all
),
first_receipt as (
    select f.file_key, f.sheet, f.row_number, min(e.received_at) over (partition by f.contract_number) as received_at
    from fact_microloan f
    join etl_file e using (file_key)
    union all
    select f.file_key, f.sheet, f.row_number, min(e.received_at) over (partition by f.person_id_hash, f.programme, f.term)
    from fact_education_aid f
    join etl_file e using (file_key)
    union all
    select
        f.file_key, f.sheet, f.row_number,
        min(e.received_at) over (
            partition by coalesce(f.settlement_no, f.person_id_hash || '/' || f.hospital_key || '/' || f.admitted_date))
    from fact_medical_claim f
    join etl_file e using (file_key)
    union all
    select f.file_key, f.sheet, f.row_number, min(e.received_at) over (partition by f.person_id_hash, f.course_key, f.start_date)
    from fact_training f
    join etl_file e using (file_key)
    union all
    select p.file_key, p.sheet, p.row_number, min(e.received_at) over (partition by p.person_id_hash)
    from dim_person p
    join etl_file e using (file_key)
    union all
    select h.file_key, h.sheet, h.row_number, min(e.received_at) over (partition by h.household_id)
    from dim_household h
    join etl_file e using (file_key)
),
lineage_row as (
    select finding_key, unnest(lineage) as r
    from mart_finding
),
found as (
    select
        f.finding_key, f.rule_code, coalesce(h.township_key, 0) as township_key,
        strftime(greatest(max(coalesce(fr.received_at, e.received_at)), any_value(y.received_at)), '%Y-%m') as year_month
    from mart_finding f
    join lineage_row l using (finding_key)
    join etl_file e on e.file_key = l.r.file_key
    left join first_receipt fr on fr.file_key = l.r.file_key and fr.sheet = l.r.sheet and fr.row_number = l.r.row_number
    join dim_household h on h.household_key = f.household_key
    left join year_evidence y on y.rule_code = f.rule_code and y.year = f.year
    group by f.finding_key, f.rule_code, h.township_key
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
