-- grain: one finding of BENEFICIARY_NOT_REGISTERED (README, Findings); key: none of its own, mart_finding numbers
-- the findings of every rule.
-- BENEFICIARY_NOT_REGISTERED: the programmes reserved for registered households are the rule's applies_to; the
-- registry may list a person after the payment, so "not registered" means no registered version at all
create or replace view int_finding_beneficiary_not_registered as
with
reserved as (
    select applies_to as programme, valid_from, valid_to from int_policy_rule where rule = 'registered_households_only'
)
select
    'BENEFICIARY_NOT_REGISTERED' as rule_code, year(f.paid_on) as year, f.household_key, f.person_key,
    f.person_id_hash, f.programme,
    pg.name_zh || ' ' || t.term_zh || '（' || strftime(f.paid_on, '%Y年%-m月%-d日') || '发放）'
        || format('{:,.2f}', f.amount) || '元，受助学生不在建档立卡花名册中' as detail,
    [{'file_key': f.file_key, 'sheet': f.sheet, 'row_number': f.row_number}] as lineage
from fact_education_aid f
join reserved r on r.programme = f.programme and f.paid_on between r.valid_from and r.valid_to
join dim_programme pg on pg.programme_key = f.programme_key
join int_education_term t on t.term = f.term
where f.is_current
  and not exists (select 1 from dim_person r where r.is_registered and r.person_id_hash = f.person_id_hash)
union all
select
    'BENEFICIARY_NOT_REGISTERED', year(l.issue_date), l.household_key, l.person_key, l.person_id_hash, 'microloan',
    '扶贫小额信贷 借款合同号' || l.contract_number || '（' || l.bank_name || '，'
        || strftime(l.issue_date, '%Y年%-m月%-d日') || '发放）' || format('{:,.2f}', l.principal)
        || '元，借款人不在建档立卡花名册中',
    [{'file_key': l.file_key, 'sheet': l.sheet, 'row_number': l.row_number}]
from int_microloan_judged l
join reserved r on r.programme = 'microloan' and l.issue_date between r.valid_from and r.valid_to
where not exists (select 1 from dim_person r where r.is_registered and r.person_id_hash = l.person_id_hash);
