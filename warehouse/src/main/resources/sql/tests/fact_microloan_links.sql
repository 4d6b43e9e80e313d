-- data test: every microloan fact points at a person (with its pseudonym), a household (or the unknown household 0),
-- a bank, a ledger day and an issue day that exist.
select f.microloan_key, f.person_key, f.household_key, f.bank_key, f.as_of_date_key, f.issue_date_key
from fact_microloan f
where not exists (select 1 from dim_person p where p.person_key = f.person_key and p.person_id_hash = f.person_id_hash)
   or not exists (select 1 from dim_date d where d.date_key = f.as_of_date_key and d.calendar_date = f.as_of_date)
   or not exists (select 1 from dim_date d where d.date_key = f.issue_date_key and d.calendar_date = f.issue_date)
   or not exists (select 1 from dim_household h where h.household_key = f.household_key)
   or not exists (select 1 from dim_bank b where b.bank_key = f.bank_key);
