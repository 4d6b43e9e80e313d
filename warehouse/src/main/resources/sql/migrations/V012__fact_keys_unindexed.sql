-- the facts' surrogate keys without a primary key: duckdb keeps a primary key as an index (ART) that every
-- checkpoint wrote out again, so the publish of a file of 10,000 claims into a county of 1,000,000 spent 0.2-0.4 s on
-- fact_medical_claim's index alone (0.05 s without it), and inserting the claims twice as long. a load numbers its
-- facts after the table's largest key, and the data tests hold each key unique and not null (each fact's yml), so the
-- index guarded nothing they do not. duckdb cannot drop a primary key: each table is made again, its columns and
-- their order as they are, its rows copied.
create table fact_education_aid_unindexed (
    aid_key         integer not null,
    file_key        integer not null,
    sheet           varchar not null,
    row_number      integer not null,
    person_key      integer not null,
    household_key   integer not null,
    person_id_hash  varchar not null,
    is_registered   boolean not null,
    programme_key   integer not null,
    programme       varchar not null,
    stage           varchar not null,
    school_key      integer not null,
    term            varchar not null,
    amount          decimal(18, 2) not null,
    paid_on         date not null,
    paid_date_key   integer not null,
    guardian        varchar,
    township_key    integer,
    village_key     integer,
    is_current      boolean not null,
    superseded_by   integer
);
insert into fact_education_aid_unindexed select * from fact_education_aid;
drop table fact_education_aid;
alter table fact_education_aid_unindexed rename to fact_education_aid;

create table fact_medical_claim_unindexed (
    claim_key                   integer not null,
    file_key                    integer not null,
    sheet                       varchar not null,
    row_number                  integer not null,
    person_key                  integer not null,
    household_key               integer not null,
    person_id_hash              varchar not null,
    is_registered               boolean not null,
    hospital_key                integer not null,
    settlement_no               varchar,
    hospital                    varchar not null,
    hospital_level              varchar not null,
    admitted_date               date not null,
    admitted_date_key           integer not null,
    discharged_date             date not null,
    settled_date                date,
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
    superseded_by               integer
);
insert into fact_medical_claim_unindexed select * from fact_medical_claim;
drop table fact_medical_claim;
alter table fact_medical_claim_unindexed rename to fact_medical_claim;

create table fact_microloan_unindexed (
    microloan_key     integer not null,
    file_key          integer not null,
    sheet             varchar not null,
    row_number        integer not null,
    person_key        integer not null,
    household_key     integer not null,
    person_id_hash    varchar not null,
    is_registered     boolean not null,
    bank_key          integer not null,
    contract_number   varchar not null,
    as_of_date        date not null,
    as_of_date_key    integer not null,
    household_id      varchar,
    principal         decimal(18, 2) not null,
    issue_date        date not null,
    issue_date_key    integer not null,
    due_date          date not null,
    term_months       integer,
    annual_rate       decimal(18, 6),
    purpose           varchar,
    interest_subsidy  decimal(18, 2),
    balance           decimal(18, 2),
    status            varchar,
    days_overdue      integer,
    is_current        boolean not null,
    superseded_by     integer
);
insert into fact_microloan_unindexed select * from fact_microloan;
drop table fact_microloan;
alter table fact_microloan_unindexed rename to fact_microloan;

create table fact_training_unindexed (
    training_key    integer not null,
    file_key        integer not null,
    sheet           varchar not null,
    row_number      integer not null,
    person_key      integer not null,
    household_key   integer not null,
    person_id_hash  varchar not null,
    is_registered   boolean not null,
    course_key      integer not null,
    course          varchar not null,
    school_key      integer not null,
    start_date      date not null,
    start_date_key  integer not null,
    end_date        date not null,
    "hours"         integer not null,
    age             integer,
    is_completed    boolean,
    certificate     varchar,
    is_employed     boolean,
    employment      varchar,
    work_place      varchar,
    monthly_wage    decimal(18, 2),
    subsidy         decimal(18, 2),
    is_current      boolean not null,
    superseded_by   integer
);
insert into fact_training_unindexed select * from fact_training;
drop table fact_training;
alter table fact_training_unindexed rename to fact_training;
