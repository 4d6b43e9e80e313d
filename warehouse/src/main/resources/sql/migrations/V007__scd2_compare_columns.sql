-- the registry's scd2 finds a changed person or household by comparing its tracked columns with the current version's,
-- not through a stored md5 of them: hashing a million rows and storing the hashes cost more than the comparison.
alter table dim_person drop column row_hash;
alter table dim_household drop column row_hash;
