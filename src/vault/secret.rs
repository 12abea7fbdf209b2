//! Secrets: create, list, get, edit, clone, delete, history, rollback.
//!
//! Each secret has its own random data key (DEK), sealed under its project key; each version of
//! its value is sealed under the DEK with a fresh nonce and associated data binding it to the
//! vault, the secret, its project, its env name and its version number.

use std::collections::HashMap;

pub(crate) use super::value::MAX_VALUE_LEN;
use super::value::{SecretValue, SharedSecret, Undo};
use super::{names, Role, Scope, Vault};
use crate::crypto::{self, domain, Key32};
use crate::store::{self, ListDetail, ProjectRow, SecretRow, VersionRow};
use crate::{Error, Result};

/// A secret as listed or shown.
#[derive(Debug)]
pub struct SecretInfo {
    pub row: SecretRow,
    pub project: String,
    pub creator: String,
    pub modifier: String,
    /// The value, only when revealed.
    pub value: Option<SecretValue>,
    /// The community this secret is shared with (seen from its home project).
    pub shared_with: Option<String>,
    /// The home project of a secret shared into this project's community (read-only here).
    pub shared_from: Option<String>,
    /// For a secret shared in: the env name this project accepted it under, if it did (only
    /// then does it reach `run` and `export`).
    pub accepted_as: Option<String>,
}

/// What a listing shows of a secret, borrowed (never a value): see [`Vault::each_listed`].
#[derive(Debug, Clone, Copy)]
pub struct SecretMeta<'a> {
    pub name: &'a str,
    pub project: &'a str,
    pub description: &'a str,
    pub write_only: bool,
    pub creator: &'a str,
    pub created_at: i64,
    pub modified_at: i64,
    /// The community it is shared with (in its home project).
    pub shared_with: Option<&'a str>,
    /// Its home project, when it is shared into this project's community.
    pub shared_from: Option<&'a str>,
    /// For a secret shared in: the env name this project accepted it under, if it did.
    pub accepted_as: Option<&'a str>,
    /// The rest, unless the listing asked for [`ListDetail::Brief`] (a table's columns only).
    pub detail: Option<SecretDetail<'a>>,
}

/// What a full listing adds to [`SecretMeta`].
#[derive(Debug, Clone, Copy)]
pub struct SecretDetail<'a> {
    pub id: &'a str,
    pub env_name: &'a str,
    pub provider: Option<&'a str>,
    pub version: i64,
    pub modifier: &'a str,
}

impl SecretInfo {
    /// The listing's view of this secret (its value aside), in full.
    pub fn meta(&self) -> SecretMeta<'_> {
        SecretMeta {
            name: &self.row.name,
            project: &self.project,
            description: &self.row.description,
            write_only: self.row.write_only,
            creator: &self.creator,
            created_at: self.row.created_at,
            modified_at: self.row.modified_at,
            shared_with: self.shared_with.as_deref(),
            shared_from: self.shared_from.as_deref(),
            accepted_as: self.accepted_as.as_deref(),
            detail: Some(self.detail()),
        }
    }

    /// What a full listing shows of this secret besides [`SecretMeta`].
    pub fn detail(&self) -> SecretDetail<'_> {
        SecretDetail {
            id: &self.row.id,
            env_name: &self.row.env_name,
            provider: self.row.provider.as_deref(),
            version: self.row.current_version,
            modifier: &self.modifier,
        }
    }
}

/// One version in a secret's history (values stay sealed).
#[derive(Debug, Clone)]
pub struct VersionInfo {
    pub version: i64,
    pub author: String,
    pub created_at: i64,
    pub current: bool,
    /// For a provider-backed secret: a version deleted, destroyed or written outside vault.
    pub note: Option<String>,
}

/// What `edit` changes; `None` leaves a field as it is.
#[derive(Debug, Default)]
pub struct SecretEdit<'a> {
    pub rename: Option<&'a str>,
    pub env_name: Option<&'a str>,
    pub description: Option<&'a str>,
    pub value: Option<&'a SecretValue>,
    /// Make the secret write-only (cannot be undone).
    pub write_only: bool,
}

/// A new secret's settings, its value apart.
pub struct NewSecret<'a> {
    pub name: &'a str,
    pub description: &'a str,
    pub env_name: Option<&'a str>,
    pub write_only: bool,
    /// The provider to keep the value in; `None`: the vault file.
    pub provider: Option<&'a str>,
}

/// A new secret row with a fresh id; [`Vault::insert_new_secret`] fills in keys and times.
pub(super) fn draft(name: &str, env_name: &str, description: &str, write_only: bool) -> SecretRow {
    SecretRow {
        id: crypto::random_id(),
        project_id: String::new(),
        name: name.to_owned(),
        env_name: env_name.to_owned(),
        description: description.to_owned(),
        provider: None,
        write_only,
        current_version: 0,
        key_epoch: 0,
        wrapped_dek: Vec::new(),
        created_by: String::new(),
        created_at: 0,
        modified_by: String::new(),
        modified_at: 0,
        bind: 2,
    }
}

impl Vault {
    /// The data key's binding under its project key. Format 2 binds the secret's name as
    /// well, so rows whose names were swapped on disk fail to open (exit 7) instead of one
    /// name reading the other's value. A format 1 row (`bind` 1) keeps format 1's binding until
    /// an editor of its project unlocks (see `rebind_legacy`).
    fn dek_ad(&self, s: &SecretRow, epoch: i64) -> Vec<u8> {
        let parts: [&[u8]; 5] = [
            self.vault_id.as_bytes(),
            s.id.as_bytes(),
            s.project_id.as_bytes(),
            &epoch.to_be_bytes(),
            &[u8::from(s.write_only)],
        ];
        if s.bind >= 2 {
            let mut v2 = parts.to_vec();
            v2.push(s.name.as_bytes());
            crypto::ad(domain::DEK_V2, &v2)
        } else {
            crypto::ad(domain::DEK, &parts)
        }
    }

    pub(super) fn value_ad(&self, s: &SecretRow, version: i64) -> Vec<u8> {
        crypto::ad(
            domain::VALUE,
            &[
                self.vault_id.as_bytes(),
                s.id.as_bytes(),
                s.project_id.as_bytes(),
                s.env_name.as_bytes(),
                &version.to_be_bytes(),
            ],
        )
    }

    pub(super) fn open_dek(&self, project: &ProjectRow, pkey: &Key32, s: &SecretRow) -> Result<Key32> {
        let what = || format!("the key of secret '{}' in project '{}'", s.name, project.name);
        if s.key_epoch != project.key_epoch || s.project_id != project.id {
            return Err(Error::tampered(what()));
        }
        let pt =
            crypto::open(pkey, &s.wrapped_dek, &self.dek_ad(s, s.key_epoch)).map_err(|_| Error::tampered(what()))?;
        Key32::from_slice(&pt).map_err(|_| Error::tampered(what()))
    }

    /// Seals `dek` under the project key into the row (for a new key, epoch or write-only flag).
    pub(super) fn wrap_dek(&self, project: &ProjectRow, pkey: &Key32, s: &mut SecretRow, dek: &Key32) {
        s.key_epoch = project.key_epoch;
        s.bind = 2;
        s.wrapped_dek = crypto::seal(pkey, dek.expose(), &self.dek_ad(s, project.key_epoch));
    }

    pub(super) fn open_version(&self, home: &str, dek: &Key32, s: &SecretRow, v: &VersionRow) -> Result<SecretValue> {
        let what = || format!("version {} of secret '{}' in project '{home}'", v.version, s.name);
        let pt = crypto::open(dek, &v.sealed, &self.value_ad(s, v.version)).map_err(|_| Error::tampered(what()))?;
        SecretValue::from_bytes(pt).map_err(|_| Error::tampered(what()))
    }

    /// Opens a secret's current value from a prefetched (current version, highest version).
    pub(super) fn open_prefetched(
        &self,
        project: &ProjectRow,
        pkey: &Key32,
        s: &SecretRow,
        current: Option<&(VersionRow, i64)>,
    ) -> Result<SecretValue> {
        let what = || format!("the version history of secret '{}' in project '{}'", s.name, project.name);
        let (v, max) = current.ok_or_else(|| Error::tampered(what()))?;
        if *max != s.current_version {
            return Err(Error::tampered(what()));
        }
        let dek = self.open_dek(project, pkey, s)?;
        self.open_version(&project.name, &dek, s, v)
    }

    /// Opens a secret's current value with its data key; `home` names its project in errors.
    pub(super) fn open_current_with(&self, home: &str, dek: &Key32, s: &SecretRow) -> Result<SecretValue> {
        if let Some(p) = &s.provider {
            return Err(Error::Usage(format!(
                "secret '{}' of project '{home}' is kept in provider '{p}' and cannot be read through a share",
                s.name
            )));
        }
        let what = || format!("the version history of secret '{}' in project '{home}'", s.name);
        if self.store.max_version(&s.id)? != s.current_version {
            return Err(Error::tampered(what()));
        }
        let v = self.store.version(&s.id, s.current_version)?.ok_or_else(|| Error::tampered(what()))?;
        self.open_version(home, dek, s, &v)
    }

    /// Inserts a new secret (row fields other than keys, version and times already set) with
    /// `value` as version 1. Runs inside a write.
    pub(super) fn insert_new_secret(
        &self,
        project: &ProjectRow,
        pkey: &Key32,
        row: &mut SecretRow,
        value: &SecretValue,
    ) -> Result<()> {
        let dek = self.insert_secret_row(project, pkey, row)?;
        self.store.insert_version(&VersionRow {
            secret_id: row.id.clone(),
            version: 1,
            sealed: crypto::seal(&dek, value.expose().as_bytes(), &self.value_ad(row, 1)),
            created_by: self.me.id.clone(),
            created_at: row.created_at,
        })
    }

    /// Inserts a new secret's row (keys, version 1, times filled in) without any version;
    /// returns its new data key. Runs inside a write.
    pub(super) fn insert_secret_row(&self, project: &ProjectRow, pkey: &Key32, row: &mut SecretRow) -> Result<Key32> {
        // Every path that makes a secret (create, import, clone, provider) passes here.
        names::check_env(&row.env_name)?;
        let now = store::now();
        let dek = Key32::generate();
        row.project_id = project.id.clone();
        row.key_epoch = project.key_epoch;
        row.current_version = 1;
        row.bind = 2;
        row.wrapped_dek = crypto::seal(pkey, dek.expose(), &self.dek_ad(row, project.key_epoch));
        row.created_by = self.me.id.clone();
        row.created_at = now;
        row.modified_by = self.me.id.clone();
        row.modified_at = now;
        self.store.insert_secret(row)?;
        Ok(dek)
    }

    pub(super) fn scope_project(&self, scope: &Scope, create_personal: bool) -> Result<Option<ProjectRow>> {
        match scope {
            Scope::Project(name) => Ok(Some(self.project(name)?)),
            Scope::Private if create_personal => Ok(Some(self.personal_project_or_create()?)),
            Scope::Private => self.personal_project(),
        }
    }

    /// The project a write goes to; a personal project is created on first use.
    pub(super) fn write_project(&self, scope: &Scope) -> Result<ProjectRow> {
        match scope {
            Scope::Project(name) => self.project(name),
            Scope::Private => self.personal_project_or_create(),
        }
    }

    pub(super) fn scope_label(scope: &Scope) -> String {
        match scope {
            Scope::Project(p) => p.clone(),
            Scope::Private => "your private secrets".into(),
        }
    }

    /// A secret of the project itself. One that is only shared into the project is read-only
    /// here: asking to change it is permission denied, naming its home.
    pub(super) fn find_secret(&self, project: &ProjectRow, name: &str, scope: &Scope) -> Result<SecretRow> {
        if let Some(row) = self.store.secret(&project.id, name)? {
            return Ok(row);
        }
        if let Some(sh) = self.shared_secrets(project, false)?.into_iter().find(|s| s.row.name == name) {
            return Err(Error::PermissionDenied {
                user: self.me.name.clone(),
                lacks: format!(
                    "cannot change secret '{name}' in project '{}': it is shared from project '{}' and read-only here",
                    project.name, sh.home
                ),
            });
        }
        Err(Error::SecretNotFound { name: names::printable(name), project: Self::scope_label(scope) })
    }

    fn shared_info(&self, project: &ProjectRow, sh: SharedSecret) -> Result<SecretInfo> {
        Ok(SecretInfo {
            creator: self.user_name(&sh.row.created_by)?,
            modifier: self.user_name(&sh.row.modified_by)?,
            project: project.name.clone(),
            shared_with: None,
            shared_from: Some(sh.home),
            accepted_as: sh.accepted_as,
            row: sh.row,
            value: sh.value,
        })
    }

    pub(super) fn check_unique(&self, project: &ProjectRow, name: &str, env_name: &str, scope: &Scope) -> Result<()> {
        if self.store.secret(&project.id, name)?.is_some() {
            return Err(Error::AlreadyExists {
                kind: "secret",
                name: name.to_owned(),
                scope: Some(format!("project '{}'", Self::scope_label(scope))),
            });
        }
        if let Some(other) = self.store.secret_by_env(&project.id, env_name)? {
            return Err(Error::AlreadyExists {
                kind: "env var name",
                name: env_name.to_owned(),
                scope: Some(format!("project '{}' (secret '{}')", Self::scope_label(scope), other.name)),
            });
        }
        Ok(())
    }

    pub(super) fn info(&self, project: &ProjectRow, row: SecretRow, value: Option<SecretValue>) -> Result<SecretInfo> {
        let shared_with = self.shared_with(&row)?;
        self.own_info(project, row, value, shared_with)
    }

    /// A secret of the project itself, shared with `shared_with` (a community name) or not.
    fn own_info(
        &self,
        project: &ProjectRow,
        row: SecretRow,
        value: Option<SecretValue>,
        shared_with: Option<String>,
    ) -> Result<SecretInfo> {
        Ok(SecretInfo {
            creator: self.user_name(&row.created_by)?,
            modifier: self.user_name(&row.modified_by)?,
            project: project.name.clone(),
            shared_with,
            shared_from: None,
            accepted_as: None,
            row,
            value,
        })
    }

    pub(super) fn refuse_write_only(&self, s: &SecretRow, doing: &str) -> Result<()> {
        if s.write_only {
            return Err(Error::PermissionDenied {
                user: self.me.name.clone(),
                lacks: format!(
                    "cannot {doing} secret '{}': it is write-only (it reaches programs only through `vault run`)",
                    s.name
                ),
            });
        }
        Ok(())
    }

    /// Creates a secret holding `value` as version 1 (editor), in the vault file or in the
    /// provider `new.provider` names; a provider write is taken back if the local one fails.
    pub fn create_secret(&self, scope: &Scope, new: &NewSecret<'_>, value: &SecretValue) -> Result<SecretInfo> {
        names::check("secret", new.name)?;
        let env_name = names::env_for(new.name, new.env_name)?;
        let mut undo = Undo::default();
        let r = self.store.write(|_| {
            let project = self.write_project(scope)?;
            let grant = self.require(&project, Role::Editor, "creating a secret")?;
            self.check_unique(&project, new.name, &env_name, scope)?;
            let pkey = self.project_key(&project, &grant)?;
            let mut row = draft(new.name, &env_name, new.description, new.write_only);
            row.provider = new.provider.map(str::to_owned);
            self.insert_with_value(&project, &pkey, &mut row, value, &mut undo)?;
            self.info(&project, row, None)
        });
        undo.settle(r)
    }

    /// Lists a project's secrets; with `reveal`, opens each value (write-only ones stay `None`).
    pub fn list_secrets(&self, scope: &Scope, reveal: bool) -> Result<Vec<SecretInfo>> {
        if !reveal {
            let mut out = Vec::new();
            self.each_secret(scope, |s| {
                out.push(s);
                Ok(())
            })?;
            return Ok(out);
        }
        let Some(project) = self.scope_project(scope, false)? else {
            return Ok(Vec::new());
        };
        let grant = self.require(&project, Role::Viewer, "listing secrets")?;
        let pkey = self.project_key(&project, &grant)?;
        let rows = self.store.secrets(&project.id)?;
        let values = self.open_values(&project, &pkey, &rows, |r| !r.write_only)?;
        let shared = self.shared_labels(&project)?;
        let mut out = Vec::with_capacity(rows.len());
        for (row, value) in rows.into_iter().zip(values) {
            let shared_with = shared.get(&row.id).cloned();
            out.push(self.own_info(&project, row, value, shared_with)?);
        }
        for sh in self.shared_secrets(&project, true)? {
            let mut info = self.shared_info(&project, sh)?;
            if info.row.write_only {
                info.value = None;
            }
            out.push(info);
        }
        Ok(out)
    }

    /// Calls `each` with every secret of a listing, values not revealed: the project's own by
    /// name, then those shared into its community. Streamed: one row at a time in memory, so a
    /// 10,000-secret listing starts printing at once and stays small.
    pub fn each_secret(&self, scope: &Scope, mut each: impl FnMut(SecretInfo) -> Result<()>) -> Result<()> {
        let Some(project) = self.scope_project(scope, false)? else {
            return Ok(());
        };
        self.require(&project, Role::Viewer, "listing secrets")?;
        let shared = self.shared_labels(&project)?;
        // Secrets shared in are checked (community membership, signed shares) before anything
        // is printed: a tampered one fails the listing before its first line.
        let shared_in = self
            .shared_secrets(&project, false)?
            .into_iter()
            .map(|sh| self.shared_info(&project, sh))
            .collect::<Result<Vec<_>>>()?;
        self.store.each_secret(&project.id, |row| {
            let shared_with = shared.get(&row.id).cloned();
            each(self.own_info(&project, row, None, shared_with)?)
        })?;
        shared_in.into_iter().try_for_each(each)
    }

    /// Calls `each` with every secret of a listing, values not revealed, exactly as
    /// [`Vault::each_secret`] (the same checks, the same order, the same fields; with
    /// [`ListDetail::Brief`] only a table's) but borrowed from the store's row: a 10,000-secret
    /// listing allocates nothing per secret.
    pub fn each_listed(
        &self,
        scope: &Scope,
        detail: ListDetail,
        mut each: impl FnMut(&SecretMeta<'_>) -> Result<()>,
    ) -> Result<()> {
        let Some(project) = self.scope_project(scope, false)? else {
            return Ok(());
        };
        self.require(&project, Role::Viewer, "listing secrets")?;
        // Secrets shared in are checked (community membership, signed shares) before anything
        // is printed: a tampered one fails the listing before its first line.
        let shared_in = self
            .shared_secrets(&project, false)?
            .into_iter()
            .map(|sh| self.shared_info(&project, sh))
            .collect::<Result<Vec<_>>>()?;
        // Names by id, looked up once each: users (creators, modifiers) and communities.
        let mut users: HashMap<String, String> = HashMap::new();
        let mut communities: HashMap<String, Option<String>> = HashMap::new();
        self.store.each_listed(&project.id, detail, |r| {
            for id in [Some(r.created_by), r.detail.map(|d| d.modified_by)].into_iter().flatten() {
                if id != self.me.id && !users.contains_key(id) {
                    users.insert(id.to_owned(), self.user_name(id)?);
                }
            }
            if let Some(cid) = r.shared_in {
                if !communities.contains_key(cid) {
                    communities.insert(cid.to_owned(), self.store.community_by_id(cid)?.map(|c| c.name));
                }
            }
            let name = |id: &str| if id == self.me.id { self.me.name.as_str() } else { users[id].as_str() };
            each(&SecretMeta {
                name: r.name,
                project: &project.name,
                description: r.description,
                write_only: r.write_only,
                creator: name(r.created_by),
                created_at: r.created_at,
                modified_at: r.modified_at,
                shared_with: r.shared_in.and_then(|cid| communities[cid].as_deref()),
                shared_from: None,
                accepted_as: None,
                detail: r.detail.map(|d| SecretDetail {
                    id: d.id,
                    env_name: d.env_name,
                    provider: d.provider,
                    version: d.current_version,
                    modifier: name(d.modified_by),
                }),
            })
        })?;
        shared_in.iter().try_for_each(|s| each(&s.meta()))
    }

    /// For each shared secret of a project, the name of the community it is shared with: one
    /// query for a whole listing rather than one per secret.
    fn shared_labels(&self, project: &ProjectRow) -> Result<HashMap<String, String>> {
        let mut names: HashMap<String, Option<String>> = HashMap::new();
        let mut out = HashMap::new();
        for (secret, cid) in self.store.shared_secrets_of_project(&project.id)? {
            if !names.contains_key(&cid) {
                let name = self.store.community_by_id(&cid)?.map(|c| c.name);
                names.insert(cid.clone(), name);
            }
            if let Some(Some(name)) = names.get(&cid) {
                out.insert(secret, name.clone());
            }
        }
        Ok(out)
    }

    /// One secret's metadata; with `reveal`, its value too (refused for write-only secrets).
    pub fn get_secret(&self, scope: &Scope, name: &str, reveal: bool) -> Result<SecretInfo> {
        // On a database: what follows, asked in one round trip.
        let project_name = match scope {
            Scope::Project(p) => p.clone(),
            Scope::Private => self.personal_name(),
        };
        self.store.prefetch(&[crate::store::Ask::Secret { project: &project_name, name, user_id: &self.me.id }])?;
        let project = self
            .scope_project(scope, false)?
            .ok_or_else(|| Error::SecretNotFound { name: names::printable(name), project: Self::scope_label(scope) })?;
        let grant = self.require(&project, Role::Viewer, "reading a secret")?;
        let Some(row) = self.store.secret(&project.id, name)? else {
            // A secret shared into the project's community from another project.
            let shared = self.shared_secrets(&project, false)?;
            let found = shared.into_iter().find(|s| s.row.name == name).ok_or_else(|| Error::SecretNotFound {
                name: names::printable(name),
                project: Self::scope_label(scope),
            })?;
            if reveal {
                self.refuse_write_only(&found.row, "reveal")?;
                let sh = self.shared_secrets(&project, true)?.into_iter().find(|s| s.row.name == name);
                return self.shared_info(&project, sh.ok_or_else(|| Error::tampered("a shared secret"))?);
            }
            return self.shared_info(&project, found);
        };
        let value = if reveal {
            self.refuse_write_only(&row, "reveal")?;
            let pkey = self.project_key(&project, &grant)?;
            Some(self.open_current(&project, &pkey, &row)?)
        } else {
            None
        };
        self.info(&project, row, value)
    }

    /// Renames, re-describes or re-values a secret (editor). A new value is a new version under
    /// the same data key; a new env name re-seals every version under its new binding.
    pub fn edit_secret(&self, scope: &Scope, name: &str, edit: &SecretEdit<'_>) -> Result<SecretInfo> {
        if let Some(n) = edit.rename {
            names::check("secret", n)?;
        }
        if let Some(e) = edit.env_name {
            names::check_env(e)?;
        }
        let mut undo = Undo::default();
        let r = self.store.write(|s| {
            let project = self.scope_project(scope, false)?.ok_or_else(|| Error::SecretNotFound {
                name: names::printable(name),
                project: Self::scope_label(scope),
            })?;
            let grant = self.require(&project, Role::Editor, "editing a secret")?;
            let old = self.find_secret(&project, name, scope)?;
            let mut row = old.clone();
            if let Some(n) = edit.rename.filter(|n| *n != old.name) {
                if s.secret(&project.id, n)?.is_some() {
                    return Err(Error::AlreadyExists {
                        kind: "secret",
                        name: n.to_owned(),
                        scope: Some(format!("project '{}'", Self::scope_label(scope))),
                    });
                }
                // The env name follows a rename unless it was set apart from the name.
                if old.env_name == names::derived_env(&old.name) && edit.env_name.is_none() {
                    row.env_name = names::derived_env(n);
                }
                row.name = n.to_owned();
            }
            if let Some(e) = edit.env_name {
                row.env_name = e.to_owned();
            }
            if row.env_name != old.env_name {
                // A rename carries the env name with it: the same policy as an explicit one.
                names::check_env(&row.env_name)?;
                if let Some(other) = s.secret_by_env(&project.id, &row.env_name)? {
                    return Err(Error::AlreadyExists {
                        kind: "env var name",
                        name: row.env_name.clone(),
                        scope: Some(format!("project '{}' (secret '{}')", Self::scope_label(scope), other.name)),
                    });
                }
            }
            if let Some(d) = edit.description {
                row.description = d.to_owned();
            }
            let pkey = self.project_key(&project, &grant)?;
            let dek = self.open_dek(&project, &pkey, &old)?;
            self.check_current(&project, &pkey, &old)?;
            let mut dek = dek;
            if row.env_name != old.env_name {
                dek = self.reseal_versions(&project, &old, &row, &dek, Key32::from_bytes(*dek.expose()))?;
            }
            if row.name != old.name {
                // The name is bound into the data key's seal, and into every share's.
                self.wrap_dek(&project, &pkey, &mut row, &dek);
                self.reshare(&old, &row)?;
            }
            if edit.write_only && !old.write_only {
                if !s.shares_of(&old.id)?.is_empty() {
                    return Err(Error::Conflict(format!(
                        "secret '{}' is shared with a community; unshare it before making it write-only",
                        old.name
                    )));
                }
                // The flag is bound into the data key's seal, so it is re-sealed with it.
                row.write_only = true;
                self.wrap_dek(&project, &pkey, &mut row, &dek);
            }
            let now = store::now();
            if let Some(value) = edit.value {
                row.current_version = old.current_version + 1;
                let sealed = self.seal_new_version(&project, &pkey, &dek, (&old, &row), value, &mut undo)?;
                s.insert_version(&VersionRow {
                    secret_id: row.id.clone(),
                    version: row.current_version,
                    sealed,
                    created_by: self.me.id.clone(),
                    created_at: now,
                })?;
            }
            row.modified_by = self.me.id.clone();
            row.modified_at = now;
            s.update_secret(&row)?;
            self.info(&project, row, None)
        });
        undo.settle(r)
    }

    /// Copies a secret's current value into another project as a new, independent secret
    /// (new id, new data key). Needs viewer on the source and editor on the target.
    pub fn clone_secret(&self, scope: &Scope, name: &str, to: &Scope, new_name: Option<&str>) -> Result<SecretInfo> {
        let new_name = new_name.unwrap_or(name);
        names::check("secret", new_name)?;
        let mut undo = Undo::default();
        let r = self.store.write(|_| {
            let src = self.scope_project(scope, false)?.ok_or_else(|| Error::SecretNotFound {
                name: names::printable(name),
                project: Self::scope_label(scope),
            })?;
            let sgrant = self.require(&src, Role::Viewer, "cloning a secret")?;
            let row = self.find_secret(&src, name, scope)?;
            self.refuse_write_only(&row, "clone")?;
            let dst = self.write_project(to)?;
            let dgrant = self.require(&dst, Role::Editor, "creating a secret")?;
            // The env name follows a new name unless it was set apart from the name.
            let env_name = if row.env_name == names::derived_env(&row.name) {
                names::derived_env(new_name)
            } else {
                row.env_name.clone()
            };
            names::check_env(&env_name)?;
            self.check_unique(&dst, new_name, &env_name, to)?;
            let value = self.open_current(&src, &self.project_key(&src, &sgrant)?, &row)?;
            let mut copy = row.clone();
            copy.id = crypto::random_id();
            copy.name = new_name.to_owned();
            copy.env_name = env_name;
            let dkey = self.project_key(&dst, &dgrant)?;
            // A provider-backed secret's copy keeps its value in the same provider.
            self.insert_with_value(&dst, &dkey, &mut copy, &value, &mut undo)?;
            self.info(&dst, copy, None)
        });
        undo.settle(r)
    }

    /// Deletes a secret and every version of it (editor).
    pub fn delete_secret(&self, scope: &Scope, name: &str) -> Result<SecretInfo> {
        self.store.write(|s| {
            let project = self.scope_project(scope, false)?.ok_or_else(|| Error::SecretNotFound {
                name: names::printable(name),
                project: Self::scope_label(scope),
            })?;
            let grant = self.require(&project, Role::Editor, "deleting a secret")?;
            let row = self.find_secret(&project, name, scope)?;
            self.delete_value(&project, &self.project_key(&project, &grant)?, &row)?;
            s.delete_secret(&row.id)?;
            self.info(&project, row, None)
        })
    }

    /// Every version of a secret, oldest first; values stay sealed.
    pub fn secret_history(&self, scope: &Scope, name: &str) -> Result<(SecretInfo, Vec<VersionInfo>)> {
        let info = self.get_secret(scope, name, false)?;
        let versions = match &info.shared_from {
            None => {
                let project = self.scope_project(scope, false)?.ok_or_else(|| Error::tampered("a secret's project"))?;
                self.versions_of(&project, &info.row)?
            }
            // Read-only here: the versions its home keeps in the file.
            Some(_) => self.stored_versions(&info.row)?,
        };
        Ok((info, versions))
    }

    /// Writes a new version holding version `version`'s value (editor).
    pub fn rollback_secret(&self, scope: &Scope, name: &str, version: i64) -> Result<SecretInfo> {
        let value = self.store.write(|_| {
            let project = self.scope_project(scope, false)?.ok_or_else(|| Error::SecretNotFound {
                name: names::printable(name),
                project: Self::scope_label(scope),
            })?;
            let grant = self.require(&project, Role::Editor, "rolling back a secret")?;
            let row = self.find_secret(&project, name, scope)?;
            self.version_value(&project, &self.project_key(&project, &grant)?, &row, version)
        })?;
        self.edit_secret(scope, name, &SecretEdit { value: Some(&value), ..SecretEdit::default() })
    }
}
