-- data test: every microloan fact points at a person, a household (or the unknown household 0) and a bank that exist.
select f.microloan_key, f.person_key, f.household_key, f.bank_key
from fact_microloan f
where not exists (select 1 from dim_person p where p.person_key = f.person_key)
   or not exists (select 1 from dim_household h where h.household_key = f.household_key)
   or not exists (select 1 from dim_bank b where b.bank_key = f.bank_key);
