-- Who did what to which record, and whether it was allowed. Append-only, enforced here in SQL so that no code
-- path (or person with a SQL prompt and the app's role) can quietly rewrite the record of access.
CREATE TABLE audit_log (
  seq               bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  at                timestamptz NOT NULL DEFAULT now(),
  actor_subject     text NOT NULL,
  actor_role        text NOT NULL,
  actor_system      text,
  actor_setting_urn text,
  actor_la_code     text,
  action            text NOT NULL,
  kind              text NOT NULL,
  resource_id       text,
  version           integer,
  child_id          text,
  correlation_id    text NOT NULL,
  outcome           text NOT NULL CHECK (outcome IN ('allowed', 'denied'))
);

-- "Who has read my child's plan" and "what did this person do" are the two questions asked of the log.
CREATE INDEX audit_log_child ON audit_log (child_id, seq);
CREATE INDEX audit_log_resource ON audit_log (resource_id, seq);
CREATE INDEX audit_log_actor ON audit_log (actor_subject, seq);

CREATE TRIGGER audit_log_no_update_delete
  BEFORE UPDATE OR DELETE ON audit_log
  FOR EACH ROW EXECUTE FUNCTION forbid_change();
CREATE TRIGGER audit_log_no_truncate
  BEFORE TRUNCATE ON audit_log
  FOR EACH STATEMENT EXECUTE FUNCTION forbid_change();
