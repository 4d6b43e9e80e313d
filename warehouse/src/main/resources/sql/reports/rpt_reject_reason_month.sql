-- grain: one department, month of receipt and reason, a row's or a whole file's; key: source, year_month, level,
-- reason_code.
-- the rejects behind rpt_data_received_month's county rows, by reason code (README, Reason codes): a rejected row has
-- no township (it produced nothing), so this is the county's. level 'row': rows of loaded files rejected for the
-- reason, a row rejected for it in several columns once (a row with two reasons counts under each); level 'file': the
-- files rejected whole (etl_file.error_code). a month and department with no reject has no row.
create or replace table rpt_reject_reason_month as
with
department as (
    select distinct source, department_order, department_zh from rpt_data_received_month
),
row_reason as (
    select distinct file_key, sheet, row_number, reason_code
    from etl_reject
),
reason as (
    select
        e.source, strftime(e.received_at, '%Y-%m') as year_month, 'row' as level, r.reason_code,
        count(distinct r.file_key) as files, count(*) as rows_rejected
    from row_reason r
    join etl_file e using (file_key)
    group by all
    union all
    select source, strftime(received_at, '%Y-%m'), 'file', error_code, count(*), null
    from etl_file
    where status = 'REJECTED'
    group by all
)
select
    r.source, r.year_month, r.level, r.reason_code,
    cast(left(r.year_month, 4) as integer) as year, cast(right(r.year_month, 2) as integer) as month,
    d.department_order, d.department_zh,
    cast(r.files as integer) as files,
    cast(r.rows_rejected as bigint) as rows_rejected
from reason r
join department d using (source)
order by r.year_month, d.department_order, r.level, r.rows_rejected desc nulls last, r.reason_code;
