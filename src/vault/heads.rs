//! Signed lists of the rows that give access (format 2): for the roster, each project and each
//! community, the hashes of every current row, signed by someone allowed to change that scope (a
//! vault admin, an owner, a community admin) whenever they change it.
//!
//! A row's own signature says who granted it, not that it is still current: a member who was
//! demoted or removed could put their old, validly signed row back, and a removed admin their old
//! roster entry. A row whose hashes are not in its scope's list is therefore tampering (exit 7)
//! and is never used, so an old row put back never receives the next key.
//!
//! Lists chain: list n is signed over list n-1's digest, and its signer must be an owner (admin)
//! in list n-1, whose body and signature list n carries. So someone demoted in list n cannot sign
//! a list n+1 with their old row back in. They could sign a rival list n (forking from n-1, where
//! they were still an owner); every computer that saw list n, or any later one, refuses that
//! (`crate::state` remembers each list's number and digest), like any rollback.
//!
//! Each row is hashed twice: what it grants (member, role, granter, signature) and its key wrap
//! (epoch, wrapped key, signer); a rotation changes only the second. For the roster: the entry
//! (name, role, admin signature, removed) and the user's keys (recipient, verifying key,
//! enrollment). A user may have enrolled since the list was signed (their keys' pending form is
//! in the list): the next admin unlock re-signs it; a row back at its pending form where the list
//! has enrolled keys is a retired enrollment key put back. Rows may otherwise be missing from
//! the table's side only by going away (a member who left on their own).

use std::collections::{BTreeMap, HashSet};

use super::{Role, Vault};
use crate::crypto::{self, domain};
use crate::store::{GrantRow, HeadRow, MemberRow, UserRow};
use crate::{Error, Result};

/// The roster's scope name.
pub(super) const ROSTER: &str = "roster";

use crate::store::LEGACY_LISTS;

pub(super) fn project_scope(id: &str) -> String {
    format!("project:{id}")
}

pub(super) fn community_scope(id: &str) -> String {
    format!("community:{id}")
}

type RowHash = [u8; 32];

/// Lists verified or signed in this process: scope to (number, digest).
pub(crate) type VerifiedLists = std::rc::Rc<std::cell::RefCell<BTreeMap<String, (i64, Vec<u8>)>>>;

fn grant_hashes(g: &GrantRow) -> [RowHash; 2] {
    [
        crypto::digest(
            domain::HEAD_ROW,
            &[
                b"project-member",
                g.project_id.as_bytes(),
                g.user_id.as_bytes(),
                g.role.as_bytes(),
                g.granted_by.as_bytes(),
                &g.sig,
            ],
        ),
        crypto::digest(
            domain::HEAD_ROW,
            &[
                b"project-key",
                g.project_id.as_bytes(),
                g.user_id.as_bytes(),
                &g.key_epoch.to_be_bytes(),
                &crypto::sha256(&g.wrapped_key),
                g.key_signer.as_bytes(),
                &g.key_sig,
            ],
        ),
    ]
}

fn member_hashes(m: &MemberRow) -> [RowHash; 2] {
    [
        crypto::digest(
            domain::HEAD_ROW,
            &[
                b"community-member",
                m.community_id.as_bytes(),
                m.user_id.as_bytes(),
                &[u8::from(m.is_admin)],
                m.granted_by.as_bytes(),
                &m.sig,
            ],
        ),
        crypto::digest(
            domain::HEAD_ROW,
            &[
                b"community-key",
                m.community_id.as_bytes(),
                m.user_id.as_bytes(),
                &m.key_epoch.to_be_bytes(),
                &crypto::sha256(&m.wrapped_key),
                m.key_signer.as_bytes(),
                &m.key_sig,
            ],
        ),
    ]
}

/// What an admin vouches for in a user's row: who they are, their role, the roster signature,
/// whether they were removed.
fn user_entry_hash(u: &UserRow) -> RowHash {
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
        ],
    )
}

fn keys_hash(id: &str, recipient: &str, vk: &[u8], evk: Option<&[u8]>, esig: Option<&[u8]>) -> RowHash {
    crypto::digest(
        domain::HEAD_ROW,
        &[b"user-keys", id.as_bytes(), recipient.as_bytes(), vk, evk.unwrap_or_default(), esig.unwrap_or_default()],
    )
}

/// The user's keys as the row holds them now.
fn user_keys_hash(u: &UserRow) -> RowHash {
    keys_hash(&u.id, &u.recipient, &u.verifying_key, u.enroll_vk.as_deref(), u.enroll_sig.as_deref())
}

/// The user's keys as they were before enrolling, for a user who has enrolled since.
fn pending_keys_hash(u: &UserRow) -> Option<RowHash> {
    let evk = u.enroll_vk.as_deref()?;
    Some(keys_hash(&u.id, "", evk, None, None))
}

fn user_hashes(u: &UserRow) -> [RowHash; 2] {
    [user_entry_hash(u), user_keys_hash(u)]
}

/// A list as the next one carries it: enough to recompute its digest and check its signature.
struct Prev {
    body: Vec<u8>,
    extra: Vec<u8>,
    signer: String,
    sig: Vec<u8>,
    /// The digest of the list before it (what it was signed over).
    before: [u8; 32],
}

fn encode_prev(h: &HeadRow, before: &[u8; 32]) -> Vec<u8> {
    let mut out = Vec::new();
    for part in [h.body.as_slice(), &h.extra, h.signer.as_bytes(), &h.sig, before] {
        out.extend_from_slice(&(part.len() as u32).to_be_bytes());
        out.extend_from_slice(part);
    }
    out
}

fn decode_prev(blob: &[u8]) -> Option<Prev> {
    let mut parts = Vec::with_capacity(5);
    let mut rest = blob;
    for _ in 0..5 {
        let len = u32::from_be_bytes(rest.get(..4)?.try_into().ok()?) as usize;
        parts.push(rest.get(4..4 + len)?.to_vec());
        rest = &rest[4 + len..];
    }
    if !rest.is_empty() {
        return None;
    }
    let before: [u8; 32] = parts.pop()?.try_into().ok()?;
    let sig = parts.pop()?;
    let signer = String::from_utf8(parts.pop()?).ok()?;
    let extra = parts.pop()?;
    let body = parts.pop()?;
    Some(Prev { body, extra, signer, sig, before })
}

/// Whether a user had the right to sign in the list before (given its row hashes).
type InPrev<'a> = &'a dyn Fn(&str, &HashSet<&[u8]>) -> Result<bool>;

fn listed(body: &[u8]) -> HashSet<&[u8]> {
    body.chunks(32).collect()
}

impl Vault {
    /// What list `seq` of `scope` is signed over: its rows, its extra data and the digest of the
    /// list before it (zero for the first).
    fn list_digest(&self, scope: &str, seq: i64, body: &[u8], extra: &[u8], before: &[u8; 32]) -> [u8; 32] {
        crypto::digest(
            domain::HEAD,
            &[self.vault_id.as_bytes(), scope.as_bytes(), &seq.to_be_bytes(), body, extra, before],
        )
    }

    /// The digest of a stored list, and the list before it (for a list after the first).
    fn digest_of(&self, h: &HeadRow) -> Result<([u8; 32], Option<Prev>)> {
        let bad = || Error::tampered(format!("the signed list of {}", self.list_label(&h.scope).unwrap_or_default()));
        if h.seq < 1 || h.body.len() % 32 != 0 {
            return Err(bad());
        }
        if h.seq == 1 {
            if !h.prev.is_empty() {
                return Err(bad());
            }
            return Ok((self.list_digest(&h.scope, 1, &h.body, &h.extra, &[0; 32]), None));
        }
        let prev = decode_prev(&h.prev).ok_or_else(bad)?;
        if prev.body.len() % 32 != 0 {
            return Err(bad());
        }
        let d_prev = self.list_digest(&h.scope, h.seq - 1, &prev.body, &prev.extra, &prev.before);
        Ok((self.list_digest(&h.scope, h.seq, &h.body, &h.extra, &d_prev), Some(prev)))
    }

    /// What a list signs besides its rows: for the roster, the first audit event that must be
    /// signed and the scopes a migrated file had no list for (so nobody can strip signatures
    /// or switch a list off by editing those).
    fn head_extra(&self, scope: &str) -> Result<Vec<u8>> {
        if scope != ROSTER {
            return Ok(Vec::new());
        }
        let mut extra = self.store.meta(crate::store::AUDIT_SIGNED_FROM)?.unwrap_or_default();
        extra.extend_from_slice(&self.store.meta(LEGACY_LISTS)?.unwrap_or_default());
        Ok(extra)
    }

    /// Signs `hashes` as the current rows of `scope`, chained to the list before. Runs inside a
    /// write.
    fn write_head(&self, scope: &str, mut hashes: Vec<RowHash>) -> Result<()> {
        hashes.sort_unstable();
        hashes.dedup();
        let (seq, before, prev) = match self.store.head(scope)? {
            None => (1, [0; 32], Vec::new()),
            Some(h) => {
                let (d, prev) = self.digest_of(&h)?;
                let before_h =
                    prev.map_or([0; 32], |p| self.list_digest(scope, h.seq - 1, &p.body, &p.extra, &p.before));
                (h.seq + 1, d, encode_prev(&h, &before_h))
            }
        };
        let body = hashes.concat();
        let extra = self.head_extra(scope)?;
        let digest = self.list_digest(scope, seq, &body, &extra, &before);
        let sig = self.keys.sign(domain::HEAD, &[&digest]);
        self.store.put_head(&HeadRow {
            scope: scope.to_owned(),
            seq,
            body,
            extra,
            signer: self.me.id.clone(),
            sig,
            prev,
        })?;
        // Checked again against the new list when next consulted.
        self.heads_ok.borrow_mut().remove(scope);
        self.seen_heads.borrow_mut().insert(scope.to_owned(), (seq, digest.to_vec()));
        Ok(())
    }

    /// Re-signs a project's list as its rows are now (we are an owner). Runs inside a write.
    pub(super) fn sign_project_head(&self, project_id: &str) -> Result<()> {
        let hashes = self.store.grants(project_id)?.iter().flat_map(grant_hashes).collect();
        self.write_head(&project_scope(project_id), hashes)
    }

    /// Re-signs a community's list (we are a community admin). Runs inside a write.
    pub(super) fn sign_community_head(&self, community_id: &str) -> Result<()> {
        let hashes = self.store.members(community_id)?.iter().flat_map(member_hashes).collect();
        self.write_head(&community_scope(community_id), hashes)
    }

    /// Re-signs the roster (we are a vault admin). Runs inside a write.
    pub(super) fn sign_roster_head(&self) -> Result<()> {
        let hashes = self.store.users()?.iter().flat_map(user_hashes).collect();
        self.write_head(ROSTER, hashes)
    }

    /// Whether `scope` may lack a list: a file migrated from format 1 names the scopes it had
    /// none for, and the roster's list (once a vault admin signed it) binds that set.
    fn legacy_list(&self, scope: &str) -> Result<bool> {
        let set = self.store.meta(LEGACY_LISTS)?.unwrap_or_default();
        if !set.split(|b| *b == b'\n').any(|s| s == scope.as_bytes()) {
            return Ok(false);
        }
        if scope != ROSTER {
            self.check_roster_head()?;
        }
        Ok(true)
    }

    /// Checks a scope's list: its signature and its link to the list before, that its signer
    /// may sign it (`signer_ok` now, and `in_prev` for the list before: an owner there), and that
    /// it holds every current row (`rows_ok`). Checked once per command; a scope being checked
    /// counts as checked, so verifying the signer's own membership does not recurse.
    fn check_head(
        &self,
        scope: &str,
        what: &dyn Fn() -> String,
        signer_ok: &dyn Fn(&str) -> Result<bool>,
        first_ok: &dyn Fn(&str) -> Result<bool>,
        in_prev: InPrev<'_>,
        rows_ok: &dyn Fn(&HashSet<&[u8]>) -> Result<()>,
    ) -> Result<()> {
        if self.heads_ok.borrow().contains(scope) {
            return Ok(());
        }
        let Some(h) = self.store.head(scope)? else {
            if self.legacy_list(scope)? {
                return Ok(());
            }
            return Err(Error::tampered(format!("{} (its signed list of members is missing)", what())));
        };
        // Being checked counts as checked: the signer's own roster entry and membership are
        // verified below, and they consult this list again.
        self.heads_ok.borrow_mut().insert(scope.to_owned());
        let checked = (|| {
            let (digest, prev) = self.digest_of(&h)?;
            if h.extra != self.head_extra(scope)? {
                return Err(Error::tampered(format!("{} (what its list binds was changed)", what())));
            }
            let signer = self.user_keys(&h.signer)?;
            crypto::verify(&signer.verifying, &h.sig, domain::HEAD, &[&digest]).map_err(|_| Error::tampered(what()))?;
            if !signer_ok(&h.signer)? {
                return Err(Error::tampered(format!("{} (signed by someone without the right)", what())));
            }
            match &prev {
                // The first list: its creator (or, in a migrated file, any owner) signs it.
                None if !first_ok(&h.signer)? && !self.legacy_list(scope)? => {
                    return Err(Error::tampered(format!("{} (a first list not signed by its creator)", what())));
                }
                None => {}
                Some(p) => {
                    let d_prev = self.list_digest(scope, h.seq - 1, &p.body, &p.extra, &p.before);
                    let prev_signer = self.user_keys(&p.signer)?;
                    crypto::verify(&prev_signer.verifying, &p.sig, domain::HEAD, &[&d_prev])
                        .map_err(|_| Error::tampered(what()))?;
                    if !in_prev(&h.signer, &listed(&p.body))? {
                        return Err(Error::tampered(format!(
                            "{} (signed by someone who had no right in the list before)",
                            what()
                        )));
                    }
                }
            }
            rows_ok(&listed(&h.body))?;
            Ok(digest)
        })();
        match checked {
            Ok(digest) => {
                self.seen_heads.borrow_mut().insert(scope.to_owned(), (h.seq, digest.to_vec()));
                Ok(())
            }
            Err(e) => {
                self.heads_ok.borrow_mut().remove(scope);
                Err(e)
            }
        }
    }

    /// Every membership of a project is in its signed list.
    pub(super) fn check_project_head(&self, project: &crate::store::ProjectRow) -> Result<()> {
        let scope = project_scope(&project.id);
        if self.heads_ok.borrow().contains(&scope) {
            return Ok(());
        }
        let what = || format!("the members of project '{}'", project.name);
        let owner_row = |signer: &str| -> Result<Option<GrantRow>> {
            let Some(g) = self.store.grant(&project.id, signer)? else { return Ok(None) };
            Ok((self.verify_grant(project, &g, 0)? == Role::Owner).then_some(g))
        };
        let signer_ok = |signer: &str| Ok(owner_row(signer)?.is_some());
        let first_ok = |signer: &str| Ok(signer == project.created_by);
        let in_prev = |signer: &str, prev: &HashSet<&[u8]>| -> Result<bool> {
            Ok(owner_row(signer)?.is_some_and(|g| prev.contains(grant_hashes(&g)[0].as_slice())))
        };
        let rows_ok = |listed: &HashSet<&[u8]>| -> Result<()> {
            for g in self.store.grants(&project.id)? {
                if !grant_hashes(&g).iter().all(|h| listed.contains(h.as_slice())) {
                    return Err(not_listed(&what(), &self.user_name(&g.user_id)?));
                }
            }
            Ok(())
        };
        self.check_head(&scope, &what, &signer_ok, &first_ok, &in_prev, &rows_ok)
    }

    /// Every membership of a community is in its signed list.
    pub(super) fn check_community_head(&self, c: &crate::store::CommunityRow) -> Result<()> {
        let scope = community_scope(&c.id);
        if self.heads_ok.borrow().contains(&scope) {
            return Ok(());
        }
        let what = || format!("the members of community '{}'", c.name);
        let admin_row = |signer: &str| -> Result<Option<MemberRow>> {
            let Some(m) = self.store.member(&c.id, signer)? else { return Ok(None) };
            Ok(self.verify_member(c, &m, 0)?.then_some(m))
        };
        let signer_ok = |signer: &str| Ok(admin_row(signer)?.is_some());
        let first_ok = |signer: &str| Ok(signer == c.created_by);
        let in_prev = |signer: &str, prev: &HashSet<&[u8]>| -> Result<bool> {
            Ok(admin_row(signer)?.is_some_and(|m| prev.contains(member_hashes(&m)[0].as_slice())))
        };
        let rows_ok = |listed: &HashSet<&[u8]>| -> Result<()> {
            for m in self.store.members(&c.id)? {
                if !member_hashes(&m).iter().all(|h| listed.contains(h.as_slice())) {
                    return Err(not_listed(&what(), &self.user_name(&m.user_id)?));
                }
            }
            Ok(())
        };
        self.check_head(&scope, &what, &signer_ok, &first_ok, &in_prev, &rows_ok)
    }

    /// Every user's row is in the roster's signed list (or enrolled since it was signed).
    pub(super) fn check_roster_head(&self) -> Result<()> {
        if self.heads_ok.borrow().contains(ROSTER) {
            return Ok(());
        }
        let what = || "the roster".to_owned();
        let admin_row = |signer: &str| -> Result<Option<UserRow>> {
            let Some(u) = self.store.user_by_id(signer)? else { return Ok(None) };
            Ok((u.is_admin && !u.envelope.is_empty() && self.verify_user(&u, 0).is_ok()).then_some(u))
        };
        let signer_ok = |signer: &str| Ok(admin_row(signer)?.is_some());
        // The first admin, whom every envelope pins, signs themselves into the roster.
        let first_ok = |signer: &str| Ok(admin_row(signer)?.is_some_and(|u| u.roster_signer == u.id));
        let in_prev = |signer: &str, prev: &HashSet<&[u8]>| -> Result<bool> {
            Ok(admin_row(signer)?.is_some_and(|u| prev.contains(user_entry_hash(&u).as_slice())))
        };
        let rows_ok = |listed: &HashSet<&[u8]>| -> Result<()> {
            for u in self.store.users()? {
                if !listed.contains(user_entry_hash(&u).as_slice()) {
                    return Err(not_listed(&what(), &u.name));
                }
                if listed.contains(user_keys_hash(&u).as_slice()) {
                    continue;
                }
                // Enrolled since the list was signed: the admin re-signs at their next unlock.
                if pending_keys_hash(&u).is_some_and(|p| listed.contains(p.as_slice())) && !u.recipient.is_empty() {
                    self.roster_stale.set(true);
                    continue;
                }
                if u.recipient.is_empty() {
                    return Err(Error::tampered(format!(
                        "the roster (user '{}' is back to a retired enrollment key)",
                        crate::vault::names::printable(&u.name)
                    )));
                }
                return Err(Error::tampered(format!(
                    "the roster (user '{}' has keys that are not in the signed list)",
                    crate::vault::names::printable(&u.name)
                )));
            }
            Ok(())
        };
        self.check_head(ROSTER, &what, &signer_ok, &first_ok, &in_prev, &rows_ok)
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

    /// The lists this process verifies or signs, by scope: (number, digest), shared so that
    /// they can be remembered after the command. Only these are remembered, never numbers the
    /// file merely claims.
    pub fn verified_lists(&self) -> VerifiedLists {
        std::rc::Rc::clone(&self.seen_heads)
    }
}

fn not_listed(what: &str, user: &str) -> Error {
    Error::tampered(format!(
        "{what} (the row of '{}' is not in the signed list: an old or forged row)",
        crate::vault::names::printable(user)
    ))
}

/// Where a vault file stands, as far as a client remembers it between commands to notice a file
/// put back to an older copy: every list it verified (number and digest) and the newest audit
/// event it appended.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Position {
    pub heads: BTreeMap<String, (i64, Vec<u8>)>,
    /// (sequence number, MAC) of the newest audit event this computer appended.
    pub audit: Option<(i64, Vec<u8>)>,
}

impl Vault {
    /// Checks the file against a position this computer saw before: no list went back, forked
    /// or vanished (a list seen for a scope that is gone stays remembered, so a scope deleted
    /// and put back later is still held to it), and the remembered audit event is still there,
    /// as it was. Returns what of `seen` still applies.
    pub fn check_not_older_than(&self, seen: &Position) -> Result<Position> {
        for (scope, (seq, digest)) in &seen.heads {
            let label = || self.list_label(scope);
            let Some(h) = self.store.head(scope)? else {
                if self.scope_exists(scope)? {
                    return Err(Error::RolledBack {
                        what: format!("{} lost its signed list (last seen at change {seq})", label()?),
                    });
                }
                continue;
            };
            let (cur, prev) = self.digest_of(&h)?;
            let forked = || -> Result<Error> {
                Ok(Error::RolledBack { what: format!("{} is not the one seen at change {seq}", label()?) })
            };
            if h.seq < *seq {
                return Err(Error::RolledBack {
                    what: format!("{} went back from change {seq} to {}", label()?, h.seq),
                });
            }
            if h.seq == *seq && cur.as_slice() != digest.as_slice() {
                return Err(forked()?);
            }
            if h.seq == seq + 1 {
                let p = prev.ok_or_else(|| Error::tampered(label().unwrap_or_default()))?;
                if self.list_digest(scope, *seq, &p.body, &p.extra, &p.before).as_slice() != digest.as_slice() {
                    return Err(forked()?);
                }
            }
        }
        if let Some((seq, mac)) = &seen.audit {
            match self.store.audit_mac_at(*seq)? {
                Some(Some(m)) if m == *mac => {}
                Some(_) => {
                    return Err(Error::RolledBack { what: format!("audit event {seq} is not the one seen before") })
                }
                None => {
                    let last = self.store.last_audit_mac()?.map_or(0, |a| a.0);
                    return Err(Error::RolledBack {
                        what: format!("its audit log ends before event {seq} (last event {last})"),
                    });
                }
            }
        }
        Ok(seen.clone())
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
