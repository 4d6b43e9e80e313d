-- one round of closing the scope of an update (HouseholdScope runs it until scope_household stops growing): the
-- households, household versions and persons whose rows the update reads. scope_household starts as the households
-- the pending changes touched (etl_change).
-- closed, the scope holds every household a person of it is or was registered in or has a fact linked to, and every
-- member and fact of its households: the facts of a household's members are read wherever they were linked (a finding
-- about a person reads all their stays, loans, courses and payments), and every fact read names a household, and
-- every person read, that the scope holds. a loan contract or a settlement listed for two persons is one record
-- (mart_finding_dates dates it by its first receipt): the households of both are held. so the models' rows of these
-- households read nothing outside it, and the data tests find every row a row of the scope refers to.

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

-- every version of those persons: a fact names its person's version (person_key, the fact_*_links tests), and
-- looking up integer keys costs a fraction of looking up the persons' hashes in a county's facts
create or replace temp table scope_person_key as
select person_key from dim_person where person_id_hash in (select person_id_hash from scope_person);

insert into scope_household
with person_fact as (
    select household_key from fact_education_aid where person_key in (select person_key from scope_person_key)
    union
    select household_key from fact_medical_claim where person_key in (select person_key from scope_person_key)
    union
    select household_key from fact_microloan where person_key in (select person_key from scope_person_key)
    union
    select household_key from fact_training where person_key in (select person_key from scope_person_key)
    union
    select household_key from fact_microloan where contract_number in (
        select contract_number from fact_microloan where person_key in (select person_key from scope_person_key))
    union
    select household_key from fact_medical_claim where settlement_no in (
        select settlement_no from fact_medical_claim where person_key in (select person_key from scope_person_key))
)
select distinct household_id
from (
    select household_id from dim_person
    where person_key in (select person_key from scope_person_key) and household_id is not null
    union
    select h.household_id from person_fact f join dim_household h using (household_key)
)
where household_id not in (select household_id from scope_household);
