-- vault file format 2, applied on top of format 1 both to new files and, once, to format 1 files
-- (so every format 2 file has the same schema text, which is checked on every open).
--
-- bind: which binding seals a secret's data key. 1 is format 1's (without the secret's name);
-- 2 binds the name too, so that swapping two rows' names fails to open. A row set back to 1
-- fails as well: the binding is in the seal, the column only says which one to try.
ALTER TABLE secrets ADD COLUMN bind INTEGER NOT NULL DEFAULT 1;
ALTER TABLE secret_shares ADD COLUMN bind INTEGER NOT NULL DEFAULT 1;

-- Each event is also signed by the user who acted (the MAC key is shared by every user, so
-- the MAC alone cannot say who wrote an event).
ALTER TABLE audit ADD COLUMN sig BLOB;

-- A secret shared into a community reaches a receiving project's programs (run, export) only
-- once an owner or editor of that project accepted it, under an env name they chose, for the
-- secret's name and env name at home as they were then: a change at home drops it.
CREATE TABLE secret_accepts (
    project_id    TEXT NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
    secret_id     TEXT NOT NULL REFERENCES secrets(id) ON DELETE CASCADE,
    secret_name   TEXT NOT NULL,
    home_env_name TEXT NOT NULL,
    env_name      TEXT NOT NULL,
    accepted_by   TEXT NOT NULL REFERENCES users(id),
    sig           BLOB NOT NULL,
    created_at    INTEGER NOT NULL,
    PRIMARY KEY (project_id, secret_id),
    UNIQUE (project_id, env_name)
) STRICT;

-- A signed list of the rows that give access in one scope ('roster', 'project:<id>',
-- 'community:<id>'): two hashes of every current row (what it grants, its key wrap), signed by a
-- vault admin (roster), an owner (project) or a community admin. A row that is not in its scope's
-- list (an old row put back, a role that was taken away) is tampering and never used. Lists
-- chain: each is signed over the digest of the one before, carried in prev (body, extra, signer,
-- signature and the digest before that), whose list must have had the signer as an owner or
-- admin. extra: what else the list binds (for the roster, meta's audit_signed_from and
-- legacy_lists).
CREATE TABLE heads (
    scope  TEXT PRIMARY KEY,
    seq    INTEGER NOT NULL,
    body   BLOB NOT NULL,
    extra  BLOB NOT NULL,
    signer TEXT NOT NULL,
    sig    BLOB NOT NULL,
    prev   BLOB NOT NULL
) STRICT;

-- Rows still sealed with format 1's binding, for the check every unlock makes (is there any
-- left for this user to rebind?) without reading the whole secrets table: partial indexes
-- hold only such rows, so once all are rebound they are empty and the check is one lookup.
CREATE INDEX secrets_unbound ON secrets(project_id) WHERE bind < 2;
CREATE INDEX secret_shares_unbound ON secret_shares(community_id) WHERE bind < 2;
