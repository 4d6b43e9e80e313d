-- grain: one school term of the education rosters with its Chinese name; key: term.
create or replace view int_education_term as
select distinct term,
    left(term, 4) || '年' || case when term like '%spring' then '春季学期' else '秋季学期' end as term_zh
from fact_education_aid;
