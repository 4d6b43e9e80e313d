-- grain: one township and calendar month; key: township_key, year_month. township_key 0 (未归属乡镇) holds what no
-- registered household places: beneficiaries the registry does not know, and files with no row of a registered
-- household. a department's event counts in the township of the household's version on the event date and in the
-- month of the event (education: paid on; medical: admitted; microloan: issued; training: course start); only
-- current facts count. a department file counts in the month it was received and in every township of the
-- households its rows name, with its whole file's rows read and rejected, so file columns do not add up across
-- townships; the registry's own files are not counted here. the figures are sums of int_household_month's and
-- int_household_file's, which hold them household by household.
create or replace table mart_township_month as
with township as (
    select township_key, township from dim_township
    union all
    select 0, '未归属乡镇'
),
department as (
    select
        township_key, year_month,
        sum(education_households) as education_households, sum(education_payments) as education_payments,
        sum(education_yuan) as education_yuan,
        sum(medical_households) as medical_households, sum(medical_stays) as medical_stays,
        sum(medical_total_cost) as medical_total_cost, sum(medical_reimbursed) as medical_reimbursed,
        sum(medical_self_paid) as medical_self_paid,
        sum(microloan_households) as microloan_households, sum(loans_issued) as loans_issued,
        sum(loan_principal) as loan_principal,
        sum(training_households) as training_households, sum(training_enrolments) as training_enrolments,
        sum(training_subsidy) as training_subsidy
    from int_household_month
    group by all
),
-- a duplicate loads nothing of its own: it counts where the file it repeats does
file_township as (
    select distinct f.file_key, coalesce(hf.township_key, 0) as township_key
    from etl_file f
    left join int_household_file hf on hf.file_key = coalesce(f.duplicate_of, f.file_key)
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
    select township_key, year_month from department
    union select township_key, year_month from files
)
select
    c.township_key, c.year_month, t.township,
    cast(left(c.year_month, 4) as integer) as year, cast(right(c.year_month, 2) as integer) as month,
    cast(coalesce(d.education_households, 0) as bigint) as education_households,
    cast(coalesce(d.education_payments, 0) as bigint) as education_payments,
    coalesce(d.education_yuan, 0) as education_yuan,
    cast(coalesce(d.medical_households, 0) as bigint) as medical_households,
    cast(coalesce(d.medical_stays, 0) as bigint) as medical_stays,
    coalesce(d.medical_total_cost, 0) as medical_total_cost,
    coalesce(d.medical_reimbursed, 0) as medical_reimbursed,
    coalesce(d.medical_self_paid, 0) as medical_self_paid,
    cast(coalesce(d.microloan_households, 0) as bigint) as microloan_households,
    cast(coalesce(d.loans_issued, 0) as bigint) as loans_issued,
    coalesce(d.loan_principal, 0) as loan_principal,
    cast(coalesce(d.training_households, 0) as bigint) as training_households,
    cast(coalesce(d.training_enrolments, 0) as bigint) as training_enrolments,
    coalesce(d.training_subsidy, 0) as training_subsidy,
    coalesce(f.received, 0) as files_received,
    coalesce(f.unusable, 0) as files_unusable,
    coalesce(f.rows_read, 0) as file_rows_read,
    coalesce(f.rows_rejected, 0) as file_rows_rejected,
    cast(f.rows_rejected / nullif(f.rows_read, 0) as decimal(7, 4)) as reject_rate
from cell c
join township t using (township_key)
left join department d using (township_key, year_month)
left join files f using (township_key, year_month)
order by c.township_key, c.year_month;
