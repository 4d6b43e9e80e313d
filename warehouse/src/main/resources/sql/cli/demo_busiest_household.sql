-- grain: one year of the busiest household (most payments, stays, loans and enrolments); key: household_id, year.
with busiest as (
    select household_id from mart_household_year
    order by education_payments + medical_stays + loans_issued + training_enrolments desc, household_id
    limit 1
)
select household_id, year, members, education_yuan, medical_stays, medical_self_paid, loan_principal,
       loan_balance, training_enrolments
from mart_household_year join busiest using (household_id) order by year
