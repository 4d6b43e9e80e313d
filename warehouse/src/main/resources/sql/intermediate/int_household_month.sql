-- grain: one household, township and calendar month with a current department event; key: household_id,
-- township_key, year_month (township_key 0 = 未归属乡镇: beneficiaries the registry does not know, whose facts name the
-- household of key 0).
-- mart_township_month's department figures household by household, so that a load's households alone are redone
-- (Models) and the mart is a sum over this table, not a pass over every fact of the county. an event counts in the
-- township of the household's version on the event date and in the month of the event (education: paid on;
-- medical: admitted; microloan: issued; training: course start); only current facts count. the *_households columns
-- are 1 when the household is a registered one with such an event in the township and month, so that their sum is
-- the households reached. amounts as decimal(18, 2), which DuckDB stores in 8 bytes and compresses: the mart sums
-- every row of this table at every build.
create or replace table int_household_month as
with place as (
    select household_key, household_id, coalesce(township_key, 0) as township_key
    from dim_household
),
event as (
    select
        p.household_id, p.township_key, strftime(f.paid_on, '%Y-%m') as year_month, f.household_key <> 0 as reached,
        'education' as department, f.amount as yuan, null as total_cost, null as reimbursed,
        null as self_paid
    from fact_education_aid f
    join place p using (household_key)
    where f.is_current
    union all
    select
        p.household_id, p.township_key, strftime(f.admitted_date, '%Y-%m'), f.household_key <> 0, 'medical', null,
        f.total_cost,
        coalesce(f.basic_insurance, 0) + coalesce(f.critical_illness_insurance, 0)
            + coalesce(f.supplementary_insurance, 0) + coalesce(f.medical_assistance, 0)
            + coalesce(f.other_reimbursement, 0),
        f.self_paid
    from fact_medical_claim f
    join place p using (household_key)
    where f.is_current
    union all
    select
        p.household_id, p.township_key, strftime(l.issue_date, '%Y-%m'), l.household_key <> 0, 'microloan', l.principal,
        null, null, null
    from int_microloan_latest l
    join place p using (household_key)
    union all
    select
        p.household_id, p.township_key, strftime(f.start_date, '%Y-%m'), f.household_key <> 0, 'training',
        coalesce(f.subsidy, 0), null, null, null
    from fact_training f
    join place p using (household_key)
    where f.is_current
)
select
    household_id, township_key, year_month,
    cast(count(*) filter (where department = 'education' and reached) > 0 as integer) as education_households,
    cast(count(*) filter (where department = 'education') as integer) as education_payments,
    cast(sum(yuan) filter (where department = 'education') as decimal(18, 2)) as education_yuan,
    cast(count(*) filter (where department = 'medical' and reached) > 0 as integer) as medical_households,
    cast(count(*) filter (where department = 'medical') as integer) as medical_stays,
    cast(sum(total_cost) filter (where department = 'medical') as decimal(18, 2)) as medical_total_cost,
    cast(sum(reimbursed) filter (where department = 'medical') as decimal(18, 2)) as medical_reimbursed,
    cast(sum(self_paid) filter (where department = 'medical') as decimal(18, 2)) as medical_self_paid,
    cast(count(*) filter (where department = 'microloan' and reached) > 0 as integer) as microloan_households,
    cast(count(*) filter (where department = 'microloan') as integer) as loans_issued,
    cast(sum(yuan) filter (where department = 'microloan') as decimal(18, 2)) as loan_principal,
    cast(count(*) filter (where department = 'training' and reached) > 0 as integer) as training_households,
    cast(count(*) filter (where department = 'training') as integer) as training_enrolments,
    cast(sum(yuan) filter (where department = 'training') as decimal(18, 2)) as training_subsidy
from event
group by all;
