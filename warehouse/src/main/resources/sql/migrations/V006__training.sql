-- the training rosters: courses, training schools and one fact per enrolment.

-- grain: one course of the training contract's code list met in a loaded file; key: course_key; natural key code
create table dim_course (
    course_key  integer primary key,
    code        varchar not null unique,
    name_zh     varchar not null
);

-- grain: one training school as the rosters name it; key: school_key; natural key school
create table dim_training_school (
    school_key  integer primary key,
    school      varchar not null unique,
    file_key    integer not null,              -- the file that first named it
    sheet       varchar not null,
    row_number  integer not null
);

-- grain: one enrolment of a trainee on a course from a start date, as one file states it; key: training_key,
-- natural key person_id_hash, course, start_date (a later file's row supersedes: is_current, superseded_by)
create table fact_training (
    training_key    integer primary key,
    file_key        integer not null,
    sheet           varchar not null,
    row_number      integer not null,
    person_key      integer not null,
    household_key   integer not null,          -- 0: the trainee's household is not in the registry
    person_id_hash  varchar not null,
    is_registered   boolean not null,
    course_key      integer not null,
    course          varchar not null,          -- code, dim_code domain course
    school_key      integer not null,
    start_date      date not null,
    start_date_key  integer not null,          -- dim_date
    end_date        date not null,
    hours           integer not null,
    age             integer,                   -- as written; the id's birth date is in dim_person
    completed       boolean,
    certificate     varchar,
    employed        boolean,                   -- read from employment: 是/否, or a description means employed
    employment      varchar,                   -- 是否就业 as written
    work_place      varchar,
    monthly_wage    decimal(18, 2),
    subsidy         decimal(18, 2),
    is_current      boolean not null,
    superseded_by   integer                    -- the file_key whose row replaced this one
);
