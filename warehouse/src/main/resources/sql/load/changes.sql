-- the households a load of department files may have changed, for the models to redo (Models); shared by every fact.
-- placeholders: {fact_table}.
-- a fact counts for the household its row was linked to, and a finding about a person for every household the person
-- is or was registered in and every household their other facts were linked to (a beneficiary the registry did not
-- know has facts in the unknown household and, once registered, in theirs). Each household is recorded under the
-- file whose fact, or whose supersession of a fact, changed it; a load of several files records under each file the
-- households of every fact its persons have once the load is done, which holds those of the file's own time.

-- writes, in the load's transaction:

-- grain: one fact the load inserted or superseded; key: none. a table, not a common table expression: its true size
-- (a file's rows) lets duckdb build the joins below on it; guessing the whole fact table's size, it built the join
-- with dim_person on dim_person's million hashes instead (that join 0.3 s of a 10,000-claim load into a county of
-- 1,000,000; 0.05 s built on the file's persons)
create or replace temp table load_changed as
select file_key as change_key, household_key, person_id_hash
from {fact_table}
where file_key in (select file_key from load_file)
union all
select superseded_by, household_key, person_id_hash
from {fact_table}
where superseded_by in (select file_key from load_file);

insert into etl_change (file_key, household_id)
with person as (
    select distinct change_key, person_id_hash from load_changed
)
select distinct change_key, household_id
from (
    select c.change_key, h.household_id from load_changed c join dim_household h using (household_key)
    union all
    select c.change_key, p.household_id
    from person c join dim_person p using (person_id_hash)
    where p.household_id is not null
    union all
    select c.change_key, h.household_id
    from person c join {fact_table} f using (person_id_hash) join dim_household h using (household_key)
);
