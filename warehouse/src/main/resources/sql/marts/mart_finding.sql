-- grain: one finding of one rule (a case that needs a person's attention); key: finding_key.
-- thresholds come from ref_policy_rule, in force on the date each rule names; facts are current ones, and the registry
-- is its current state (current registered persons of current households). Each rule is its own model
-- (intermediate/int_finding_<rule>.sql); this mart unions them, numbers the findings and adds each rule's severity and
-- title, the household and the person. A finding's key is a hash of what it says (rule, year, household, person,
-- programme, detail), the same whichever build made it: the publish gate redoes the findings only of the households a
-- load changed (Models), so a key numbered over all findings would move with every load.
create or replace table mart_finding as
with
rule_meta (rule_order, rule_code, severity, rule_zh) as (
    values
        (1, 'EDU_GAP', 'high', '义务教育阶段适龄儿童当年无教育资助'),
        (2, 'SELF_PAY_OVER_CAP', 'medium', '住院个人年度自付超过封顶额'),
        (3, 'LOAN_OVER_LIMIT', 'medium', '扶贫小额信贷金额超过上限'),
        (4, 'LOAN_TERM_OVER_LIMIT', 'medium', '扶贫小额信贷期限超过上限'),
        (5, 'TRAINEE_AGE_OUT_OF_RANGE', 'medium', '培训学员年龄不在政策范围内'),
        (6, 'DUPLICATE_AID', 'high', '同一学生同一项目同一学期重复资助'),
        (7, 'BENEFICIARY_NOT_REGISTERED', 'high', '建档立卡专项资金发放给非建档立卡人员'),
        (8, 'TRAINING_GAP', 'low', '缺技术户当年无人参加技能培训'),
        (9, 'LOAN_GAP', 'low', '缺资金户从未获得扶贫小额信贷'),
        (10, 'HIGH_MEDICAL_BURDEN', 'high', '户近12个月医疗自付负担过重（返贫预警）')
),
finding as (
    select * from int_finding_edu_gap
    union all select * from int_finding_self_pay_over_cap
    union all select * from int_finding_loan_over_limit
    union all select * from int_finding_loan_term_over_limit
    union all select * from int_finding_trainee_age_out_of_range
    union all select * from int_finding_duplicate_aid
    union all select * from int_finding_beneficiary_not_registered
    union all select * from int_finding_training_gap
    union all select * from int_finding_loan_gap
    union all select * from int_finding_high_medical_burden
)
select
    md5_number_upper(concat_ws('|', f.rule_code, f.year, h.household_id, f.person_id_hash, f.programme, f.detail))
        as finding_key,
    f.rule_code, r.rule_order, r.severity, r.rule_zh, f.year,
    f.household_key, h.household_id, h.township, h.village,
    f.person_key, f.person_id_hash, p.id_masked, p.name,
    f.programme, f.detail,
    case when len(f.lineage) = 1 then f.lineage[1].file_key end as file_key,
    case when len(f.lineage) = 1 then f.lineage[1].sheet end as sheet,
    case when len(f.lineage) = 1 then f.lineage[1].row_number end as row_number,
    f.lineage
from finding f
join rule_meta r using (rule_code)
join dim_household h using (household_key)
left join dim_person p on p.person_key = f.person_key
order by r.rule_order, f.year, h.household_id, f.person_id_hash, f.detail;
