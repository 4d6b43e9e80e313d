-- grain: one current training enrolment, placed; key: training_key.
-- an enrolment counts in the month its course starts and in the township of the household's version on that day, as
-- mart_township_month places events; a trainee the registry does not know (household 0) goes to township 0, 未归属乡镇.
create or replace view int_training_enrolment as
select
    f.training_key, f.person_id_hash, f.start_date, year(f.start_date) as year,
    strftime(f.start_date, '%Y-%m') as year_month, coalesce(h.township_key, 0) as township_key, f.is_registered,
    f.is_completed, f.is_employed
from fact_training f
join dim_household h using (household_key)
where f.is_current;
