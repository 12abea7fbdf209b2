//! Signed lists of the rows that give access (format 2): for the roster, each project and each
//! community, the hash of every current row, signed by someone allowed to change that scope (a
//! vault admin, an owner, a community admin) whenever they change it.
//!
//! A row's own signature says who granted it, not that it is still current: a member who was
//! demoted or removed could put their old, validly signed row back, and a removed admin their old
//! roster entry. A row whose hash is not in its scope's list is therefore tampering (exit 7) and
//! is never used, so an old row put back never receives the next key. Rows may be missing from the
//! list's side only by going away (a member who left on their own) and, for the roster, by a
//! user moving from pending to enrolled (the list is re-signed at the next admin unlock); a
//! pending row where the list says enrolled is a retired enrollment key put back.
//!
//! The lists themselves can still be rolled back together with their rows (an older copy of the
//! file); each list has a sequence number that the client remembers (`crate::state`).

use std::collections::HashSet;

use sha2::Digest;

use super::{Role, Vault};
use crate::crypto::{self, domain};
use crate::store::{GrantRow, HeadRow, MemberRow, UserRow};
use crate::{Error, Result};

/// The roster's scope name.
pub(super) const ROSTER: &str = "roster";

pub(super) fn project_scope(id: &str) -> String {
    format!("project:{id}")
}

pub(super) fn community_scope(id: &str) -> String {
    format!("community:{id}")
}

type RowHash = [u8; 32];

fn grant_hash(g: &GrantRow) -> RowHash {
    crypto::digest(
        domain::HEAD_ROW,
        &[
            b"project-member",
            g.project_id.as_bytes(),
            g.user_id.as_bytes(),
            g.role.as_bytes(),
            g.granted_by.as_bytes(),
            &g.sig,
            &g.key_epoch.to_be_bytes(),
            &sha2::Sha256::digest(&g.wrapped_key),
            g.key_signer.as_bytes(),
            &g.key_sig,
        ],
    )
}

fn member_hash(m: &MemberRow) -> RowHash {
    crypto::digest(
        domain::HEAD_ROW,
        &[
            b"community-member",
            m.community_id.as_bytes(),
            m.user_id.as_bytes(),
            &[u8::from(m.is_admin)],
            m.granted_by.as_bytes(),
            &m.sig,
            &m.key_epoch.to_be_bytes(),
            &sha2::Sha256::digest(&m.wrapped_key),
            m.key_signer.as_bytes(),
            &m.key_sig,
        ],
    )
}

/// What an admin vouches for in a user's row: who they are, their role, the roster signature,
/// whether they were removed, and whether they have enrolled.
fn user_hash(u: &UserRow, enrolled: bool) -> RowHash {
    crypto::digest(
        domain::HEAD_ROW,
        &[
            b"user",
            u.id.as_bytes(),
            u.name.as_bytes(),
            &[u8::from(u.is_admin)],
            u.roster_signer.as_bytes(),
            &u.roster_sig,
            &[u8::from(u.envelope.is_empty())],
            &[u8::from(enrolled)],
        ],
    )
}

fn enrolled(u: &UserRow) -> bool {
    !u.recipient.is_empty()
}

impl Vault {
    fn head_parts<'a>(&'a self, scope: &'a str, seq: &'a [u8; 8], body: &'a [u8], extra: &'a [u8]) -> [&'a [u8]; 5] {
        [self.vault_id.as_bytes(), scope.as_bytes(), seq, body, extra]
    }

    /// What a list signs besides its rows: for the roster, the first audit event that must be
    /// signed (so nobody can strip signatures by moving that boundary).
    fn head_extra(&self, scope: &str) -> Result<Vec<u8>> {
        if scope == ROSTER {
            return Ok(self.store.meta(crate::store::AUDIT_SIGNED_FROM)?.unwrap_or_default());
        }
        Ok(Vec::new())
    }

    /// Signs `hashes` as the current rows of `scope`, one sequence number on. Runs inside a write.
    fn write_head(&self, scope: &str, mut hashes: Vec<RowHash>) -> Result<()> {
        hashes.sort_unstable();
        hashes.dedup();
        let seq = self.store.head(scope)?.map_or(1, |h| h.seq + 1);
        let body = hashes.concat();
        let extra = self.head_extra(scope)?;
        let sig = self.keys.sign(domain::HEAD, &self.head_parts(scope, &seq.to_be_bytes(), &body, &extra));
        self.store.put_head(&HeadRow { scope: scope.to_owned(), seq, body, signer: self.me.id.clone(), sig })?;
        // Checked again against the new list when next consulted.
        self.heads_ok.borrow_mut().remove(scope);
        self.seen_heads.borrow_mut().insert(scope.to_owned(), seq);
        Ok(())
    }

    /// Re-signs a project's list as its rows are now (we are an owner). Runs inside a write.
    pub(super) fn sign_project_head(&self, project_id: &str) -> Result<()> {
        let hashes = self.store.grants(project_id)?.iter().map(grant_hash).collect();
        self.write_head(&project_scope(project_id), hashes)
    }

    /// Re-signs a community's list (we are a community admin). Runs inside a write.
    pub(super) fn sign_community_head(&self, community_id: &str) -> Result<()> {
        let hashes = self.store.members(community_id)?.iter().map(member_hash).collect();
        self.write_head(&community_scope(community_id), hashes)
    }

    /// Re-signs the roster (we are a vault admin). Runs inside a write.
    pub(super) fn sign_roster_head(&self) -> Result<()> {
        let hashes = self.store.users()?.iter().map(|u| user_hash(u, enrolled(u))).collect();
        self.write_head(ROSTER, hashes)
    }

    /// A file migrated from format 1 may have scopes nobody has signed a list for yet. Which
    /// file was migrated is told by its first signed audit event (1 for a file made at format
    /// 2), a number the roster's list binds once a vault admin has signed it; until then, and
    /// for a scope whose list was removed from a migrated file, only this computer's memory
    /// of the list (`crate::state`) notices.
    fn legacy_lists(&self, scope: &str) -> Result<bool> {
        let from = self
            .store
            .meta(crate::store::AUDIT_SIGNED_FROM)?
            .and_then(|b| <[u8; 8]>::try_from(b.as_slice()).ok())
            .map(i64::from_be_bytes);
        if from.is_none_or(|f| f <= 1) {
            return Ok(false);
        }
        if scope != ROSTER {
            self.check_roster_head()?;
        }
        Ok(true)
    }

    /// Checks a scope's list: signed by `signer_ok`'s kind of user, and holding every current
    /// row (`in_list` decides for one row). Checked once per command; a scope being checked
    /// counts as checked, so verifying the signer's own membership does not recurse.
    fn check_head(
        &self,
        scope: &str,
        what: &dyn Fn() -> String,
        signer_ok: &dyn Fn(&str) -> Result<bool>,
        rows_ok: &dyn Fn(&HashSet<&[u8]>) -> Result<()>,
    ) -> Result<()> {
        if self.heads_ok.borrow().contains(scope) {
            return Ok(());
        }
        let Some(h) = self.store.head(scope)? else {
            if self.legacy_lists(scope)? {
                return Ok(());
            }
            return Err(Error::tampered(format!("{} (its signed list of members is missing)", what())));
        };
        if h.body.len() % 32 != 0 {
            return Err(Error::tampered(what()));
        }
        // Being checked counts as checked: the signer's own roster entry and membership are
        // verified below, and they consult this list again.
        self.heads_ok.borrow_mut().insert(scope.to_owned());
        let checked = (|| {
            let signer = self.user_keys(&h.signer)?;
            let seq = h.seq.to_be_bytes();
            let extra = self.head_extra(scope)?;
            let parts = self.head_parts(scope, &seq, &h.body, &extra);
            crypto::verify(&signer.verifying, &h.sig, domain::HEAD, &parts).map_err(|_| Error::tampered(what()))?;
            if !signer_ok(&h.signer)? {
                return Err(Error::tampered(format!("{} (signed by someone without the right)", what())));
            }
            let listed: HashSet<&[u8]> = h.body.chunks(32).collect();
            rows_ok(&listed)
        })();
        if checked.is_err() {
            self.heads_ok.borrow_mut().remove(scope);
            return checked;
        }
        self.seen_heads.borrow_mut().insert(scope.to_owned(), h.seq);
        Ok(())
    }

    /// Every membership of a project is in its signed list.
    pub(super) fn check_project_head(&self, project: &crate::store::ProjectRow) -> Result<()> {
        let scope = project_scope(&project.id);
        if self.heads_ok.borrow().contains(&scope) {
            return Ok(());
        }
        let what = || format!("the members of project '{}'", project.name);
        let signer_ok = |signer: &str| -> Result<bool> {
            let Some(g) = self.store.grant(&project.id, signer)? else { return Ok(false) };
            Ok(self.verify_grant(project, &g, 0)? == Role::Owner)
        };
        let rows_ok = |listed: &HashSet<&[u8]>| -> Result<()> {
            for g in self.store.grants(&project.id)? {
                if !listed.contains(grant_hash(&g).as_slice()) {
                    return Err(not_listed(&what(), &self.user_name(&g.user_id)?));
                }
            }
            Ok(())
        };
        self.check_head(&scope, &what, &signer_ok, &rows_ok)
    }

    /// Every membership of a community is in its signed list.
    pub(super) fn check_community_head(&self, c: &crate::store::CommunityRow) -> Result<()> {
        let scope = community_scope(&c.id);
        if self.heads_ok.borrow().contains(&scope) {
            return Ok(());
        }
        let what = || format!("the members of community '{}'", c.name);
        let signer_ok = |signer: &str| -> Result<bool> {
            let Some(m) = self.store.member(&c.id, signer)? else { return Ok(false) };
            self.verify_member(c, &m, 0)
        };
        let rows_ok = |listed: &HashSet<&[u8]>| -> Result<()> {
            for m in self.store.members(&c.id)? {
                if !listed.contains(member_hash(&m).as_slice()) {
                    return Err(not_listed(&what(), &self.user_name(&m.user_id)?));
                }
            }
            Ok(())
        };
        self.check_head(&scope, &what, &signer_ok, &rows_ok)
    }

    /// Every user's row is in the roster's signed list (or moved from pending to enrolled
    /// since it was signed).
    pub(super) fn check_roster_head(&self) -> Result<()> {
        if self.heads_ok.borrow().contains(ROSTER) {
            return Ok(());
        }
        let what = || "the roster".to_owned();
        let signer_ok = |signer: &str| -> Result<bool> {
            let Some(u) = self.store.user_by_id(signer)? else { return Ok(false) };
            Ok(u.is_admin && !u.envelope.is_empty() && self.verify_user(&u, 0).is_ok())
        };
        let rows_ok = |listed: &HashSet<&[u8]>| -> Result<()> {
            for u in self.store.users()? {
                let now = enrolled(&u);
                if listed.contains(user_hash(&u, now).as_slice()) {
                    continue;
                }
                // Enrolled since the list was signed: the admin re-signs at their next unlock.
                if now && listed.contains(user_hash(&u, false).as_slice()) {
                    self.roster_stale.set(true);
                    continue;
                }
                if !now && listed.contains(user_hash(&u, true).as_slice()) {
                    return Err(Error::tampered(format!(
                        "the roster (user '{}' is back to a retired enrollment key)",
                        crate::vault::names::printable(&u.name)
                    )));
                }
                return Err(not_listed(&what(), &u.name));
            }
            Ok(())
        };
        self.check_head(ROSTER, &what, &signer_ok, &rows_ok)
    }

    /// Signs the lists a format 1 file lacks, and the roster after users enrolled, where we
    /// may: the roster as a vault admin, projects we own, communities we administer. Runs
    /// inside a write; returns how many lists it signed.
    pub(super) fn sign_missing_heads(&self) -> Result<usize> {
        let mut n = 0;
        if self.me.is_admin && (self.store.head(ROSTER)?.is_none() || self.roster_stale.get()) {
            self.sign_roster_head()?;
            self.roster_stale.set(false);
            n += 1;
        }
        for (p, _) in self.store.projects_of(&self.me.id)? {
            if self.store.head(&project_scope(&p.id))?.is_none() && self.my_role(&p)?.0 == Role::Owner {
                self.sign_project_head(&p.id)?;
                n += 1;
            }
        }
        for c in self.store.communities()? {
            if self.store.head(&community_scope(&c.id))?.is_some() {
                continue;
            }
            if let Some(m) = self.store.member(&c.id, &self.me.id)? {
                if self.verify_member(&c, &m, 0)? {
                    self.sign_community_head(&c.id)?;
                    n += 1;
                }
            }
        }
        Ok(n)
    }
}

fn not_listed(what: &str, user: &str) -> Error {
    Error::tampered(format!(
        "{what} (the row of '{}' is not in the signed list: an old or forged row)",
        crate::vault::names::printable(user)
    ))
}

/// Where a vault file stands, as far as a client can remember it between commands to notice a
/// file put back to an older copy: every scope's list sequence number and the newest MACed
/// audit event.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Position {
    pub heads: std::collections::BTreeMap<String, i64>,
    /// (sequence number, MAC) of the newest MACed audit event.
    pub audit: Option<(i64, Vec<u8>)>,
}

/// A store's position now (also after the command, when the vault handle is gone).
pub fn position_of(store: &crate::store::Store) -> Result<Position> {
    Ok(Position { heads: store.head_seqs()?.into_iter().collect(), audit: store.last_audit_mac()? })
}

impl Vault {
    /// The file's position now.
    pub fn position(&self) -> Result<Position> {
        position_of(&self.store)
    }

    /// Checks the file against a position this client saw before: no list went back or
    /// vanished while its scope exists, and the remembered audit event is still there, as it was.
    /// Returns what of `seen` still applies (scopes deleted since are dropped).
    pub fn check_not_older_than(&self, seen: &Position) -> Result<Position> {
        let now = self.position()?;
        let mut kept = Position { heads: Default::default(), audit: seen.audit.clone() };
        for (scope, &seq) in &seen.heads {
            match now.heads.get(scope) {
                Some(&cur) if cur >= seq => {
                    kept.heads.insert(scope.clone(), seq);
                }
                Some(&cur) => {
                    return Err(Error::RolledBack {
                        what: format!("{} went back from change {seq} to {cur}", self.list_label(scope)?),
                    })
                }
                None if self.scope_exists(scope)? => {
                    return Err(Error::RolledBack {
                        what: format!("{} lost its signed list (last seen at change {seq})", self.list_label(scope)?),
                    })
                }
                None => {}
            }
        }
        if let Some((seq, mac)) = &seen.audit {
            match self.store.audit_mac_at(*seq)? {
                Some(Some(m)) if m == *mac => {}
                Some(_) => {
                    return Err(Error::RolledBack { what: format!("audit event {seq} is not the one seen before") })
                }
                None => {
                    let last = now.audit.as_ref().map_or(0, |a| a.0);
                    return Err(Error::RolledBack {
                        what: format!("its audit log ends before event {seq} (last event {last})"),
                    });
                }
            }
        }
        Ok(kept)
    }

    fn scope_exists(&self, scope: &str) -> Result<bool> {
        Ok(match scope.split_once(':') {
            Some(("project", id)) => self.store.project_by_id(id)?.is_some(),
            Some(("community", id)) => self.store.community_by_id(id)?.is_some(),
            _ => scope == ROSTER,
        })
    }

    fn list_label(&self, scope: &str) -> Result<String> {
        Ok(match scope.split_once(':') {
            Some(("project", id)) => {
                format!("project '{}'", self.store.project_by_id(id)?.map(|p| p.name).unwrap_or_else(|| id.to_owned()))
            }
            Some(("community", id)) => format!(
                "community '{}'",
                self.store.community_by_id(id)?.map(|c| c.name).unwrap_or_else(|| id.to_owned())
            ),
            _ => "the roster".to_owned(),
        })
    }
}
