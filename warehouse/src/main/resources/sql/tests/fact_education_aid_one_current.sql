-- data test: at most one current education aid fact per natural key (person, programme, term), and a superseded
-- fact names the file that replaced it.
select person_id_hash, programme, term, count(*) as current_facts
from fact_education_aid
where is_current
group by person_id_hash, programme, term
having count(*) > 1
union all
select person_id_hash, programme, term, -1
from fact_education_aid
where not is_current and superseded_by is null;
