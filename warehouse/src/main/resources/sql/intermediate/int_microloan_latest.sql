-- grain: one loan (contract), its latest current ledger snapshot; key: contract_number.
-- a loan is on every monthly ledger until settled: its latest snapshot states its principal and issue date. a view:
-- the marts and a data test read it, and a table of it would be one more copy to publish.
create or replace view int_microloan_latest as
select *
from fact_microloan
where is_current
qualify row_number() over (partition by contract_number order by as_of_date desc) = 1;
