-- vault file format 1. Names, descriptions and times are clear text; every value, key and identity
-- is a sealed or wrapped blob. Times are Unix seconds, UTC.
CREATE TABLE meta (
    key   TEXT PRIMARY KEY,
    value BLOB NOT NULL
) STRICT;

CREATE TABLE users (
    id              TEXT PRIMARY KEY,
    name            TEXT NOT NULL UNIQUE,
    is_admin        INTEGER NOT NULL,
    recipient       TEXT NOT NULL,
    verifying_key   BLOB NOT NULL,
    kdf_memory_mib  INTEGER NOT NULL,
    kdf_iterations  INTEGER NOT NULL,
    kdf_parallelism INTEGER NOT NULL,
    salt            BLOB NOT NULL,
    envelope        BLOB NOT NULL,
    roster_signer   TEXT NOT NULL,
    roster_sig      BLOB NOT NULL,
    -- A user added by an admin enrolls at first unlock with keys of their own: the admin signed
    -- the enrollment key (verifying_key while pending, enroll_vk after), and the enrollment key
    -- signs the user's own keys (enroll_sig). recipient is '' while pending.
    enroll_vk       BLOB,
    enroll_sig      BLOB,
    created_by      TEXT NOT NULL,
    created_at      INTEGER NOT NULL,
    modified_at     INTEGER NOT NULL
) STRICT;

CREATE TABLE communities (
    id          TEXT PRIMARY KEY,
    name        TEXT NOT NULL UNIQUE,
    description TEXT NOT NULL DEFAULT '',
    id_nonce    BLOB NOT NULL,
    key_epoch   INTEGER NOT NULL DEFAULT 1,
    created_by  TEXT NOT NULL REFERENCES users(id),
    created_at  INTEGER NOT NULL,
    modified_at INTEGER NOT NULL
) STRICT;

-- A membership has two signed parts: the membership itself (role, by whoever granted it; a
-- chain down to the creator) and the key wrap (current epoch, by any admin/owner who rotated it).
CREATE TABLE community_members (
    community_id TEXT NOT NULL REFERENCES communities(id) ON DELETE CASCADE,
    user_id      TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    is_admin     INTEGER NOT NULL,
    granted_by   TEXT NOT NULL,
    sig          BLOB NOT NULL,
    key_epoch    INTEGER NOT NULL,
    wrapped_key  BLOB NOT NULL,
    key_signer   TEXT NOT NULL,
    key_sig      BLOB NOT NULL,
    created_at   INTEGER NOT NULL,
    PRIMARY KEY (community_id, user_id)
) STRICT;

-- A personal project has personal_of set and name '@' || user name (never a valid project name).
CREATE TABLE projects (
    id           TEXT PRIMARY KEY,
    name         TEXT NOT NULL UNIQUE,
    description  TEXT NOT NULL DEFAULT '',
    community_id TEXT REFERENCES communities(id) ON DELETE SET NULL,
    -- An owner's signature binding the project to its community (NULL without one).
    community_sig BLOB,
    personal_of  TEXT REFERENCES users(id) ON DELETE CASCADE,
    id_nonce     BLOB NOT NULL,
    key_epoch    INTEGER NOT NULL DEFAULT 1,
    created_by   TEXT NOT NULL REFERENCES users(id),
    created_at   INTEGER NOT NULL,
    modified_at  INTEGER NOT NULL
) STRICT;

CREATE TABLE project_members (
    project_id  TEXT NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
    user_id     TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    role        TEXT NOT NULL,
    granted_by  TEXT NOT NULL,
    sig         BLOB NOT NULL,
    key_epoch   INTEGER NOT NULL,
    wrapped_key BLOB NOT NULL,
    key_signer  TEXT NOT NULL,
    key_sig     BLOB NOT NULL,
    created_at  INTEGER NOT NULL,
    PRIMARY KEY (project_id, user_id)
) STRICT;

CREATE TABLE secrets (
    id              TEXT PRIMARY KEY,
    project_id      TEXT NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
    name            TEXT NOT NULL,
    env_name        TEXT NOT NULL,
    description     TEXT NOT NULL DEFAULT '',
    provider        TEXT,
    write_only      INTEGER NOT NULL DEFAULT 0,
    current_version INTEGER NOT NULL,
    key_epoch       INTEGER NOT NULL,
    wrapped_dek     BLOB NOT NULL,
    created_by      TEXT NOT NULL REFERENCES users(id),
    created_at      INTEGER NOT NULL,
    modified_by     TEXT NOT NULL REFERENCES users(id),
    modified_at     INTEGER NOT NULL,
    UNIQUE (project_id, name),
    UNIQUE (project_id, env_name)
) STRICT;

CREATE TABLE secret_versions (
    secret_id  TEXT NOT NULL REFERENCES secrets(id) ON DELETE CASCADE,
    version    INTEGER NOT NULL,
    sealed     BLOB NOT NULL,
    created_by TEXT NOT NULL REFERENCES users(id),
    created_at INTEGER NOT NULL,
    PRIMARY KEY (secret_id, version)
) STRICT;

CREATE TABLE secret_shares (
    secret_id    TEXT NOT NULL REFERENCES secrets(id) ON DELETE CASCADE,
    community_id TEXT NOT NULL REFERENCES communities(id) ON DELETE CASCADE,
    key_epoch    INTEGER NOT NULL,
    wrapped_dek  BLOB NOT NULL,
    shared_by    TEXT NOT NULL REFERENCES users(id),
    sig          BLOB NOT NULL,
    created_at   INTEGER NOT NULL,
    PRIMARY KEY (secret_id, community_id)
) STRICT;
CREATE INDEX secret_shares_by_community ON secret_shares(community_id);
CREATE INDEX projects_by_community ON projects(community_id);
CREATE INDEX project_members_by_user ON project_members(user_id);

-- Append-only audit log. Each MAC covers the event and the MAC before it (a chain), under the
-- vault's audit key, which only users hold. Events written before an unlock (a failed
-- passphrase) have no MAC; the next MACed event covers them.
CREATE TABLE audit (
    seq        INTEGER PRIMARY KEY AUTOINCREMENT,
    at         INTEGER NOT NULL,
    user_name  TEXT NOT NULL,
    action     TEXT NOT NULL,
    project    TEXT NOT NULL DEFAULT '',
    resource   TEXT NOT NULL DEFAULT '',
    outcome    TEXT NOT NULL,
    mac        BLOB
) STRICT;
CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit BEGIN SELECT RAISE(ABORT, 'audit is append-only'); END;
CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit BEGIN SELECT RAISE(ABORT, 'audit is append-only'); END;

-- External value stores (OpenBao / HashiCorp Vault KV v2). A provider-backed secret keeps its
-- value there; its secret_versions rows then hold only a sealed record of the KV version. The
-- settings are signed by the vault admin who added the provider (sig), so nobody who can write
-- the file can point a token or a value at another server.
CREATE TABLE providers (
    name         TEXT PRIMARY KEY,
    kind         TEXT NOT NULL,
    address      TEXT NOT NULL,
    mount        TEXT NOT NULL,
    namespace    TEXT,
    ca_cert      TEXT,
    timeout_secs INTEGER NOT NULL,
    sig          BLOB NOT NULL,
    created_by   TEXT NOT NULL REFERENCES users(id),
    created_at   INTEGER NOT NULL
) STRICT;

-- A provider's token, never in clear: sealed under a project's key (members of the project read
-- values through it), and under the admin's personal project key for the admin's own copy.
CREATE TABLE provider_tokens (
    provider   TEXT NOT NULL REFERENCES providers(name) ON DELETE CASCADE,
    project_id TEXT NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
    key_epoch  INTEGER NOT NULL,
    sealed     BLOB NOT NULL,
    PRIMARY KEY (provider, project_id)
) STRICT;
