-- registry load: a registry file replaces the current state of the townships it covers (scd2 on dim_household and
-- dim_person). grain of reg_person: one person of the file; key: person_id_hash. placeholders: {file_key}, {valid_from}
-- (when the file was received).
create or replace temp table reg_person as
select
    person_id_hash, id_masked, name, sex, birth_date, household_id,
    township_code as township_key, village_code as village_key,
    relation, labour_capacity, health, schooling, household_size, poverty_status, main_cause,
    exit_status, exit_year, relocated, township, village, sheet_index, sheet, row_number
from stage_rows
where key_rank = 1;

-- grain: one household of the file; key: household_id. the head's row speaks for the household: the first row in
-- the order (head first, then sheet_index, row_number), for a value it leaves blank the first row that has one. That
-- order is one bigint (relation rank above the sheet above the row number), so picking a row is one comparison.
create or replace temp table reg_household as
with speaking as (
    select
        *,
        ((case when relation = 'head' then 0 when relation is null then 2 else 1 end)::bigint << 58)
            | (sheet_index::bigint << 32) | row_number::bigint as speaker
    from reg_person
),
households as (
    select
        household_id,
        arg_min_null(township_key, speaker) as township_key,
        arg_min_null(village_key, speaker) as village_key,
        arg_min_null(township, speaker) as township,
        arg_min_null(village, speaker) as village,
        arg_min(poverty_status, speaker) as poverty_status,
        arg_min(main_cause, speaker) as main_cause,
        arg_min(exit_status, speaker) as exit_status,
        arg_min(exit_year, speaker) as exit_year,
        arg_min(relocated, speaker) as relocated,
        cast(count(*) as integer) as members,
        arg_min(household_size, speaker) as declared_size,
        arg_min_null(sheet, speaker) as sheet,
        arg_min_null(row_number, speaker) as row_number,
        min(sheet_index * 10000000 + row_number) as first_seen
    from speaking
    group by household_id
)
select * from households;

create or replace temp table covered_township as
select distinct township_key from reg_person;

-- close versions that changed (a tracked column differs, or a beneficiary the registry did not know is now listed),
-- and current versions in covered townships that the file no longer lists
create or replace temp table closing_person as
select d.person_key
from dim_person d
left join reg_person r on r.person_id_hash = d.person_id_hash
where d.is_current
  and ((r.person_id_hash is not null
        and (not d.is_registered
          or r.id_masked is distinct from d.id_masked or r.name is distinct from d.name
          or r.sex is distinct from d.sex or r.birth_date is distinct from d.birth_date
          or r.household_id is distinct from d.household_id or r.township_key is distinct from d.township_key
          or r.village_key is distinct from d.village_key or r.relation is distinct from d.relation
          or r.labour_capacity is distinct from d.labour_capacity or r.health is distinct from d.health
          or r.schooling is distinct from d.schooling))
    or (r.person_id_hash is null and d.is_registered
        and d.township_key in (select township_key from covered_township)));

create or replace temp table closing_household as
select d.household_key
from dim_household d
left join reg_household r on r.household_id = d.household_id
where d.is_current
  and ((r.household_id is not null
        and (r.township_key is distinct from d.township_key or r.village_key is distinct from d.village_key
          or r.poverty_status is distinct from d.poverty_status or r.main_cause is distinct from d.main_cause
          or r.exit_status is distinct from d.exit_status or r.exit_year is distinct from d.exit_year
          or r.relocated is distinct from d.is_relocated or r.members is distinct from d.members
          or r.declared_size is distinct from d.declared_size))
    or (r.household_id is null and d.township_key in (select township_key from covered_township)));

-- the file's versions start when it was received, but never before the versions they replace: a load that failed and
-- was retried after a newer file had loaded would otherwise close versions before they began.
create or replace temp table load_time as
select greatest({valid_from},
    (select max(valid_from) from dim_person where person_key in (select person_key from closing_person)),
    (select max(valid_from) from dim_household where household_key in (select household_key from closing_household)))
    as valid_from;

-- the file's households and persons that are not current, or whose current version closes, get new keys, numbered in
-- file order. Only the order and the row's key are numbered, then joined back: numbering whole rows sorted them all,
-- which cost more than the insert.
create or replace temp table new_household as
select r.household_id, row_number() over (order by r.first_seen) as seq
from reg_household r
anti join (
    select household_id from dim_household
    where is_current and household_key not in (select household_key from closing_household)
) d on d.household_id = r.household_id;

create or replace temp table new_person as
select r.sheet_index, r.row_number, row_number() over (order by r.sheet_index, r.row_number) as seq
from reg_person r
anti join (
    select person_id_hash from dim_person
    where is_current and person_key not in (select person_key from closing_person)
) d on d.person_id_hash = r.person_id_hash;

-- writes, in the load's transaction:

-- the households whose versions the file closes or adds, the households the persons it changes leave or join, and the
-- households of those persons' facts (a finding about a beneficiary the registry did not know, in the unknown
-- household, ends when the registry lists them), for the models to redo (Models)
insert into etl_change (file_key, household_id)
with changed_person as (
    select person_id_hash, household_id from dim_person where person_key in (select person_key from closing_person)
    union all
    select r.person_id_hash, r.household_id from new_person n join reg_person r using (sheet_index, row_number)
),
fact as (
    select household_key, person_id_hash from fact_education_aid
    union all select household_key, person_id_hash from fact_medical_claim
    union all select household_key, person_id_hash from fact_microloan
    union all select household_key, person_id_hash from fact_training
)
select distinct {file_key}, household_id
from (
    select household_id from dim_household where household_key in (select household_key from closing_household)
    union all
    select household_id from new_household
    union all
    select household_id from changed_person where household_id is not null
    union all
    select h.household_id
    from (select distinct person_id_hash from changed_person) p
    join fact f using (person_id_hash)
    join dim_household h using (household_key)
);

update dim_person set valid_to = (select valid_from from load_time), is_current = false
where person_key in (select person_key from closing_person);

update dim_household set valid_to = (select valid_from from load_time), is_current = false
where household_key in (select household_key from closing_household);

insert into dim_household (household_key, household_id, township_key, village_key, township, village, poverty_status,
    main_cause, exit_status, exit_year, is_relocated, members, declared_size, valid_from, valid_to, is_current, file_key,
    sheet, row_number)
select
    (select coalesce(max(household_key), 0) from dim_household) + n.seq,
    r.household_id, r.township_key, r.village_key, r.township, r.village, r.poverty_status, r.main_cause,
    r.exit_status, r.exit_year, r.relocated, r.members, r.declared_size,
    (select valid_from from load_time), null, true, {file_key}, r.sheet, r.row_number
from new_household n
join reg_household r using (household_id);

insert into dim_person (person_key, person_id_hash, id_masked, name, sex, birth_date, is_registered, household_id,
    township_key, village_key, relation, labour_capacity, health, schooling, valid_from, valid_to, is_current, file_key,
    sheet, row_number)
select
    (select coalesce(max(person_key), 0) from dim_person) + n.seq,
    r.person_id_hash, r.id_masked, r.name, r.sex, r.birth_date, true, r.household_id, r.township_key,
    r.village_key, r.relation, r.labour_capacity, r.health, r.schooling,
    (select valid_from from load_time), null, true, {file_key}, r.sheet, r.row_number
from new_person n
join reg_person r using (sheet_index, row_number);
