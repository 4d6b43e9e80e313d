-- data test: every current fact's event is covered by a version of each policy rule that judges it (mart_finding's
-- rules and the contracts' checks that name a rule). An event before a rule's first version, after its last or in a
-- gap between versions is judged by nothing, which must fail here rather than pass in silence; the fix is the rule's
-- data in policy_rules.csv (its true origin, citing it, or the version now in force), never a weaker test.
-- Not listed: what no version of a rule ever judges, by design (out-of-province stays have no cap, programmes never
-- reserved for registered households), and the 低保 standard, which HIGH_MEDICAL_BURDEN compares only beside its
-- warning line and the plan sets for 2018-2020 alone.
-- grain: one fact and one rule no version covers on the fact's date; key: fact, fact_key, rule, event.
with
policy as (
    select rule, applies_to, valid_from, coalesce(valid_to, date '9999-12-31') as valid_to from ref_policy_rule
),
loan_rule (rule, applies_to) as (
    values ('microloan_principal_max', 'all'), ('microloan_term_max', 'all'), ('registered_households_only', 'microloan')
),
judged (fact, fact_key, file_key, sheet, row_number, rule, applies_to, event, on_day) as (
    -- LOAN_OVER_LIMIT, LOAN_TERM_OVER_LIMIT, BENEFICIARY_NOT_REGISTERED and the contract's principal check: issue date
    select 'fact_microloan', l.microloan_key, l.file_key, l.sheet, l.row_number, r.rule, r.applies_to, 'issue_date',
        l.issue_date
    from fact_microloan l cross join loan_rule r
    where l.is_current
    union all
    -- the contract's rate ceiling, where the ledger states a rate
    select 'fact_microloan', microloan_key, file_key, sheet, row_number, 'microloan_rate_max', 'all', 'issue_date',
        issue_date
    from fact_microloan
    where is_current and annual_rate is not null
    union all
    -- SELF_PAY_OVER_CAP: the cap of the stay's area (township and county hospitals are one area), by admission
    select 'fact_medical_claim', claim_key, file_key, sheet, row_number, 'medical_self_pay_cap', area,
        'admitted_date', admitted_date
    from (select *, case when hospital_level in ('township', 'county') then 'county' else hospital_level end as area
          from fact_medical_claim where is_current)
    where area in (select applies_to from policy where rule = 'medical_self_pay_cap')
    union all
    -- HIGH_MEDICAL_BURDEN: the warning line, by admission
    select 'fact_medical_claim', claim_key, file_key, sheet, row_number, 'medical_burden_warning', 'all',
        'admitted_date', admitted_date
    from fact_medical_claim
    where is_current
    union all
    -- BENEFICIARY_NOT_REGISTERED of a reserved programme and the contract's amount ceiling: payment day
    select 'fact_education_aid', aid_key, file_key, sheet, row_number, 'registered_households_only', programme,
        'paid_on', paid_on
    from fact_education_aid
    where is_current and programme in (select applies_to from policy where rule = 'registered_households_only')
    union all
    select 'fact_education_aid', aid_key, file_key, sheet, row_number, 'education_aid_amount_max', 'all', 'paid_on',
        paid_on
    from fact_education_aid
    where is_current
    union all
    -- EDU_GAP: the school ages on 31 december of each year the rosters pay in
    select 'fact_education_aid', aid_key, file_key, sheet, row_number, a.rule, 'all', 'paid_on 12-31',
        make_date(year(paid_on), 12, 31)
    from fact_education_aid
    cross join (values ('compulsory_school_age_min'), ('compulsory_school_age_max')) a(rule)
    where is_current
    union all
    -- TRAINEE_AGE_OUT_OF_RANGE on the course's first day, TRAINING_GAP on 31 december of its year
    select 'fact_training', training_key, file_key, sheet, row_number, a.rule, 'all', d.event,
        case d.event when 'start_date' then start_date else make_date(year(start_date), 12, 31) end
    from fact_training
    cross join (values ('trainee_age_min'), ('trainee_age_max')) a(rule)
    cross join (values ('start_date'), ('start_date 12-31')) d(event)
    where is_current
)
select j.fact, j.fact_key, j.file_key, j.sheet, j.row_number, j.rule, j.applies_to, j.event, j.on_day
from judged j
where not exists (select 1 from policy p where p.rule = j.rule and p.applies_to = j.applies_to
                                           and j.on_day between p.valid_from and p.valid_to)
order by j.fact, j.fact_key, j.rule, j.event;
