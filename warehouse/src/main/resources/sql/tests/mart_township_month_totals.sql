-- data test: mart_township_month's amounts over all its rows equal the current facts, every beneficiary counted
-- (township 0 holds those the registry does not place); a row is a measure that differs.
with fact as (
    select 'education_yuan' as measure, sum(amount) as total from fact_education_aid where is_current
    union all
    select 'medical_total_cost', sum(total_cost) from fact_medical_claim where is_current
    union all
    select 'medical_self_paid', sum(self_paid) from fact_medical_claim where is_current
    union all
    select 'loan_principal', sum(principal) from int_microloan_latest
    union all
    select 'training_enrolments', count(*) from fact_training where is_current
    union all
    select 'training_subsidy', sum(subsidy) from fact_training where is_current
),
mart as (
    unpivot (
        select
            sum(education_yuan) as education_yuan, sum(medical_total_cost) as medical_total_cost,
            sum(medical_self_paid) as medical_self_paid, sum(loan_principal) as loan_principal,
            sum(training_enrolments) as training_enrolments, sum(training_subsidy) as training_subsidy
        from mart_township_month
    ) on columns(*) into name measure value total
)
select fact.measure, fact.total as facts, mart.total as mart
from fact
join mart using (measure)
where coalesce(fact.total, 0) <> coalesce(mart.total, 0);
