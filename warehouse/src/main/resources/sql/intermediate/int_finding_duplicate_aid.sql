-- grain: one finding of DUPLICATE_AID (README, Findings); key: none of its own, mart_finding numbers
-- the findings of every rule.
-- DUPLICATE_AID: a later roster's row for the same student, programme and term supersedes the earlier one; when it
-- comes from the same school it is that school's correction, from another school it is a second payment
create or replace view int_finding_duplicate_aid as
with
aid_paid as (
    select f.*, s.school, e.file_name
    from fact_education_aid f
    join dim_school s on s.school_key = f.school_key
    join etl_file e on e.file_key = f.file_key
)
select
    'DUPLICATE_AID' as rule_code, cast(left(cur.term, 4) as integer) as year, cur.household_key, cur.person_key,
    cur.person_id_hash, cur.programme,
    any_value(t.term_zh) || any_value(pg.name_zh) || '由不同学校的名册重复发放：'
        || string_agg(earlier.school || '（' || earlier.file_name || '，' || format('{:,.2f}', earlier.amount) || '元）',
                      '、' order by earlier.file_key)
        || '、' || cur.school || '（' || cur.file_name || '，' || format('{:,.2f}', cur.amount) || '元）' as detail,
    list({'file_key': earlier.file_key, 'sheet': earlier.sheet, 'row_number': earlier.row_number}
         order by earlier.file_key)
        || [{'file_key': cur.file_key, 'sheet': cur.sheet, 'row_number': cur.row_number}] as lineage
from aid_paid cur
join aid_paid earlier on earlier.person_id_hash = cur.person_id_hash and earlier.programme = cur.programme
    and earlier.term = cur.term and not earlier.is_current and earlier.file_key <> cur.file_key
    and earlier.school_key <> cur.school_key
join int_education_term t on t.term = cur.term
join dim_programme pg on pg.programme_key = cur.programme_key
where cur.is_current
group by cur.aid_key, cur.term, cur.household_key, cur.person_key, cur.person_id_hash, cur.programme, cur.school,
    cur.file_name, cur.amount, cur.file_key, cur.sheet, cur.row_number;
