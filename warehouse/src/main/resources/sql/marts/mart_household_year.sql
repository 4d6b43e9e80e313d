-- grain: one registered household (its current registry version) and calendar year; key: household_id, year
-- (household_key: that current version). only current facts count; a fact names the household's version of its
-- event date, and the mart speaks for the household through its current version. the years run from 2018, when
-- the county plan's period starts, or the earliest event year if earlier, to the latest event year of any fact.
create or replace table mart_household_year as
with household as (
    select household_key, household_id, township_key, township, village_key, village, members, poverty_status,
           main_cause, exit_status, exit_year
    from dim_household
    where is_current and household_key <> 0
),
version as (
    select v.household_key, h.household_id
    from dim_household v
    join household h using (household_id)
),
event_year as (
    select 2018 as year
    union select year from int_event_year
),
calendar as (
    select unnest(range(min(year), max(year) + 1)) as year from event_year
),
education as (
    select v.household_id, year(f.paid_on) as year, count(*) as payments, sum(f.amount) as yuan
    from fact_education_aid f
    join version v using (household_key)
    where f.is_current
    group by all
),
medical as (
    select
        v.household_id, year(f.admitted_date) as year, count(*) as stays, sum(f.total_cost) as total_cost,
        sum(coalesce(f.basic_insurance, 0) + coalesce(f.critical_illness_insurance, 0)
            + coalesce(f.supplementary_insurance, 0) + coalesce(f.medical_assistance, 0)
            + coalesce(f.other_reimbursement, 0)) as reimbursed,
        sum(f.self_paid) as self_paid
    from fact_medical_claim f
    join version v using (household_key)
    where f.is_current
    group by all
),
issued as (
    select v.household_id, year(l.issue_date) as year, count(*) as loans, sum(l.principal) as principal
    from int_microloan_latest l
    join version v using (household_key)
    group by all
),
outstanding as (
    select
        v.household_id, l.year, sum(f.balance) as balance,
        count(*) filter (where f.status = 'overdue') as overdue_loans,
        sum(f.balance) filter (where f.status = 'overdue') as overdue_balance
    from fact_microloan f
    join int_bank_ledger_year l using (bank_key, as_of_date)
    join version v on v.household_key = f.household_key
    where f.is_current
    group by all
),
training as (
    select
        v.household_id, year(f.start_date) as year, count(*) as enrolments,
        count(*) filter (where f.is_completed) as completed,
        count(distinct f.person_id_hash) filter (where f.is_employed) as members_employed
    from fact_training f
    join version v using (household_key)
    where f.is_current
    group by all
),
measured as (
    select
        h.household_id, c.year, h.household_key, h.township_key, h.township, h.village_key, h.village, h.members,
        h.poverty_status, h.main_cause, h.exit_status, h.exit_year,
        coalesce(e.payments, 0) as education_payments,
        coalesce(e.yuan, 0) as education_yuan,
        coalesce(m.stays, 0) as medical_stays,
        coalesce(m.total_cost, 0) as medical_total_cost,
        coalesce(m.reimbursed, 0) as medical_reimbursed,
        coalesce(m.self_paid, 0) as medical_self_paid,
        coalesce(i.loans, 0) as loans_issued,
        coalesce(i.principal, 0) as loan_principal,
        coalesce(o.balance, 0) as loan_balance,
        coalesce(o.overdue_loans, 0) as loans_overdue,
        coalesce(o.overdue_balance, 0) as loan_overdue_balance,
        coalesce(t.enrolments, 0) as training_enrolments,
        coalesce(t.completed, 0) as training_completed,
        coalesce(t.members_employed, 0) as members_employed_after_training
    from household h
    cross join calendar c
    left join education e on e.household_id = h.household_id and e.year = c.year
    left join medical m on m.household_id = h.household_id and m.year = c.year
    left join issued i on i.household_id = h.household_id and i.year = c.year
    left join outstanding o on o.household_id = h.household_id and o.year = c.year
    left join training t on t.household_id = h.household_id and t.year = c.year
)
select
    *,
    cast(education_yuan / nullif(members, 0) as decimal(18, 2)) as education_yuan_per_member,
    cast(medical_reimbursed / nullif(members, 0) as decimal(18, 2)) as medical_reimbursed_per_member,
    cast(medical_self_paid / nullif(members, 0) as decimal(18, 2)) as medical_self_paid_per_member,
    cast(loan_principal / nullif(members, 0) as decimal(18, 2)) as loan_principal_per_member
from measured
-- stored in key order: unordered, its rows were left for the publishing checkpoint to write, which then took longer
-- than sorting them here
order by household_id, year;
