-- resource_heads: one row per resource, naming its current version and holding that version's search facts and
-- tenancy. Searches filter here and join only the versions they return.
-- Why: a search asks about what each resource is NOW, but resource_versions holds every version, and each version
-- of a plan carries the same UPN, setting and status. Filtering there meant finding every matching version and then
-- testing each for being the newest: a school's search by setting slowed with every edit ever saved (a search by
-- UPN over 3,000 versions of 32 plans took 116 ms on PGlite; here it reads the 32 heads).
-- resource_versions stays the record of truth: every head is written by the same statement as the version it names
-- (sql-store.ts), and the INSERT below rebuilds the heads from the versions. `version` is not indexed, so an edit that
-- leaves a resource's facts as they were updates its head in place (a HOT update: no index entries written).
CREATE TABLE resource_heads (
  kind               text    NOT NULL,
  id                 text    NOT NULL,
  version            integer NOT NULL,
  tenant_setting_urn text,
  tenant_la_code     text,
  child_id           text,
  identifiers        text[]  NOT NULL DEFAULT '{}',
  setting_urn        text,
  la_code            text,
  status             text,
  layer              text,
  review_due         date,
  PRIMARY KEY (kind, id)
);

INSERT INTO resource_heads (kind, id, version, tenant_setting_urn, tenant_la_code, child_id, identifiers, setting_urn, la_code, status, layer, review_due)
  SELECT DISTINCT ON (kind, id) kind, id, version, tenant_setting_urn, tenant_la_code, child_id, identifiers, setting_urn, la_code, status, layer, review_due
  FROM resource_versions
  ORDER BY kind, id, version DESC;

-- New identifier entries go straight into the tree (no pending list to read through: see migration 005).
CREATE INDEX resource_heads_identifiers ON resource_heads USING gin (identifiers) WITH (fastupdate = off);
CREATE INDEX resource_heads_child ON resource_heads (kind, child_id);
CREATE INDEX resource_heads_setting ON resource_heads (kind, setting_urn);
CREATE INDEX resource_heads_la ON resource_heads (kind, la_code);
CREATE INDEX resource_heads_tenant_setting ON resource_heads (kind, tenant_setting_urn);
CREATE INDEX resource_heads_tenant_la ON resource_heads (kind, tenant_la_code);
-- The unclaimed-transfer queue ("what is waiting for my local authority") is a search of current transfers.
CREATE INDEX resource_heads_transfer_queue ON resource_heads (status, tenant_la_code) WHERE kind = 'transfer';

-- Searches no longer read these; each cost every version written an index entry.
DROP INDEX resource_versions_identifiers;
DROP INDEX resource_versions_child;
DROP INDEX resource_versions_setting;
DROP INDEX resource_versions_la;
DROP INDEX resource_versions_transfer_queue;

-- The view keeps its meaning (the newest version of each resource, every column) at the cost of two index lookups
-- per resource instead of sorting every version.
CREATE OR REPLACE VIEW resource_current AS
  SELECT v.*
  FROM resource_heads h
  JOIN resource_versions v ON v.kind = h.kind AND v.id = h.id AND v.version = h.version;
