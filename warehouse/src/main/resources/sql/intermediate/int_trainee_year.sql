-- grain: one trainee and calendar year with a current enrolment starting in it; key: person_id_hash, year.
-- the plan counts 人, not 人次: a person counts once a year, in the month and the township of their first current
-- enrolment of the year (the earliest start, the lowest training_key on one day). completed and employed are the first
-- months of the year with an enrolment the person completed, or after which they were employed.
create or replace view int_trainee_year as
select
    person_id_hash, year,
    min(year_month) as first_month,
    arg_min(township_key, (start_date, training_key)) as township_key,
    arg_min(is_registered, (start_date, training_key)) as is_registered,
    min(year_month) filter (where is_completed) as completed_month,
    min(year_month) filter (where is_employed) as employed_month
from int_training_enrolment
group by person_id_hash, year;
