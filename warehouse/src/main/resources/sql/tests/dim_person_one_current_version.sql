-- data test: a person has at most one current version.
select person_id_hash, count(*) as current_versions
from dim_person
where is_current
group by person_id_hash
having count(*) > 1;
