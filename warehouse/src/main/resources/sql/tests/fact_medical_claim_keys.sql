-- data test: every medical claim has a key, unique, and its lineage.
select claim_key, count(*) as facts
from fact_medical_claim
group by claim_key
having claim_key is null or count(*) > 1
union all
select claim_key, 1
from fact_medical_claim
where file_key is null or sheet is null or row_number is null or hospital_key is null;
