-- Transfers are stored as versioned resources in resource_versions (kinds 'transfer', 'transfer-import',
-- 'transfer-key'), so that a bundle import and its import record commit in ONE store transaction with the
-- documents it writes, and every lifecycle step (prepared, sent, received, accepted, ...) is an immutable version.
-- These indexes serve the two questions asked of them: "what is waiting in the unclaimed queue for my local
-- authority" and "has this bundle id been imported already".
CREATE INDEX resource_versions_transfer_queue ON resource_versions (status, tenant_la_code)
  WHERE kind = 'transfer';
CREATE INDEX resource_versions_transfer_import ON resource_versions (id)
  WHERE kind = 'transfer-import';
