//! Who may read what, checked cryptographically. A membership (project or community) is two
//! signed facts in one row: the membership itself (role or admin flag), signed by whoever
//! granted it, which chains down to the creator committed in the id; and the key wrapped to the
//! member for the current key epoch, signed by an owner or admin whose own membership verifies.
//! A row that fails any check is tampering and is never used.

use super::{committed_id, Role, Vault};
use crate::crypto::{self, domain, Key32};
use crate::store::{self, CommunityRow, GrantRow, MemberRow, ProjectRow, UserRow};
use crate::{Error, Result};

fn parts(v: &[Vec<u8>]) -> Vec<&[u8]> {
    v.iter().map(Vec::as_slice).collect()
}

impl Vault {
    fn membership_parts(&self, scope_id: &str, user_id: &str, role: &str, granted_by: &str) -> Vec<Vec<u8>> {
        [self.vault_id.as_str(), scope_id, user_id, role, granted_by].iter().map(|s| s.as_bytes().to_vec()).collect()
    }

    fn wrap_parts(&self, scope_id: &str, user_id: &str, epoch: i64) -> Vec<Vec<u8>> {
        vec![
            self.vault_id.as_bytes().to_vec(),
            scope_id.as_bytes().to_vec(),
            user_id.as_bytes().to_vec(),
            epoch.to_be_bytes().to_vec(),
        ]
    }

    fn key_sig_parts(&self, scope_id: &str, user_id: &str, epoch: i64, wrapped: &[u8], signer: &str) -> Vec<Vec<u8>> {
        let mut p = self.wrap_parts(scope_id, user_id, epoch);
        p.push(crypto::sha256(wrapped).to_vec());
        p.push(signer.as_bytes().to_vec());
        p
    }

    /// Wraps `key` to `user` for `epoch` and signs the wrap: (wrapped key, signature).
    fn wrap_to_user(
        &self,
        dom: (&str, &str),
        scope_id: &str,
        user: &UserRow,
        key: &Key32,
        epoch: i64,
    ) -> Result<(Vec<u8>, Vec<u8>)> {
        let keys = self.verify_user(user, 0)?;
        let wrapped =
            crypto::wrap_key(&keys.recipient, key, dom.0, &parts(&self.wrap_parts(scope_id, &user.id, epoch)));
        let sig = self.keys.sign(dom.1, &parts(&self.key_sig_parts(scope_id, &user.id, epoch, &wrapped, &self.me.id)));
        Ok((wrapped, sig))
    }

    // ---- projects ----

    /// A new grant of `key` in `project` to `user` with `role`, signed by us.
    pub(super) fn make_grant(&self, project: &ProjectRow, user: &UserRow, role: Role, key: &Key32) -> Result<GrantRow> {
        let (wrapped_key, key_sig) = self.wrap_to_user(
            (domain::PROJECT_GRANT, domain::PROJECT_KEY_SIG),
            &project.id,
            user,
            key,
            project.key_epoch,
        )?;
        let sig = self.keys.sign(
            domain::PROJECT_GRANT_SIG,
            &parts(&self.membership_parts(&project.id, &user.id, role.as_str(), &self.me.id)),
        );
        Ok(GrantRow {
            project_id: project.id.clone(),
            user_id: user.id.clone(),
            role: role.as_str().to_owned(),
            granted_by: self.me.id.clone(),
            sig,
            key_epoch: project.key_epoch,
            wrapped_key,
            key_signer: self.me.id.clone(),
            key_sig,
            created_at: store::now(),
        })
    }

    /// Re-wraps a member's grant to a new project key (rotation); the membership is unchanged.
    pub(super) fn rewrap_grant(&self, project: &ProjectRow, g: &mut GrantRow, key: &Key32) -> Result<()> {
        let user = self.store.user_by_id(&g.user_id)?.ok_or_else(|| Error::tampered("a member's roster entry"))?;
        let (w, s) = self.wrap_to_user(
            (domain::PROJECT_GRANT, domain::PROJECT_KEY_SIG),
            &project.id,
            &user,
            key,
            project.key_epoch,
        )?;
        g.key_epoch = project.key_epoch;
        g.wrapped_key = w;
        g.key_sig = s;
        g.key_signer = self.me.id.clone();
        Ok(())
    }

    /// Before `x` loses ownership of `p` (removal or demotion): memberships `x` granted are
    /// re-signed by us and key wraps `x` signed are re-made by us, so they keep verifying.
    /// Refused when our own membership comes from `x` (we cannot vouch for ourselves). Runs
    /// inside a write; the caller checks every membership afterwards with `recheck_grants`.
    pub(super) fn adopt_grants_of(&self, p: &ProjectRow, x: &str, key: &Key32) -> Result<()> {
        // Every row must verify as it stands first: a row slipped into the file is tampering
        // (exit 7), not something to adopt.
        let grants = self.store.grants(&p.id)?;
        for g in &grants {
            self.verify_grant(p, g, 0)?;
        }
        for mut g in grants {
            if g.user_id == x || (g.granted_by != x && g.key_signer != x) {
                continue;
            }
            if g.user_id == self.me.id && g.granted_by == x {
                let who = self.user_name(x)?;
                return Err(Error::Conflict(format!(
                    "your own membership of project '{}' was granted by '{who}'; ask an owner whose membership does not come from '{who}' (the project's creator, say)",
                    p.name
                )));
            }
            if g.granted_by == x {
                g.granted_by = self.me.id.clone();
                g.sig = self.keys.sign(
                    domain::PROJECT_GRANT_SIG,
                    &parts(&self.membership_parts(&p.id, &g.user_id, &g.role, &self.me.id)),
                );
            }
            if g.key_signer == x {
                self.rewrap_grant(p, &mut g, key)?;
            }
            self.store.put_grant(&g)?;
        }
        Ok(())
    }

    /// Checks every membership of `p` from scratch (after a change to who granted what).
    pub(super) fn recheck_grants(&self, p: &ProjectRow) -> Result<()> {
        self.grants_ok.borrow_mut().clear();
        for g in self.store.grants(&p.id)? {
            self.verify_grant(p, &g, 0).map_err(|_| {
                Error::Conflict(format!(
                    "that change would leave a membership of project '{}' that no current owner vouches for; nothing was changed",
                    p.name
                ))
            })?;
        }
        Ok(())
    }

    /// Verifies a membership: its signature, and that its signer could grant it (the creator
    /// committed in the project id granting themselves ownership, or an owner whose membership
    /// verifies in turn). Returns the role.
    pub(super) fn verify_grant(&self, project: &ProjectRow, g: &GrantRow, depth: usize) -> Result<Role> {
        self.check_project_head(project)?;
        let key = (project.id.clone(), g.user_id.clone(), g.sig.clone());
        if let Some(&r) = self.grants_ok.borrow().get(&key) {
            if let Some(role) = [Role::Viewer, Role::Editor, Role::Owner].into_iter().find(|x| *x as u8 == r) {
                if role.as_str() == g.role && project.personal_of.as_deref().is_none_or(|p| p == g.user_id) {
                    return Ok(role);
                }
            }
        }
        let role = self.verify_grant_uncached(project, g, depth)?;
        self.grants_ok.borrow_mut().insert(key, role as u8);
        Ok(role)
    }

    fn verify_grant_uncached(&self, project: &ProjectRow, g: &GrantRow, depth: usize) -> Result<Role> {
        let what = || format!("membership of project '{}'", project.name);
        if depth > 16 || g.project_id != project.id {
            return Err(Error::tampered(what()));
        }
        let role = Role::parse(&g.role).ok_or_else(|| Error::tampered(what()))?;
        if project.personal_of.as_deref().is_some_and(|p| p != g.user_id) {
            return Err(Error::tampered(what()));
        }
        let signer = self.user_keys(&g.granted_by)?;
        let mp = self.membership_parts(&project.id, &g.user_id, &g.role, &g.granted_by);
        crypto::verify(&signer.verifying, &g.sig, domain::PROJECT_GRANT_SIG, &parts(&mp))
            .map_err(|_| Error::tampered(what()))?;
        if g.granted_by == g.user_id {
            let creator_ok = g.user_id == project.created_by
                && role == Role::Owner
                && project.id == committed_id(domain::PROJECT_ID, signer.verifying.as_bytes(), &project.id_nonce);
            if !creator_ok {
                return Err(Error::tampered(what()));
            }
        } else {
            let granter = self.store.grant(&project.id, &g.granted_by)?.ok_or_else(|| Error::tampered(what()))?;
            if self.verify_grant(project, &granter, depth + 1)? != Role::Owner {
                return Err(Error::tampered(what()));
            }
        }
        Ok(role)
    }

    /// Our verified role in a project, or permission denied.
    pub(super) fn my_role(&self, project: &ProjectRow) -> Result<(Role, GrantRow)> {
        let g = self.store.grant(&project.id, &self.me.id)?.ok_or_else(|| Error::PermissionDenied {
            user: self.me.name.clone(),
            lacks: format!("is not a member of project '{}'", project.name),
        })?;
        let role = self.verify_grant(project, &g, 0)?;
        Ok((role, g))
    }

    /// Checks a member's key wrap: for the project's current epoch, signed by an owner whose
    /// membership verifies. A rotation re-wraps only to rows that pass (an old row put back with
    /// its epoch edited does not).
    pub(super) fn verify_project_wrap(&self, project: &ProjectRow, g: &GrantRow) -> Result<()> {
        let what = || format!("the key of project '{}'", project.name);
        if g.key_epoch != project.key_epoch {
            return Err(Error::tampered(what()));
        }
        let signer_grant = self.store.grant(&project.id, &g.key_signer)?.ok_or_else(|| Error::tampered(what()))?;
        if self.verify_grant(project, &signer_grant, 0)? != Role::Owner {
            return Err(Error::tampered(what()));
        }
        let signer = self.user_keys(&g.key_signer)?;
        let kp = self.key_sig_parts(&project.id, &g.user_id, g.key_epoch, &g.wrapped_key, &g.key_signer);
        crypto::verify(&signer.verifying, &g.key_sig, domain::PROJECT_KEY_SIG, &parts(&kp))
            .map_err(|_| Error::tampered(what()))
    }

    /// Unwraps the project key from our grant after checking who wrapped it.
    pub(super) fn project_key(&self, project: &ProjectRow, g: &GrantRow) -> Result<Key32> {
        let what = || format!("the key of project '{}'", project.name);
        if g.user_id != self.me.id {
            return Err(Error::tampered(what()));
        }
        self.verify_project_wrap(project, g)?;
        let wp = self.wrap_parts(&project.id, &self.me.id, g.key_epoch);
        self.keys.unwrap_key(&g.wrapped_key, domain::PROJECT_GRANT, &parts(&wp)).map_err(|_| Error::tampered(what()))
    }

    // ---- communities ----

    /// A new community membership of `user`, signed by us, with `key` wrapped to them.
    pub(super) fn make_member(
        &self,
        c: &CommunityRow,
        user: &UserRow,
        is_admin: bool,
        key: &Key32,
    ) -> Result<MemberRow> {
        let (wrapped_key, key_sig) =
            self.wrap_to_user((domain::COMMUNITY_GRANT, domain::COMMUNITY_KEY_SIG), &c.id, user, key, c.key_epoch)?;
        let role = if is_admin { "admin" } else { "member" };
        let sig = self
            .keys
            .sign(domain::COMMUNITY_GRANT_SIG, &parts(&self.membership_parts(&c.id, &user.id, role, &self.me.id)));
        Ok(MemberRow {
            community_id: c.id.clone(),
            user_id: user.id.clone(),
            is_admin,
            granted_by: self.me.id.clone(),
            sig,
            key_epoch: c.key_epoch,
            wrapped_key,
            key_signer: self.me.id.clone(),
            key_sig,
            created_at: store::now(),
        })
    }

    /// Re-wraps a member's community key after rotation.
    pub(super) fn rewrap_member(&self, c: &CommunityRow, m: &mut MemberRow, key: &Key32) -> Result<()> {
        let user = self.store.user_by_id(&m.user_id)?.ok_or_else(|| Error::tampered("a member's roster entry"))?;
        let (w, s) =
            self.wrap_to_user((domain::COMMUNITY_GRANT, domain::COMMUNITY_KEY_SIG), &c.id, &user, key, c.key_epoch)?;
        m.key_epoch = c.key_epoch;
        m.wrapped_key = w;
        m.key_sig = s;
        m.key_signer = self.me.id.clone();
        Ok(())
    }

    /// Verifies a community membership; returns whether it is an admin membership.
    pub(super) fn verify_member(&self, c: &CommunityRow, m: &MemberRow, depth: usize) -> Result<bool> {
        self.check_community_head(c)?;
        let key = (c.id.clone(), m.user_id.clone(), m.sig.clone());
        if let Some(&admin) = self.grants_ok.borrow().get(&key) {
            if (admin == 1) == m.is_admin {
                return Ok(m.is_admin);
            }
        }
        let admin = self.verify_member_uncached(c, m, depth)?;
        self.grants_ok.borrow_mut().insert(key, u8::from(admin));
        Ok(admin)
    }

    fn verify_member_uncached(&self, c: &CommunityRow, m: &MemberRow, depth: usize) -> Result<bool> {
        let what = || format!("membership of community '{}'", c.name);
        if depth > 16 || m.community_id != c.id {
            return Err(Error::tampered(what()));
        }
        let role = if m.is_admin { "admin" } else { "member" };
        let signer = self.user_keys(&m.granted_by)?;
        let mp = self.membership_parts(&c.id, &m.user_id, role, &m.granted_by);
        crypto::verify(&signer.verifying, &m.sig, domain::COMMUNITY_GRANT_SIG, &parts(&mp))
            .map_err(|_| Error::tampered(what()))?;
        if m.granted_by == m.user_id {
            let creator_ok = m.user_id == c.created_by
                && m.is_admin
                && c.id == committed_id(domain::COMMUNITY_ID, signer.verifying.as_bytes(), &c.id_nonce);
            if !creator_ok {
                return Err(Error::tampered(what()));
            }
        } else {
            let granter = self.store.member(&c.id, &m.granted_by)?.ok_or_else(|| Error::tampered(what()))?;
            if !self.verify_member(c, &granter, depth + 1)? {
                return Err(Error::tampered(what()));
            }
        }
        Ok(m.is_admin)
    }

    /// Our verified membership of a community: (is admin, row), or permission denied.
    pub(super) fn my_membership(&self, c: &CommunityRow) -> Result<(bool, MemberRow)> {
        let m = self.store.member(&c.id, &self.me.id)?.ok_or_else(|| Error::PermissionDenied {
            user: self.me.name.clone(),
            lacks: format!("is not a member of community '{}'", c.name),
        })?;
        let admin = self.verify_member(c, &m, 0)?;
        Ok((admin, m))
    }

    /// Unwraps the community key from our membership after checking who wrapped it.
    pub(super) fn community_key(&self, c: &CommunityRow, m: &MemberRow) -> Result<Key32> {
        let what = || format!("the key of community '{}'", c.name);
        if m.key_epoch != c.key_epoch || m.user_id != self.me.id {
            return Err(Error::tampered(what()));
        }
        let signer_m = self.store.member(&c.id, &m.key_signer)?.ok_or_else(|| Error::tampered(what()))?;
        if !self.verify_member(c, &signer_m, 0)? {
            return Err(Error::tampered(what()));
        }
        let signer = self.user_keys(&m.key_signer)?;
        let kp = self.key_sig_parts(&c.id, &m.user_id, m.key_epoch, &m.wrapped_key, &m.key_signer);
        crypto::verify(&signer.verifying, &m.key_sig, domain::COMMUNITY_KEY_SIG, &parts(&kp))
            .map_err(|_| Error::tampered(what()))?;
        let wp = self.wrap_parts(&c.id, &self.me.id, m.key_epoch);
        self.keys.unwrap_key(&m.wrapped_key, domain::COMMUNITY_GRANT, &parts(&wp)).map_err(|_| Error::tampered(what()))
    }
}
