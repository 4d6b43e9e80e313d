-- data test: mart_household_year's totals over all its rows equal the current facts of the households it covers
-- (a fact's household version shares its household_id with a current version); a row is a measure that differs.
with covered as (
    select v.household_key
    from dim_household v
    join dim_household h on h.household_id = v.household_id and h.is_current and h.household_key <> 0
),
loan as (
    select principal from int_microloan_latest where household_key in (select household_key from covered)
),
fact as (
    select 'education_yuan' as measure, sum(amount) as total
    from fact_education_aid where is_current and household_key in (select household_key from covered)
    union all
    select 'education_payments', count(*)
    from fact_education_aid where is_current and household_key in (select household_key from covered)
    union all
    select 'medical_stays', count(*)
    from fact_medical_claim where is_current and household_key in (select household_key from covered)
    union all
    select 'medical_total_cost', sum(total_cost)
    from fact_medical_claim where is_current and household_key in (select household_key from covered)
    union all
    select 'medical_self_paid', sum(self_paid)
    from fact_medical_claim where is_current and household_key in (select household_key from covered)
    union all
    select 'loans_issued', count(*) from loan
    union all
    select 'loan_principal', sum(principal) from loan
    union all
    select 'training_enrolments', count(*)
    from fact_training where is_current and household_key in (select household_key from covered)
),
mart as (
    unpivot (
        select
            sum(education_yuan) as education_yuan, sum(education_payments) as education_payments,
            sum(medical_stays) as medical_stays, sum(medical_total_cost) as medical_total_cost,
            sum(medical_self_paid) as medical_self_paid, sum(loans_issued) as loans_issued,
            sum(loan_principal) as loan_principal, sum(training_enrolments) as training_enrolments
        from mart_household_year
    ) on columns(*) into name measure value total
)
select fact.measure, fact.total as facts, mart.total as mart
from fact
join mart using (measure)
where coalesce(fact.total, 0) <> coalesce(mart.total, 0);
