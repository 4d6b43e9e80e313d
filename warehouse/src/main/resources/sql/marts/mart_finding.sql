-- grain: one finding of one rule (a case that needs a person's attention); key: finding_key.
-- thresholds come from ref_policy_rule, in force on the date each rule names; facts are current ones, and the registry
-- is its current state (current registered persons of current households).
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
policy as (
    select rule, value, applies_to, valid_from, coalesce(valid_to, date '9999-12-31') as valid_to
    from ref_policy_rule
),
-- only the columns the rules use: member is read by several rules, so it is materialised, and whole rows cost more
-- than the rules themselves
member as (
    select p.person_key, p.person_id_hash, p.name, p.birth_date, p.labour_capacity, p.schooling, p.file_key, p.sheet,
        p.row_number, h.household_key
    from dim_person p
    join dim_household h on h.household_id = p.household_id and h.is_current
    where p.is_current and p.is_registered
),
household as (
    select * from dim_household where is_current and household_key <> 0
),
label as (
    select domain, code, label_zh from dim_code
),
term_zh as (
    select distinct term,
        left(term, 4) || '年' || case when term like '%spring' then '春季学期' else '秋季学期' end as term_zh
    from fact_education_aid
),

-- EDU_GAP: evaluated for the years the education bureau's rosters cover (a year without rosters proves nothing)
edu_year as (
    select distinct year(paid_on) as year from fact_education_aid where is_current
),
edu_gap as (
    select
        'EDU_GAP' as rule_code, y.year, m.household_key, m.person_key, m.person_id_hash, null as programme,
        strftime(make_date(y.year, 12, 31), '%Y年%-m月%-d日') || '满'
            || date_sub('year', m.birth_date, make_date(y.year, 12, 31)) || '周岁，在校生状况：'
            || coalesce(s.label_zh, '未填写') || '；' || y.year || '年无教育资助发放记录' as detail,
        [{'file_key': m.file_key, 'sheet': m.sheet, 'row_number': m.row_number}] as lineage
    from edu_year y
    cross join member m
    join policy lo on lo.rule = 'compulsory_school_age_min' and make_date(y.year, 12, 31) between lo.valid_from and lo.valid_to
    join policy hi on hi.rule = 'compulsory_school_age_max' and make_date(y.year, 12, 31) between hi.valid_from and hi.valid_to
    left join label s on s.domain = 'schooling' and s.code = m.schooling
    where (date_sub('year', m.birth_date, make_date(y.year, 12, 31)) between lo.value and hi.value
           or m.schooling in ('primary', 'grade7', 'grade8', 'grade9'))
      and not exists (
          select 1 from fact_education_aid f
          where f.is_current and f.person_id_hash = m.person_id_hash and year(f.paid_on) = y.year)
),

-- SELF_PAY_OVER_CAP: the plan caps a person's yearly self-payment per area; township and county hospitals are one
-- area (县域内), out-of-province stays have no cap row and so no finding. The year's cap is the version in force on
-- its last admission, a day of the claims' own (31 december may lie past a version's end); the admissions no version
-- covers are reported by the data test policy_rule_covers_event
claim_area as (
    select c.*, case when c.hospital_level in ('township', 'county') then 'county' else c.hospital_level end as area
    from fact_medical_claim c
    where c.is_current
),
self_pay as (
    select
        person_id_hash, year(admitted) as year, area, max(admitted) as last_admitted,
        arg_max(person_key, admitted) as person_key, arg_max(household_key, admitted) as household_key,
        count(*) as stays, sum(self_paid) as self_paid,
        -- sorted after aggregating: a struct sorts by its fields in order, and an ordered aggregate cost ten times more
        list_sort(list({'file_key': file_key, 'sheet': sheet, 'row_number': row_number})) as lineage
    from claim_area
    group by person_id_hash, year(admitted), area
),
self_pay_over_cap as (
    select
        'SELF_PAY_OVER_CAP' as rule_code, s.year, s.household_key, s.person_key, s.person_id_hash, null as programme,
        s.year || '年' || case s.area when 'county' then '县域内（乡镇卫生院及县级医院）' when 'city' then '市级医院'
            else '省级医院' end
            || '住院' || s.stays || '次，个人自付合计' || format('{:,.2f}', s.self_paid) || '元，超过年度封顶额'
            || format('{:,.2f}', cap.value) || '元' as detail,
        s.lineage
    from self_pay s
    join policy cap on cap.rule = 'medical_self_pay_cap' and cap.applies_to = s.area
        and s.last_admitted between cap.valid_from and cap.valid_to
    where s.self_paid > cap.value
),

-- a loan is judged on the latest ledger that lists it
loan as (
    select l.*, coalesce(l.term_months, date_sub('month', l.issue_date, l.due_date)) as months, b.bank_name
    from int_microloan_latest l
    join dim_bank b on b.bank_key = l.bank_key
),
loan_over_limit as (
    select
        'LOAN_OVER_LIMIT' as rule_code, year(l.issue_date) as year, l.household_key, l.person_key, l.person_id_hash,
        'microloan' as programme,
        '借款合同号' || l.contract_number || '（' || l.bank_name || '，' || strftime(l.issue_date, '%Y年%-m月%-d日')
            || '发放）：贷款金额' || format('{:,.2f}', l.principal) || '元，超过上限' || format('{:,.2f}', r.value)
            || '元' as detail,
        [{'file_key': l.file_key, 'sheet': l.sheet, 'row_number': l.row_number}] as lineage
    from loan l
    join policy r on r.rule = 'microloan_principal_max' and l.issue_date between r.valid_from and r.valid_to
    where l.principal > r.value
),
loan_term_over_limit as (
    select
        'LOAN_TERM_OVER_LIMIT' as rule_code, year(l.issue_date) as year, l.household_key, l.person_key,
        l.person_id_hash, 'microloan' as programme,
        '借款合同号' || l.contract_number || '（' || l.bank_name || '，' || strftime(l.issue_date, '%Y年%-m月%-d日')
            || '发放）：贷款期限' || l.months || '个月，超过上限' || cast(r.value as integer) || '个月' as detail,
        [{'file_key': l.file_key, 'sheet': l.sheet, 'row_number': l.row_number}] as lineage
    from loan l
    join policy r on r.rule = 'microloan_term_max' and l.issue_date between r.valid_from and r.valid_to
    where l.months > r.value
),

-- TRAINEE_AGE_OUT_OF_RANGE: the age the ID gives on the first day of the course, not the age column as written
trainee_age_out_of_range as (
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
    join policy lo on lo.rule = 'trainee_age_min' and t.start_date between lo.valid_from and lo.valid_to
    join policy hi on hi.rule = 'trainee_age_max' and t.start_date between hi.valid_from and hi.valid_to
    where t.is_current
      and date_sub('year', p.birth_date, t.start_date) not between lo.value and hi.value
),

-- DUPLICATE_AID: a later roster's row for the same student, programme and term supersedes the earlier one; when it
-- comes from the same school it is that school's correction, from another school it is a second payment
aid_paid as (
    select f.*, s.school, e.file_name
    from fact_education_aid f
    join dim_school s on s.school_key = f.school_key
    join etl_file e on e.file_key = f.file_key
),
duplicate_aid as (
    select
        'DUPLICATE_AID' as rule_code, cast(left(cur.term, 4) as integer) as year, cur.household_key, cur.person_key,
        cur.person_id_hash, cur.programme,
        any_value(t.term_zh) || any_value(pg.name_zh) || '由不同学校的名册重复发放：'
            || string_agg(earlier.school || '（' || earlier.file_name || '，' || format('{:,.2f}', earlier.amount) || '元）',
                          '、' order by earlier.file_key)
            || '、' || cur.school || '（' || cur.file_name || '，' || format('{:,.2f}', cur.amount) || '元）' as detail,
        list({'file_key': earlier.file_key, 'sheet': earlier.sheet, 'row_number': earlier.row_number}
             order by earlier.file_key)
            || [{'file_key': cur.file_key, 'sheet': cur.sheet, 'row_number': cur.row_number}] as lineage
    from aid_paid cur
    join aid_paid earlier on earlier.person_id_hash = cur.person_id_hash and earlier.programme = cur.programme
        and earlier.term = cur.term and not earlier.is_current and earlier.file_key <> cur.file_key
        and earlier.school_key <> cur.school_key
    join term_zh t on t.term = cur.term
    join dim_programme pg on pg.programme_key = cur.programme_key
    where cur.is_current
    group by cur.aid_key, cur.term, cur.household_key, cur.person_key, cur.person_id_hash, cur.programme, cur.school,
        cur.file_name, cur.amount, cur.file_key, cur.sheet, cur.row_number
),

-- BENEFICIARY_NOT_REGISTERED: the programmes reserved for registered households are the rule's applies_to; the
-- registry may list a person after the payment, so "not registered" means no registered version at all
reserved as (
    select applies_to as programme, valid_from, valid_to from policy where rule = 'registered_households_only'
),
beneficiary_not_registered as (
    select
        'BENEFICIARY_NOT_REGISTERED' as rule_code, year(f.paid_on) as year, f.household_key, f.person_key,
        f.person_id_hash, f.programme,
        pg.name_zh || ' ' || t.term_zh || '（' || strftime(f.paid_on, '%Y年%-m月%-d日') || '发放）'
            || format('{:,.2f}', f.amount) || '元，受助学生不在建档立卡花名册中' as detail,
        [{'file_key': f.file_key, 'sheet': f.sheet, 'row_number': f.row_number}] as lineage
    from fact_education_aid f
    join reserved r on r.programme = f.programme and f.paid_on between r.valid_from and r.valid_to
    join dim_programme pg on pg.programme_key = f.programme_key
    join term_zh t on t.term = f.term
    where f.is_current
      and not exists (select 1 from dim_person r where r.is_registered and r.person_id_hash = f.person_id_hash)
    union all
    select
        'BENEFICIARY_NOT_REGISTERED', year(l.issue_date), l.household_key, l.person_key, l.person_id_hash, 'microloan',
        '扶贫小额信贷 借款合同号' || l.contract_number || '（' || l.bank_name || '，'
            || strftime(l.issue_date, '%Y年%-m月%-d日') || '发放）' || format('{:,.2f}', l.principal)
            || '元，借款人不在建档立卡花名册中',
        [{'file_key': l.file_key, 'sheet': l.sheet, 'row_number': l.row_number}]
    from loan l
    join reserved r on r.programme = 'microloan' and l.issue_date between r.valid_from and r.valid_to
    where not exists (select 1 from dim_person r where r.is_registered and r.person_id_hash = l.person_id_hash)
),

-- TRAINING_GAP: evaluated for the years the training rosters cover; labour-capable means 普通 or 技能劳动力, of
-- the trainee ages on 31 december
training_year as (
    select distinct year(start_date) as year from fact_training where is_current
),
training_gap as (
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
    cross join household h
    join member m on m.household_key = h.household_key and m.labour_capacity in ('ordinary', 'skilled')
    join policy lo on lo.rule = 'trainee_age_min' and make_date(y.year, 12, 31) between lo.valid_from and lo.valid_to
    join policy hi on hi.rule = 'trainee_age_max' and make_date(y.year, 12, 31) between hi.valid_from and hi.valid_to
    where h.main_cause = 'lack_skills'
      and date_sub('year', m.birth_date, make_date(y.year, 12, 31)) between lo.value and hi.value
      and not exists (
          select 1 from fact_training t join member tm on tm.person_id_hash = t.person_id_hash
          where t.is_current and tm.household_key = h.household_key and year(t.start_date) = y.year)
    group by y.year, h.household_key, h.file_key, h.sheet, h.row_number
),

-- LOAN_GAP: only once a ledger is loaded, as of the latest one
latest_ledger as (
    select max(as_of) as as_of from fact_microloan where is_current having count(*) > 0
),
loan_gap as (
    select
        'LOAN_GAP' as rule_code, year(ll.as_of) as year, h.household_key, null::integer as person_key,
        null as person_id_hash, 'microloan' as programme,
        '主要致贫原因为缺资金；截至' || strftime(ll.as_of, '%Y年%-m月%-d日') || '的扶贫小额信贷台账中，全户'
            || h.members || '人均无贷款记录' as detail,
        [{'file_key': h.file_key, 'sheet': h.sheet, 'row_number': h.row_number}] as lineage
    from latest_ledger ll
    cross join household h
    where h.main_cause = 'lack_funds'
      and not exists (
          select 1 from fact_microloan l join member m on m.person_id_hash = l.person_id_hash
          where l.is_current and m.household_key = h.household_key)
),

-- HIGH_MEDICAL_BURDEN: the 12 months up to the latest admission the claims know, against the warning line and
-- against that date's 低保 standard times the household's members
burden_window as (
    select max(admitted) as window_end, max(admitted) - interval 1 year + interval 1 day as window_start
    from fact_medical_claim
    where is_current
    having count(*) > 0
),
household_burden as (
    select
        m.household_key, w.window_start, w.window_end, count(*) as stays, sum(c.self_paid) as self_paid,
        list_sort(list({'file_key': c.file_key, 'sheet': c.sheet, 'row_number': c.row_number})) as lineage
    from burden_window w
    join fact_medical_claim c on c.is_current and c.admitted between w.window_start and w.window_end
    join member m on m.person_id_hash = c.person_id_hash
    group by m.household_key, w.window_start, w.window_end
),
high_medical_burden as (
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
    join household h using (household_key)
    join policy warn on warn.rule = 'medical_burden_warning' and b.window_end between warn.valid_from and warn.valid_to
    left join policy dibao on dibao.rule = 'dibao_standard' and b.window_end between dibao.valid_from and dibao.valid_to
    where b.self_paid > warn.value or b.self_paid > dibao.value * h.members
),

finding as (
    select * from edu_gap
    union all select * from self_pay_over_cap
    union all select * from loan_over_limit
    union all select * from loan_term_over_limit
    union all select * from trainee_age_out_of_range
    union all select * from duplicate_aid
    union all select * from beneficiary_not_registered
    union all select * from training_gap
    union all select * from loan_gap
    union all select * from high_medical_burden
)
select
    row_number() over (order by r.rule_order, f.year, h.household_id, f.person_id_hash, f.detail) as finding_key,
    f.rule_code, r.severity, r.rule_zh, f.year,
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
left join dim_person p on p.person_key = f.person_key;
