-- the households, household versions and persons whose rows a model brought up to date for some households reads
-- (Models). scope_household, the households the pending changes touched, is made before; the tables' household_scope
-- conditions (their YAML) read these.
-- a household's rows read its versions, its members (every version of every person it ever had) and the facts of
-- both: those linked to its versions, and every fact of its members and of the persons of its facts, whichever
-- household those were linked to (a finding about a person reads all their stays, loans, courses and payments).

create or replace temp table scope_household_key as
select household_key from dim_household where household_id in (select household_id from scope_household);

create or replace temp table scope_person as
select person_id_hash from dim_person where household_id in (select household_id from scope_household)
union
select person_id_hash from fact_education_aid where household_key in (select household_key from scope_household_key)
union
select person_id_hash from fact_medical_claim where household_key in (select household_key from scope_household_key)
union
select person_id_hash from fact_microloan where household_key in (select household_key from scope_household_key)
union
select person_id_hash from fact_training where household_key in (select household_key from scope_household_key);
