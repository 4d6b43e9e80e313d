-- grain: one unit (the county, or one township), calendar month and department; key: unit, township_key, year_month,
-- source (the county row: unit 'county', township_key null; township_key 0 = 未归属乡镇).
-- the DHIS2 "reporting rate": what each department sent in the month of receipt (etl_file.received_at). every
-- department has every month from the first file received to the month of the latest one, so a department that sent
-- nothing has a county row of zeros and the report can name it. the county row counts the files and their rows as
-- etl_file accounts them (rows of loaded files). a township row counts the loaded rows traced to it through what they
-- produced: a department's row through its fact's household (the household's version the fact names; 未归属乡镇 for
-- a beneficiary the registry does not know), a registry row through the person version it made (a row repeating a
-- person unchanged makes none, so a township's registry rows can be fewer than the file's); its files are those with
-- such a row. a rejected row, a duplicate and an unusable file produced nothing and so have no township: they count
-- on the county row only (null on a township's).
create or replace table rpt_data_received_month as
with
department (department_order, source, department_zh) as (
    values
        (1, 'registry', '扶贫办'),
        (2, 'education', '教育局'),
        (3, 'medical', '医保局'),
        (4, 'microloan', '金融办'),
        (5, 'training', '人社局')
),
township as (
    select township_key, township from dim_township
    union all
    select 0, '未归属乡镇'
),
span as (
    select date_trunc('month', min(received_at)) as first_month, date_trunc('month', max(received_at)) as last_month
    from etl_file
),
calendar as (
    select strftime(m, '%Y-%m') as year_month, year(m) as year, month(m) as month
    from span s, unnest(generate_series(s.first_month, s.last_month, interval 1 month)) as t(m)
),
received as (
    select
        source, strftime(received_at, '%Y-%m') as year_month,
        count(*) as files_received,
        count(*) filter (where status = 'LOADED') as files_loaded,
        count(*) filter (where status = 'DUPLICATE') as files_duplicate,
        count(*) filter (where status = 'REJECTED') as files_rejected,
        coalesce(sum(rows_loaded) filter (where status = 'LOADED'), 0) as rows_loaded,
        coalesce(sum(rows_rejected) filter (where status = 'LOADED'), 0) as rows_rejected
    from etl_file
    group by all
),
fact_row as (
    select file_key, household_key from fact_education_aid
    union all
    select file_key, household_key from fact_medical_claim
    union all
    select file_key, household_key from fact_microloan
    union all
    select file_key, household_key from fact_training
),
traced_row as (
    select f.file_key, coalesce(h.township_key, 0) as township_key
    from fact_row f
    join dim_household h using (household_key)
    union all
    select p.file_key, coalesce(p.township_key, 0)
    from dim_person p
    join etl_file e using (file_key)
    where e.source = 'registry'
),
traced as (
    select
        e.source, strftime(e.received_at, '%Y-%m') as year_month, r.township_key,
        count(distinct r.file_key) as files, count(*) as rows_loaded
    from traced_row r
    join etl_file e using (file_key)
    group by all
),
by_township as (
    select
        'township' as unit, t.township_key, c.year_month, d.source, t.township, c.year, c.month,
        d.department_order, d.department_zh,
        coalesce(r.files, 0) as files_received,
        coalesce(r.files, 0) as files_loaded,
        null as files_duplicate,
        null as files_rejected,
        coalesce(r.rows_loaded, 0) as rows_loaded,
        null as rows_rejected
    from township t
    cross join calendar c
    cross join department d
    left join traced r on r.township_key = t.township_key and r.year_month = c.year_month and r.source = d.source
),
by_county as (
    select
        'county' as unit, cast(null as integer) as township_key, c.year_month, d.source, '全县' as township, c.year,
        c.month, d.department_order, d.department_zh,
        coalesce(r.files_received, 0),
        coalesce(r.files_loaded, 0),
        coalesce(r.files_duplicate, 0),
        coalesce(r.files_rejected, 0),
        coalesce(r.rows_loaded, 0),
        coalesce(r.rows_rejected, 0)
    from calendar c
    cross join department d
    left join received r on r.year_month = c.year_month and r.source = d.source
),
unit_month as (
    select * from by_township
    union all
    select * from by_county
)
select
    unit, township_key, year_month, source, township, year, month,
    cast(department_order as integer) as department_order, department_zh,
    cast(files_received as integer) as files_received,
    cast(files_loaded as integer) as files_loaded,
    cast(files_duplicate as integer) as files_duplicate,
    cast(files_rejected as integer) as files_rejected,
    cast(rows_loaded as bigint) as rows_loaded,
    cast(rows_rejected as bigint) as rows_rejected,
    cast(round(rows_rejected * 100 / nullif(rows_loaded + rows_rejected, 0), 2) as decimal(9, 2)) as reject_rate_pct
from unit_month
order by year_month, unit, township_key, department_order;
