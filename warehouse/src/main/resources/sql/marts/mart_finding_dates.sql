-- grain: one finding of mart_finding; key: finding_key.
-- when each finding was found, for rpt_finding_month, and when a person went over a self-pay cap, for
-- rpt_medical_month; with the finding's household, person, year and township, so that neither reads mart_finding
-- or dim_household for them. found: when the last of the records behind it (its lineage rows) first
-- arrived. each row is the first receipt of its record (the same loan contract on any ledger, the same payment of a
-- programme to a student in a term, the same settlement, the same enrolment, the same registered person or
-- household), so a later ledger or a re-sent file listing the same records does not make a finding new again, while a
-- correction that makes a finding counts from the record's first receipt. a finding about an absence in a year (no
-- aid, no course, no loan) also rests on its department's files of that year, which its lineage does not name: it is
-- found no earlier than the first of them (int_event_year). went over the cap: the admission of the finding's stays,
-- in admission order, whose running self-payment first passed the cap the rule applied (the area's version in force
-- on the finding's last admission, as int_finding_self_pay_over_cap judged it). a record shared by two persons (a contract or settlement
-- number on both) is read whole in an update: the scope holds every person of a contract or settlement it holds.
create or replace table mart_finding_dates as
with first_receipt as (
    select f.file_key, f.sheet, f.row_number, min(e.received_at) over (partition by f.contract_number) as received_at
    from fact_microloan f
    join etl_file e using (file_key)
    union all
    select f.file_key, f.sheet, f.row_number, min(e.received_at) over (partition by f.person_id_hash, f.programme, f.term)
    from fact_education_aid f
    join etl_file e using (file_key)
    union all
    select
        f.file_key, f.sheet, f.row_number,
        min(e.received_at) over (
            partition by coalesce(f.settlement_no, f.person_id_hash || '/' || f.hospital_key || '/' || f.admitted_date))
    from fact_medical_claim f
    join etl_file e using (file_key)
    union all
    select f.file_key, f.sheet, f.row_number, min(e.received_at) over (partition by f.person_id_hash, f.course_key, f.start_date)
    from fact_training f
    join etl_file e using (file_key)
    union all
    select p.file_key, p.sheet, p.row_number, min(e.received_at) over (partition by p.person_id_hash)
    from dim_person p
    join etl_file e using (file_key)
    union all
    select h.file_key, h.sheet, h.row_number, min(e.received_at) over (partition by h.household_id)
    from dim_household h
    join etl_file e using (file_key)
),
year_evidence as (
    select
        case event when 'education_paid' then 'EDU_GAP' when 'training_start' then 'TRAINING_GAP' else 'LOAN_GAP' end
            as rule_code,
        year, first_received_at as received_at
    from int_event_year
    where event in ('education_paid', 'training_start', 'microloan_ledger')
),
lineage_row as (
    select finding_key, unnest(lineage) as r
    from mart_finding
),
found as (
    select
        f.finding_key, f.household_id, f.person_id_hash, f.year, f.rule_code, coalesce(h.township_key, 0) as township_key,
        strftime(greatest(max(coalesce(fr.received_at, e.received_at)), any_value(y.received_at)), '%Y-%m')
            as found_month
    from mart_finding f
join lineage_row l using (finding_key)
    join etl_file e on e.file_key = l.r.file_key
    left join first_receipt fr on fr.file_key = l.r.file_key and fr.sheet = l.r.sheet and fr.row_number = l.r.row_number
    join dim_household h on h.household_key = f.household_key
    left join year_evidence y on y.rule_code = f.rule_code and y.year = f.year
    group by f.finding_key, f.household_id, f.person_id_hash, f.year, f.rule_code, h.township_key
),
-- each stay behind a SELF_PAY_OVER_CAP finding, its running self-payment, and the cap's area
cap_stay as (
    select
        l.finding_key, c.admitted_date,
        sum(c.self_paid) over (partition by l.finding_key order by c.admitted_date, c.claim_key) as running,
        max(c.admitted_date) over (partition by l.finding_key) as last_admitted,
        case when c.hospital_level in ('township', 'county') then 'county' else c.hospital_level end as area
    from lineage_row l
    join mart_finding f using (finding_key)
    join fact_medical_claim c on c.file_key = l.r.file_key and c.sheet = l.r.sheet and c.row_number = l.r.row_number
    where f.rule_code = 'SELF_PAY_OVER_CAP'
),
crossed as (
    select s.finding_key, min(s.admitted_date) as over_cap_on
    from cap_stay s
    join int_policy_rule cap on cap.rule = 'medical_self_pay_cap' and cap.applies_to = s.area
        and s.last_admitted between cap.valid_from and cap.valid_to
    where s.running > cap.value
    group by all
)
select f.finding_key, f.household_id, f.person_id_hash, f.year, f.rule_code, f.township_key, f.found_month, c.over_cap_on
from found f
left join crossed c using (finding_key);
