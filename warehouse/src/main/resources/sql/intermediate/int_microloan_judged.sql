-- grain: one loan (contract) on the latest ledger that lists it; key: contract_number.
-- a loan is judged on the latest ledger that lists it: its term in months (as written, else issue to due) and its
-- bank's name, what the finding rules judge and name.
create or replace view int_microloan_judged as
select l.contract_number, l.issue_date, l.principal, l.household_key, l.person_key, l.person_id_hash,
    l.file_key, l.sheet, l.row_number,
    coalesce(l.term_months, date_sub('month', l.issue_date, l.due_date)) as months, b.bank_name
from int_microloan_latest l
join dim_bank b on b.bank_key = l.bank_key;
