//! Teams in one vault: users (added by a vault admin, enrolled at first unlock), project
//! members and key rotation on removal, communities and their members.

use std::collections::HashMap;

use super::{committed_id, names, roster_tuple, seal_plaintext, Role, Vault};
use crate::crypto::{self, domain, KdfParams, Key32, PendingKeys};
use crate::store::{self, CommunityRow, UserRow};
use crate::{Error, Result};

/// A user as listed.
#[derive(Debug, Clone)]
pub struct UserInfo {
    pub name: String,
    pub is_admin: bool,
    /// "active", "pending" (added, not yet unlocked) or "removed".
    pub status: &'static str,
    /// First 16 hex digits of the SHA-256 of the user's verifying key, to compare out of band.
    pub fingerprint: String,
    pub created_at: i64,
}

/// A community as shown.
#[derive(Debug, Clone)]
pub struct CommunityInfo {
    pub row: CommunityRow,
    pub creator: String,
    pub is_admin: bool,
    /// (user, admin?) by name.
    pub members: Vec<(String, bool)>,
    pub projects: Vec<String>,
    /// (secret name, home project) shared into the community.
    pub shared: Vec<(String, String)>,
}

fn fingerprint(vk: &[u8]) -> String {
    hex::encode(&crypto::sha256(vk)[..8])
}

impl Vault {
    pub(super) fn require_admin(&self, doing: &str) -> Result<()> {
        if !self.me.is_admin {
            return Err(Error::PermissionDenied {
                user: self.me.name.clone(),
                lacks: format!("is not a vault admin; {doing} needs the vault admin role"),
            });
        }
        Ok(())
    }

    fn user_named(&self, name: &str) -> Result<UserRow> {
        self.store.user_by_name(name)?.ok_or_else(|| Error::NotFound {
            kind: "user",
            name: names::printable(name),
            scope: None,
        })
    }

    /// Signs a user's roster entry as us (an admin).
    fn sign_roster(&self, u: &mut UserRow) {
        let admin = [u8::from(u.is_admin)];
        let (recipient, vk) = match &u.enroll_vk {
            Some(evk) => (String::new(), evk.clone()),
            None => (u.recipient.clone(), u.verifying_key.clone()),
        };
        u.roster_signer = self.me.id.clone();
        u.roster_sig = self.keys.sign(domain::ROSTER, &roster_tuple(&self.vault_id, u, &recipient, &vk, &admin));
        self.verified.borrow_mut().remove(&u.id);
    }

    /// Adds a user (vault admin). The user makes their own keys at first unlock with
    /// `passphrase`; until then nothing can be granted to them.
    pub fn add_user(&self, name: &str, passphrase: &[u8], kdf: KdfParams, admin: bool) -> Result<()> {
        names::check_user(name)?;
        self.require_admin("adding a user")?;
        if self.store.user_by_name(name)?.is_some() {
            return Err(Error::AlreadyExists { kind: "user", name: name.to_owned(), scope: None });
        }
        let pending = PendingKeys::generate(self.keys.admin_vk, &self.keys.audit_key);
        let now = store::now();
        let mut row = UserRow {
            id: crypto::random_id(),
            name: name.to_owned(),
            is_admin: admin,
            recipient: String::new(),
            verifying_key: pending.enroll.verifying_key().as_bytes().to_vec(),
            kdf,
            salt: Vec::new(),
            envelope: Vec::new(),
            roster_signer: String::new(),
            roster_sig: Vec::new(),
            enroll_vk: None,
            enroll_sig: None,
            created_by: self.me.id.clone(),
            created_at: now,
            modified_at: now,
        };
        self.sign_roster(&mut row);
        seal_plaintext(&self.vault_id, &mut row, &pending.to_plaintext(), passphrase, kdf)?;
        self.store.write(|s| {
            s.insert_user(&row)?;
            self.sign_roster_head()
        })
    }

    /// All users, with their status and key fingerprints. Each entry is verified.
    pub fn list_users(&self) -> Result<Vec<UserInfo>> {
        let mut out = Vec::new();
        for u in self.store.users()? {
            let status = match self.verify_user(&u, 0) {
                Ok(_) if u.envelope.is_empty() => "removed",
                Ok(_) => "active",
                Err(Error::NotEnrolled { .. }) => "pending",
                Err(e) => return Err(e),
            };
            out.push(UserInfo {
                name: u.name.clone(),
                is_admin: u.is_admin,
                status,
                fingerprint: fingerprint(&u.verifying_key),
                created_at: u.created_at,
            });
        }
        Ok(out)
    }

    /// Re-signs, as us, every user whose roster entry `signer` signed (before `signer` is
    /// demoted or removed, so their entries keep verifying).
    fn adopt_signed_by(&self, signer: &str) -> Result<()> {
        for mut u in self.store.users()? {
            if u.roster_signer == signer && u.id != signer {
                self.sign_roster(&mut u);
                self.store.update_user_roster(&u)?;
            }
        }
        Ok(())
    }

    /// Makes a user a vault admin or not (vault admin).
    pub fn set_admin(&self, name: &str, admin: bool) -> Result<()> {
        self.require_admin("changing a user's role")?;
        self.store.write(|s| {
            let mut u = self.user_named(name)?;
            if u.roster_signer == u.id {
                return Err(Error::Usage(format!(
                    "'{name}' created the vault and is its root of trust; the role cannot change"
                )));
            }
            if u.id == self.me.id && !admin {
                // What we signed as an admin is re-signed by the admin who demotes us; signing
                // our own demotion would leave rows signed by a non-admin.
                return Err(Error::Usage(
                    "you cannot take away your own vault admin role; ask another vault admin".into(),
                ));
            }
            if u.is_admin && !admin {
                self.adopt_signed_by(&u.id)?;
                self.adopt_providers_of(&u.id)?;
            }
            u.is_admin = admin;
            u.modified_at = store::now();
            self.sign_roster(&mut u);
            s.update_user_roster(&u)?;
            self.sign_roster_head()
        })
    }

    /// Removes a user (vault admin): their envelope is erased so they can no longer unlock; the
    /// roster entry stays so what they signed keeps verifying. They must first be removed from
    /// every project and community (which rotates those keys).
    pub fn remove_user(&self, name: &str) -> Result<()> {
        self.require_admin("removing a user")?;
        self.store.write(|s| {
            let mut u = self.user_named(name)?;
            if u.id == self.me.id || u.roster_signer == u.id {
                return Err(Error::Usage(format!("'{name}' cannot remove themselves or the vault's first admin")));
            }
            let projects: Vec<String> = s
                .projects_of(&u.id)?
                .into_iter()
                .filter(|(p, _)| p.personal_of.is_none())
                .map(|(p, _)| p.name)
                .collect();
            let communities: Vec<String> = s
                .communities()?
                .into_iter()
                .filter(|c| matches!(s.member(&c.id, &u.id), Ok(Some(_))))
                .map(|c| c.name)
                .collect();
            if !projects.is_empty() || !communities.is_empty() {
                return Err(Error::Conflict(format!(
                    "'{name}' is still a member of {}; remove them there first (that rotates the keys they held)",
                    projects
                        .iter()
                        .map(|p| format!("project '{p}'"))
                        .chain(communities.iter().map(|c| format!("community '{c}'")))
                        .collect::<Vec<_>>()
                        .join(", ")
                )));
            }
            self.adopt_signed_by(&u.id)?;
            if u.is_admin {
                self.adopt_providers_of(&u.id)?;
            }
            // Their private secrets go with them: nobody else can ever read them.
            if let Some(p) = s.project_by_name(&format!("@{}", u.name))? {
                s.delete_project(&p.id)?;
            }
            u.envelope = Vec::new();
            u.salt = Vec::new();
            // A removed admin is no admin: the roster says so under our signature.
            u.is_admin = false;
            u.modified_at = store::now();
            self.sign_roster(&mut u);
            s.update_user_roster(&u)?;
            // The old row (an admin with an envelope) is no longer in the list: put back, it
            // is refused.
            self.sign_roster_head()
        })
    }

    // ---- project members ----

    /// Adds a member to a project or changes their role (owner).
    pub fn add_project_member(&self, project: &str, user: &str, role: Role) -> Result<()> {
        self.store.write(|s| {
            let p = self.project(project)?;
            let grant = self.require(&p, Role::Owner, "adding members")?;
            let u = self.user_named(user)?;
            if u.envelope.is_empty() {
                return Err(Error::Usage(format!("user '{user}' was removed from the vault")));
            }
            let key = self.project_key(&p, &grant)?;
            if u.id == self.me.id {
                return Err(Error::Usage("you cannot change your own role; ask another owner".into()));
            }
            let was_owner = match s.grant(&p.id, &u.id)? {
                Some(old) => self.verify_grant(&p, &old, 0)? == Role::Owner,
                None => false,
            };
            if was_owner && role != Role::Owner {
                // What they granted as owner must keep verifying once they are not one.
                self.adopt_grants_of(&p, &u.id, &key)?;
            }
            let g = self.make_grant(&p, &u, role, &key)?;
            s.put_grant(&g)?;
            // The member's old row (another role) drops out of the signed list.
            self.sign_project_head(&p.id)?;
            self.recheck_grants(&p)
        })
    }

    /// Project members and roles, by name.
    pub fn project_members(&self, project: &str) -> Result<Vec<(String, Role)>> {
        Ok(self.show_project(project)?.members)
    }

    /// Removes a member (owner; anyone may remove themselves) and rotates the project key: a
    /// new key wrapped to the remaining members, every data key re-wrapped, and every secret not
    /// shared into a community given a new data key, so what the member could decrypt stops at
    /// what existed before.
    pub fn remove_project_member(&self, project: &str, user: &str) -> Result<()> {
        self.store.write(|s| {
            let mut p = self.project(project)?;
            let u = self.user_named(user)?;
            let grant = if u.id == self.me.id {
                self.my_role(&p)?.1
            } else {
                self.require(&p, Role::Owner, "removing members")?
            };
            let gone = s.grant(&p.id, &u.id)?.ok_or_else(|| Error::NotFound {
                kind: "member",
                name: user.to_owned(),
                scope: Some(format!("project '{project}'")),
            })?;
            let mut grants = s.grants(&p.id)?;
            grants.retain(|g| g.user_id != u.id);
            let owners_left = grants.iter().filter(|g| self.verify_grant(&p, g, 0).ok() == Some(Role::Owner)).count();
            if self.verify_grant(&p, &gone, 0)? == Role::Owner && owners_left == 0 {
                return Err(Error::Conflict(format!(
                    "'{user}' is the last owner of project '{project}'; add another owner first"
                )));
            }
            let old_key = self.project_key(&p, &grant)?;
            if u.id == self.me.id {
                // We leave. We cannot vouch for the others, so what we granted must not depend
                // on us.
                if grants.iter().any(|g| g.granted_by == u.id || g.key_signer == u.id) {
                    return Err(Error::Conflict(format!(
                        "you granted memberships or keys in project '{project}'; ask another owner to remove you"
                    )));
                }
                s.delete_grant(&p.id, &u.id)?;
                return self.recheck_grants(&p);
            }
            if u.id == p.created_by {
                return Err(Error::Conflict(format!(
                    "'{user}' created project '{project}': every membership comes from them, so they cannot be removed"
                )));
            }
            self.adopt_grants_of(&p, &u.id, &old_key)?;
            s.delete_grant(&p.id, &u.id)?;
            self.sign_project_head(&p.id)?;
            self.recheck_grants(&p)?;
            let mut grants = s.grants(&p.id)?;
            self.rotate_project_key(&mut p, &old_key, &mut grants)?;
            // The rows as re-wrapped to the new key; the removed member's is not among them.
            self.sign_project_head(&p.id)
        })
    }

    /// Rotates a project's key. Runs inside a write.
    fn rotate_project_key(
        &self,
        p: &mut crate::store::ProjectRow,
        old_key: &Key32,
        grants: &mut [crate::store::GrantRow],
    ) -> Result<()> {
        let new_key = Key32::generate();
        let old_epoch = p.key_epoch;
        // The new key goes only to rows that verify now: a row an attacker slipped into the
        // file must not be handed the next key, signed by us.
        for g in grants.iter() {
            if g.key_epoch != old_epoch {
                return Err(Error::tampered(format!("a membership of project '{}'", p.name)));
            }
            self.verify_grant(p, g, 0)?;
            self.verify_project_wrap(p, g)?;
        }
        let secrets = self.store.secrets(&p.id)?;
        let mut deks = HashMap::new();
        for sec in &secrets {
            deks.insert(sec.id.clone(), self.open_dek(p, old_key, sec)?);
        }
        p.key_epoch += 1;
        p.modified_at = store::now();
        self.store.update_project(p)?;
        for g in grants.iter_mut() {
            self.rewrap_grant(p, g, &new_key)?;
            self.store.put_grant(g)?;
        }
        // The project's copies of provider tokens follow its key.
        self.reseal_provider_tokens(p, old_epoch, old_key, &new_key)?;
        for mut sec in secrets {
            let dek = deks.remove(&sec.id).ok_or_else(|| Error::tampered("a data key"))?;
            let shared = !self.store.shares_of(&sec.id)?.is_empty();
            let dek = if shared { dek } else { self.reseal_versions(p, &sec, &sec, &dek, Key32::generate())? };
            self.wrap_dek(p, &new_key, &mut sec, &dek);
            self.store.update_secret(&sec)?;
        }
        Ok(())
    }

    // ---- communities ----

    fn community(&self, name: &str) -> Result<CommunityRow> {
        self.store.community_by_name(name)?.ok_or_else(|| Error::NotFound {
            kind: "community",
            name: names::printable(name),
            scope: None,
        })
    }

    /// Creates a community; we become its first admin.
    pub fn create_community(&self, name: &str, description: &str) -> Result<CommunityRow> {
        names::check("community", name)?;
        self.store.write(|s| {
            if s.community_by_name(name)?.is_some() {
                return Err(Error::AlreadyExists { kind: "community", name: name.to_owned(), scope: None });
            }
            let mut nonce = [0u8; 16];
            crypto::random_bytes(&mut nonce);
            let now = store::now();
            let c = CommunityRow {
                id: committed_id(domain::COMMUNITY_ID, &self.me.verifying_key, &nonce),
                name: name.to_owned(),
                description: description.to_owned(),
                id_nonce: nonce.to_vec(),
                key_epoch: 1,
                created_by: self.me.id.clone(),
                created_at: now,
                modified_at: now,
            };
            s.insert_community(&c)?;
            let m = self.make_member(&c, &self.me, true, &Key32::generate())?;
            s.put_member(&m)?;
            self.sign_community_head(&c.id)?;
            Ok(c)
        })
    }

    /// Every community, with whether we belong and are admin: (row, member?, admin?).
    pub fn list_communities(&self) -> Result<Vec<(CommunityRow, bool, bool)>> {
        let mut out = Vec::new();
        for c in self.store.communities()? {
            let (member, admin) = match self.store.member(&c.id, &self.me.id)? {
                Some(m) => (true, self.verify_member(&c, &m, 0)?),
                None => (false, false),
            };
            out.push((c, member, admin));
        }
        Ok(out)
    }

    /// One community: members, projects, shared secrets (members only).
    pub fn show_community(&self, name: &str) -> Result<CommunityInfo> {
        let c = self.community(name)?;
        let (is_admin, _) = self.my_membership(&c)?;
        let mut members = Vec::new();
        for m in self.store.members(&c.id)? {
            let admin = self.verify_member(&c, &m, 0)?;
            members.push((self.user_name(&m.user_id)?, admin));
        }
        members.sort();
        let projects = self.store.community_projects(&c.id)?.into_iter().map(|(_, n)| n).collect();
        let mut shared = Vec::new();
        for (sec, _) in self.store.shared_into(&c.id)? {
            let home = self.store.project_by_id(&sec.project_id)?.map(|p| p.name).unwrap_or_default();
            shared.push((sec.name, home));
        }
        Ok(CommunityInfo { creator: self.user_name(&c.created_by)?, row: c, is_admin, members, projects, shared })
    }

    /// Renames a community or changes its description (community admin).
    pub fn edit_community(&self, name: &str, rename: Option<&str>, description: Option<&str>) -> Result<CommunityRow> {
        if let Some(n) = rename {
            names::check("community", n)?;
        }
        self.store.write(|s| {
            let mut c = self.community(name)?;
            self.require_community_admin(&c, "editing the community")?;
            if let Some(n) = rename.filter(|n| *n != c.name) {
                if s.community_by_name(n)?.is_some() {
                    return Err(Error::AlreadyExists { kind: "community", name: n.to_owned(), scope: None });
                }
                c.name = n.to_owned();
            }
            if let Some(d) = description {
                c.description = d.to_owned();
            }
            c.modified_at = store::now();
            s.update_community(&c)?;
            Ok(c)
        })
    }

    /// Deletes a community (community admin): shares end, projects are unlinked.
    pub fn delete_community(&self, name: &str) -> Result<()> {
        self.store.write(|s| {
            let c = self.community(name)?;
            self.require_community_admin(&c, "deleting the community")?;
            s.delete_community(&c.id)
        })
    }

    pub(super) fn require_community_admin(&self, c: &CommunityRow, doing: &str) -> Result<crate::store::MemberRow> {
        let (admin, m) = self.my_membership(c)?;
        if !admin {
            return Err(Error::PermissionDenied {
                user: self.me.name.clone(),
                lacks: format!(
                    "is a member but not an admin of community '{}'; {doing} needs a community admin",
                    c.name
                ),
            });
        }
        Ok(m)
    }

    /// Adds a member or changes their admin flag (community admin).
    pub fn add_community_member(&self, community: &str, user: &str, admin: bool) -> Result<()> {
        self.store.write(|s| {
            let c = self.community(community)?;
            let me = self.require_community_admin(&c, "adding members")?;
            let u = self.user_named(user)?;
            if u.envelope.is_empty() {
                return Err(Error::Usage(format!("user '{user}' was removed from the vault")));
            }
            if u.id == self.me.id {
                return Err(Error::Usage("you cannot change your own membership; ask another admin".into()));
            }
            let key = self.community_key(&c, &me)?;
            let was_admin = match s.member(&c.id, &u.id)? {
                Some(old) => self.verify_member(&c, &old, 0)?,
                None => false,
            };
            if was_admin && !admin {
                self.adopt_members_of(&c, &u.id, &key)?;
            }
            let m = self.make_member(&c, &u, admin, &key)?;
            s.put_member(&m)?;
            self.sign_community_head(&c.id)?;
            self.recheck_members(&c)
        })
    }

    /// Before `x` stops being an admin of `c`: memberships and key wraps `x` signed, and the
    /// shares `x` made, are re-made by us so they keep verifying. Runs inside a write.
    fn adopt_members_of(&self, c: &CommunityRow, x: &str, key: &Key32) -> Result<()> {
        let members = self.store.members(&c.id)?;
        for m in &members {
            self.verify_member(c, m, 0)?;
        }
        for mut m in members {
            if m.user_id == x || (m.granted_by != x && m.key_signer != x) {
                continue;
            }
            if m.user_id == self.me.id && m.granted_by == x {
                return Err(Error::Conflict(format!(
                    "your own membership of community '{}' was granted by '{}'; ask another admin",
                    c.name,
                    self.user_name(x)?
                )));
            }
            if m.granted_by == x {
                // Same role, granted by us now.
                let keep = self.make_member(c, &self.user_by_id(&m.user_id)?, m.is_admin, key)?;
                m = keep;
            } else {
                self.rewrap_member(c, &mut m, key)?;
            }
            self.store.put_member(&m)?;
        }
        for (sec, sh) in self.store.shared_into(&c.id)? {
            if sh.shared_by == x {
                let keys = self.open_share(c, key, &sec, &sh)?;
                self.store.put_share(&self.make_share(c, key, &sec, &keys))?;
            }
        }
        Ok(())
    }

    /// Checks every membership of `c` from scratch after a change to who granted what.
    fn recheck_members(&self, c: &CommunityRow) -> Result<()> {
        self.grants_ok.borrow_mut().clear();
        for m in self.store.members(&c.id)? {
            self.verify_member(c, &m, 0).map_err(|_| {
                Error::Conflict(format!(
                    "that change would leave a membership of community '{}' that no admin vouches for; nothing was changed",
                    c.name
                ))
            })?;
        }
        Ok(())
    }

    fn user_by_id(&self, id: &str) -> Result<UserRow> {
        self.store.user_by_id(id)?.ok_or_else(|| Error::tampered("a member's roster entry"))
    }

    /// Community members, (name, admin?) by name.
    pub fn community_members(&self, community: &str) -> Result<Vec<(String, bool)>> {
        Ok(self.show_community(community)?.members)
    }

    /// Removes a member (community admin) and rotates the community key: re-wrapped to the
    /// others, and every shared data key re-wrapped under it.
    pub fn remove_community_member(&self, community: &str, user: &str) -> Result<()> {
        self.store.write(|s| {
            let mut c = self.community(community)?;
            let me = self.require_community_admin(&c, "removing members")?;
            let u = self.user_named(user)?;
            if u.id == self.me.id {
                return Err(Error::Usage("you cannot remove yourself; ask another admin".into()));
            }
            s.member(&c.id, &u.id)?.ok_or_else(|| Error::NotFound {
                kind: "member",
                name: user.to_owned(),
                scope: Some(format!("community '{community}'")),
            })?;
            let old_key = self.community_key(&c, &me)?;
            if u.id == c.created_by {
                return Err(Error::Conflict(format!(
                    "'{user}' created community '{community}': every membership comes from them, so they cannot be removed"
                )));
            }
            self.adopt_members_of(&c, &u.id, &old_key)?;
            s.delete_member(&c.id, &u.id)?;
            self.sign_community_head(&c.id)?;
            self.recheck_members(&c)?;
            let shares = s.shared_into(&c.id)?;
            let mut deks = Vec::new();
            for (sec, sh) in &shares {
                deks.push(self.open_share(&c, &old_key, sec, sh)?);
            }
            let members = s.members(&c.id)?;
            for m in &members {
                if m.key_epoch != c.key_epoch {
                    return Err(Error::tampered(format!("a membership of community '{}'", c.name)));
                }
                self.verify_member(&c, m, 0)?;
            }
            c.key_epoch += 1;
            c.modified_at = store::now();
            s.update_community(&c)?;
            let new_key = Key32::generate();
            for mut m in members {
                self.rewrap_member(&c, &mut m, &new_key)?;
                s.put_member(&m)?;
            }
            for ((sec, _), keys) in shares.iter().zip(deks) {
                let sh = self.make_share(&c, &new_key, sec, &keys);
                s.put_share(&sh)?;
            }
            self.sign_community_head(&c.id)
        })
    }
}
