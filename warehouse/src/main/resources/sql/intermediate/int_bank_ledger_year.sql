-- grain: one bank and calendar year with a current ledger; key: bank_key, year.
-- banks send ledgers on their own dates: each bank's last ledger of the year states what is outstanding then, and a
-- loan missing from it is no longer owed. a table built whole (see int_event_year), for mart_household_year.
create or replace table int_bank_ledger_year as
select bank_key, year(as_of_date) as year, max(as_of_date) as as_of_date
from fact_microloan
where is_current
group by all
order by all;
