-- grain: one finding of TRAINING_GAP (README, Findings); key: none of its own, mart_finding numbers
-- the findings of every rule.
-- TRAINING_GAP: evaluated for the years the training rosters cover; labour-capable means 普通 or 技能劳动力, of
-- the trainee ages on 31 december
create or replace view int_finding_training_gap as
with
training_year as (
    select year from int_event_year where event = 'training_start'
)
select
    'TRAINING_GAP' as rule_code, y.year, h.household_key, null::integer as person_key, null as person_id_hash,
    null as programme,
    '主要致贫原因为缺技术；户内' || cast(any_value(lo.value) as integer) || '至' || cast(any_value(hi.value) as integer)
        || '周岁有劳动能力成员' || count(*) || '人（' || string_agg(m.name, '、' order by m.person_key) || '），'
        || y.year || '年无人参加技能培训' as detail,
    -- the household's row is often its head's row
    list_sort(list_distinct([{'file_key': h.file_key, 'sheet': h.sheet, 'row_number': h.row_number}]
        || list({'file_key': m.file_key, 'sheet': m.sheet, 'row_number': m.row_number}))) as lineage
from training_year y
cross join int_current_household h
join int_registered_member m on m.household_key = h.household_key and m.labour_capacity in ('ordinary', 'skilled')
join int_policy_rule lo on lo.rule = 'trainee_age_min' and make_date(y.year, 12, 31) between lo.valid_from and lo.valid_to
join int_policy_rule hi on hi.rule = 'trainee_age_max' and make_date(y.year, 12, 31) between hi.valid_from and hi.valid_to
where h.main_cause = 'lack_skills'
  and date_sub('year', m.birth_date, make_date(y.year, 12, 31)) between lo.value and hi.value
  and not exists (
      select 1 from fact_training t join int_registered_member tm on tm.person_id_hash = t.person_id_hash
      where t.is_current and tm.household_key = h.household_key and year(t.start_date) = y.year)
group by y.year, h.household_key, h.file_key, h.sheet, h.row_number;
