//! Row types and the queries that read and write them. Blobs stay opaque here.

use super::db::{args, Row};

use super::Store;
use crate::crypto::KdfParams;
use crate::Result;

/// A user: public keys in clear, secret keys in the sealed envelope.
#[derive(Debug, Clone)]
pub struct UserRow {
    pub id: String,
    pub name: String,
    pub is_admin: bool,
    pub recipient: String,
    pub verifying_key: Vec<u8>,
    pub kdf: KdfParams,
    pub salt: Vec<u8>,
    pub envelope: Vec<u8>,
    pub roster_signer: String,
    pub roster_sig: Vec<u8>,
    pub enroll_vk: Option<Vec<u8>>,
    pub enroll_sig: Option<Vec<u8>>,
    pub created_by: String,
    pub created_at: i64,
    pub modified_at: i64,
}

/// A project (a personal one has `personal_of`).
#[derive(Debug, Clone)]
pub struct ProjectRow {
    pub id: String,
    pub name: String,
    pub description: String,
    pub community_id: Option<String>,
    pub community_sig: Option<Vec<u8>>,
    pub personal_of: Option<String>,
    pub id_nonce: Vec<u8>,
    pub key_epoch: i64,
    pub created_by: String,
    pub created_at: i64,
    pub modified_at: i64,
}

/// A project membership: the project key wrapped to the member, the role, signed by the granter.
#[derive(Debug, Clone)]
pub struct GrantRow {
    pub project_id: String,
    pub user_id: String,
    pub role: String,
    pub granted_by: String,
    pub sig: Vec<u8>,
    pub key_epoch: i64,
    pub wrapped_key: Vec<u8>,
    pub key_signer: String,
    pub key_sig: Vec<u8>,
    pub created_at: i64,
}

/// A secret's metadata and its data key wrapped under the project key.
#[derive(Debug, Clone)]
pub struct SecretRow {
    pub id: String,
    pub project_id: String,
    pub name: String,
    pub env_name: String,
    pub description: String,
    pub provider: Option<String>,
    pub write_only: bool,
    pub current_version: i64,
    pub key_epoch: i64,
    pub wrapped_dek: Vec<u8>,
    pub created_by: String,
    pub created_at: i64,
    pub modified_by: String,
    pub modified_at: i64,
    /// Which binding seals the data key: 1 (format 1: without the secret's name) or 2 (the
    /// name bound in). Only a hint of which to try: a row set back to 1 fails to open.
    pub bind: i64,
}

/// What a listing shows of a secret (see [`Store::each_listed`]), borrowed from the row.
#[derive(Debug, Clone, Copy)]
pub struct ListedSecret<'a> {
    pub name: &'a str,
    pub description: &'a str,
    pub write_only: bool,
    pub created_by: &'a str,
    pub created_at: i64,
    pub modified_at: i64,
    /// The id of the first community (by id) the secret is shared with, if any.
    pub shared_in: Option<&'a str>,
    /// The rest, unless the listing asked for [`ListDetail::Brief`].
    pub detail: Option<ListedDetail<'a>>,
}

/// The columns of a listed secret that only a full listing reads.
#[derive(Debug, Clone, Copy)]
pub struct ListedDetail<'a> {
    pub id: &'a str,
    pub env_name: &'a str,
    pub provider: Option<&'a str>,
    pub current_version: i64,
    pub modified_by: &'a str,
}

/// How much of each secret a listing reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ListDetail {
    /// What a table shows: name, description, write-only, creator, times, sharing.
    Brief,
    /// Also id, env name, provider, version and modifier (JSON).
    Full,
}

/// One sealed version of a secret's value.
#[derive(Debug, Clone)]
pub struct VersionRow {
    pub secret_id: String,
    pub version: i64,
    pub sealed: Vec<u8>,
    pub created_by: String,
    pub created_at: i64,
}

pub(super) const USER_COLS: &str = "id, name, is_admin, recipient, verifying_key, kdf_memory_mib, kdf_iterations, \
     kdf_parallelism, salt, envelope, roster_signer, roster_sig, enroll_vk, enroll_sig, created_by, created_at, modified_at";
pub(super) const PROJECT_COLS: &str =
    "id, name, description, community_id, community_sig, personal_of, id_nonce, key_epoch, created_by, created_at, modified_at";
pub(super) const GRANT_COLS: &str =
    "project_id, user_id, role, granted_by, sig, key_epoch, wrapped_key, key_signer, key_sig, created_at";
pub(super) const SECRET_COLS: &str =
    "id, project_id, name, env_name, description, provider, write_only, current_version, \
     key_epoch, wrapped_dek, created_by, created_at, modified_by, modified_at, bind";
/// How many columns SECRET_COLS selects (where a join's next table starts).
pub(super) const SECRET_NCOLS: usize = 15;

fn user_row(r: &Row<'_>) -> Result<UserRow> {
    Ok(UserRow {
        id: r.get(0)?,
        name: r.get(1)?,
        is_admin: r.get(2)?,
        recipient: r.get(3)?,
        verifying_key: r.get(4)?,
        kdf: KdfParams { memory_mib: r.get(5)?, iterations: r.get(6)?, parallelism: r.get(7)? },
        salt: r.get(8)?,
        envelope: r.get(9)?,
        roster_signer: r.get(10)?,
        roster_sig: r.get(11)?,
        enroll_vk: r.get(12)?,
        enroll_sig: r.get(13)?,
        created_by: r.get(14)?,
        created_at: r.get(15)?,
        modified_at: r.get(16)?,
    })
}

fn project_row(r: &Row<'_>) -> Result<ProjectRow> {
    Ok(ProjectRow {
        id: r.get(0)?,
        name: r.get(1)?,
        description: r.get(2)?,
        community_id: r.get(3)?,
        community_sig: r.get(4)?,
        personal_of: r.get(5)?,
        id_nonce: r.get(6)?,
        key_epoch: r.get(7)?,
        created_by: r.get(8)?,
        created_at: r.get(9)?,
        modified_at: r.get(10)?,
    })
}

fn grant_row(r: &Row<'_>) -> Result<GrantRow> {
    Ok(GrantRow {
        project_id: r.get(0)?,
        user_id: r.get(1)?,
        role: r.get(2)?,
        granted_by: r.get(3)?,
        sig: r.get(4)?,
        key_epoch: r.get(5)?,
        wrapped_key: r.get(6)?,
        key_signer: r.get(7)?,
        key_sig: r.get(8)?,
        created_at: r.get(9)?,
    })
}

pub(super) fn secret_row(r: &Row<'_>) -> Result<SecretRow> {
    Ok(SecretRow {
        id: r.get(0)?,
        project_id: r.get(1)?,
        name: r.get(2)?,
        env_name: r.get(3)?,
        description: r.get(4)?,
        provider: r.get(5)?,
        write_only: r.get(6)?,
        current_version: r.get(7)?,
        key_epoch: r.get(8)?,
        wrapped_dek: r.get(9)?,
        created_by: r.get(10)?,
        created_at: r.get(11)?,
        modified_by: r.get(12)?,
        modified_at: r.get(13)?,
        bind: r.get(14)?,
    })
}

// The queries a read asks ahead of time on PostgreSQL (see `store::prefetch`): an answer is
// kept under its query's text, so the lookups below and the prefetch share these.
pub(crate) fn user_by_id_sql() -> String {
    format!("SELECT {USER_COLS} FROM users WHERE id = ?1")
}
pub(crate) fn secrets_of_sql() -> String {
    format!("SELECT {SECRET_COLS} FROM secrets WHERE project_id = ?1 ORDER BY name")
}
/// Every secret's current version row and highest version of the projects `project` selects
/// (`= ?1` for one by id).
pub(crate) fn current_versions_sql(project: &str) -> String {
    format!(
        "SELECT v.secret_id, v.version, v.sealed, v.created_by, v.created_at, \
         (SELECT max(m.version) FROM secret_versions m WHERE m.secret_id = s.id) \
         FROM secrets s JOIN secret_versions v ON v.secret_id = s.id AND v.version = s.current_version \
         WHERE s.project_id {project}"
    )
}
pub(crate) fn users_sql() -> String {
    format!("SELECT {USER_COLS} FROM users ORDER BY name")
}
pub(crate) fn project_by_name_sql() -> String {
    format!("SELECT {PROJECT_COLS} FROM projects WHERE name = ?1")
}
pub(crate) fn grant_sql() -> String {
    format!("SELECT {GRANT_COLS} FROM project_members WHERE project_id = ?1 AND user_id = ?2")
}
pub(crate) fn grants_sql() -> String {
    format!("SELECT {GRANT_COLS} FROM project_members WHERE project_id = ?1")
}
pub(crate) fn secret_sql() -> String {
    format!("SELECT {SECRET_COLS} FROM secrets WHERE project_id = ?1 AND name = ?2")
}
/// A `secret_versions` row as `VERSION_SQL` (and the history) reads it.
fn version_row(r: &Row<'_>) -> Result<VersionRow> {
    Ok(VersionRow {
        secret_id: r.get(0)?,
        version: r.get(1)?,
        sealed: r.get(2)?,
        created_by: r.get(3)?,
        created_at: r.get(4)?,
    })
}

pub(crate) const VERSION_SQL: &str =
    "SELECT secret_id, version, sealed, created_by, created_at FROM secret_versions WHERE secret_id = ?1 AND version = ?2";
pub(crate) const MAX_VERSION_SQL: &str = "SELECT coalesce(max(version), 0) FROM secret_versions WHERE secret_id = ?1";

impl Store {
    // ---- users ----

    /// Inserts a user.
    pub fn insert_user(&self, u: &UserRow) -> Result<()> {
        self.exec(
            &format!(
                "INSERT INTO users({USER_COLS}) VALUES (?1,?2,?3,?4,?5,?6,?7,?8,?9,?10,?11,?12,?13,?14,?15,?16,?17)"
            ),
            args![
                u.id,
                u.name,
                u.is_admin,
                u.recipient,
                u.verifying_key,
                u.kdf.memory_mib,
                u.kdf.iterations,
                u.kdf.parallelism,
                u.salt,
                u.envelope,
                u.roster_signer,
                u.roster_sig,
                u.enroll_vk,
                u.enroll_sig,
                u.created_by,
                u.created_at,
                u.modified_at
            ],
        )?;
        Ok(())
    }

    /// Replaces a user's passphrase envelope (salt, KDF parameters and sealed keys): one row.
    pub fn update_user_envelope(&self, u: &UserRow) -> Result<()> {
        self.exec(
            "UPDATE users SET kdf_memory_mib=?2, kdf_iterations=?3, kdf_parallelism=?4, salt=?5, envelope=?6, modified_at=?7 WHERE id=?1",
            args![u.id, u.kdf.memory_mib, u.kdf.iterations, u.kdf.parallelism, u.salt, u.envelope, u.modified_at],
        )?;
        Ok(())
    }

    /// A user by name.
    pub fn user_by_name(&self, name: &str) -> Result<Option<UserRow>> {
        self.db.opt(&format!("SELECT {USER_COLS} FROM users WHERE name = ?1"), args![name], user_row)
    }

    /// A user by id.
    pub fn user_by_id(&self, id: &str) -> Result<Option<UserRow>> {
        self.db.opt(&user_by_id_sql(), args![id], user_row)
    }

    /// All users, by name.
    pub fn users(&self) -> Result<Vec<UserRow>> {
        self.db.all(&users_sql(), args![], user_row)
    }

    /// The name of the user with this id, or the id itself when the user is gone.
    pub fn user_name(&self, id: &str) -> Result<String> {
        Ok(self
            .db
            .opt("SELECT name FROM users WHERE id = ?1", args![id], |r| r.get(0))?
            .unwrap_or_else(|| id.to_owned()))
    }

    // ---- projects ----

    /// Inserts a project.
    pub fn insert_project(&self, p: &ProjectRow) -> Result<()> {
        self.exec(
            &format!("INSERT INTO projects({PROJECT_COLS}) VALUES (?1,?2,?3,?4,?5,?6,?7,?8,?9,?10,?11)"),
            args![
                p.id,
                p.name,
                p.description,
                p.community_id,
                p.community_sig,
                p.personal_of,
                p.id_nonce,
                p.key_epoch,
                p.created_by,
                p.created_at,
                p.modified_at
            ],
        )?;
        Ok(())
    }

    /// Updates a project's name, description and community.
    pub fn update_project(&self, p: &ProjectRow) -> Result<()> {
        self.exec(
            "UPDATE projects SET name=?2, description=?3, community_id=?4, community_sig=?5, key_epoch=?6, modified_at=?7 WHERE id=?1",
            args![p.id, p.name, p.description, p.community_id, p.community_sig, p.key_epoch, p.modified_at],
        )?;
        Ok(())
    }

    /// Deletes a project with its members, secrets and versions (cascade).
    pub fn delete_project(&self, id: &str) -> Result<()> {
        self.exec("DELETE FROM projects WHERE id = ?1", args![id])?;
        self.exec("DELETE FROM heads WHERE scope = ?1", args![format!("project:{id}")])?;
        Ok(())
    }

    /// A project by name (personal projects are named '@user').
    pub fn project_by_name(&self, name: &str) -> Result<Option<ProjectRow>> {
        self.db.opt(&project_by_name_sql(), args![name], project_row)
    }

    /// A project by id.
    pub fn project_by_id(&self, id: &str) -> Result<Option<ProjectRow>> {
        self.db.opt(&format!("SELECT {PROJECT_COLS} FROM projects WHERE id = ?1"), args![id], project_row)
    }

    /// The projects a user is a member of, by name, with the member's role.
    pub fn projects_of(&self, user_id: &str) -> Result<Vec<(ProjectRow, String)>> {
        let cols = PROJECT_COLS.split(", ").map(|c| format!("p.{c}")).collect::<Vec<_>>().join(", ");
        self.db.all(
            &format!(
                "SELECT {cols}, m.role FROM projects p JOIN project_members m ON m.project_id = p.id \
             WHERE m.user_id = ?1 ORDER BY p.name"
            ),
            args![user_id],
            |r| Ok((project_row(r)?, r.get(11)?)),
        )
    }

    /// How many secrets a project holds.
    pub fn secret_count(&self, project_id: &str) -> Result<i64> {
        self.db.one("SELECT count(*) FROM secrets WHERE project_id = ?1", args![project_id], |r| r.get(0))
    }

    // ---- grants ----

    /// Inserts or replaces a member's grant.
    pub fn put_grant(&self, g: &GrantRow) -> Result<()> {
        self.exec(
            &super::db::upsert("project_members", GRANT_COLS, &["project_id", "user_id"]),
            args![
                g.project_id,
                g.user_id,
                g.role,
                g.granted_by,
                g.sig,
                g.key_epoch,
                g.wrapped_key,
                g.key_signer,
                g.key_sig,
                g.created_at
            ],
        )?;
        Ok(())
    }

    /// A member's grant in a project.
    pub fn grant(&self, project_id: &str, user_id: &str) -> Result<Option<GrantRow>> {
        self.db.opt(&grant_sql(), args![project_id, user_id], grant_row)
    }

    /// All grants of a project.
    pub fn grants(&self, project_id: &str) -> Result<Vec<GrantRow>> {
        self.db.all(&grants_sql(), args![project_id], grant_row)
    }

    // ---- secrets ----

    /// Inserts a secret's metadata row.
    pub fn insert_secret(&self, s: &SecretRow) -> Result<()> {
        self.exec(
            &format!("INSERT INTO secrets({SECRET_COLS}) VALUES (?1,?2,?3,?4,?5,?6,?7,?8,?9,?10,?11,?12,?13,?14,?15)"),
            args![
                s.id,
                s.project_id,
                s.name,
                s.env_name,
                s.description,
                s.provider,
                s.write_only,
                s.current_version,
                s.key_epoch,
                s.wrapped_dek,
                s.created_by,
                s.created_at,
                s.modified_by,
                s.modified_at,
                s.bind
            ],
        )?;
        Ok(())
    }

    /// Updates a secret's metadata row (not its id or project).
    pub fn update_secret(&self, s: &SecretRow) -> Result<()> {
        self.exec(
            "UPDATE secrets SET name=?2, env_name=?3, description=?4, provider=?5, write_only=?6, current_version=?7, \
             key_epoch=?8, wrapped_dek=?9, modified_by=?10, modified_at=?11, bind=?12 WHERE id=?1",
            args![
                s.id,
                s.name,
                s.env_name,
                s.description,
                s.provider,
                s.write_only,
                s.current_version,
                s.key_epoch,
                s.wrapped_dek,
                s.modified_by,
                s.modified_at,
                s.bind
            ],
        )?;
        Ok(())
    }

    /// Deletes a secret and its versions.
    pub fn delete_secret(&self, id: &str) -> Result<()> {
        self.exec("DELETE FROM secrets WHERE id = ?1", args![id])?;
        Ok(())
    }

    /// A secret by project and name.
    pub fn secret(&self, project_id: &str, name: &str) -> Result<Option<SecretRow>> {
        self.db.opt(&secret_sql(), args![project_id, name], secret_row)
    }

    /// A secret by project and env name.
    pub fn secret_by_env(&self, project_id: &str, env_name: &str) -> Result<Option<SecretRow>> {
        self.db.opt(
            &format!("SELECT {SECRET_COLS} FROM secrets WHERE project_id = ?1 AND env_name = ?2"),
            args![project_id, env_name],
            secret_row,
        )
    }

    /// The secrets of a project named `name` or setting env var `name` (at most two): what an
    /// import checks per entry, in one indexed lookup instead of two.
    pub fn secrets_named_or_setting(&self, project_id: &str, name: &str) -> Result<Vec<SecretRow>> {
        self.db.all(
            &format!("SELECT {SECRET_COLS} FROM secrets WHERE project_id = ?1 AND (name = ?2 OR env_name = ?2)"),
            args![project_id, name],
            secret_row,
        )
    }

    /// Calls `each` with a project's secrets, by name, one row at a time (a listing of any
    /// size holds one row in memory). `each` may run other queries meanwhile.
    pub fn each_secret(&self, project_id: &str, mut each: impl FnMut(SecretRow) -> Result<()>) -> Result<()> {
        self.db.each(&secrets_of_sql(), args![project_id], |r| each(secret_row(r)?))
    }

    /// Calls `each` with what a listing shows of a project's secrets, by name, borrowed from
    /// SQLite's current row: no wrapped key, no allocation per row, and with
    /// [`ListDetail::Brief`] only the columns a table shows (each column read costs). With each
    /// row comes the first community (by id) it is shared with, if any. `each` may run other
    /// queries meanwhile.
    pub fn each_listed(
        &self,
        project_id: &str,
        detail: ListDetail,
        mut each: impl FnMut(&ListedSecret<'_>) -> Result<()>,
    ) -> Result<()> {
        // One row per share (none: one row with NULL), a secret's shares by community id; the
        // plan walks the (project_id, name) index and each secret's shares in key order, so
        // SQLite sorts nothing. A file without any share skips the join (a lookup per secret).
        let shares: bool = self.db.one("SELECT EXISTS(SELECT 1 FROM secret_shares)", args![], |r| r.get(0))?;
        let (more, detail_at) = match detail {
            ListDetail::Brief => ("", None),
            ListDetail::Full => (", s.id, s.env_name, s.provider, s.current_version, s.modified_by", Some(6)),
        };
        // The community, when the file has shares, comes last.
        let (community, join, order) = if shares {
            (", h.community_id", "LEFT JOIN secret_shares h ON h.secret_id = s.id", "s.name, h.community_id")
        } else {
            ("", "", "s.name")
        };
        let community_at = detail_at.map_or(6, |d| d + 5);
        let sql = format!(
            "SELECT s.name, s.description, s.write_only, s.created_by, s.created_at, s.modified_at{more}{community} \
             FROM secrets s {join} WHERE s.project_id = ?1 ORDER BY {order}"
        );
        let mut last = String::new();
        self.db.each(&sql, args![project_id], |r| {
            let text = |i: usize| r.text(i);
            let opt_text = |i: usize| r.opt_text(i);
            let name = text(0)?;
            if shares {
                if name == last {
                    // The same secret (names are unique in a project) shared with one more
                    // community: it was listed with the first.
                    return Ok(());
                }
                last.clear();
                last.push_str(name);
            }
            let detail = match detail_at {
                None => None,
                Some(at) => Some(ListedDetail {
                    id: text(at)?,
                    env_name: text(at + 1)?,
                    provider: opt_text(at + 2)?,
                    current_version: r.get(at + 3)?,
                    modified_by: text(at + 4)?,
                }),
            };
            each(&ListedSecret {
                name,
                description: text(1)?,
                write_only: r.get(2)?,
                created_by: text(3)?,
                created_at: r.get(4)?,
                modified_at: r.get(5)?,
                shared_in: if shares { opt_text(community_at)? } else { None },
                detail,
            })
        })
    }

    /// A project's secrets, by name.
    pub fn secrets(&self, project_id: &str) -> Result<Vec<SecretRow>> {
        let mut rows = Vec::new();
        self.each_secret(project_id, |r| {
            rows.push(r);
            Ok(())
        })?;
        Ok(rows)
    }

    // ---- versions ----

    /// Inserts a sealed version.
    pub fn insert_version(&self, v: &VersionRow) -> Result<()> {
        self.exec(
            "INSERT INTO secret_versions(secret_id, version, sealed, created_by, created_at) VALUES (?1,?2,?3,?4,?5)",
            args![v.secret_id, v.version, v.sealed, v.created_by, v.created_at],
        )?;
        Ok(())
    }

    /// Replaces the sealed blob of a version (re-sealing under a new binding).
    pub fn update_version_blob(&self, secret_id: &str, version: i64, sealed: &[u8]) -> Result<()> {
        self.exec(
            "UPDATE secret_versions SET sealed = ?3 WHERE secret_id = ?1 AND version = ?2",
            args![secret_id, version, sealed],
        )?;
        Ok(())
    }

    /// One version of a secret.
    pub fn version(&self, secret_id: &str, version: i64) -> Result<Option<VersionRow>> {
        self.db.opt(VERSION_SQL, args![secret_id, version], version_row)
    }

    /// Every version of a secret, oldest first.
    pub fn versions(&self, secret_id: &str) -> Result<Vec<VersionRow>> {
        self.db.all(
            "SELECT secret_id, version, sealed, created_by, created_at FROM secret_versions \
             WHERE secret_id = ?1 ORDER BY version",
            args![secret_id],
            version_row,
        )
    }

    /// Whether [`Store::current_versions`] of `project_id` was asked ahead (a database's read
    /// snapshot, see `Ask::ProjectSecrets`): then it costs nothing more.
    pub fn current_versions_asked(&self, project_id: &str) -> bool {
        match &self.db {
            super::db::Db::Pg(c) => c.recall(&current_versions_sql("= ?1"), args![project_id]).is_some(),
            super::db::Db::Lite(_) => false,
        }
    }

    /// Every secret of a project with its current version row and the highest version number
    /// stored, in one query (for `vault run`, which opens them all).
    pub fn current_versions(&self, project_id: &str) -> Result<std::collections::HashMap<String, (VersionRow, i64)>> {
        let mut out = std::collections::HashMap::new();
        self.db.each(&current_versions_sql("= ?1"), args![project_id], |r| {
            let v = VersionRow {
                secret_id: r.get(0)?,
                version: r.get(1)?,
                sealed: r.get(2)?,
                created_by: r.get(3)?,
                created_at: r.get(4)?,
            };
            out.insert(v.secret_id.clone(), (v, r.get(5)?));
            Ok(())
        })?;
        Ok(out)
    }

    /// The highest version number stored for a secret.
    pub fn max_version(&self, secret_id: &str) -> Result<i64> {
        self.db.one(MAX_VERSION_SQL, args![secret_id], |r| r.get(0))
    }
}
