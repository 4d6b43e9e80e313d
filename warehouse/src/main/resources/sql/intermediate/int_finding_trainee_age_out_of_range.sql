-- grain: one finding of TRAINEE_AGE_OUT_OF_RANGE (README, Findings); key: none of its own, mart_finding numbers
-- the findings of every rule.
-- TRAINEE_AGE_OUT_OF_RANGE: the age the ID gives on the first day of the course, not the age column as written
create or replace view int_finding_trainee_age_out_of_range as
select
    'TRAINEE_AGE_OUT_OF_RANGE' as rule_code, year(t.start_date) as year, t.household_key, t.person_key,
    t.person_id_hash, null as programme,
    c.name_zh || '（' || s.school || '，' || strftime(t.start_date, '%Y年%-m月%-d日') || '开班）：开班时'
        || date_sub('year', p.birth_date, t.start_date) || '周岁，不在' || cast(lo.value as integer) || '至'
        || cast(hi.value as integer) || '周岁范围内' as detail,
    [{'file_key': t.file_key, 'sheet': t.sheet, 'row_number': t.row_number}] as lineage
from fact_training t
join dim_person p on p.person_key = t.person_key
join dim_course c on c.course_key = t.course_key
join dim_training_school s on s.school_key = t.school_key
join int_policy_rule lo on lo.rule = 'trainee_age_min' and t.start_date between lo.valid_from and lo.valid_to
join int_policy_rule hi on hi.rule = 'trainee_age_max' and t.start_date between hi.valid_from and hi.valid_to
where t.is_current
  and date_sub('year', p.birth_date, t.start_date) not between lo.value and hi.value;
