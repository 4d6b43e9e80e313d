-- grain: one finding of HIGH_MEDICAL_BURDEN (README, Findings); key: none of its own, mart_finding numbers
-- the findings of every rule.
-- HIGH_MEDICAL_BURDEN: the 12 months up to the latest admission the claims know, against the warning line and
-- against that date's 低保 standard times the household's members
create or replace view int_finding_high_medical_burden as
with
burden_window as (
    select max(last_date) as window_end, max(last_date) - interval 1 year + interval 1 day as window_start
    from int_event_year
    where event = 'medical_admitted'
    having count(*) > 0
),
household_burden as (
    select
        m.household_key, w.window_start, w.window_end, count(*) as stays, sum(c.self_paid) as self_paid,
        list_sort(list({'file_key': c.file_key, 'sheet': c.sheet, 'row_number': c.row_number})) as lineage
    from burden_window w
    join fact_medical_claim c on c.is_current and c.admitted_date between w.window_start and w.window_end
    join int_registered_member m on m.person_id_hash = c.person_id_hash
    group by m.household_key, w.window_start, w.window_end
)
select
    'HIGH_MEDICAL_BURDEN' as rule_code, year(b.window_end) as year, b.household_key, null::integer as person_key,
    null as person_id_hash, null as programme,
    '近12个月（' || strftime(b.window_start, '%Y年%-m月%-d日') || '至' || strftime(b.window_end, '%Y年%-m月%-d日')
        || '入院）全户住院' || b.stays || '次，个人自付合计' || format('{:,.2f}', b.self_paid) || '元：'
        || concat_ws('；',
               case when b.self_paid > warn.value
                    then '超过预警线' || format('{:,.2f}', warn.value) || '元' end,
               case when b.self_paid > dibao.value * h.members
                    then '超过当年农村低保标准' || format('{:,.2f}', dibao.value) || '元×' || h.members || '人='
                         || format('{:,.2f}', dibao.value * h.members) || '元' end) as detail,
    b.lineage
from household_burden b
join int_current_household h using (household_key)
join int_policy_rule warn on warn.rule = 'medical_burden_warning' and b.window_end between warn.valid_from and warn.valid_to
left join int_policy_rule dibao on dibao.rule = 'dibao_standard' and b.window_end between dibao.valid_from and dibao.valid_to
where b.self_paid > warn.value or b.self_paid > dibao.value * h.members;
