-- grain: one calendar month and department; key: year_month, source.
-- what a report's figures rest on. they rest on the whole copy, so its columns do too: the latest load it includes,
-- its loaded files and each department's newest, and the version of the rules and targets (an md5 of their rows in a
-- fixed order, beside their count and latest start); only the files received by the month's end and after it are the
-- month's own, so a report says how many late files (and corrections) its month's figures include. the months run from
-- the first file received to the month of the latest. when and by which version of the product the report was made
-- is the generator's to say, not the copy's.
create or replace table rpt_provenance_month as
with
department as (
    select distinct source, department_order, department_zh from rpt_data_received_month
),
month as (
    select distinct year_month, year, month from rpt_data_received_month
),
loaded as (
    select source, file_key, file_name, received_at, loaded_at, strftime(received_at, '%Y-%m') as year_month
    from etl_file
    where status = 'LOADED'
),
newest as (
    select source, arg_max(file_name, file_key) as file_name, arg_max(received_at, file_key) as received_at
    from loaded
    group by source
),
copy as (
    select max(loaded_at) as data_as_of, count(*) as files_included
    from loaded
),
rule_version as (
    select
        md5(coalesce(string_agg(concat_ws('|', rule, value, unit, valid_from, coalesce(cast(valid_to as varchar), ''),
            coalesce(applies_to, ''), source), chr(10) order by rule, valid_from, applies_to), '')) as rules_version,
        count(*) as rules, max(valid_from) as rules_latest_from
    from ref_policy_rule
),
target_version as (
    select
        md5(coalesce(string_agg(concat_ws('|', target, value, unit, valid_from, coalesce(cast(valid_to as varchar), ''),
            applies_to, source), chr(10) order by target, valid_from, applies_to), '')) as targets_version,
        count(*) as targets, max(valid_from) as targets_latest_from
    from ref_plan_target
)
select
    m.year_month, d.source, m.year, m.month, d.department_order, d.department_zh,
    cast(count(l.file_key) filter (where l.year_month <= m.year_month) as integer) as files_to_month_end,
    cast(count(l.file_key) filter (where l.year_month > m.year_month) as integer) as files_after_month,
    any_value(n.file_name) as newest_file_name,
    any_value(n.received_at) as newest_received_at,
    any_value(c.data_as_of) as data_as_of,
    cast(any_value(c.files_included) as integer) as files_included,
    any_value(r.rules_version) as rules_version,
    cast(any_value(r.rules) as integer) as rules,
    any_value(r.rules_latest_from) as rules_latest_from,
    any_value(t.targets_version) as targets_version,
    cast(any_value(t.targets) as integer) as targets,
    any_value(t.targets_latest_from) as targets_latest_from
from month m
cross join department d
cross join copy c
cross join rule_version r
cross join target_version t
left join loaded l on l.source = d.source
left join newest n on n.source = d.source
group by m.year_month, d.source, m.year, m.month, d.department_order, d.department_zh
order by m.year_month, d.department_order;
