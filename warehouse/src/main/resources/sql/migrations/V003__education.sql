-- education aid (教育扶贫资助发放名册): the schools that pay, and one fact per payment.

-- grain: one school as the rosters name it; key: school_key; natural key school
create table dim_school (
    school_key  integer primary key,
    school      varchar not null unique,
    file_key    integer not null,             -- the file that first named it
    sheet       varchar not null,
    row_number  integer not null
);

-- grain: one payment of one programme to one student for one term, as one file states it; key: aid_key,
-- natural key person_id_hash, programme, term (a later file's row supersedes: is_current, superseded_by)
create table fact_education_aid (
    aid_key         integer primary key,
    file_key        integer not null,
    sheet           varchar not null,
    row_number      integer not null,
    person_key      integer not null,
    household_key   integer not null,         -- 0: the student's household is not in the registry
    person_id_hash  varchar not null,
    is_registered   boolean not null,
    programme_key   integer not null,
    programme       varchar not null,         -- code of dim_programme (department education)
    stage           varchar not null,         -- code of dim_code domain stage
    school_key      integer not null,
    term            varchar not null,         -- yyyy-spring / yyyy-autumn, as dim_date.term
    amount          decimal(18, 2) not null,  -- yuan
    paid_on         date not null,
    paid_date_key   integer not null,         -- dim_date
    guardian        varchar,
    township_key    integer,
    village_key     integer,
    is_current      boolean not null,
    superseded_by   integer                   -- the file_key whose row replaced this one
);
