-- data test: every education aid fact points at a person, a household (or the unknown household 0), a programme
-- of the education department, a school and a payment day; a registered person's fact is flagged registered.
select f.aid_key, f.person_key, f.household_key, f.programme_key, f.school_key, f.paid_date_key
from fact_education_aid f
left join dim_person p on p.person_key = f.person_key and p.person_id_hash = f.person_id_hash
left join dim_household h on h.household_key = f.household_key
left join dim_programme g on g.programme_key = f.programme_key and g.department = 'education' and g.code = f.programme
left join dim_school s on s.school_key = f.school_key
left join dim_date d on d.date_key = f.paid_date_key and d.calendar_date = f.paid_on
where p.person_key is null
   or h.household_key is null
   or g.programme_key is null
   or s.school_key is null
   or d.date_key is null
   or (f.household_key <> 0 and not f.is_registered);
