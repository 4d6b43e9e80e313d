-- grain: one finding of LOAN_TERM_OVER_LIMIT (README, Findings); key: none of its own, mart_finding numbers
-- the findings of every rule.
create or replace view int_finding_loan_term_over_limit as
select
    'LOAN_TERM_OVER_LIMIT' as rule_code, year(l.issue_date) as year, l.household_key, l.person_key,
    l.person_id_hash, 'microloan' as programme,
    '借款合同号' || l.contract_number || '（' || l.bank_name || '，' || strftime(l.issue_date, '%Y年%-m月%-d日')
        || '发放）：贷款期限' || l.months || '个月，超过上限' || cast(r.value as integer) || '个月' as detail,
    [{'file_key': l.file_key, 'sheet': l.sheet, 'row_number': l.row_number}] as lineage
from int_microloan_judged l
join int_policy_rule r on r.rule = 'microloan_term_max' and l.issue_date between r.valid_from and r.valid_to
where l.months > r.value;
