-- data test: coded columns of fact_education_aid hold only accepted values.
select aid_key, 'stage' as column_name, stage as value
from fact_education_aid
where stage not in (select code from dim_code where domain = 'stage')
union all
select aid_key, 'programme', programme
from fact_education_aid
where programme not in (select code from dim_programme where department = 'education')
union all
select aid_key, 'term', term
from fact_education_aid
where not regexp_matches(term, '^\d{4}-(spring|autumn)$')
union all
select aid_key, 'amount', cast(amount as varchar)
from fact_education_aid
where amount <= 0;
