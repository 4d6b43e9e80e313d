-- microloan load: the banks the load's files name join dim_bank, then each kept row becomes a fact.
-- grain of fact_microloan: one loan on one ledger date; key: microloan_key.

-- the fact under the lake's names, the contract's output columns its natural key is written in (load/supersede.sql)
create or replace temp view fact_in_lake_names as
select rowid as fact_row, * rename (as_of_date as as_of) from fact_microloan;

-- writes, in the load's transaction:
insert into dim_bank (bank_key, bank_name)
with named as (
    select bank, min(file_order) as first_seen
    from stage_rows s
    where key_rank = 1
      and not exists (select 1 from dim_bank b where b.bank_name = s.bank)
    group by bank
)
select (select coalesce(max(bank_key), 0) from dim_bank) + row_number() over (order by first_seen), bank
from named;

insert into fact_microloan (microloan_key, file_key, sheet, row_number, person_key, household_key, person_id_hash,
    is_registered, bank_key, contract_number, as_of_date, as_of_date_key, household_id, principal, issue_date,
    issue_date_key, due_date, term_months, annual_rate, purpose, interest_subsidy, balance, status, days_overdue,
    is_current, superseded_by)
with kept as (
    select s.*, l.person_key, l.household_key, l.is_registered, l.seq
    from stage_rows s
    join stage_link l on l.file_key = s.file_key and l.sheet_index = s.sheet_index and l.row_number = s.row_number
    where s.key_rank = 1
)
select
    (select coalesce(max(microloan_key), 0) from fact_microloan)
        + k.seq,
    k.file_key, k.sheet, k.row_number, k.person_key, k.household_key, k.person_id_hash, k.is_registered,
    b.bank_key, k.contract_number, k.as_of, cast(strftime(k.as_of, '%Y%m%d') as integer), k.household_id,
    k.principal, k.issue_date, cast(strftime(k.issue_date, '%Y%m%d') as integer), k.due_date, k.term_months,
    k.annual_rate, k.purpose, k.interest_subsidy, k.balance, k.status, k.days_overdue, k.superseded_by is null,
    k.superseded_by
from kept k
join dim_bank b on b.bank_name = k.bank;
