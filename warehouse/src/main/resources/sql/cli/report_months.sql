-- grain: one calendar month in which a department's event happened (aid paid, a stay admitted, a loan issued, a course
-- started); key: year_month. the months a monthly report can be made for, oldest first. a month in which files only
-- arrived (june's files come in july) is not one: its events are the months the files tell of.
select distinct year_month
from mart_township_month
where education_payments + medical_stays + loans_issued + training_enrolments > 0
order by year_month
