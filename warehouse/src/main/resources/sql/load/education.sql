-- education aid load: new schools into dim_school, then one fact_education_aid row per kept row of the load's files.
-- grain: one payment (person, programme, term) of a file; key: aid_key.

-- the fact under the lake's names, the contract's output columns its natural key is written in (load/supersede.sql)
create or replace temp view fact_in_lake_names as
select rowid as fact_row, * from fact_education_aid;

-- writes, in the load's transaction:
insert into dim_school (school_key, school, file_key, sheet, row_number)
with named as (
    select
        school,
        arg_min(file_key, file_order) as file_key,
        arg_min_null(sheet, file_order) as sheet,
        arg_min_null(row_number, file_order) as row_number,
        min(file_order) as first_seen
    from stage_rows
    where key_rank = 1
      and not exists (select 1 from dim_school d where d.school = stage_rows.school)
    group by school
)
select
    (select coalesce(max(school_key), 0) from dim_school) + row_number() over (order by first_seen),
    school, file_key, sheet, row_number
from named;

insert into fact_education_aid (aid_key, file_key, sheet, row_number, person_key, household_key, person_id_hash,
    is_registered, programme_key, programme, stage, school_key, term, amount, paid_on, paid_date_key, guardian,
    township_key, village_key, is_current, superseded_by)
with kept as (
    select *
    from stage_rows
    where key_rank = 1
)
select
    (select coalesce(max(aid_key), 0) from fact_education_aid) + l.seq,
    k.file_key, k.sheet, k.row_number,
    l.person_key, l.household_key, k.person_id_hash, l.is_registered,
    p.programme_key, k.programme, k.stage, s.school_key, k.term, k.amount, k.paid_on,
    cast(strftime(k.paid_on, '%Y%m%d') as integer),
    k.guardian, k.township_code, k.village_code,
    k.superseded_by is null, k.superseded_by
from kept k
join stage_link l on l.file_key = k.file_key and l.sheet_index = k.sheet_index and l.row_number = k.row_number
join dim_programme p on p.department = 'education' and p.code = k.programme
join dim_school s on s.school = k.school;
