-- Every change to a resource writes a new immutable row; nothing is updated or deleted.
-- PRIMARY KEY (kind, id, version) is what makes optimistic concurrency exact: two writers that both read
-- version N and both try to insert N+1 collide on this key, so exactly one wins and versions stay contiguous.
CREATE TABLE resource_versions (
  kind          text        NOT NULL,
  id            text        NOT NULL,
  version       integer     NOT NULL CHECK (version >= 1),
  etag          text        NOT NULL,
  body          jsonb       NOT NULL,
  -- tenancy: which setting holds the record and which local authority is responsible (access control)
  tenant_setting_urn text,
  tenant_la_code     text,
  -- search facts, extracted from the body by the caller
  child_id      text,
  identifiers   text[]      NOT NULL DEFAULT '{}',
  setting_urn   text,
  la_code       text,
  status        text,
  layer         text,
  review_due    date,
  provenance    jsonb       NOT NULL,
  created_at    timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (kind, id, version)
);

CREATE INDEX resource_versions_identifiers ON resource_versions USING gin (identifiers);
CREATE INDEX resource_versions_child ON resource_versions (child_id);
CREATE INDEX resource_versions_setting ON resource_versions (kind, setting_urn);
CREATE INDEX resource_versions_la ON resource_versions (kind, la_code);

-- The newest version of each resource. Searches read this view, so a filter matches what a resource is now,
-- not what one of its old versions said.
CREATE VIEW resource_current AS
  SELECT DISTINCT ON (kind, id) *
  FROM resource_versions
  ORDER BY kind, id, version DESC;

-- Shared guard: raises on any attempt to change or remove rows of an append-only table.
CREATE FUNCTION forbid_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '% is append-only: % is not allowed', TG_TABLE_NAME, TG_OP
    USING ERRCODE = 'insufficient_privilege';
END;
$$;

-- Versions are immutable history: old versions stay readable forever.
CREATE TRIGGER resource_versions_no_update_delete
  BEFORE UPDATE OR DELETE ON resource_versions
  FOR EACH ROW EXECUTE FUNCTION forbid_change();
CREATE TRIGGER resource_versions_no_truncate
  BEFORE TRUNCATE ON resource_versions
  FOR EACH STATEMENT EXECUTE FUNCTION forbid_change();

-- ISO-8601 UTC text for an instant, so both drivers hand back identical strings (pg would give a Date).
CREATE FUNCTION iso_instant(t timestamptz) RETURNS text LANGUAGE sql STABLE AS $$
  SELECT to_char(t AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')
$$;
