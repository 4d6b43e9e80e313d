-- data test: fact_training's key is unique and no key or lineage column is empty.
select training_key, count(*) as rows
from fact_training
group by training_key
having count(*) > 1
union all
select training_key, 1
from fact_training
where training_key is null or file_key is null or sheet is null or row_number is null or person_key is null
   or household_key is null or person_id_hash is null or course_key is null or school_key is null;
