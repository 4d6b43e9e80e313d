-- registry load: a registry file replaces the current state of the townships it covers (scd2 on dim_household and
-- dim_person). grain of reg_person: one person of the file; key: person_id_hash. placeholders: {file_key}, {valid_from}
-- (when the file was received).
create or replace temp table reg_person as
select
    person_id_hash, id_masked, name, sex, birth_date, household_id,
    township_code as township_key, village_code as village_key,
    relation, labour_capacity, health, schooling, household_size, poverty_status, main_cause,
    exit_status, exit_year, relocated, township, village, sheet_index, sheet, row_number,
    md5(concat_ws('|', id_masked, coalesce(name, ''), sex, cast(birth_date as varchar), household_id,
        cast(township_code as varchar), cast(village_code as varchar), coalesce(relation, ''),
        coalesce(labour_capacity, ''), coalesce(health, ''), coalesce(schooling, ''))) as row_hash
from stage_rows
where key_rank = 1;

-- grain: one household of the file; key: household_id. the head's row speaks for the household.
create or replace temp table reg_household as
with households as (
    select
        household_id,
        first(township_key order by relation <> 'head', sheet_index, row_number) as township_key,
        first(village_key order by relation <> 'head', sheet_index, row_number) as village_key,
        first(township order by relation <> 'head', sheet_index, row_number) as township,
        first(village order by relation <> 'head', sheet_index, row_number) as village,
        first(poverty_status order by relation <> 'head', sheet_index, row_number)
            filter (where poverty_status is not null) as poverty_status,
        first(main_cause order by relation <> 'head', sheet_index, row_number)
            filter (where main_cause is not null) as main_cause,
        first(exit_status order by relation <> 'head', sheet_index, row_number)
            filter (where exit_status is not null) as exit_status,
        first(exit_year order by relation <> 'head', sheet_index, row_number)
            filter (where exit_year is not null) as exit_year,
        first(relocated order by relation <> 'head', sheet_index, row_number)
            filter (where relocated is not null) as relocated,
        cast(count(*) as integer) as members,
        first(household_size order by relation <> 'head', sheet_index, row_number)
            filter (where household_size is not null) as declared_size,
        first(sheet order by relation <> 'head', sheet_index, row_number) as sheet,
        first(row_number order by relation <> 'head', sheet_index, row_number) as row_number,
        min(sheet_index * 10000000 + row_number) as first_seen
    from reg_person
    group by household_id
)
select
    *,
    md5(concat_ws('|', cast(township_key as varchar), cast(village_key as varchar), coalesce(poverty_status, ''),
        coalesce(main_cause, ''), coalesce(exit_status, ''), coalesce(cast(exit_year as varchar), ''),
        coalesce(cast(relocated as varchar), ''), cast(members as varchar),
        coalesce(cast(declared_size as varchar), ''))) as row_hash
from households;

create or replace temp table covered_township as
select distinct township_key from reg_person;

-- close versions that changed, and current versions in covered townships that the file no longer lists
create or replace temp table closing_person as
select d.person_key
from dim_person d
left join reg_person r on r.person_id_hash = d.person_id_hash
where d.is_current
  and ((r.person_id_hash is not null and r.row_hash <> d.row_hash)
    or (r.person_id_hash is null and d.is_registered
        and d.township_key in (select township_key from covered_township)));

create or replace temp table closing_household as
select d.household_key
from dim_household d
left join reg_household r on r.household_id = d.household_id
where d.is_current
  and ((r.household_id is not null and r.row_hash <> d.row_hash)
    or (r.household_id is null and d.township_key in (select township_key from covered_township)));

-- the file's versions start when it was received, but never before the versions they replace: a load that failed and
-- was retried after a newer file had loaded would otherwise close versions before they began.
create or replace temp table load_time as
select greatest({valid_from},
    (select max(valid_from) from dim_person where person_key in (select person_key from closing_person)),
    (select max(valid_from) from dim_household where household_key in (select household_key from closing_household)))
    as valid_from;

update dim_person set valid_to = (select valid_from from load_time), is_current = false
where person_key in (select person_key from closing_person);

update dim_household set valid_to = (select valid_from from load_time), is_current = false
where household_key in (select household_key from closing_household);

insert into dim_household
select
    (select coalesce(max(household_key), 0) from dim_household) + row_number() over (order by r.first_seen),
    r.household_id, r.township_key, r.village_key, r.township, r.village, r.poverty_status, r.main_cause,
    r.exit_status, r.exit_year, r.relocated, r.members, r.declared_size, r.row_hash,
    (select valid_from from load_time), null, true, {file_key}, r.sheet, r.row_number
from reg_household r
where not exists (select 1 from dim_household d where d.is_current and d.household_id = r.household_id);

insert into dim_person
select
    (select coalesce(max(person_key), 0) from dim_person) + row_number() over (order by r.sheet_index, r.row_number),
    r.person_id_hash, r.id_masked, r.name, r.sex, r.birth_date, true, r.household_id, r.township_key,
    r.village_key, r.relation, r.labour_capacity, r.health, r.schooling, r.row_hash,
    (select valid_from from load_time), null, true, {file_key}, r.sheet, r.row_number
from reg_person r
where not exists (select 1 from dim_person d where d.is_current and d.person_id_hash = r.person_id_hash);
