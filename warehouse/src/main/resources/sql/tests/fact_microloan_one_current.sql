-- data test: a loan has at most one current fact per ledger date (natural key contract_number, as_of_date).
select contract_number, as_of_date, count(*) as current_facts
from fact_microloan
where is_current
group by contract_number, as_of_date
having count(*) > 1;
