-- data test: every education aid fact has a key of its own, and dim_school's keys and names are unique.
select 'fact_education_aid' as model, cast(aid_key as varchar) as key, count(*) as rows
from fact_education_aid
group by aid_key
having aid_key is null or count(*) > 1
union all
select 'dim_school', school, count(*)
from dim_school
group by school
having count(*) > 1;
