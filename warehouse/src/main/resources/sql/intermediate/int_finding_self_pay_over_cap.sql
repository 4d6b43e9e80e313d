-- grain: one finding of SELF_PAY_OVER_CAP (README, Findings); key: none of its own, mart_finding numbers
-- the findings of every rule.
-- SELF_PAY_OVER_CAP: the plan caps a person's yearly self-payment per area; township and county hospitals are one
-- area (县域内), out-of-province stays have no cap row and so no finding. The year's cap is the version in force on
-- its last admission, a day of the claims' own (31 december may lie past a version's end); the admissions no version
-- covers are reported by the data test policy_rule_covers_event
create or replace view int_finding_self_pay_over_cap as
with
claim_area as (
    select c.*, case when c.hospital_level in ('township', 'county') then 'county' else c.hospital_level end as area
    from fact_medical_claim c
    where c.is_current
),
self_pay as (
    select
        person_id_hash, year(admitted_date) as year, area, max(admitted_date) as last_admitted,
        arg_max(person_key, admitted_date) as person_key, arg_max(household_key, admitted_date) as household_key,
        count(*) as stays, sum(self_paid) as self_paid,
        -- sorted after aggregating: a struct sorts by its fields in order, and an ordered aggregate cost ten times more
        list_sort(list({'file_key': file_key, 'sheet': sheet, 'row_number': row_number})) as lineage
    from claim_area
    group by person_id_hash, year(admitted_date), area
)
select
    'SELF_PAY_OVER_CAP' as rule_code, s.year, s.household_key, s.person_key, s.person_id_hash, null as programme,
    s.year || '年' || case s.area when 'county' then '县域内（乡镇卫生院及县级医院）' when 'city' then '市级医院'
        else '省级医院' end
        || '住院' || s.stays || '次，个人自付合计' || format('{:,.2f}', s.self_paid) || '元，超过年度封顶额'
        || format('{:,.2f}', cap.value) || '元' as detail,
    s.lineage
from self_pay s
join int_policy_rule cap on cap.rule = 'medical_self_pay_cap' and cap.applies_to = s.area
    and s.last_admitted between cap.valid_from and cap.valid_to
where s.self_paid > cap.value;
