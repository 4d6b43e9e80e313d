-- medical claims: the hospitals of the settlements, and one fact per settled hospital stay.

-- grain: one hospital, by its name as the settlement files write it; key: hospital_key; natural key hospital
create table dim_hospital (
    hospital_key    integer primary key,
    hospital        varchar not null unique,
    hospital_level  varchar,                  -- the level the latest file gave it (dim_code domain hospital_level)
    file_key        integer not null,         -- the file that first named it
    sheet           varchar not null,
    row_number      integer not null
);

-- grain: one settled hospital stay (建档立卡贫困人口住院费用"一站式"结算); key: claim_key; natural key
-- coalesce(settlement_no, person_id_hash | hospital | admitted), of which at most one fact is current
create table fact_medical_claim (
    claim_key                   integer primary key,
    file_key                    integer not null,
    sheet                       varchar not null,
    row_number                  integer not null,
    person_key                  integer not null,
    household_key               integer not null,   -- 0: the registry does not know the patient's household
    person_id_hash              varchar not null,
    is_registered               boolean not null,
    hospital_key                integer not null,
    settlement_no               varchar,
    hospital                    varchar not null,
    hospital_level              varchar not null,   -- as the claim states it: the policy caps depend on it
    admitted                    date not null,
    admitted_date_key           integer not null,   -- dim_date
    discharged                  date not null,
    settled                     date,
    diagnosis                   varchar,
    is_major_disease            boolean,
    total_cost                  decimal(18, 2) not null,
    in_catalogue_cost           decimal(18, 2),
    basic_insurance             decimal(18, 2),
    critical_illness_insurance  decimal(18, 2),
    supplementary_insurance     decimal(18, 2),
    medical_assistance          decimal(18, 2),
    other_reimbursement         decimal(18, 2),
    self_paid                   decimal(18, 2) not null,
    is_current                  boolean not null,
    superseded_by               integer              -- the file_key whose row with the same natural key replaced it
);
