-- grain: one finding of LOAN_GAP (README, Findings); key: none of its own, mart_finding numbers
-- the findings of every rule.
-- LOAN_GAP: only once a ledger is loaded, as of the latest one
create or replace view int_finding_loan_gap as
with
latest_ledger as (
    select max(last_date) as as_of_date from int_event_year where event = 'microloan_ledger' having count(*) > 0
)
select
    'LOAN_GAP' as rule_code, year(ll.as_of_date) as year, h.household_key, null::integer as person_key,
    null as person_id_hash, 'microloan' as programme,
    '主要致贫原因为缺资金；截至' || strftime(ll.as_of_date, '%Y年%-m月%-d日') || '的扶贫小额信贷台账中，全户'
        || h.members || '人均无贷款记录' as detail,
    [{'file_key': h.file_key, 'sheet': h.sheet, 'row_number': h.row_number}] as lineage
from latest_ledger ll
cross join int_current_household h
where h.main_cause = 'lack_funds'
  and not exists (
      select 1 from fact_microloan l join int_registered_member m on m.person_id_hash = l.person_id_hash
      where l.is_current and m.household_key = h.household_key);
