-- data test: every current registered person belongs to a current household.
select p.person_key, p.household_id
from dim_person p
where p.is_current
  and p.is_registered
  and not exists (select 1 from dim_household h where h.is_current and h.household_id = p.household_id);
