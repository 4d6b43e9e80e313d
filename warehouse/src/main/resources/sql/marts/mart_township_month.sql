-- grain: one township and calendar month; key: township_key, year_month. township_key 0 (未归属乡镇) holds what no
-- registered household places: beneficiaries the registry does not know, and files with no row of a registered
-- household. a department's event counts in the township of the household's version on the event date and in the
-- month of the event (education: paid on; medical: admitted; microloan: issued; training: course start); only
-- current facts count. a department file counts in the month it was received and in every township of the
-- households its rows name, with its whole file's rows read and rejected, so file columns do not add up across
-- townships; the registry's own files are not counted here.
create or replace table mart_township_month as
with township as (
    select township_key, township from dim_township
    union all
    select 0, '未归属乡镇'
),
place as (
    select household_key, household_id, coalesce(township_key, 0) as township_key
    from dim_household
),
education as (
    select
        p.township_key, strftime(f.paid_on, '%Y-%m') as year_month,
        count(distinct p.household_id) filter (where f.household_key <> 0) as households,
        count(*) as payments, sum(f.amount) as yuan
    from fact_education_aid f
    join place p using (household_key)
    where f.is_current
    group by all
),
medical as (
    select
        p.township_key, strftime(f.admitted_date, '%Y-%m') as year_month,
        count(distinct p.household_id) filter (where f.household_key <> 0) as households,
        count(*) as stays, sum(f.total_cost) as total_cost,
        sum(coalesce(f.basic_insurance, 0) + coalesce(f.critical_illness_insurance, 0)
            + coalesce(f.supplementary_insurance, 0) + coalesce(f.medical_assistance, 0)
            + coalesce(f.other_reimbursement, 0)) as reimbursed,
        sum(f.self_paid) as self_paid
    from fact_medical_claim f
    join place p using (household_key)
    where f.is_current
    group by all
),
microloan as (
    select
        p.township_key, strftime(l.issue_date, '%Y-%m') as year_month,
        count(distinct p.household_id) filter (where l.household_key <> 0) as households,
        count(*) as loans, sum(l.principal) as principal
    from int_microloan_latest l
    join place p using (household_key)
    group by all
),
training as (
    select
        p.township_key, strftime(f.start_date, '%Y-%m') as year_month,
        count(distinct p.household_id) filter (where f.household_key <> 0) as households,
        count(*) as enrolments, coalesce(sum(f.subsidy), 0) as subsidy
    from fact_training f
    join place p using (household_key)
    where f.is_current
    group by all
),
file_household as (
    select file_key, household_key from fact_education_aid
    union select file_key, household_key from fact_medical_claim
    union select file_key, household_key from fact_microloan
    union select file_key, household_key from fact_training
),
-- a duplicate loads nothing of its own: it counts where the file it repeats does
file_township as (
    select distinct f.file_key, coalesce(p.township_key, 0) as township_key
    from etl_file f
    left join file_household fh on fh.file_key = coalesce(f.duplicate_of, f.file_key) and fh.household_key <> 0
    left join place p on p.household_key = fh.household_key
    where f.source <> 'registry' and f.status <> 'RUNNING'
),
files as (
    select
        ft.township_key, strftime(f.received_at, '%Y-%m') as year_month,
        count(*) as received,
        count(*) filter (where f.status = 'REJECTED') as unusable,
        coalesce(sum(f.rows_read), 0) as rows_read,
        coalesce(sum(f.rows_rejected), 0) as rows_rejected
    from file_township ft
    join etl_file f using (file_key)
    group by all
),
cell as (
    select township_key, year_month from education
    union select township_key, year_month from medical
    union select township_key, year_month from microloan
    union select township_key, year_month from training
    union select township_key, year_month from files
)
select
    c.township_key, c.year_month, t.township,
    cast(left(c.year_month, 4) as integer) as year, cast(right(c.year_month, 2) as integer) as month,
    coalesce(e.households, 0) as education_households,
    coalesce(e.payments, 0) as education_payments,
    coalesce(e.yuan, 0) as education_yuan,
    coalesce(m.households, 0) as medical_households,
    coalesce(m.stays, 0) as medical_stays,
    coalesce(m.total_cost, 0) as medical_total_cost,
    coalesce(m.reimbursed, 0) as medical_reimbursed,
    coalesce(m.self_paid, 0) as medical_self_paid,
    coalesce(l.households, 0) as microloan_households,
    coalesce(l.loans, 0) as loans_issued,
    coalesce(l.principal, 0) as loan_principal,
    coalesce(r.households, 0) as training_households,
    coalesce(r.enrolments, 0) as training_enrolments,
    coalesce(r.subsidy, 0) as training_subsidy,
    coalesce(f.received, 0) as files_received,
    coalesce(f.unusable, 0) as files_unusable,
    coalesce(f.rows_read, 0) as file_rows_read,
    coalesce(f.rows_rejected, 0) as file_rows_rejected,
    cast(f.rows_rejected / nullif(f.rows_read, 0) as decimal(7, 4)) as reject_rate
from cell c
join township t using (township_key)
left join education e using (township_key, year_month)
left join medical m using (township_key, year_month)
left join microloan l using (township_key, year_month)
left join training r using (township_key, year_month)
left join files f using (township_key, year_month)
order by c.township_key, c.year_month;
