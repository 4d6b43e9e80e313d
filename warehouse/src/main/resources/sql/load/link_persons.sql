-- links the rows of a load's department files to persons and households; shared by every fact.
-- a beneficiary the registry does not know gets a person row (is_registered = false), and the unknown household.
-- placeholders: {event_date} (the column dating the row).

-- grain: one version of a person the load's files name whom the warehouse knows; key: person_key. the persons'
-- hashes are looked up in dim_person once, here, for the two uses below: each lookup reads a county's million hashes.
create or replace temp table link_known as
select person_key, person_id_hash, household_id, is_registered, valid_from, valid_to
from dim_person
where person_id_hash in (select person_id_hash from stage_rows where key_rank = 1);

-- grain: one person of the load's files the warehouse does not know yet; key: person_id_hash (person_key: the key
-- they get). Their row is the first file's to name them, from when it was received.
create or replace temp table link_newcomer as
with newcomers as (
    select
        person_id_hash,
        arg_min(file_key, file_order) as file_key,
        arg_min_null(id_masked, file_order) as id_masked,
        arg_min_null(name, file_order) as name,
        arg_min_null(sex, file_order) as sex,
        arg_min_null(birth_date, file_order) as birth_date,
        arg_min_null(sheet, file_order) as sheet,
        arg_min_null(row_number, file_order) as row_number,
        min(file_order) as first_seen
    from stage_rows s
    where key_rank = 1
      and not exists (select 1 from link_known d where d.person_id_hash = s.person_id_hash)
    group by person_id_hash
)
select
    (select coalesce(max(person_key), 0) from dim_person) + row_number() over (order by first_seen) as person_key,
    newcomers.*,
    l.received_at as valid_from
from newcomers
join load_file l on l.file_key = newcomers.file_key;

-- grain of stage_link: one kept row of the load's files; key: file_key, sheet_index, row_number. the person's
-- version on the event day, else the earliest known one (the registry is often loaded after the events it explains),
-- a newcomer's being the one it gets; the household likewise, through the person's household number.
create or replace temp table stage_link as
with kept as (
    select file_key, sheet_index, row_number, file_order, person_id_hash, cast({event_date} as timestamp) as event_at
    from stage_rows
    where key_rank = 1
),
person_pick as (
    select
        k.file_key, k.sheet_index, k.row_number, k.file_order, k.event_at, p.person_key, p.household_id,
        p.is_registered,
        row_number() over (
            partition by k.file_key, k.sheet_index, k.row_number
            order by case when p.valid_from <= k.event_at and (p.valid_to is null or p.valid_to > k.event_at)
                          then 0 else 1 end,
                     p.valid_from
        ) as pick
    from kept k
    join (
        select person_key, person_id_hash, household_id, is_registered, valid_from, valid_to from link_known
        union all
        select person_key, person_id_hash, null, false, valid_from, null from link_newcomer
    ) p on p.person_id_hash = k.person_id_hash
),
household_pick as (
    select
        pp.file_key, pp.sheet_index, pp.row_number, h.household_key,
        row_number() over (
            partition by pp.file_key, pp.sheet_index, pp.row_number
            order by case when h.valid_from <= pp.event_at and (h.valid_to is null or h.valid_to > pp.event_at)
                          then 0 else 1 end,
                     h.valid_from
        ) as pick
    from person_pick pp
    join dim_household h on h.household_id = pp.household_id
    where pp.pick = 1
)
select
    pp.file_key, pp.sheet_index, pp.row_number, pp.person_key, pp.is_registered,
    coalesce(hp.household_key, 0) as household_key,
    -- the row's place among the kept rows, which numbers its fact: numbering the facts themselves sorted whole rows
    row_number() over (order by pp.file_order) as seq
from person_pick pp
left join household_pick hp
    on hp.file_key = pp.file_key and hp.sheet_index = pp.sheet_index and hp.row_number = pp.row_number
    and hp.pick = 1
where pp.pick = 1;

-- writes, in the load's transaction:

insert into dim_person (person_key, person_id_hash, id_masked, name, sex, birth_date, is_registered, household_id,
    township_key, village_key, relation, labour_capacity, health, schooling, valid_from, valid_to, is_current, file_key,
    sheet, row_number)
select
    person_key, person_id_hash, id_masked, name, sex, birth_date, false, null, null, null, null, null, null, null,
    valid_from, null, true, file_key, sheet, row_number
from link_newcomer;
