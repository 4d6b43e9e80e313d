-- grain: one finding of EDU_GAP (README, Findings); key: none of its own, mart_finding numbers
-- the findings of every rule.
-- EDU_GAP: evaluated for the years the education bureau's rosters cover (a year without rosters proves nothing)
create or replace view int_finding_edu_gap as
with
edu_year as (
    select year from int_event_year where event = 'education_paid'
),
label as (
    select domain, code, label_zh from dim_code
)
select
    'EDU_GAP' as rule_code, y.year, m.household_key, m.person_key, m.person_id_hash, null as programme,
    strftime(make_date(y.year, 12, 31), '%Y年%-m月%-d日') || '满'
        || date_sub('year', m.birth_date, make_date(y.year, 12, 31)) || '周岁，在校生状况：'
        || coalesce(s.label_zh, '未填写') || '；' || y.year || '年无教育资助发放记录' as detail,
    [{'file_key': m.file_key, 'sheet': m.sheet, 'row_number': m.row_number}] as lineage
from edu_year y
cross join int_registered_member m
join int_policy_rule lo on lo.rule = 'compulsory_school_age_min' and make_date(y.year, 12, 31) between lo.valid_from and lo.valid_to
join int_policy_rule hi on hi.rule = 'compulsory_school_age_max' and make_date(y.year, 12, 31) between hi.valid_from and hi.valid_to
left join label s on s.domain = 'schooling' and s.code = m.schooling
where (date_sub('year', m.birth_date, make_date(y.year, 12, 31)) between lo.value and hi.value
       or m.schooling in ('primary', 'grade7', 'grade8', 'grade9'))
  and not exists (
      select 1 from fact_education_aid f
      where f.is_current and f.person_id_hash = m.person_id_hash and year(f.paid_on) = y.year);
