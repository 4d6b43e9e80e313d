-- data test: a finding's programme is a known one or the microloan (its rule codes and severities are the generic
-- tests' of marts/mart_finding.yml).
select finding_key, 'programme' as column_name, programme as value
from mart_finding
where programme is not null and programme <> 'microloan'
  and programme not in (select code from dim_programme);
