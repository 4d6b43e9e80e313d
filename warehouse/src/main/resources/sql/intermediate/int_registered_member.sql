-- grain: one registered person of the registry as it stands now, with the current household; key: person_key.
-- current registered persons of current households, only the columns the finding rules use.
create or replace view int_registered_member as
select p.person_key, p.person_id_hash, p.name, p.birth_date, p.labour_capacity, p.schooling, p.file_key, p.sheet,
    p.row_number, h.household_key
from dim_person p
join dim_household h on h.household_id = p.household_id and h.is_current
where p.is_current and p.is_registered;
