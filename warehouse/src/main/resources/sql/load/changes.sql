-- the households a department file's load may have changed, for the models to redo (Models); shared by every fact.
-- placeholders: {fact_table}, {file_key}.
-- a fact counts for the household its row was linked to, and a finding about a person for every household the person
-- is or was registered in and every household their other facts were linked to (a beneficiary the registry did not
-- know has facts in the unknown household and, once registered, in theirs).

-- writes, in the load's transaction:

insert into etl_change (file_key, household_id)
with changed as (
    select household_key, person_id_hash
    from {fact_table}
    where file_key = {file_key} or superseded_by = {file_key}
),
person as (
    select distinct person_id_hash from changed
)
select distinct {file_key}, household_id
from (
    select h.household_id from changed c join dim_household h using (household_key)
    union all
    select p.household_id from person c join dim_person p using (person_id_hash) where p.household_id is not null
    union all
    select h.household_id from person c join {fact_table} f using (person_id_hash) join dim_household h using (household_key)
);
