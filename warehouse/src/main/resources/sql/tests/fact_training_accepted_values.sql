-- data test: coded columns hold only codes of their list; a superseded fact names the file that replaced it.
select training_key, 'course' as column_name, course as value
from fact_training
where course not in (select code from dim_code where domain = 'course')
union all
select training_key, 'course_key', cast(course_key as varchar)
from fact_training f
where not exists (select 1 from dim_course c where c.course_key = f.course_key and c.code = f.course)
union all
select training_key, 'superseded_by', cast(superseded_by as varchar)
from fact_training
where (is_current and superseded_by is not null)
   or (not is_current and (superseded_by is null or superseded_by not in (select file_key from etl_file)));
