//! Rows and queries for teams: users' roster changes, communities and their members, shares of
//! secrets into communities, and the audit log.

use super::db::{args, Row};

use super::{SecretRow, Store, UserRow};
use crate::Result;

/// A community (a group of projects that can share secrets).
#[derive(Debug, Clone)]
pub struct CommunityRow {
    pub id: String,
    pub name: String,
    pub description: String,
    pub id_nonce: Vec<u8>,
    pub key_epoch: i64,
    pub created_by: String,
    pub created_at: i64,
    pub modified_at: i64,
}

/// A community membership: the community key wrapped to the member, admin flag, signed.
#[derive(Debug, Clone)]
pub struct MemberRow {
    pub community_id: String,
    pub user_id: String,
    pub is_admin: bool,
    pub granted_by: String,
    pub sig: Vec<u8>,
    pub key_epoch: i64,
    pub wrapped_key: Vec<u8>,
    pub key_signer: String,
    pub key_sig: Vec<u8>,
    pub created_at: i64,
}

/// A secret shared into a community: its data key under the community key, signed.
#[derive(Debug, Clone)]
pub struct ShareRow {
    pub secret_id: String,
    pub community_id: String,
    pub key_epoch: i64,
    pub wrapped_dek: Vec<u8>,
    pub shared_by: String,
    pub sig: Vec<u8>,
    pub created_at: i64,
    /// 1: the data key sealed without the secret's name (format 1); 2: with it.
    pub bind: i64,
}

/// A receiving project's consent to a secret shared into its community: the secret reaches
/// the project's programs under `env_name` while the secret's name and env name at home are
/// still the ones accepted. Signed by an owner or editor of the receiving project.
#[derive(Debug, Clone)]
pub struct AcceptRow {
    pub project_id: String,
    pub secret_id: String,
    pub secret_name: String,
    pub home_env_name: String,
    pub env_name: String,
    pub accepted_by: String,
    pub sig: Vec<u8>,
    pub created_at: i64,
}

/// A scope's signed list of row hashes (see migrate_2.sql).
#[derive(Debug, Clone)]
pub struct HeadRow {
    pub scope: String,
    pub seq: i64,
    pub body: Vec<u8>,
    pub extra: Vec<u8>,
    pub signer: String,
    pub sig: Vec<u8>,
    /// The list before (empty for the first), as `vault::heads` encodes it.
    pub prev: Vec<u8>,
}

/// One audit event.
#[derive(Debug, Clone)]
pub struct AuditRow {
    pub seq: i64,
    pub at: i64,
    pub user_name: String,
    pub action: String,
    pub project: String,
    pub resource: String,
    pub outcome: String,
    pub mac: Option<Vec<u8>>,
    /// The acting user's signature over the event and its MAC (format 2; none for a failed
    /// unlock or an event written by format 1).
    pub sig: Option<Vec<u8>>,
}

pub(super) const COMMUNITY_COLS: &str =
    "id, name, description, id_nonce, key_epoch, created_by, created_at, modified_at";
pub(super) const MEMBER_COLS: &str =
    "community_id, user_id, is_admin, granted_by, sig, key_epoch, wrapped_key, key_signer, key_sig, created_at";
pub(super) const SHARE_COLS: &str = "secret_id, community_id, key_epoch, wrapped_dek, shared_by, sig, created_at, bind";
pub(super) const ACCEPT_COLS: &str =
    "project_id, secret_id, secret_name, home_env_name, env_name, accepted_by, sig, created_at";

fn community_row(r: &Row<'_>) -> Result<CommunityRow> {
    Ok(CommunityRow {
        id: r.get(0)?,
        name: r.get(1)?,
        description: r.get(2)?,
        id_nonce: r.get(3)?,
        key_epoch: r.get(4)?,
        created_by: r.get(5)?,
        created_at: r.get(6)?,
        modified_at: r.get(7)?,
    })
}

fn member_row(r: &Row<'_>) -> Result<MemberRow> {
    Ok(MemberRow {
        community_id: r.get(0)?,
        user_id: r.get(1)?,
        is_admin: r.get(2)?,
        granted_by: r.get(3)?,
        sig: r.get(4)?,
        key_epoch: r.get(5)?,
        wrapped_key: r.get(6)?,
        key_signer: r.get(7)?,
        key_sig: r.get(8)?,
        created_at: r.get(9)?,
    })
}

fn share_row(r: &Row<'_>) -> Result<ShareRow> {
    Ok(ShareRow {
        secret_id: r.get(0)?,
        community_id: r.get(1)?,
        key_epoch: r.get(2)?,
        wrapped_dek: r.get(3)?,
        shared_by: r.get(4)?,
        sig: r.get(5)?,
        created_at: r.get(6)?,
        bind: r.get(7)?,
    })
}

fn accept_row(r: &Row<'_>) -> Result<AcceptRow> {
    Ok(AcceptRow {
        project_id: r.get(0)?,
        secret_id: r.get(1)?,
        secret_name: r.get(2)?,
        home_env_name: r.get(3)?,
        env_name: r.get(4)?,
        accepted_by: r.get(5)?,
        sig: r.get(6)?,
        created_at: r.get(7)?,
    })
}

/// The queries a read asks ahead of time on PostgreSQL (see `store::prefetch`) are these very
/// strings: an answer is kept under its query's text.
pub(crate) const HEAD_SQL: &str = "SELECT scope, seq, body, extra, signer, sig, prev FROM heads WHERE scope = ?1";
pub(crate) const LEGACY_BINDINGS_SQL: &str =
    "SELECT EXISTS(SELECT 1 FROM secrets s JOIN project_members m ON m.project_id = s.project_id \
     WHERE s.bind < 2 AND m.user_id = ?1 AND m.role IN ('owner', 'editor')) \
     OR EXISTS(SELECT 1 FROM secret_shares h JOIN community_members m ON m.community_id = h.community_id \
     WHERE h.bind < 2 AND m.user_id = ?1 AND m.is_admin = 1)";
pub(crate) const MISSING_HEADS_SQL: &str =
    "SELECT EXISTS(SELECT 1 FROM project_members m WHERE m.user_id = ?1 AND m.role = 'owner' \
       AND NOT EXISTS(SELECT 1 FROM heads WHERE scope = 'project:' || m.project_id)) \
     OR EXISTS(SELECT 1 FROM community_members m WHERE m.user_id = ?1 AND m.is_admin = 1 \
       AND NOT EXISTS(SELECT 1 FROM heads WHERE scope = 'community:' || m.community_id)) \
     OR (?2 = 1 AND NOT EXISTS(SELECT 1 FROM heads WHERE scope = 'roster'))";
pub(crate) const LAST_MAC_SQL: &str = "SELECT seq, mac FROM audit WHERE mac IS NOT NULL ORDER BY seq DESC LIMIT 1";
pub(crate) fn shares_sql() -> String {
    format!("SELECT {SHARE_COLS} FROM secret_shares WHERE secret_id = ?1")
}
pub(crate) const MAC_AT_SQL: &str = "SELECT mac FROM audit WHERE seq = ?1";
pub(crate) const AUDIT_AFTER_SQL: &str =
    "SELECT seq, at, user_name, action, project, resource, outcome, mac, sig FROM audit WHERE seq > ?1 ORDER BY seq";

impl Store {
    // ---- roster ----

    /// Writes a user's keys and roster fields after enrollment or a role change.
    pub fn update_user_roster(&self, u: &UserRow) -> Result<()> {
        self.exec(
            "UPDATE users SET is_admin=?2, recipient=?3, verifying_key=?4, roster_signer=?5, roster_sig=?6, \
             enroll_vk=?7, enroll_sig=?8, kdf_memory_mib=?9, kdf_iterations=?10, kdf_parallelism=?11, salt=?12, \
             envelope=?13, modified_at=?14 WHERE id=?1",
            args![
                u.id,
                u.is_admin,
                u.recipient,
                u.verifying_key,
                u.roster_signer,
                u.roster_sig,
                u.enroll_vk,
                u.enroll_sig,
                u.kdf.memory_mib,
                u.kdf.iterations,
                u.kdf.parallelism,
                u.salt,
                u.envelope,
                u.modified_at
            ],
        )?;
        Ok(())
    }

    /// Removes a project member.
    pub fn delete_grant(&self, project_id: &str, user_id: &str) -> Result<()> {
        self.exec("DELETE FROM project_members WHERE project_id = ?1 AND user_id = ?2", args![project_id, user_id])?;
        Ok(())
    }

    // ---- communities ----

    /// Inserts a community.
    pub fn insert_community(&self, c: &CommunityRow) -> Result<()> {
        self.exec(
            &format!("INSERT INTO communities({COMMUNITY_COLS}) VALUES (?1,?2,?3,?4,?5,?6,?7,?8)"),
            args![c.id, c.name, c.description, c.id_nonce, c.key_epoch, c.created_by, c.created_at, c.modified_at],
        )?;
        Ok(())
    }

    /// Updates a community's name, description and key epoch.
    pub fn update_community(&self, c: &CommunityRow) -> Result<()> {
        self.exec(
            "UPDATE communities SET name=?2, description=?3, key_epoch=?4, modified_at=?5 WHERE id=?1",
            args![c.id, c.name, c.description, c.key_epoch, c.modified_at],
        )?;
        Ok(())
    }

    /// Deletes a community (its memberships and shares cascade; projects are unlinked).
    pub fn delete_community(&self, id: &str) -> Result<()> {
        self.exec("UPDATE projects SET community_id = NULL, community_sig = NULL WHERE community_id = ?1", args![id])?;
        self.exec("DELETE FROM communities WHERE id = ?1", args![id])?;
        self.exec("DELETE FROM heads WHERE scope = ?1", args![format!("community:{id}")])?;
        Ok(())
    }

    /// A community by name.
    pub fn community_by_name(&self, name: &str) -> Result<Option<CommunityRow>> {
        self.db.opt(&format!("SELECT {COMMUNITY_COLS} FROM communities WHERE name = ?1"), args![name], community_row)
    }

    /// A community by id.
    pub fn community_by_id(&self, id: &str) -> Result<Option<CommunityRow>> {
        self.db.opt(&format!("SELECT {COMMUNITY_COLS} FROM communities WHERE id = ?1"), args![id], community_row)
    }

    /// All communities, by name.
    pub fn communities(&self) -> Result<Vec<CommunityRow>> {
        self.db.all(&format!("SELECT {COMMUNITY_COLS} FROM communities ORDER BY name"), args![], community_row)
    }

    /// Inserts or replaces a community member.
    pub fn put_member(&self, m: &MemberRow) -> Result<()> {
        self.exec(
            &super::db::upsert("community_members", MEMBER_COLS, &["community_id", "user_id"]),
            args![
                m.community_id,
                m.user_id,
                m.is_admin,
                m.granted_by,
                m.sig,
                m.key_epoch,
                m.wrapped_key,
                m.key_signer,
                m.key_sig,
                m.created_at
            ],
        )?;
        Ok(())
    }

    /// Removes a community member.
    pub fn delete_member(&self, community_id: &str, user_id: &str) -> Result<()> {
        self.exec(
            "DELETE FROM community_members WHERE community_id = ?1 AND user_id = ?2",
            args![community_id, user_id],
        )?;
        Ok(())
    }

    /// A community member.
    pub fn member(&self, community_id: &str, user_id: &str) -> Result<Option<MemberRow>> {
        self.db.opt(
            &format!("SELECT {MEMBER_COLS} FROM community_members WHERE community_id = ?1 AND user_id = ?2"),
            args![community_id, user_id],
            member_row,
        )
    }

    /// All members of a community.
    pub fn members(&self, community_id: &str) -> Result<Vec<MemberRow>> {
        self.db.all(
            &format!("SELECT {MEMBER_COLS} FROM community_members WHERE community_id = ?1"),
            args![community_id],
            member_row,
        )
    }

    /// Projects of a community, by name.
    pub fn community_projects(&self, community_id: &str) -> Result<Vec<(String, String)>> {
        self.db.all("SELECT id, name FROM projects WHERE community_id = ?1 ORDER BY name", args![community_id], |r| {
            Ok((r.get(0)?, r.get(1)?))
        })
    }

    // ---- shares ----

    /// Inserts or replaces a share.
    pub fn put_share(&self, sh: &ShareRow) -> Result<()> {
        self.exec(
            &super::db::upsert("secret_shares", SHARE_COLS, &["secret_id", "community_id"]),
            args![
                sh.secret_id,
                sh.community_id,
                sh.key_epoch,
                sh.wrapped_dek,
                sh.shared_by,
                sh.sig,
                sh.created_at,
                sh.bind
            ],
        )?;
        Ok(())
    }

    /// Removes a share.
    pub fn delete_share(&self, secret_id: &str, community_id: &str) -> Result<()> {
        self.exec(
            "DELETE FROM secret_shares WHERE secret_id = ?1 AND community_id = ?2",
            args![secret_id, community_id],
        )?;
        Ok(())
    }

    /// The shares of one secret.
    pub fn shares_of(&self, secret_id: &str) -> Result<Vec<ShareRow>> {
        self.db.all(&shares_sql(), args![secret_id], share_row)
    }

    /// For each secret of a project that is shared: its community id (the first, by id, when
    /// there are several). One query for a whole listing rather than one per secret.
    pub fn shared_secrets_of_project(&self, project_id: &str) -> Result<std::collections::HashMap<String, String>> {
        let mut out = std::collections::HashMap::new();
        self.db.each(
            "SELECT h.secret_id, h.community_id FROM secret_shares h JOIN secrets s ON s.id = h.secret_id \
             WHERE s.project_id = ?1 ORDER BY h.secret_id, h.community_id",
            args![project_id],
            |r| {
                out.entry(r.get::<String>(0)?).or_insert(r.get::<String>(1)?);
                Ok(())
            },
        )?;
        Ok(out)
    }

    /// The secrets shared into a community, with their share rows, by name.
    pub fn shared_into(&self, community_id: &str) -> Result<Vec<(SecretRow, ShareRow)>> {
        let cols = super::rows::SECRET_COLS.split(", ").map(|c| format!("s.{c}")).collect::<Vec<_>>().join(", ");
        let scols = SHARE_COLS.split(", ").map(|c| format!("h.{c}")).collect::<Vec<_>>().join(", ");
        self.db.all(
            &format!(
                "SELECT {cols}, {scols} FROM secret_shares h JOIN secrets s ON s.id = h.secret_id \
                 WHERE h.community_id = ?1 ORDER BY s.name"
            ),
            args![community_id],
            |r| {
                let s = super::rows::secret_row(r)?;
                let n = super::rows::SECRET_NCOLS;
                let h = ShareRow {
                    secret_id: r.get(n)?,
                    community_id: r.get(n + 1)?,
                    key_epoch: r.get(n + 2)?,
                    wrapped_dek: r.get(n + 3)?,
                    shared_by: r.get(n + 4)?,
                    sig: r.get(n + 5)?,
                    created_at: r.get(n + 6)?,
                    bind: r.get(n + 7)?,
                };
                Ok((s, h))
            },
        )
    }

    // ---- heads ----

    /// A scope's signed list of rows, if it has one.
    pub fn head(&self, scope: &str) -> Result<Option<HeadRow>> {
        self.db.opt(HEAD_SQL, args![scope], |r| {
            Ok(HeadRow {
                scope: r.get(0)?,
                seq: r.get(1)?,
                body: r.get(2)?,
                extra: r.get(3)?,
                signer: r.get(4)?,
                sig: r.get(5)?,
                prev: r.get(6)?,
            })
        })
    }

    /// Writes a scope's signed list.
    pub fn put_head(&self, h: &HeadRow) -> Result<()> {
        self.exec(
            &super::db::upsert("heads", "scope, seq, body, extra, signer, sig, prev", &["scope"]),
            args![h.scope, h.seq, h.body, h.extra, h.signer, h.sig, h.prev],
        )?;
        Ok(())
    }

    // ---- acceptances ----

    /// Inserts or replaces a project's acceptance of a shared secret.
    pub fn put_accept(&self, a: &AcceptRow) -> Result<()> {
        self.exec(
            &super::db::upsert("secret_accepts", ACCEPT_COLS, &["project_id", "secret_id"]),
            args![
                a.project_id,
                a.secret_id,
                a.secret_name,
                a.home_env_name,
                a.env_name,
                a.accepted_by,
                a.sig,
                a.created_at
            ],
        )?;
        Ok(())
    }

    /// Removes a project's acceptance of a shared secret; whether there was one.
    pub fn delete_accept(&self, project_id: &str, secret_id: &str) -> Result<bool> {
        Ok(self.exec(
            "DELETE FROM secret_accepts WHERE project_id = ?1 AND secret_id = ?2",
            args![project_id, secret_id],
        )? > 0)
    }

    /// Removes every project's acceptance of a secret (it is no longer shared).
    pub fn delete_accepts_of_secret(&self, secret_id: &str) -> Result<()> {
        self.exec("DELETE FROM secret_accepts WHERE secret_id = ?1", args![secret_id])?;
        Ok(())
    }

    /// A project's acceptances, by secret id.
    pub fn accepts_of(&self, project_id: &str) -> Result<std::collections::HashMap<String, AcceptRow>> {
        let mut out = std::collections::HashMap::new();
        self.db.each(
            &format!("SELECT {ACCEPT_COLS} FROM secret_accepts WHERE project_id = ?1"),
            args![project_id],
            |r| {
                let a = accept_row(r)?;
                out.insert(a.secret_id.clone(), a);
                Ok(())
            },
        )?;
        Ok(out)
    }

    /// Whether `user_id` could rebind something still sealed with format 1's binding: a secret
    /// of a project they own or edit, or a share into a community they administer. One cheap
    /// query, so that only a user with work to do starts a write.
    pub fn has_legacy_bindings_for(&self, user_id: &str) -> Result<bool> {
        self.db.one(LEGACY_BINDINGS_SQL, args![user_id], |r| r.get(0))
    }

    /// Whether a scope `user_id` may sign has no signed list yet (a file migrated from format
    /// 1): a project they own, a community they administer, the roster for a vault admin.
    pub fn missing_heads_for(&self, user_id: &str, is_admin: bool) -> Result<bool> {
        self.db.one(MISSING_HEADS_SQL, args![user_id, is_admin], |r| r.get(0))
    }

    /// Shares of a community still sealed with format 1's binding.
    pub fn legacy_shares(&self, community_id: &str) -> Result<Vec<(SecretRow, ShareRow)>> {
        Ok(self.shared_into(community_id)?.into_iter().filter(|(_, h)| h.bind < 2).collect())
    }

    // ---- audit ----

    /// Appends an audit event.
    pub fn append_audit(&self, e: &AuditRow) -> Result<i64> {
        match &self.db {
            // A file numbers events itself (AUTOINCREMENT, whose high-water mark in
            // sqlite_sequence `audit --verify` compares): a number someone pushed to the end of
            // the range fails the append, and the command with it.
            super::db::Db::Lite(conn) => {
                self.exec(
                    "INSERT INTO audit(at, user_name, action, project, resource, outcome, mac, sig) \
                     VALUES (?1,?2,?3,?4,?5,?6,?7,?8)",
                    args![e.at, e.user_name, e.action, e.project, e.resource, e.outcome, e.mac, e.sig],
                )?;
                Ok(conn.last_insert_rowid())
            }
            // A database gets the number the event was MACed with (the next one, under the
            // write lock): a sequence would skip numbers on every rollback.
            super::db::Db::Pg(_) => {
                self.exec(
                    "INSERT INTO audit(seq, at, user_name, action, project, resource, outcome, mac, sig) \
                     VALUES (?1,?2,?3,?4,?5,?6,?7,?8,?9)",
                    args![e.seq, e.at, e.user_name, e.action, e.project, e.resource, e.outcome, e.mac, e.sig],
                )?;
                Ok(e.seq)
            }
        }
    }

    /// The last MACed event's sequence number and MAC, if any.
    pub fn last_audit_mac(&self) -> Result<Option<(i64, Vec<u8>)>> {
        self.db.opt(LAST_MAC_SQL, args![], |r| Ok((r.get(0)?, r.get(1)?)))
    }

    /// The MAC of event `seq`: `None` when there is no such event.
    pub fn audit_mac_at(&self, seq: i64) -> Result<Option<Option<Vec<u8>>>> {
        self.db.opt(MAC_AT_SQL, args![seq], |r| r.get(0))
    }

    /// Events after `seq`, oldest first.
    pub fn audit_after(&self, seq: i64) -> Result<Vec<AuditRow>> {
        self.db.all(AUDIT_AFTER_SQL, args![seq], audit_row)
    }

    /// On a database, inside a read snapshot that asked ahead where the audit log ends
    /// ([`super::Ask::AuditTail`]): appends the event `make` builds from that end (the next
    /// number, the last MACed event, the events after it) in one round trip, provided the log
    /// still ends there when the write lock is held. `None` when it does not (another event came
    /// first: nothing was written), on a file, or without those answers: the caller then
    /// appends the usual way.
    pub fn append_audit_at_tail(
        &self,
        make: impl FnOnce(i64, Option<(i64, Vec<u8>)>, Vec<AuditRow>) -> Result<AuditRow>,
    ) -> Result<Option<AuditRow>> {
        let super::db::Db::Pg(c) = &self.db else { return Ok(None) };
        let Some(next) = c.recall(super::NEXT_SEQ_SQL, &[]) else { return Ok(None) };
        let Some(last) = c.recall(LAST_MAC_SQL, &[]) else { return Ok(None) };
        let next: i64 = match next.first() {
            Some(r) => super::db::Row::Pg(r).get(0)?,
            None => return Ok(None),
        };
        let last: Option<(i64, Vec<u8>)> = match last.first() {
            Some(r) => {
                let r = super::db::Row::Pg(r);
                Some((r.get(0)?, r.get(1)?))
            }
            None => None,
        };
        let last_seq = last.as_ref().map_or(0, |l| l.0);
        let Some(pending) = c.recall(AUDIT_AFTER_SQL, args![last_seq]) else { return Ok(None) };
        let pending = pending.iter().map(|r| audit_row(&super::db::Row::Pg(r))).collect::<Result<Vec<_>>>()?;
        let e = make(next, last, pending)?;
        self.end_read();
        c.defer_batch(&format!("BEGIN; SELECT pg_advisory_xact_lock({})", super::WRITE_LOCK));
        let insert = "INSERT INTO audit(seq, at, user_name, action, project, resource, outcome, mac, sig) \
                      SELECT ?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9 \
                      WHERE (SELECT coalesce(max(seq), 0) FROM audit) = ?10 \
                      AND (SELECT coalesce(max(seq), 0) FROM audit WHERE mac IS NOT NULL) = ?11";
        let prev_max = next - 1;
        let a = args![
            e.seq,
            e.at,
            e.user_name,
            e.action,
            e.project,
            e.resource,
            e.outcome,
            e.mac,
            e.sig,
            prev_max,
            last_seq
        ];
        use super::db::Req;
        use std::borrow::Cow;
        let mut answers = c.round_trip(&[Req::Exec(Cow::Borrowed(insert), a), Req::Batch(Cow::Borrowed("COMMIT"))])?;
        let (Some(committed), Some(inserted)) = (answers.pop(), answers.pop()) else {
            return Err(crate::Error::Corrupt("the database answered fewer requests than were sent".into()));
        };
        let inserted = inserted.map_err(|e| c.err(&e))?;
        committed.map_err(|e| c.err(&e))?;
        Ok((inserted.count() == 1).then_some(e))
    }
}

/// An audit event as `AUDIT_AFTER_SQL` reads it.
fn audit_row(r: &super::db::Row<'_>) -> Result<AuditRow> {
    Ok(AuditRow {
        seq: r.get(0)?,
        at: r.get(1)?,
        user_name: r.get(2)?,
        action: r.get(3)?,
        project: r.get(4)?,
        resource: r.get(5)?,
        outcome: r.get(6)?,
        mac: r.get(7)?,
        sig: r.get(8)?,
    })
}
