-- The identifier index (GIN) takes each new entry straight into its tree instead of a "pending list".
-- Why: with fastupdate on, new entries wait in a list that every search must read through until VACUUM (or a 4 MB
-- list) merges them, and PGlite never runs autovacuum: searching by UPN (the receiving side of every transfer
-- matches the child this way) grew linearly with the number of records written, ~20 ms after a few thousand.
-- Entries already waiting are merged now.
ALTER INDEX resource_versions_identifiers SET (fastupdate = off);
SELECT gin_clean_pending_list('resource_versions_identifiers'::regclass);
