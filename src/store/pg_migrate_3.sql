-- A format 2 database to format 3 (run once, under the vault's write lock, by the first
-- client of format 3 to open it): a provider's settings become its kind's own JSON, as on
-- files (see migrate_3.sql). Format 3 also lets a share carry a provider's token, which
-- needs no change of table.
ALTER TABLE vault.providers ADD COLUMN settings TEXT COLLATE "C";
UPDATE vault.providers SET settings = json_build_object('address', address, 'mount', mount,
    'namespace', namespace, 'ca_cert', ca_cert, 'timeout_secs', timeout_secs)::text;
ALTER TABLE vault.providers ALTER COLUMN settings SET NOT NULL;
ALTER TABLE vault.providers DROP COLUMN address, DROP COLUMN mount, DROP COLUMN namespace,
    DROP COLUMN ca_cert, DROP COLUMN timeout_secs;
