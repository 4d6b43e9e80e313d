-- data test: every enrolment's person, household (or the unknown household 0), course, school and start day
-- exist in their dimensions, and its person_id_hash is its person's.
select f.training_key, f.person_key, f.household_key, f.course_key, f.school_key, f.start_date_key
from fact_training f
left join dim_person p on p.person_key = f.person_key
left join dim_household h on h.household_key = f.household_key
left join dim_course c on c.course_key = f.course_key
left join dim_training_school s on s.school_key = f.school_key
left join dim_date d on d.date_key = f.start_date_key
where p.person_key is null
   or p.person_id_hash <> f.person_id_hash
   or h.household_key is null
   or c.course_key is null
   or s.school_key is null
   or d.date_key is null;
