//! External providers (DESIGN.md section 8): a vault admin adds an OpenBao / Vault KV v2 server;
//! its settings are signed by that admin, and its token is sealed, never stored in clear: the
//! admin's copy under the admin's personal project key, and a copy under the key of each project
//! that keeps values there (sealed by whoever created the first such secret in the project), so
//! the project's members read values through it. Rotating a project key re-seals its copies.
//!
//! This file owns the providers and their tokens; `remote.rs` owns the values kept in them.

use std::sync::Arc;

use super::{names, Vault};
use crate::crypto::{self, domain, Key32};
use crate::provider::{self, Health, NewSettings, Provider, Settings, Token};
use crate::store::{self, ProjectRow, ProviderRow, ShareRow, TokenRow};
use crate::{Error, Result};

/// What `provider add` is given.
#[derive(Debug)]
pub(crate) struct NewProvider {
    pub name: String,
    pub kind: String,
    pub(crate) settings: NewSettings,
    pub token: Token,
}

/// Whether a provider answered `sys/health`.
#[derive(Debug, Clone)]
pub enum Reach {
    /// It answered, unsealed; its version.
    Yes(String),
    /// It answered, but is sealed or not initialized.
    Sealed,
    /// No answer; why.
    No(String),
}

/// What `provider rotate-token` did.
#[derive(Debug)]
pub struct Rotated {
    /// Project copies re-sealed.
    pub copies: usize,
    /// Shares re-made with the new token.
    pub shares: usize,
    /// Projects whose copies were deleted (`--drop-unreachable`).
    pub dropped_projects: Vec<String>,
    /// Shares ended (`--drop-unreachable`), described.
    pub dropped_shares: Vec<String>,
}

/// Where members can open provider tokens (see [`Vault::tokens_reachable_in`]).
#[derive(Debug, Clone, Copy)]
pub enum TokenScope<'a> {
    Project(&'a str),
    Community(&'a str),
}

/// A share `rotate-token` cannot re-make.
struct OutOfReach {
    secret_id: String,
    community_id: String,
    label: String,
}

/// A provider as listed: settings (never the token), creator, reachability.
#[derive(Debug, Clone)]
pub struct ProviderInfo {
    pub row: ProviderRow,
    /// The row's settings, as its kind reads them.
    pub(crate) settings: Settings,
    pub creator: String,
    /// The vault admin whose signature on the settings holds: the creator, or the admin who
    /// demoted or removed them.
    pub signer: String,
    pub reach: Reach,
}

impl Vault {
    /// What a vault admin signs of a provider: its name, kind and the kind's settings.
    fn provider_sig_parts(&self, p: &ProviderRow) -> Result<Vec<Vec<u8>>> {
        let settings = Self::settings(p)?;
        let mut parts = vec![self.vault_id.as_bytes().to_vec(), p.name.as_bytes().to_vec(), p.kind.as_bytes().to_vec()];
        parts.extend(settings.sig_parts());
        parts.push(p.created_by.as_bytes().to_vec());
        Ok(parts)
    }

    fn token_ad(&self, provider: &str, project_id: &str, epoch: i64) -> Vec<u8> {
        crypto::ad(
            domain::PROVIDER_TOKEN,
            &[self.vault_id.as_bytes(), provider.as_bytes(), project_id.as_bytes(), &epoch.to_be_bytes()],
        )
    }

    /// A provider's settings after checking a vault admin signed them: whoever can write the
    /// file must not be able to send a token or a value to a server of their choosing.
    pub(super) fn verified_provider(&self, name: &str) -> Result<ProviderRow> {
        self.verified_provider_and_signer(name).map(|(row, _)| row)
    }

    /// The settings and the id of the vault admin whose signature holds: the admin who added
    /// the provider, or, once that admin was demoted or removed, the admin who did it and
    /// re-signed the same settings then ([`Vault::adopt_providers_of`]). A signature by anyone
    /// who is not a vault admin now (a demoted admin's, a forged one) is tampering.
    pub(super) fn verified_provider_and_signer(&self, name: &str) -> Result<(ProviderRow, String)> {
        let row = self.store.provider(name)?.ok_or_else(|| Error::NotFound {
            kind: "provider",
            name: names::printable(name),
            scope: None,
        })?;
        let what = || format!("the settings of provider '{}'", row.name);
        let parts = self.provider_sig_parts(&row)?;
        let parts: Vec<&[u8]> = parts.iter().map(Vec::as_slice).collect();
        let mut admins = self.store.users()?;
        admins.retain(|u| u.is_admin);
        // The adder first: the usual case is one verification.
        admins.sort_by_key(|u| u.id != row.created_by);
        for admin in admins {
            let Ok(keys) = self.verify_user(&admin, 0) else { continue };
            if crypto::verify(&keys.verifying, &row.sig, domain::PROVIDER_SIG, &parts).is_ok() {
                return Ok((row, admin.id));
            }
        }
        Err(Error::tampered(what()))
    }

    /// Re-signs, as us (a vault admin), the settings of every provider whose signature is
    /// `admin`'s, before `admin` is demoted or removed: their providers and the values kept
    /// there stay usable instead of reading as tampered. Inside a write.
    pub(super) fn adopt_providers_of(&self, admin: &str) -> Result<()> {
        for p in self.store.providers()? {
            let (mut row, signer) = self.verified_provider_and_signer(&p.name)?;
            if signer == admin {
                let parts = self.provider_sig_parts(&row)?;
                let parts: Vec<&[u8]> = parts.iter().map(Vec::as_slice).collect();
                row.sig = self.keys.sign(domain::PROVIDER_SIG, &parts);
                self.store.update_provider_sig(&row.name, &row.sig)?;
            }
        }
        Ok(())
    }

    /// A project's sealed copy of a provider token.
    pub(super) fn seal_token_copy(
        &self,
        provider: &str,
        project: &ProjectRow,
        pkey: &Key32,
        token: &Token,
    ) -> TokenRow {
        TokenRow {
            provider: provider.to_owned(),
            project_id: project.id.clone(),
            key_epoch: project.key_epoch,
            sealed: crypto::seal(
                pkey,
                token.expose().as_bytes(),
                &self.token_ad(provider, &project.id, project.key_epoch),
            ),
        }
    }

    fn open_token_copy(&self, project: &ProjectRow, pkey: &Key32, t: &TokenRow) -> Result<Token> {
        let what = || format!("the token of provider '{}' held by project '{}'", t.provider, project.name);
        if t.key_epoch != project.key_epoch || t.project_id != project.id {
            return Err(Error::tampered(what()));
        }
        let pt = crypto::open(pkey, &t.sealed, &self.token_ad(&t.provider, &project.id, t.key_epoch))
            .map_err(|_| Error::tampered(what()))?;
        Token::from_plaintext(pt).ok_or_else(|| Error::tampered(what()))
    }

    /// The token through any copy we can open: our personal project's first, then the projects
    /// we belong to. `skip` is a project already tried.
    fn token_from_any_copy(&self, provider: &str, skip: Option<&str>) -> Result<Token> {
        let mut copies = self.store.provider_tokens(provider)?;
        let personal = self.personal_project()?.map(|p| p.id);
        copies.sort_by_key(|t| Some(&t.project_id) != personal.as_ref());
        for t in copies {
            if Some(t.project_id.as_str()) == skip || self.store.grant(&t.project_id, &self.me.id)?.is_none() {
                continue;
            }
            let Some(project) = self.store.project_by_id(&t.project_id)? else { continue };
            let (_, grant) = self.my_role(&project)?;
            let pkey = self.project_key(&project, &grant)?;
            return self.open_token_copy(&project, &pkey, &t);
        }
        Err(Error::PermissionDenied {
            user: self.me.name.clone(),
            lacks: format!(
                "cannot use provider '{provider}': none of your projects holds its token; the vault admin who \
                 added it can create the first provider-backed secret in your project, which shares the token with it"
            ),
        })
    }

    /// A provider row's settings, as its kind reads them; text that is not its kind's (an
    /// unknown kind, edited JSON) is tampering.
    pub(crate) fn settings(row: &ProviderRow) -> Result<Settings> {
        Settings::decode(&row.kind, &row.settings)
            .ok_or_else(|| Error::tampered(format!("the settings of provider '{}'", row.name)))
    }

    /// The token of `provider` for `project`: the project's copy, or another copy we hold.
    /// With `seal_copy` (inside a write, as an editor), a project without a copy gets one
    /// sealed under its key, so its members can read what we write there.
    pub(super) fn project_token(
        &self,
        provider: &str,
        project: &ProjectRow,
        pkey: &Key32,
        seal_copy: bool,
    ) -> Result<Token> {
        Ok(match self.store.provider_token(provider, &project.id)? {
            Some(t) => self.open_token_copy(project, pkey, &t)?,
            None => {
                let token = self.token_from_any_copy(provider, Some(&project.id))?;
                if seal_copy {
                    self.store.put_provider_token(&self.seal_token_copy(provider, project, pkey, &token))?;
                }
                token
            }
        })
    }

    /// A client for `provider` acting for `project` (see [`Vault::project_token`]).
    pub(super) fn provider_client(
        &self,
        provider: &str,
        project: &ProjectRow,
        pkey: &Key32,
        seal_copy: bool,
    ) -> Result<Arc<dyn Provider>> {
        let row = self.verified_provider(provider)?;
        let token = self.project_token(provider, project, pkey, seal_copy)?;
        Self::settings(&row)?.connect(&row.name, Some(token))
    }

    /// A client for `provider` with a token a share handed us.
    pub(super) fn shared_provider_client(&self, provider: &str, token: Token) -> Result<Arc<dyn Provider>> {
        let row = self.verified_provider(provider)?;
        Self::settings(&row)?.connect(&row.name, Some(token))
    }

    /// Re-seals a project's token copies under its new key (key rotation). Runs inside a write,
    /// after `p.key_epoch` was raised from `old_epoch`.
    pub(super) fn reseal_provider_tokens(
        &self,
        p: &ProjectRow,
        old_epoch: i64,
        old_key: &Key32,
        new_key: &Key32,
    ) -> Result<()> {
        let old = ProjectRow { key_epoch: old_epoch, ..p.clone() };
        for t in self.store.project_provider_tokens(&p.id)? {
            let token = self.open_token_copy(&old, old_key, &t)?;
            self.store.put_provider_token(&self.seal_token_copy(&t.provider, p, new_key, &token))?;
        }
        Ok(())
    }

    /// Adds a provider (vault admin). Its token is sealed under our personal project key; the
    /// server is not contacted (see [`Vault::check_provider`]).
    pub(crate) fn add_provider(&self, new: NewProvider) -> Result<(ProviderRow, Settings)> {
        names::check("provider", &new.name)?;
        self.require_admin("adding a provider")?;
        let settings = Settings::new(&new.kind, &new.settings)?;
        self.store.write(|s| {
            if s.provider(&new.name)?.is_some() {
                return Err(Error::AlreadyExists { kind: "provider", name: new.name.clone(), scope: None });
            }
            let personal = self.personal_project_or_create()?;
            let (_, grant) = self.my_role(&personal)?;
            let pkey = self.project_key(&personal, &grant)?;
            let mut row = ProviderRow {
                name: new.name.clone(),
                kind: settings.kind().to_owned(),
                settings: settings.encode(),
                sig: Vec::new(),
                created_by: self.me.id.clone(),
                created_at: store::now(),
            };
            let parts = self.provider_sig_parts(&row)?;
            let parts: Vec<&[u8]> = parts.iter().map(Vec::as_slice).collect();
            row.sig = self.keys.sign(domain::PROVIDER_SIG, &parts);
            s.insert_provider(&row)?;
            s.put_provider_token(&self.seal_token_copy(&row.name, &personal, &pkey, &new.token))?;
            Ok((row, settings.clone()))
        })
    }

    /// Every provider (verified), asking each one's `sys/health` in parallel. Never the token.
    pub fn list_providers(&self) -> Result<Vec<ProviderInfo>> {
        let mut rows = Vec::new();
        let mut signers = Vec::new();
        for r in self.store.providers()? {
            let (row, signer) = self.verified_provider_and_signer(&r.name)?;
            rows.push(row);
            signers.push(self.user_name(&signer)?);
        }
        let reach = provider::parallel_map(&rows, |r| {
            match Self::settings(r).and_then(|s| s.connect(&r.name, None)?.health()) {
                Ok(h) if h.sealed || !h.initialized => Reach::Sealed,
                Ok(h) => Reach::Yes(h.version),
                Err(Error::Provider { reason, .. }) => Reach::No(reason),
                Err(e) => Reach::No(e.to_string()),
            }
        });
        let mut out = Vec::new();
        for ((row, reach), signer) in rows.into_iter().zip(reach).zip(signers) {
            out.push(ProviderInfo {
                creator: self.user_name(&row.created_by)?,
                settings: Self::settings(&row)?,
                signer,
                row,
                reach,
            });
        }
        Ok(out)
    }

    /// Checks a provider end to end with a token we hold: reachable and unsealed, the token
    /// accepted, the mount KV v2. The first failure is the error.
    pub fn check_provider(&self, name: &str) -> Result<Health> {
        let row = self.verified_provider(name)?;
        let token = self.token_from_any_copy(name, None)?;
        let client = Self::settings(&row)?.connect(&row.name, Some(token))?;
        let health = client.ready()?;
        client.check_token()?;
        client.check_storage()?;
        Ok(health)
    }

    /// Replaces a provider's token (vault admin): the new one is checked against the server
    /// (unsealed, accepted, mount KV v2), then every sealed copy is re-sealed with it in one
    /// write; the admin gets a personal copy if they had none. A copy held by a project the
    /// admin cannot open (one they are not a member of, another user's private secrets)
    /// refuses the rotation with nothing changed, unless `drop_unreachable`: such copies, which
    /// hold the old token, are then deleted. Shares of the provider's secrets carry the token
    /// too: each is re-made under its community's key, which needs us as its admin; with
    /// `drop_unreachable` the others end (the receiving projects lose those secrets).
    pub fn rotate_provider_token(&self, name: &str, token: Token, drop_unreachable: bool) -> Result<Rotated> {
        self.require_admin("rotating a provider's token")?;
        let row = self.verified_provider(name)?;
        let copy = Token::from_plaintext(zeroize::Zeroizing::new(token.expose().as_bytes().to_vec()))
            .ok_or_else(|| Error::Usage("the token file holds no usable token".into()))?;
        let client = Self::settings(&row)?.connect(&row.name, Some(copy))?;
        client.ready()?;
        client.check_token()?;
        client.check_storage()?;
        self.store.write(|s| {
            let personal = self.personal_project_or_create()?;
            let mut copies = s.provider_tokens(name)?;
            if !copies.iter().any(|t| t.project_id == personal.id) {
                copies.push(TokenRow {
                    provider: name.to_owned(),
                    project_id: personal.id.clone(),
                    key_epoch: 0,
                    sealed: Vec::new(),
                });
            }
            let mut resealed = Vec::new();
            let mut out_of_reach = Vec::new();
            for t in &copies {
                let project = s.project_by_id(&t.project_id)?.ok_or_else(|| {
                    Error::tampered(format!("a copy of the token of provider '{name}' (of no project)"))
                })?;
                if s.grant(&project.id, &self.me.id)?.is_none() {
                    out_of_reach.push(project);
                    continue;
                }
                let (_, grant) = self.my_role(&project)?;
                let pkey = self.project_key(&project, &grant)?;
                resealed.push(self.seal_token_copy(name, &project, &pkey, &token));
            }
            out_of_reach.sort_by(|a, b| a.name.cmp(&b.name));
            let listed = out_of_reach.iter().map(|p| format!("'{}'", names::printable(&p.name))).collect::<Vec<_>>();
            let (reshared, unreachable_shares) = self.reseal_shared_tokens(name, &token)?;
            if !unreachable_shares.is_empty() && !drop_unreachable {
                let listed: Vec<String> = unreachable_shares.iter().map(|u| u.label.clone()).collect();
                return Err(Error::PermissionDenied {
                    user: self.me.name.clone(),
                    lacks: format!(
                        "cannot re-seal the token of provider '{name}' carried by the share(s) of {} (a share is \
                         re-made by an admin of its community, which you are not); nothing was changed: have a \
                         community admin make you one and rotate again, or pass --drop-unreachable to end those \
                         shares",
                        listed.join(", ")
                    ),
                });
            }
            if !out_of_reach.is_empty() && !drop_unreachable {
                return Err(Error::PermissionDenied {
                    user: self.me.name.clone(),
                    lacks: format!(
                        "cannot re-seal the token of provider '{name}' held by project(s) {} (you are not a member); \
                         nothing was changed: have an owner add you (even as a viewer) and rotate again, or pass \
                         --drop-unreachable to delete those copies (their members then read through another copy \
                         they hold, and the next provider-backed write there by someone holding one restores it)",
                        listed.join(", ")
                    ),
                });
            }
            for t in &resealed {
                s.put_provider_token(t)?;
            }
            for p in &out_of_reach {
                s.delete_provider_token(name, &p.id)?;
            }
            for sh in &reshared {
                s.put_share(sh)?;
            }
            for u in &unreachable_shares {
                s.delete_share(&u.secret_id, &u.community_id)?;
                s.delete_accepts_of_secret(&u.secret_id)?;
            }
            Ok(Rotated {
                copies: resealed.len(),
                shares: reshared.len(),
                dropped_projects: out_of_reach.into_iter().map(|p| p.name).collect(),
                dropped_shares: unreachable_shares.into_iter().map(|u| u.label).collect(),
            })
        })
    }

    /// Every share of a secret kept in provider `name`, re-made with `token` (in communities
    /// we administer), and the shares we cannot re-make. Inside a write.
    fn reseal_shared_tokens(&self, name: &str, token: &Token) -> Result<(Vec<ShareRow>, Vec<OutOfReach>)> {
        let mut reshared = Vec::new();
        let mut unreachable = Vec::new();
        for (home, sec) in self.store.secrets_using_provider(name)? {
            for sh in self.store.shares_of(&sec.id)? {
                let c = self
                    .store
                    .community_by_id(&sh.community_id)?
                    .ok_or_else(|| Error::tampered(format!("the share of secret '{}'", sec.name)))?;
                let member = match self.store.member(&c.id, &self.me.id)? {
                    Some(m) if self.verify_member(&c, &m, 0)? => m,
                    _ => {
                        unreachable.push(OutOfReach {
                            secret_id: sec.id.clone(),
                            community_id: c.id.clone(),
                            label: format!(
                                "secret '{}' of project '{}' in community '{}'",
                                names::printable(&sec.name),
                                names::printable(&home),
                                names::printable(&c.name)
                            ),
                        });
                        continue;
                    }
                };
                let ckey = self.community_key(&c, &member)?;
                let mut keys = self.open_share(&c, &ckey, &sec, &sh)?;
                keys.token = Some(token.duplicate());
                reshared.push(self.make_share(&c, &ckey, &sec, &keys));
            }
        }
        Ok((reshared, unreachable))
    }

    /// The providers whose token a member of `scope` can open: through the project's sealed
    /// copies, or through the shares into the community. Someone removed from it may have kept
    /// the token; only rotating it takes it back.
    pub fn tokens_reachable_in(&self, scope: TokenScope<'_>) -> Result<Vec<String>> {
        let mut names: Vec<String> = match scope {
            TokenScope::Project(name) => {
                let Some(p) = self.store.project_by_name(name)? else { return Ok(Vec::new()) };
                self.store.project_provider_tokens(&p.id)?.into_iter().map(|t| t.provider).collect()
            }
            TokenScope::Community(name) => {
                let Some(c) = self.store.community_by_name(name)? else { return Ok(Vec::new()) };
                self.store.shared_into(&c.id)?.into_iter().filter_map(|(s, _)| s.provider).collect()
            }
        };
        names.sort();
        names.dedup();
        Ok(names)
    }

    /// Removes a provider and every copy of its token (vault admin); refused while any secret
    /// keeps its value there.
    pub fn remove_provider(&self, name: &str) -> Result<()> {
        self.require_admin("removing a provider")?;
        self.store.write(|s| {
            s.provider(name)?.ok_or_else(|| Error::NotFound {
                kind: "provider",
                name: names::printable(name),
                scope: None,
            })?;
            let used = s.secrets_using_provider(name)?;
            if !used.is_empty() {
                let list: Vec<String> = used
                    .iter()
                    .map(|(p, sec)| format!("{}/{}", crate::output::clean(p), crate::output::clean(&sec.name)))
                    .collect();
                return Err(Error::Conflict(format!(
                    "provider '{name}' still holds the values of {} secret(s): {}; move each back with \
                     `vault secret edit NAME --project P --local` or delete it first",
                    used.len(),
                    list.join(", ")
                )));
            }
            s.delete_provider(name)
        })
    }
}
