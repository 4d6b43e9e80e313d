-- data test: mart_finding's key is unique, and no finding lacks its rule, year, household, text or lineage.
select finding_key, count(*) as rows
from mart_finding
group by finding_key
having count(*) > 1
union all
select finding_key, 1
from mart_finding
where finding_key is null or rule_code is null or severity is null or year is null or household_key is null
   or household_id is null or detail is null or lineage is null or len(lineage) = 0
   or list_contains(list_transform(lineage, x -> x.file_key is null or x.sheet is null or x.row_number is null), true);
