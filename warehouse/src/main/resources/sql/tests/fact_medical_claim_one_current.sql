-- data test: at most one current medical claim per natural key (settlement number, else patient, hospital and
-- admission day); a superseded claim names the file that replaced it.
with keyed as (
    select
        coalesce(settlement_no, person_id_hash || '|' || hospital || '|' || cast(admitted_date as varchar)) as natural_key,
        is_current, superseded_by
    from fact_medical_claim
)
select natural_key, count(*) as current_facts
from keyed
where is_current
group by natural_key
having count(*) > 1
union all
select natural_key, 0
from keyed
where not is_current and superseded_by is null;
