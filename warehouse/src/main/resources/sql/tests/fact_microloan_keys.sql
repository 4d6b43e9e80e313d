-- data test: fact_microloan's key and natural key (contract_number, as_of) are filled, and its key is unique.
select microloan_key, contract_number, as_of, count(*) over (partition by microloan_key) as copies
from fact_microloan
qualify microloan_key is null or contract_number is null or as_of is null or copies > 1;
