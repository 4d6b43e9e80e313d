-- data test: coded and bounded columns of fact_microloan hold accepted values only.
select f.microloan_key, f.status, f.annual_rate, f.principal, f.superseded_by
from fact_microloan f
where (f.status is not null
       and not exists (select 1 from dim_code c where c.domain = 'loan_status' and c.code = f.status))
   or f.annual_rate not between 0 and 0.24
   or f.principal < 0
   or f.due_date <= f.issue_date
   or (f.is_current and f.superseded_by is not null)
   or (not f.is_current and f.superseded_by is null);
