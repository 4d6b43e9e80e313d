-- grain: one registered household and department file with a row naming it; key: household_id, file_key,
-- township_key.
-- the files a household's facts came from, in the township of the version each row names: mart_township_month counts
-- a department file in every township of the registered households its rows name, and this table, kept household by
-- household (Models), spares it a pass over every fact of the county.
create or replace table int_household_file as
with file_household as (
    select file_key, household_key from fact_education_aid
    union select file_key, household_key from fact_medical_claim
    union select file_key, household_key from fact_microloan
    union select file_key, household_key from fact_training
)
select distinct h.household_id, f.file_key, coalesce(h.township_key, 0) as township_key
from file_household f
join dim_household h using (household_key)
where f.household_key <> 0;
