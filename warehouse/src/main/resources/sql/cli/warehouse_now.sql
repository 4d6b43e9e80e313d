-- grain: one row, the warehouse as it is now; key: none. current households, persons and facts, and how many data
-- tests fail.
select (select count(*) from dim_household where is_current and household_key > 0) as households,
       (select count(*) from dim_person where is_current and is_registered) as persons,
       (select count(*) from dim_person where is_current and not is_registered) as unregistered,
       (select count(*) from fact_education_aid where is_current) as education_aid,
       (select count(*) from fact_medical_claim where is_current) as medical_claims,
       (select count(*) from fact_microloan where is_current) as microloans,
       (select count(*) from fact_training where is_current) as trainings,
       (select count(*) from etl_data_test) as failing_data_tests
