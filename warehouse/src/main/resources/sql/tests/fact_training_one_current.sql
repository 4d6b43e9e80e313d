-- data test: at most one current enrolment per natural key (person, course, start date).
select person_id_hash, course, start_date, count(*) as current_rows
from fact_training
where is_current
group by person_id_hash, course, start_date
having count(*) > 1;
