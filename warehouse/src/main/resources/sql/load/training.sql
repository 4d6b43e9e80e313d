-- training load: the courses and schools of the load's files, then one fact per kept enrolment. grain of
-- fact_training: one enrolment as a file states it; key: training_key.

-- the fact under the lake's names, the contract's output columns its natural key is written in (load/supersede.sql)
create or replace temp view fact_in_lake_names as
select rowid as fact_row, * rename (is_completed as completed, is_employed as employed) from fact_training;

-- writes, in the load's transaction:

-- courses are keyed in the order files first use them, so a rebuild from the lake gives the same keys
insert into dim_course (course_key, code, name_zh)
with used as (
    select course, min(file_order) as first_seen
    from stage_rows
    where key_rank = 1
    group by course
)
select
    (select coalesce(max(course_key), 0) from dim_course) + row_number() over (order by u.first_seen),
    u.course, c.label_zh
from used u
join dim_code c on c.domain = 'course' and c.code = u.course
where not exists (select 1 from dim_course d where d.code = u.course);

update dim_course set name_zh = c.label_zh
from dim_code c
where c.domain = 'course' and c.code = dim_course.code and dim_course.name_zh <> c.label_zh;

insert into dim_training_school (school_key, school, file_key, sheet, row_number)
with named as (
    select
        school,
        arg_min(file_key, file_order) as file_key,
        arg_min_null(sheet, file_order) as sheet,
        arg_min_null(row_number, file_order) as row_number,
        min(file_order) as first_seen
    from stage_rows
    where key_rank = 1
    group by school
)
select
    (select coalesce(max(school_key), 0) from dim_training_school) + row_number() over (order by n.first_seen),
    n.school, n.file_key, n.sheet, n.row_number
from named n
where not exists (select 1 from dim_training_school d where d.school = n.school);

insert into fact_training (training_key, file_key, sheet, row_number, person_key, household_key, person_id_hash,
    is_registered, course_key, course, school_key, start_date, start_date_key, end_date, hours, age, is_completed,
    certificate, is_employed, employment, work_place, monthly_wage, subsidy, is_current, superseded_by)
with kept as (
    select
        s.*,
        -- 是否就业 holds 是/否 or a description of the job ("在北京做家政"); only a refusal or 未…/待业/失业
        -- means not employed, so a description is never lost as a reject
        case
            when s.employment is null then null
            when lower(s.employment) in ('否', '无', '没有', 'n', 'no') then false
            when regexp_matches(s.employment, '^(未|待业|失业|无业)') then false
            else true
        end as is_employed
    from stage_rows s
    where s.key_rank = 1
)
select
    (select coalesce(max(training_key), 0) from fact_training)
        + l.seq,
    k.file_key, k.sheet, k.row_number,
    l.person_key, l.household_key, k.person_id_hash, l.is_registered,
    c.course_key, k.course, t.school_key,
    k.start_date, cast(strftime(k.start_date, '%Y%m%d') as integer), k.end_date, k.hours, k.age,
    k.completed, k.certificate, k.is_employed, k.employment, k.work_place, k.monthly_wage, k.subsidy,
    k.superseded_by is null, k.superseded_by
from kept k
join stage_link l on l.file_key = k.file_key and l.sheet_index = k.sheet_index and l.row_number = k.row_number
join dim_course c on c.code = k.course
join dim_training_school t on t.school = k.school;
