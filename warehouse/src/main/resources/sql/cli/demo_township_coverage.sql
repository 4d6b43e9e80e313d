-- grain: one township, 2019, the first five by name; key: township.
select township, sum(education_yuan) as education, sum(medical_reimbursed) as reimbursed,
       sum(loan_principal) as lent, sum(training_enrolments) as trained, sum(files_received) as files
from mart_township_month where year = 2019 group by township order by township limit 5
