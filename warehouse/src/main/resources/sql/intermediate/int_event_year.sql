-- grain: one kind of event and calendar year with a current fact; key: event, year.
-- the few facts about all the facts that the finding rules and mart_household_year read whole (the years a department
-- covers, the latest admission and ledger): a table, built whole before the models that are brought up to date for
-- the households a load changed (Models), so that those read it as it is for the whole county. a year's first file is
-- when the department's files of that year began to arrive: a finding about an absence in a year rests on them.
create or replace table int_event_year as
with event as (
    select 'education_paid' as event, paid_on as on_date, file_key from fact_education_aid where is_current
    union all select 'medical_admitted', admitted_date, file_key from fact_medical_claim where is_current
    union all select 'microloan_issued', issue_date, file_key from fact_microloan where is_current
    union all select 'microloan_ledger', as_of_date, file_key from fact_microloan where is_current
    union all select 'training_start', start_date, file_key from fact_training where is_current
)
select v.event, year(v.on_date) as year, max(v.on_date) as last_date, min(f.received_at) as first_received_at
from event v
join etl_file f using (file_key)
where v.on_date is not null
group by all
order by all;
