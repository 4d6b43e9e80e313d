-- data test: every medical claim points at a person, a household (or the unknown household 0), a hospital and an
-- admission day that exist, and agrees with its person on the pseudonym.
select f.claim_key, f.person_key, f.household_key, f.hospital_key, f.admitted_date_key
from fact_medical_claim f
left join dim_person p on p.person_key = f.person_key
left join dim_household h on h.household_key = f.household_key
left join dim_hospital d on d.hospital_key = f.hospital_key
left join dim_date a on a.date_key = f.admitted_date_key and a.calendar_date = f.admitted_date
where p.person_key is null
   or p.person_id_hash <> f.person_id_hash
   or h.household_key is null
   or d.hospital_key is null
   or a.date_key is null;
