-- grain: one household on the return-to-poverty warning list (因病返贫预警) and the month its HIGH_MEDICAL_BURDEN finding
-- stands in; key: household_id, year_month.
-- the rule is judged once, over the 12 months up to the latest admission the claims know (int_finding_high_medical_burden),
-- so a finding stands in the month of that admission, and a month's report lists the households of that month.
-- the triggering figures are traced through the finding's lineage to its stays: their number and self-payment, beside
-- the warning line and the 低保 standard in force on the window's last day (ref_policy_rule) times the household's
-- members. the household is the registry's current version: its number (户编号), township and village. no person's
-- ID or name and no diagnosis: the monitoring rules forbid them in notices.
create or replace table rpt_medical_warning as
with burden_window as (
    select max(last_date) as window_end, max(last_date) - interval 1 year + interval 1 day as window_start
    from int_event_year
    where event = 'medical_admitted'
),
burden as (
    select f.finding_key, count(*) as stays, sum(c.total_cost) as total_cost, sum(c.self_paid) as self_paid
    from mart_finding f
    cross join unnest(f.lineage) as u(l)
    join fact_medical_claim c on c.file_key = u.l.file_key and c.sheet = u.l.sheet and c.row_number = u.l.row_number
    where f.rule_code = 'HIGH_MEDICAL_BURDEN'
    group by all
)
select
    strftime(w.window_end, '%Y-%m') as year_month, year(w.window_end) as year, month(w.window_end) as month,
    cast(coalesce(h.township_key, 0) as integer) as township_key, coalesce(h.township, '未归属乡镇') as township,
    h.village, h.household_id, cast(h.members as integer) as members,
    cast(w.window_start as date) as window_start, w.window_end,
    cast(b.stays as integer) as stays,
    cast(b.total_cost as decimal(18, 2)) as total_cost,
    cast(b.self_paid as decimal(18, 2)) as self_paid,
    warn.value as warning_line,
    dibao.value as dibao_standard,
    cast(dibao.value * h.members as decimal(18, 2)) as dibao_line,
    b.self_paid > warn.value as over_warning_line,
    coalesce(b.self_paid > dibao.value * h.members, false) as over_dibao_line
from burden b
join mart_finding f using (finding_key)
join dim_household h using (household_key)
cross join burden_window w
join int_policy_rule warn on warn.rule = 'medical_burden_warning' and w.window_end between warn.valid_from and warn.valid_to
left join int_policy_rule dibao on dibao.rule = 'dibao_standard' and w.window_end between dibao.valid_from and dibao.valid_to
order by year_month, township_key, village, household_id;
