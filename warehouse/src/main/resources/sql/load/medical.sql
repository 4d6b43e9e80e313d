-- medical claims load: new hospitals into dim_hospital, then one fact per kept row of the load's files.
-- grain of fact_medical_claim: one settled hospital stay; key: claim_key.

-- grain: one hospital the load's files name; key: hospital. its level is the one of its first row in the last file
-- to name it (each file sets the level it gives); its lineage is its first row in the load.
create or replace temp table med_hospital as
with by_file as (
    select
        hospital,
        file_key,
        arg_min_null(hospital_level, file_order) as hospital_level,
        arg_min_null(sheet, file_order) as sheet,
        arg_min_null(row_number, file_order) as row_number,
        min(file_order) as first_seen
    from stage_rows
    where key_rank = 1
    group by hospital, file_key
)
select
    hospital,
    arg_max_null(hospital_level, first_seen) as hospital_level,
    arg_min(file_key, first_seen) as file_key,
    arg_min_null(sheet, first_seen) as sheet,
    arg_min_null(row_number, first_seen) as row_number,
    min(first_seen) as first_seen
from by_file
group by hospital;

-- the fact under the lake's names, the contract's output columns its natural key is written in (load/supersede.sql)
create or replace temp view fact_in_lake_names as
select rowid as fact_row, *
    rename (admitted_date as admitted, discharged_date as discharged, settled_date as settled) from fact_medical_claim;

-- writes, in the load's transaction:

update dim_hospital set hospital_level = m.hospital_level
from med_hospital m
where dim_hospital.hospital = m.hospital
  and dim_hospital.hospital_level is distinct from m.hospital_level;

insert into dim_hospital (hospital_key, hospital, hospital_level, file_key, sheet, row_number)
select
    (select coalesce(max(hospital_key), 0) from dim_hospital) + row_number() over (order by m.first_seen),
    m.hospital, m.hospital_level, m.file_key, m.sheet, m.row_number
from med_hospital m
where not exists (select 1 from dim_hospital d where d.hospital = m.hospital);

insert into fact_medical_claim (claim_key, file_key, sheet, row_number, person_key, household_key, person_id_hash,
    is_registered, hospital_key, settlement_no, hospital, hospital_level, admitted_date, admitted_date_key,
    discharged_date, settled_date, diagnosis, is_major_disease, total_cost, in_catalogue_cost, basic_insurance, critical_illness_insurance,
    supplementary_insurance, medical_assistance, other_reimbursement, self_paid, is_current, superseded_by)
with kept as (
    select s.*, l.person_key, l.household_key, l.is_registered, l.seq
    from stage_rows s
    join stage_link l on l.file_key = s.file_key and l.sheet_index = s.sheet_index and l.row_number = s.row_number
    where s.key_rank = 1
)
select
    (select coalesce(max(claim_key), 0) from fact_medical_claim)
        + k.seq,
    k.file_key, k.sheet, k.row_number, k.person_key, k.household_key, k.person_id_hash, k.is_registered,
    h.hospital_key, k.settlement_no, k.hospital, k.hospital_level, k.admitted,
    cast(strftime(k.admitted, '%Y%m%d') as integer), k.discharged, k.settled, k.diagnosis, k.major_disease,
    k.total_cost, k.in_catalogue_cost, k.basic_insurance, k.critical_illness_insurance, k.supplementary_insurance,
    k.medical_assistance, k.other_reimbursement, k.self_paid, k.superseded_by is null, k.superseded_by
from kept k
join dim_hospital h on h.hospital = k.hospital;
