//! Communities and projects: linking a project to its community, sharing a secret into the
//! community (its data key also wrapped under the community key), unsharing (which rotates the
//! data key), and the shared secrets a project's members see and run with.

use zeroize::Zeroizing;

use super::value::{RunSecret, ShareKeys, SharedSecret};
use super::{names, Role, Scope, Vault};
use crate::crypto::{self, domain, Key32};
use crate::provider::Token;
use crate::store::{self, AcceptRow, CommunityRow, ProjectRow, SecretRow, ShareRow};
use crate::{Error, Result};

impl Vault {
    fn link_parts(&self, project_id: &str, community_id: &str) -> [Vec<u8>; 3] {
        [self.vault_id.as_bytes().to_vec(), project_id.as_bytes().to_vec(), community_id.as_bytes().to_vec()]
    }

    /// Links a project to a community (or unlinks with `None`): an owner of the project who is a
    /// member of the community signs the link. Runs inside a write.
    pub(super) fn link_community(&self, p: &mut ProjectRow, community: Option<&str>) -> Result<()> {
        match community {
            None => {
                p.community_id = None;
                p.community_sig = None;
            }
            Some(name) => {
                let c = self.store.community_by_name(name)?.ok_or_else(|| Error::NotFound {
                    kind: "community",
                    name: names::printable(name),
                    scope: None,
                })?;
                self.my_membership(&c)?;
                let lp = self.link_parts(&p.id, &c.id);
                let lp: Vec<&[u8]> = lp.iter().map(Vec::as_slice).collect();
                p.community_sig = Some(self.keys.sign(domain::PROJECT_COMMUNITY, &lp));
                p.community_id = Some(c.id);
            }
        }
        Ok(())
    }

    /// The project's community, verified: the link must be signed by an owner of the project.
    pub(super) fn project_community(&self, p: &ProjectRow) -> Result<Option<CommunityRow>> {
        let Some(cid) = &p.community_id else { return Ok(None) };
        let what = || format!("the community link of project '{}'", p.name);
        let c = self.store.community_by_id(cid)?.ok_or_else(|| Error::tampered(what()))?;
        let sig = p.community_sig.as_deref().ok_or_else(|| Error::tampered(what()))?;
        let lp = self.link_parts(&p.id, cid);
        let lp: Vec<&[u8]> = lp.iter().map(Vec::as_slice).collect();
        // Any current owner may have signed it.
        for g in self.store.grants(&p.id)? {
            if self.verify_grant(p, &g, 0).ok() == Some(Role::Owner) {
                let keys = self.user_keys(&g.user_id)?;
                if crypto::verify(&keys.verifying, sig, domain::PROJECT_COMMUNITY, &lp).is_ok() {
                    return Ok(Some(c));
                }
            }
        }
        Err(Error::tampered(what()))
    }

    /// A shared data key's binding under the community key: format 2 (`bind` 2) binds the
    /// secret's name too, so a receiving project cannot be made to read one shared secret
    /// under another's name; format 3 (`bind` 3) binds the provider that keeps the value as
    /// well, whose token is sealed along with the key (see [`ShareKeys`]).
    fn share_ad(&self, c: &CommunityRow, s: &SecretRow, bind: i64) -> Vec<u8> {
        let parts: [&[u8]; 5] = [
            self.vault_id.as_bytes(),
            s.id.as_bytes(),
            c.id.as_bytes(),
            &c.key_epoch.to_be_bytes(),
            &[u8::from(s.write_only)],
        ];
        match bind {
            3 => {
                let mut v3 = parts.to_vec();
                v3.push(s.name.as_bytes());
                v3.push(s.provider.as_deref().unwrap_or("").as_bytes());
                crypto::ad(domain::SHARED_DEK_V3, &v3)
            }
            2 => {
                let mut v2 = parts.to_vec();
                v2.push(s.name.as_bytes());
                crypto::ad(domain::SHARED_DEK_V2, &v2)
            }
            _ => crypto::ad(domain::SHARED_DEK, &parts),
        }
    }

    fn share_sig_parts(&self, sh: &ShareRow) -> Vec<Vec<u8>> {
        vec![
            self.vault_id.as_bytes().to_vec(),
            sh.secret_id.as_bytes().to_vec(),
            sh.community_id.as_bytes().to_vec(),
            sh.key_epoch.to_be_bytes().to_vec(),
            crypto::sha256(&sh.wrapped_dek).to_vec(),
            sh.shared_by.as_bytes().to_vec(),
        ]
    }

    /// A share of `s` into `c`: its data key (and, for a secret kept in a provider, the
    /// provider's token) sealed under the community key, signed by us.
    pub(super) fn make_share(&self, c: &CommunityRow, ckey: &Key32, s: &SecretRow, keys: &ShareKeys) -> ShareRow {
        let mut payload = Zeroizing::new(keys.dek.expose().to_vec());
        if let Some(t) = &keys.token {
            payload.extend_from_slice(t.expose().as_bytes());
        }
        let mut sh = ShareRow {
            secret_id: s.id.clone(),
            community_id: c.id.clone(),
            key_epoch: c.key_epoch,
            wrapped_dek: crypto::seal(ckey, &payload, &self.share_ad(c, s, 3)),
            shared_by: self.me.id.clone(),
            sig: Vec::new(),
            created_at: store::now(),
            bind: 3,
        };
        let sp = self.share_sig_parts(&sh);
        let sp: Vec<&[u8]> = sp.iter().map(Vec::as_slice).collect();
        sh.sig = self.keys.sign(domain::SHARE_SIG, &sp);
        sh
    }

    /// Opens a share after checking it was made by a community admin: the data key, and the
    /// provider's token when the secret is kept in one (a share made before format 3 holds
    /// only a key, and never of such a secret).
    pub(super) fn open_share(&self, c: &CommunityRow, ckey: &Key32, s: &SecretRow, sh: &ShareRow) -> Result<ShareKeys> {
        let what = || format!("the share of secret '{}' into community '{}'", s.name, c.name);
        if sh.key_epoch != c.key_epoch || sh.secret_id != s.id || sh.community_id != c.id || !(1..=3).contains(&sh.bind)
        {
            return Err(Error::tampered(what()));
        }
        let sharer = self.store.member(&c.id, &sh.shared_by)?.ok_or_else(|| Error::tampered(what()))?;
        if !self.verify_member(c, &sharer, 0)? {
            return Err(Error::tampered(what()));
        }
        let sp = self.share_sig_parts(sh);
        let sp: Vec<&[u8]> = sp.iter().map(Vec::as_slice).collect();
        let keys = self.user_keys(&sh.shared_by)?;
        crypto::verify(&keys.verifying, &sh.sig, domain::SHARE_SIG, &sp).map_err(|_| Error::tampered(what()))?;
        let pt =
            crypto::open(ckey, &sh.wrapped_dek, &self.share_ad(c, s, sh.bind)).map_err(|_| Error::tampered(what()))?;
        if pt.len() < 32 {
            return Err(Error::tampered(what()));
        }
        let (key, rest) = pt.split_at(32);
        let token = match (&s.provider, rest.is_empty(), sh.bind >= 3) {
            (None, true, _) => None,
            (Some(_), false, true) => {
                Some(Token::from_plaintext(Zeroizing::new(rest.to_vec())).ok_or_else(|| Error::tampered(what()))?)
            }
            _ => return Err(Error::tampered(what())),
        };
        Ok(ShareKeys { dek: Key32::from_slice(key).map_err(|_| Error::tampered(what()))?, token })
    }

    fn share_target(&self, p: &ProjectRow, community: Option<&str>) -> Result<CommunityRow> {
        let home = self.project_community(p)?;
        match (home, community) {
            (Some(c), None) => Ok(c),
            (Some(c), Some(n)) if c.name == n => Ok(c),
            (Some(c), Some(n)) => Err(Error::Usage(format!(
                "project '{}' belongs to community '{}', not '{n}'; a secret is shared with its project's community",
                p.name, c.name
            ))),
            (None, _) => Err(Error::Usage(format!(
                "project '{}' belongs to no community; link it with `vault project edit {} --community C`",
                p.name, p.name
            ))),
        }
    }

    /// Shares a secret with its project's community (community admin who can read the secret).
    /// A secret kept in a provider is shared with that provider's token, which lets the
    /// community's members read whatever the token's policy allows: unless another secret of
    /// that provider is already shared there, `provider_token` must say the caller means it.
    pub fn share_secret(
        &self,
        project: &str,
        name: &str,
        community: Option<&str>,
        provider_token: bool,
    ) -> Result<String> {
        self.store.write(|s| {
            let p = self.project(project)?;
            let grant = self.require(&p, Role::Viewer, "sharing a secret")?;
            let c = self.share_target(&p, community)?;
            let me = self.require_community_admin(&c, "sharing a secret")?;
            let row = s
                .secret(&p.id, name)?
                .ok_or_else(|| Error::SecretNotFound { name: names::printable(name), project: project.to_owned() })?;
            if s.shares_of(&row.id)?.iter().any(|sh| sh.community_id == c.id) {
                return Err(Error::AlreadyExists {
                    kind: "share of secret",
                    name: name.to_owned(),
                    scope: Some(format!("community '{}'", c.name)),
                });
            }
            if let Some(provider) = &row.provider {
                let holds = s.shared_into(&c.id)?.iter().any(|(r, _)| r.provider.as_ref() == Some(provider));
                if !holds && !provider_token {
                    return Err(Error::Usage(format!(
                        "secret '{name}' keeps its value in provider '{provider}': sharing it gives every member of \
                         community '{}' that provider's token, which reads whatever its policy allows, not only this \
                         secret; pass --provider-token if that is what you want (or move the value back into the \
                         vault file first with `vault secret edit {name} --project {project} --local`)",
                        c.name
                    )));
                }
            }
            let pkey = self.project_key(&p, &grant)?;
            let dek = self.open_dek(&p, &pkey, &row)?;
            let token = match &row.provider {
                Some(provider) => Some(self.project_token(provider, &p, &pkey, false)?),
                None => None,
            };
            let ckey = self.community_key(&c, &me)?;
            s.put_share(&self.make_share(&c, &ckey, &row, &ShareKeys { dek, token }))?;
            Ok(c.name)
        })
    }

    /// Ends a share (community admin) and rotates the secret's data key, so the community's
    /// members cannot open versions written from now on.
    pub fn unshare_secret(&self, project: &str, name: &str, community: Option<&str>) -> Result<String> {
        self.store.write(|s| {
            let p = self.project(project)?;
            let grant = self.require(&p, Role::Viewer, "unsharing a secret")?;
            let c = self.share_target(&p, community)?;
            self.require_community_admin(&c, "unsharing a secret")?;
            let mut row = s
                .secret(&p.id, name)?
                .ok_or_else(|| Error::SecretNotFound { name: names::printable(name), project: project.to_owned() })?;
            if !s.shares_of(&row.id)?.iter().any(|sh| sh.community_id == c.id) {
                return Err(Error::NotFound {
                    kind: "share of secret",
                    name: name.to_owned(),
                    scope: Some(format!("community '{}'", c.name)),
                });
            }
            s.delete_share(&row.id, &c.id)?;
            // Shared again later, it must be accepted again.
            s.delete_accepts_of_secret(&row.id)?;
            let pkey = self.project_key(&p, &grant)?;
            let old = self.open_dek(&p, &pkey, &row)?;
            let new = self.reseal_versions(&p, &row, &row, &old, Key32::generate())?;
            self.wrap_dek(&p, &pkey, &mut row, &new);
            s.update_secret(&row)?;
            Ok(c.name)
        })
    }

    /// Re-seals every share of a renamed secret (`old` as it was) under its new name (the
    /// name is bound into each share). Each share's community needs us as an admin; otherwise
    /// the rename is refused and nothing changes. Runs inside a write.
    pub(super) fn reshare(&self, old: &SecretRow, row: &SecretRow) -> Result<()> {
        for sh in self.store.shares_of(&row.id)? {
            let c = self
                .store
                .community_by_id(&sh.community_id)?
                .ok_or_else(|| Error::tampered(format!("the share of secret '{}'", row.name)))?;
            let me = self.require_community_admin(&c, "renaming a secret shared with it")?;
            let ckey = self.community_key(&c, &me)?;
            let keys = self.open_share(&c, &ckey, old, &sh)?;
            self.store.put_share(&self.make_share(&c, &ckey, row, &keys))?;
        }
        Ok(())
    }

    /// Secrets shared into `p`'s community from its other projects, which we can open as a
    /// community member; with `reveal`, their values. Not a member: none.
    pub(super) fn shared_secrets(&self, p: &ProjectRow, reveal: bool) -> Result<Vec<SharedSecret>> {
        let Some(c) = self.project_community(p)? else { return Ok(Vec::new()) };
        let Some(m) = self.store.member(&c.id, &self.me.id)? else { return Ok(Vec::new()) };
        self.verify_member(&c, &m, 0)?;
        let ckey = if reveal { Some(self.community_key(&c, &m)?) } else { None };
        let mut out = Vec::new();
        let accepts = self.store.accepts_of(&p.id)?;
        let mut opened: Vec<(usize, ShareKeys)> = Vec::new();
        for (row, sh) in self.store.shared_into(&c.id)? {
            if row.project_id == p.id {
                continue;
            }
            let home = self.store.project_by_id(&row.project_id)?.map(|h| h.name).unwrap_or_default();
            let accepted_as = match accepts.get(&row.id) {
                Some(a) => self.accepted_env(p, &row, a)?,
                None => None,
            };
            if let Some(k) = &ckey {
                opened.push((out.len(), self.open_share(&c, k, &row, &sh)?));
            }
            out.push(SharedSecret { row, home, value: None, accepted_as });
        }
        if !opened.is_empty() {
            self.open_shared_values(&mut out, opened)?;
        }
        Ok(out)
    }

    /// The community a secret of ours is shared with, if any (for listings in its home).
    pub(super) fn shared_with(&self, s: &SecretRow) -> Result<Option<String>> {
        match self.store.shares_of(&s.id)?.first() {
            Some(sh) => Ok(self.store.community_by_id(&sh.community_id)?.map(|c| c.name)),
            None => Ok(None),
        }
    }

    /// Every secret a program run in `scope` gets: the project's own, then the ones shared into
    /// its community; a project secret wins over a shared one of the same env name.
    pub fn run_secrets(&self, scope: &Scope) -> Result<Vec<RunSecret>> {
        self.project_values(scope, true)
    }

    /// Every value readable in `scope`, for `vault scan`: the project's own and every secret
    /// shared into its community, accepted here or not, whatever its env name (a value that
    /// leaks is a leak before anyone accepts it).
    pub fn scan_secrets(&self, scope: &Scope) -> Result<Vec<RunSecret>> {
        self.project_values(scope, false)
    }

    fn project_values(&self, scope: &Scope, for_run: bool) -> Result<Vec<RunSecret>> {
        // On a database: the project, its grants and every secret with its version, asked in
        // one round trip.
        let project_name = match scope {
            Scope::Project(p) => p.clone(),
            Scope::Private => self.personal_name(),
        };
        self.store.prefetch(&[crate::store::Ask::ProjectSecrets { project: &project_name, user_id: &self.me.id }])?;
        let Some(project) = self.scope_project(scope, false)? else { return Ok(Vec::new()) };
        let grant = self.require(&project, Role::Viewer, "running a program with its secrets")?;
        let pkey = self.project_key(&project, &grant)?;
        let rows = self.store.secrets(&project.id)?;
        // Provider-backed values are fetched in parallel, not one round trip after another.
        let values = self.open_values(&project, &pkey, &rows, |_| true)?;
        let mut out = Vec::new();
        for (row, value) in rows.into_iter().zip(values) {
            let value = value.ok_or_else(|| Error::tampered(format!("a secret of project '{}'", project.name)))?;
            out.push(RunSecret {
                name: row.name,
                env_name: row.env_name,
                project: project.name.clone(),
                value,
                write_only: row.write_only,
                shared: false,
            });
        }
        // A shared secret reaches the program only under the env name this project accepted
        // it as: its home project's editors do not choose what runs here.
        for sh in self.shared_secrets(&project, true)? {
            let env_name = match (sh.accepted_as, for_run) {
                (Some(env_name), _) => env_name,
                (None, false) => sh.row.env_name.clone(),
                (None, true) => continue,
            };
            if for_run && out.iter().any(|r| r.env_name == env_name) {
                continue;
            }
            let Some(value) = sh.value else { continue };
            out.push(RunSecret {
                name: sh.row.name,
                env_name,
                project: sh.home,
                value,
                write_only: sh.row.write_only,
                shared: true,
            });
        }
        Ok(out)
    }

    fn accept_parts(&self, a: &AcceptRow) -> Vec<Vec<u8>> {
        [
            self.vault_id.as_str(),
            &a.project_id,
            &a.secret_id,
            &a.secret_name,
            &a.home_env_name,
            &a.env_name,
            &a.accepted_by,
        ]
        .iter()
        .map(|s| s.as_bytes().to_vec())
        .collect()
    }

    /// The env name a project's acceptance of a shared secret gives it, if the acceptance
    /// still holds: made for the secret's current name and env name at home, signed by a user
    /// who is now an owner or editor of the project. A signature that fails is tampering.
    fn accepted_env(&self, p: &ProjectRow, row: &SecretRow, a: &AcceptRow) -> Result<Option<String>> {
        let what = || format!("the acceptance of shared secret '{}' in project '{}'", row.name, p.name);
        if a.project_id != p.id || a.secret_id != row.id {
            return Err(Error::tampered(what()));
        }
        let signer = self.user_keys(&a.accepted_by)?;
        let ap = self.accept_parts(a);
        let ap: Vec<&[u8]> = ap.iter().map(Vec::as_slice).collect();
        crypto::verify(&signer.verifying, &a.sig, domain::ACCEPT_SIG, &ap).map_err(|_| Error::tampered(what()))?;
        // Changed at home since: the acceptance no longer holds (accept it again).
        if a.secret_name != row.name || a.home_env_name != row.env_name {
            return Ok(None);
        }
        let Some(g) = self.store.grant(&p.id, &a.accepted_by)? else { return Ok(None) };
        if self.verify_grant(p, &g, 0)? < Role::Editor || names::check_env(&a.env_name).is_err() {
            return Ok(None);
        }
        Ok(Some(a.env_name.clone()))
    }

    /// The one secret named `name` shared into `p` (from `from`, when given).
    fn shared_one(&self, p: &ProjectRow, name: &str, from: Option<&str>) -> Result<SharedSecret> {
        let mut found: Vec<SharedSecret> = self
            .shared_secrets(p, false)?
            .into_iter()
            .filter(|s| s.row.name == name && from.is_none_or(|f| s.home == f))
            .collect();
        match found.len() {
            0 => Err(Error::NotFound {
                kind: "shared secret",
                name: names::printable(name),
                scope: Some(format!(
                    "project '{}'{}",
                    p.name,
                    from.map(|f| format!(" from project '{}'", names::printable(f))).unwrap_or_default()
                )),
            }),
            1 => Ok(found.remove(0)),
            _ => Err(Error::Usage(format!(
                "secret '{name}' is shared into project '{}' from several projects ({}); pass --from PROJECT",
                p.name,
                found.iter().map(|s| s.home.as_str()).collect::<Vec<_>>().join(", ")
            ))),
        }
    }

    /// Accepts a secret shared into `project`'s community (owner or editor of `project`): from
    /// now on it reaches the project's programs as `env_name` (default: its env name at home),
    /// until its name or env name changes at home or the acceptance is withdrawn. Returns
    /// (home project, env name).
    pub fn accept_shared(
        &self,
        project: &str,
        name: &str,
        from: Option<&str>,
        env_name: Option<&str>,
    ) -> Result<(String, String)> {
        if let Some(e) = env_name {
            names::check_env(e)?;
        }
        self.store.write(|s| {
            let p = self.project(project)?;
            self.require(&p, Role::Editor, "accepting a shared secret")?;
            let sh = self.shared_one(&p, name, from)?;
            let env = env_name.unwrap_or(&sh.row.env_name).to_owned();
            names::check_env(&env)?;
            if let Some(other) = s.secret_by_env(&p.id, &env)? {
                return Err(Error::AlreadyExists {
                    kind: "env var name",
                    name: env,
                    scope: Some(format!("project '{}' (secret '{}'); pass --env-name ENV", p.name, other.name)),
                });
            }
            if let Some(other) = s.accepts_of(&p.id)?.values().find(|a| a.env_name == env && a.secret_id != sh.row.id) {
                return Err(Error::AlreadyExists {
                    kind: "env var name",
                    name: env,
                    scope: Some(format!(
                        "project '{}' (accepted shared secret '{}'); pass --env-name ENV",
                        p.name, other.secret_name
                    )),
                });
            }
            let mut a = AcceptRow {
                project_id: p.id.clone(),
                secret_id: sh.row.id.clone(),
                secret_name: sh.row.name.clone(),
                home_env_name: sh.row.env_name.clone(),
                env_name: env.clone(),
                accepted_by: self.me.id.clone(),
                sig: Vec::new(),
                created_at: store::now(),
            };
            let ap = self.accept_parts(&a);
            let ap: Vec<&[u8]> = ap.iter().map(Vec::as_slice).collect();
            a.sig = self.keys.sign(domain::ACCEPT_SIG, &ap);
            s.put_accept(&a)?;
            Ok((sh.home, env))
        })
    }

    /// Withdraws a project's acceptance of a shared secret (owner or editor): it stays listed
    /// but no longer reaches the project's programs. Returns its home project.
    pub fn unaccept_shared(&self, project: &str, name: &str, from: Option<&str>) -> Result<String> {
        self.store.write(|s| {
            let p = self.project(project)?;
            self.require(&p, Role::Editor, "withdrawing the acceptance of a shared secret")?;
            let sh = self.shared_one(&p, name, from)?;
            if !s.delete_accept(&p.id, &sh.row.id)? {
                return Err(Error::NotFound {
                    kind: "acceptance of shared secret",
                    name: names::printable(name),
                    scope: Some(format!("project '{}'", p.name)),
                });
            }
            Ok(sh.home)
        })
    }

    /// Brings what we may sign up to format 2 at unlock, in one write, only when there is
    /// such work for us: signed lists of members a format 1 file lacks (and the roster's after
    /// users enrolled), and data keys and shares sealed without the secret's name (projects we
    /// own or edit, communities we administer). Returns how many rows or lists it changed. Until an editor or community admin of theirs unlocks, format 1 rows keep
    /// format 1's binding (a swapped name is then not detected for them).
    pub fn rebind_legacy(&self) -> Result<usize> {
        let lists = self.roster_stale.get() && self.me.is_admin
            || self.store.missing_heads_for(&self.me.id, self.me.is_admin)?;
        if !lists && !self.store.has_legacy_bindings_for(&self.me.id)? {
            return Ok(0);
        }
        self.store.write(|s| {
            let mut n = self.sign_missing_heads()?;
            for (p, _) in s.projects_of(&self.me.id)? {
                let legacy: Vec<SecretRow> = s.secrets(&p.id)?.into_iter().filter(|r| r.bind < 2).collect();
                if legacy.is_empty() {
                    continue;
                }
                let (role, g) = self.my_role(&p)?;
                if role < Role::Editor {
                    continue;
                }
                let pkey = self.project_key(&p, &g)?;
                // A row that does not open is left as it is (it fails, exit 7, where it is
                // used), not made to stop every command of every editor.
                for mut row in legacy {
                    let Ok(dek) = self.open_dek(&p, &pkey, &row) else { continue };
                    self.wrap_dek(&p, &pkey, &mut row, &dek);
                    s.update_secret(&row)?;
                    n += 1;
                }
            }
            for c in s.communities()? {
                let Some(m) = s.member(&c.id, &self.me.id)? else { continue };
                let legacy = s.legacy_shares(&c.id)?;
                if legacy.is_empty() || !self.verify_member(&c, &m, 0)? {
                    continue;
                }
                let ckey = self.community_key(&c, &m)?;
                for (row, sh) in legacy {
                    let Ok(keys) = self.open_share(&c, &ckey, &row, &sh) else { continue };
                    s.put_share(&self.make_share(&c, &ckey, &row, &keys))?;
                    n += 1;
                }
            }
            Ok(n)
        })
    }
}
