//! Where a value lives: in the vault file, or in a provider. Every read, write, history and
//! delete of a value asks this file, which is the only one that looks at `secrets.provider`
//! to decide (`share.rs` only carries a provider's token to a community).
//!
//! A provider-backed secret has its row, data key, permissions and
//! history index here like any other, but each `secret_versions` row holds a sealed *record*
//! (`kv:<version>:<path>`) instead of a value: sealed under the data key with its own domain and
//! bound to the secret, its env name, its version number and the provider's name, so a record
//! never opens as a value, nor a value as a record, nor a record of one provider for another.
//!
//! The KV path (`vault/<project>/<secret>`) is fixed when the value first goes there and kept in
//! the record, so renaming the secret or its project does not lose it.
//!
//! Remote writes happen inside the local write transaction; [`Undo`] takes them back when the
//! transaction fails, and says so when it cannot.

use std::collections::HashMap;
use std::sync::Arc;

use zeroize::Zeroizing;

use super::secret::{SecretInfo, VersionInfo};
use super::value::{SecretValue, ShareKeys, SharedSecret, Undo};
use super::{names, Role, Scope, Vault};
use crate::crypto::{self, domain, Key32};
use crate::provider::{self, Provider, Record, Token};
use crate::store::{self, ProjectRow, SecretRow, VersionRow};
use crate::{Error, Result};

/// One provider-backed value to fetch: where it goes, its secret, client, record and data key.
struct Fetch<'a> {
    pub at: usize,
    pub row: &'a SecretRow,
    pub client: Arc<dyn Provider>,
    pub rec: Record,
    pub dek: Key32,
}

fn value_from(client: &dyn Provider, rec: &Record, text: Zeroizing<String>) -> Result<SecretValue> {
    SecretValue::from_bytes(Zeroizing::new(text.as_bytes().to_vec())).map_err(|_| Error::Provider {
        name: client.name().to_owned(),
        url: client.url(&rec.path),
        reason: format!("version {} of {} is empty, over 1 MiB or not text", rec.version, rec.path),
    })
}

impl Vault {
    fn record_ad(&self, s: &SecretRow, version: i64) -> Vec<u8> {
        crypto::ad(
            domain::PROVIDER_RECORD,
            &[
                self.vault_id.as_bytes(),
                s.id.as_bytes(),
                s.project_id.as_bytes(),
                s.env_name.as_bytes(),
                &version.to_be_bytes(),
                s.provider.as_deref().unwrap_or("").as_bytes(),
            ],
        )
    }

    pub(super) fn seal_record(&self, dek: &Key32, s: &SecretRow, version: i64, rec: &Record) -> Vec<u8> {
        crypto::seal(dek, &rec.encode(), &self.record_ad(s, version))
    }

    pub(super) fn open_record(&self, home: &str, dek: &Key32, s: &SecretRow, v: &VersionRow) -> Result<Record> {
        let what = || format!("version {} of secret '{}' in project '{home}'", v.version, s.name);
        let pt = crypto::open(dek, &v.sealed, &self.record_ad(s, v.version)).map_err(|_| Error::tampered(what()))?;
        Record::decode(&pt).ok_or_else(|| Error::tampered(what()))
    }

    /// The data key and current record of a provider-backed secret, checking (as for local
    /// values) that the current version is the newest stored.
    pub(super) fn current_record(&self, project: &ProjectRow, pkey: &Key32, s: &SecretRow) -> Result<(Key32, Record)> {
        let dek = self.open_dek(project, pkey, s)?;
        self.current_record_with(&project.name, dek, s)
    }

    /// [`Vault::current_record`] with the data key at hand (a share's); `home` names the
    /// secret's project in errors.
    pub(super) fn current_record_with(&self, home: &str, dek: Key32, s: &SecretRow) -> Result<(Key32, Record)> {
        let what = || format!("the version history of secret '{}' in project '{home}'", s.name);
        if self.store.max_version(&s.id)? != s.current_version {
            return Err(Error::tampered(what()));
        }
        let v = self.store.version(&s.id, s.current_version)?.ok_or_else(|| Error::tampered(what()))?;
        let rec = self.open_record(home, &dek, s, &v)?;
        Ok((dek, rec))
    }

    /// Opens a secret's current value. The current version must be the newest one stored: a
    /// secret whose rows were rolled back to an older copy fails here.
    pub(super) fn open_current(&self, project: &ProjectRow, pkey: &Key32, s: &SecretRow) -> Result<SecretValue> {
        if s.provider.is_some() {
            return self
                .open_values(project, pkey, std::slice::from_ref(s), |_| true)?
                .pop()
                .flatten()
                .ok_or_else(|| Error::tampered(format!("secret '{}' in project '{}'", s.name, project.name)));
        }
        let dek = self.open_dek(project, pkey, s)?;
        self.open_current_with(&project.name, &dek, s)
    }

    /// Re-seals every version of a secret from its binding in `from` under `old` to its
    /// binding in `to` under `new` (a new data key, or a new env name); returns `new`. Runs
    /// inside a write.
    pub(super) fn reseal_versions(
        &self,
        project: &ProjectRow,
        from: &SecretRow,
        to: &SecretRow,
        old: &Key32,
        new: Key32,
    ) -> Result<Key32> {
        for v in self.store.versions(&from.id)? {
            let sealed = if from.provider.is_some() {
                let rec = self.open_record(&project.name, old, from, &v)?;
                self.seal_record(&new, to, v.version, &rec)
            } else {
                let value = self.open_version(&project.name, old, from, &v)?;
                crypto::seal(&new, value.expose().as_bytes(), &self.value_ad(to, v.version))
            };
            self.store.update_version_blob(&from.id, v.version, &sealed)?;
        }
        Ok(new)
    }

    /// Checks a secret's current value opens (for one kept in a provider, its record, with no
    /// request to the provider) before an edit changes anything.
    pub(super) fn check_current(&self, project: &ProjectRow, pkey: &Key32, s: &SecretRow) -> Result<()> {
        match s.provider {
            Some(_) => self.current_record(project, pkey, s).map(drop),
            None => self.open_current(project, pkey, s).map(drop),
        }
    }

    /// Deletes a secret's value where it is kept outside the vault file, before its row goes
    /// (a provider that refuses leaves everything as it was); nothing for a value in the file,
    /// whose versions go with the row.
    pub(super) fn delete_value(&self, project: &ProjectRow, pkey: &Key32, s: &SecretRow) -> Result<()> {
        match s.provider {
            Some(_) => self.delete_remote(project, pkey, s),
            None => Ok(()),
        }
    }

    /// [`Vault::delete_value`] for each secret of a project being deleted; the project key is
    /// opened only if one of them keeps its value outside the file.
    pub(super) fn delete_values(
        &self,
        project: &ProjectRow,
        grant: &store::GrantRow,
        rows: &[SecretRow],
    ) -> Result<()> {
        let mut pkey = None;
        for s in rows.iter().filter(|s| s.provider.is_some()) {
            let key = match &pkey {
                Some(k) => k,
                None => pkey.insert(self.project_key(project, grant)?),
            };
            self.delete_value(project, key, s)?;
        }
        Ok(())
    }

    /// A secret's versions, oldest first, values sealed: those kept in the file, or those the
    /// provider keeps.
    pub(super) fn versions_of(&self, project: &ProjectRow, s: &SecretRow) -> Result<Vec<VersionInfo>> {
        match s.provider {
            Some(_) => self.provider_history(project, s),
            None => self.stored_versions(s),
        }
    }

    /// The versions the vault file keeps of a secret.
    pub(super) fn stored_versions(&self, s: &SecretRow) -> Result<Vec<VersionInfo>> {
        let mut out = Vec::new();
        for v in self.store.versions(&s.id)? {
            out.push(VersionInfo {
                version: v.version,
                author: self.user_name(&v.created_by)?,
                created_at: v.created_at,
                current: v.version == s.current_version,
                note: None,
            });
        }
        Ok(out)
    }

    /// The value of version `version` (rollback): from the file, or, for a secret kept in a
    /// provider, the provider's version `version` (its history lists those).
    pub(super) fn version_value(
        &self,
        project: &ProjectRow,
        pkey: &Key32,
        s: &SecretRow,
        version: i64,
    ) -> Result<SecretValue> {
        if s.provider.is_some() {
            return self.provider_version_value(project, pkey, s, version);
        }
        let v = self.store.version(&s.id, version)?.ok_or_else(|| Error::NotFound {
            kind: "version",
            name: version.to_string(),
            scope: Some(format!("secret '{}'", s.name)),
        })?;
        let dek = self.open_dek(project, pkey, s)?;
        self.open_version(&project.name, &dek, s, &v)
    }

    /// The current values of `rows` (of `project`) for which `want` holds: local ones opened
    /// here, provider-backed ones fetched in parallel (one client per provider).
    pub(super) fn open_values(
        &self,
        project: &ProjectRow,
        pkey: &Key32,
        rows: &[SecretRow],
        want: impl Fn(&SecretRow) -> bool,
    ) -> Result<Vec<Option<SecretValue>>> {
        let mut out: Vec<Option<SecretValue>> = Vec::with_capacity(rows.len());
        let mut clients: HashMap<&str, Arc<dyn Provider>> = HashMap::new();
        let mut jobs: Vec<Fetch<'_>> = Vec::new();
        // Local values' current versions in one query rather than two per secret (on a
        // database, asked ahead with the project's secrets: see `Ask::ProjectSecrets`).
        let current = if rows.len() > 1 || self.store.current_versions_asked(&project.id) {
            self.store.current_versions(&project.id)?
        } else {
            HashMap::new()
        };
        for (i, row) in rows.iter().enumerate() {
            out.push(None);
            if !want(row) {
                continue;
            }
            let Some(p) = row.provider.as_deref() else {
                out[i] = Some(if current.is_empty() {
                    self.open_current(project, pkey, row)?
                } else {
                    self.open_prefetched(project, pkey, row, current.get(&row.id))?
                });
                continue;
            };
            let (dek, rec) = self.current_record(project, pkey, row)?;
            let client = match clients.get(p) {
                Some(c) => c.clone(),
                None => {
                    let c = self.provider_client(p, project, pkey, false)?;
                    clients.insert(p, c.clone());
                    c
                }
            };
            jobs.push(Fetch { at: i, row, client, rec, dek });
        }
        self.fetch_values(&jobs, &mut out)?;
        Ok(out)
    }

    /// The values of shared secrets (`out[at]`), opened with what their shares hold: from
    /// the file with the data key, or, for a secret kept in a provider, fetched with the
    /// share's token (one client per provider and token, in parallel).
    pub(super) fn open_shared_values(&self, out: &mut [SharedSecret], opened: Vec<(usize, ShareKeys)>) -> Result<()> {
        let mut clients: Vec<(String, Token, Arc<dyn Provider>)> = Vec::new();
        let mut jobs = Vec::new();
        for (at, keys) in opened {
            let sh = &mut out[at];
            let Some(provider) = sh.row.provider.as_deref() else {
                sh.value = Some(self.open_current_with(&sh.home, &keys.dek, &sh.row)?);
                continue;
            };
            let token = keys.token.ok_or_else(|| Error::tampered(format!("the share of secret '{}'", sh.row.name)))?;
            let client = match clients.iter().find(|(p, t, _)| p == provider && t.expose() == token.expose()) {
                Some((_, _, c)) => c.clone(),
                None => {
                    let copy = Token::from_plaintext(Zeroizing::new(token.expose().as_bytes().to_vec()))
                        .ok_or_else(|| Error::tampered(format!("the share of secret '{}'", sh.row.name)))?;
                    let c = self.shared_provider_client(provider, copy)?;
                    clients.push((provider.to_owned(), token, c.clone()));
                    c
                }
            };
            let (dek, rec) = self.current_record_with(&sh.home, keys.dek, &sh.row)?;
            jobs.push((at, client, rec, dek));
        }
        let rows: Vec<SecretRow> = out.iter().map(|s| s.row.clone()).collect();
        let jobs: Vec<Fetch<'_>> =
            jobs.into_iter().map(|(at, client, rec, dek)| Fetch { at, row: &rows[at], client, rec, dek }).collect();
        let mut values: Vec<Option<SecretValue>> = (0..rows.len()).map(|_| None).collect();
        self.fetch_values(&jobs, &mut values)?;
        for (sh, v) in out.iter_mut().zip(values) {
            if v.is_some() {
                sh.value = v;
            }
        }
        Ok(())
    }

    /// Fetches provider-backed values in parallel, each into `out[at]`. With `--max-age`, a
    /// value fetched is kept as an offline copy, and one whose provider cannot be reached is
    /// taken from its copy (one warning names them all).
    fn fetch_values(&self, jobs: &[Fetch<'_>], out: &mut [Option<SecretValue>]) -> Result<()> {
        // A record is read only by the kind of provider that wrote it.
        if let Some(j) = jobs.iter().find(|j| j.rec.kind != j.client.kind()) {
            return Err(Error::tampered(format!("the record of secret '{}'", j.row.name)));
        }
        let fetched = provider::parallel_map(jobs, |j| {
            let text = j.client.read(&j.rec.path, j.rec.version);
            (text, provider::last_was_unreachable())
        });
        let max_age = self.offline_max_age.get();
        let mut stand_ins: Vec<(&str, String, i64)> = Vec::new();
        for (Fetch { at, row, client, rec, dek }, (text, unreachable)) in jobs.iter().zip(fetched) {
            match (text, max_age) {
                (Ok(text), max_age) => {
                    let value = value_from(client.as_ref(), rec, text)?;
                    if max_age.is_some() {
                        self.keep_offline_copy(dek, row, rec, &value);
                    }
                    out[*at] = Some(value);
                }
                (Err(e), Some(max_age)) if unreachable => {
                    let (value, age) = self.offline_copy(dek, row, rec, max_age).map_err(|why| match e {
                        Error::Provider { name, url, reason } => {
                            Error::Provider { name, url, reason: format!("{reason}; {why}") }
                        }
                        e => e,
                    })?;
                    stand_ins.push((row.name.as_str(), client.name().to_owned(), age));
                    out[*at] = Some(value);
                }
                (Err(e), _) => return Err(e),
            }
        }
        if let (Some(max_age), Some(oldest)) = (max_age, stand_ins.iter().map(|s| s.2).max()) {
            let mut providers: Vec<&str> = stand_ins.iter().map(|s| s.1.as_str()).collect();
            providers.sort_unstable();
            providers.dedup();
            let names: Vec<&str> = stand_ins.iter().map(|s| s.0).collect();
            crate::output::warn(format_args!(
                "provider '{}' cannot be reached: using offline copies up to {} old (--max-age {}) of {}",
                providers.join("', '"),
                crate::offline::age(oldest),
                crate::offline::age(max_age),
                names.join(", ")
            ));
        }
        Ok(())
    }

    /// Lets provider values be kept as offline copies and stand in, up to `max_age` seconds
    /// old, for a provider that cannot be reached (`vault run --max-age`).
    pub fn allow_offline(&self, max_age: i64) {
        self.offline_max_age.set(Some(max_age));
    }

    /// Binds a copy to its secret, the vault's version of it and the KV path and version that
    /// version records (KV numbers start again when a value moves back and forth), and the time.
    fn offline_copy_ad(&self, s: &SecretRow, rec: &Record, fetched_at: i64) -> Vec<u8> {
        crypto::ad(
            domain::OFFLINE_COPY,
            &[
                self.vault_id.as_bytes(),
                s.id.as_bytes(),
                s.project_id.as_bytes(),
                s.env_name.as_bytes(),
                s.provider.as_deref().unwrap_or("").as_bytes(),
                &s.current_version.to_be_bytes(),
                rec.path.as_bytes(),
                &rec.version.to_be_bytes(),
                &fetched_at.to_be_bytes(),
            ],
        )
    }

    /// Seals `value` (the current version of `s`, kept at `rec`, just fetched) into its
    /// offline copy.
    fn keep_offline_copy(&self, dek: &Key32, s: &SecretRow, rec: &Record, value: &SecretValue) {
        let now = store::now();
        let sealed = crypto::seal(dek, value.expose().as_bytes(), &self.offline_copy_ad(s, rec, now));
        crate::offline::save(&self.vault_id, &s.id, (now, s.current_version, sealed));
    }

    /// The offline copy of `s` if it holds its current version (kept at `rec`) and is at most
    /// `max_age` seconds old: (value, its age). Otherwise why not, for the error.
    fn offline_copy(
        &self,
        dek: &Key32,
        s: &SecretRow,
        rec: &Record,
        max_age: i64,
    ) -> std::result::Result<(SecretValue, i64), String> {
        let none = || format!("no offline copy of secret '{}' (a `vault run --max-age` keeps one)", s.name);
        let (fetched_at, copied, sealed) = crate::offline::load(&self.vault_id, &s.id).ok_or_else(none)?;
        if copied != s.current_version {
            return Err(format!(
                "the offline copy of secret '{}' holds version {copied}, not the current {}",
                s.name, s.current_version
            ));
        }
        let broken = || format!("the offline copy of secret '{}' does not open (edited or damaged)", s.name);
        let pt = crypto::open(dek, &sealed, &self.offline_copy_ad(s, rec, fetched_at)).map_err(|_| broken())?;
        let age = store::now() - fetched_at;
        if age < -60 {
            return Err(broken());
        }
        if age > max_age {
            return Err(format!(
                "the offline copy of secret '{}' is {} old, more than --max-age {}",
                s.name,
                crate::offline::age(age),
                crate::offline::age(max_age)
            ));
        }
        let value = SecretValue::from_bytes(pt).map_err(|_| broken())?;
        Ok((value, age))
    }

    /// Writes `value` to the provider named in `row` as the first version of a new path, then
    /// inserts the row with a record of it. Runs inside a write; `undo` deletes the path if the
    /// transaction fails.
    fn insert_provider_secret(
        &self,
        project: &ProjectRow,
        pkey: &Key32,
        row: &mut SecretRow,
        value: &SecretValue,
        undo: &mut Undo,
    ) -> Result<()> {
        let name = row.provider.clone().ok_or_else(|| Error::Usage("no provider named".into()))?;
        let client = self.provider_client(&name, project, pkey, true)?;
        client.check_storage()?;
        let path = provider::secret_path(&project.name, &row.name);
        let kv = client.write(&path, value.expose(), Some(0))?;
        undo.delete_path(&client, &path);
        let dek = self.insert_secret_row(project, pkey, row)?;
        self.store.insert_version(&VersionRow {
            secret_id: row.id.clone(),
            version: 1,
            sealed: self.seal_record(&dek, row, 1, &Record { kind: client.kind(), version: kv, path }),
            created_by: self.me.id.clone(),
            created_at: row.created_at,
        })
    }

    /// Inserts a new secret (see [`Vault::insert_secret_row`]) with `value` as version 1, in
    /// the vault file or, when `row.provider` names one, in that provider. With
    /// [`Vault::seal_new_version`], the one place that decides where a value is written
    /// (create, clone, import, project clone). Runs inside a write.
    pub(super) fn insert_with_value(
        &self,
        project: &ProjectRow,
        pkey: &Key32,
        row: &mut SecretRow,
        value: &SecretValue,
        undo: &mut Undo,
    ) -> Result<()> {
        match row.provider {
            Some(_) => self.insert_provider_secret(project, pkey, row, value, undo),
            None => self.insert_new_secret(project, pkey, row, value),
        }
    }

    /// What a new version of `old` (as `row`, numbered `row.current_version`) stores: `value`
    /// sealed under the data key, or, for a secret kept in a provider, the record of the new
    /// version written there (edit, rollback, import --overwrite). Runs inside a write.
    pub(super) fn seal_new_version(
        &self,
        project: &ProjectRow,
        pkey: &Key32,
        dek: &Key32,
        (old, row): (&SecretRow, &SecretRow),
        value: &SecretValue,
        undo: &mut Undo,
    ) -> Result<Vec<u8>> {
        // In a provider: a new version of the same path, destroyed again by `undo`.
        let Some(name) = old.provider.as_deref() else {
            return Ok(crypto::seal(dek, value.expose().as_bytes(), &self.value_ad(row, row.current_version)));
        };
        let (_, current) = self.current_record(project, pkey, old)?;
        let client = self.provider_client(name, project, pkey, true)?;
        client.check_storage()?;
        let kv = client.write(&current.path, value.expose(), None)?;
        undo.destroy_version(&client, &current.path, kv);
        Ok(self.seal_record(
            dek,
            row,
            row.current_version,
            &Record { kind: client.kind(), version: kv, path: current.path },
        ))
    }

    /// The value of KV version `version` of a provider-backed secret (rollback).
    fn provider_version_value(
        &self,
        project: &ProjectRow,
        pkey: &Key32,
        row: &SecretRow,
        version: i64,
    ) -> Result<SecretValue> {
        let (_, current) = self.current_record(project, pkey, row)?;
        if !(1..=current.version).contains(&version) {
            return Err(Error::NotFound {
                kind: "version",
                name: version.to_string(),
                scope: Some(format!("secret '{}' (provider versions 1 to {})", row.name, current.version)),
            });
        }
        let client = self.provider_client(row.provider.as_deref().unwrap_or_default(), project, pkey, false)?;
        let rec = Record { version, ..current };
        let text = client.read(&rec.path, version)?;
        value_from(client.as_ref(), &rec, text)
    }

    /// Deletes a provider-backed secret's path with every version (before its row goes).
    fn delete_remote(&self, project: &ProjectRow, pkey: &Key32, row: &SecretRow) -> Result<()> {
        let (_, rec) = self.current_record(project, pkey, row)?;
        self.provider_client(row.provider.as_deref().unwrap_or_default(), project, pkey, false)?.delete_all(&rec.path)
    }

    /// A provider-backed secret's history: the KV versions from the provider's metadata, with
    /// author and time from the local index (versions written outside vault are marked).
    pub(super) fn provider_history(&self, project: &ProjectRow, row: &SecretRow) -> Result<Vec<VersionInfo>> {
        let grant = self.require(project, Role::Viewer, "reading a secret's history")?;
        let pkey = self.project_key(project, &grant)?;
        let (dek, current) = self.current_record(project, &pkey, row)?;
        let mut local = HashMap::new();
        for v in self.store.versions(&row.id)? {
            let rec = self.open_record(&project.name, &dek, row, &v)?;
            local.insert(rec.version, (self.user_name(&v.created_by)?, v.created_at));
        }
        let client = self.provider_client(row.provider.as_deref().unwrap_or_default(), project, &pkey, false)?;
        let mut out = Vec::new();
        for kv in client.versions(&current.path)? {
            let (author, created_at, mut note) = match local.remove(&kv.version) {
                Some((a, t)) => (a, t, None),
                None => ("-".to_owned(), parse_time(&kv.created_time), Some("written outside vault".to_owned())),
            };
            if kv.destroyed {
                note = Some("destroyed in provider".into());
            } else if kv.deleted {
                note = Some("deleted in provider".into());
            }
            out.push(VersionInfo {
                version: kv.version,
                author,
                created_at,
                current: kv.version == current.version,
                note,
            });
        }
        for (version, (author, created_at)) in local {
            let note = Some("no longer kept by provider".to_owned());
            out.push(VersionInfo { version, author, created_at, current: version == current.version, note });
        }
        out.sort_by_key(|v| v.version);
        Ok(out)
    }

    /// Moves a secret's value (every version, in order) to `to`, or back into the vault file
    /// with `None` (editor). Values pass through memory only. Moving back deletes the path in
    /// the provider after the local commit; if that fails, the second item says so.
    pub fn move_secret(&self, scope: &Scope, name: &str, to: Option<&str>) -> Result<(SecretInfo, Option<String>)> {
        let mut undo = Undo::default();
        let mut leftover: Option<(Arc<dyn Provider>, String)> = None;
        let r = self.store.write(|s| {
            let project = self.scope_project(scope, false)?.ok_or_else(|| Error::SecretNotFound {
                name: names::printable(name),
                project: Self::scope_label(scope),
            })?;
            let grant = self.require(&project, Role::Editor, "moving a secret")?;
            let old = self.find_secret(&project, name, scope)?;
            match (old.provider.as_deref(), to) {
                (Some(p), Some(t)) if p == t => {
                    return Err(Error::Usage(format!("secret '{name}' is already kept in provider '{p}'")))
                }
                (Some(p), Some(_)) => {
                    return Err(Error::Conflict(format!(
                        "secret '{name}' is kept in provider '{p}'; move it back with --local first"
                    )))
                }
                (None, None) => return Err(Error::Usage(format!("secret '{name}' is already kept in the vault file"))),
                _ => {}
            }
            let pkey = self.project_key(&project, &grant)?;
            let dek = self.open_dek(&project, &pkey, &old)?;
            let mut row = old.clone();
            row.provider = to.map(str::to_owned);
            row.modified_by = self.me.id.clone();
            row.modified_at = store::now();
            // A share binds where the value is kept (and, for a provider, carries its token).
            if !s.shares_of(&old.id)?.is_empty() {
                let whither = if to.is_some() { "to a provider" } else { "back into the vault file" };
                return Err(Error::Conflict(format!(
                    "secret '{name}' is shared with a community; unshare it before moving it {whither}"
                )));
            }
            match to {
                Some(t) => {
                    // Open every version before writing anything.
                    self.open_current_with(&project.name, &dek, &old)?;
                    let mut values = Vec::new();
                    for v in s.versions(&old.id)? {
                        values.push((v.version, self.open_version(&project.name, &dek, &old, &v)?));
                    }
                    let client = self.provider_client(t, &project, &pkey, true)?;
                    client.check_storage()?;
                    let path = provider::secret_path(&project.name, &old.name);
                    for (i, (n, value)) in values.iter().enumerate() {
                        let kv = client.write(&path, value.expose(), (i == 0).then_some(0))?;
                        if i == 0 {
                            undo.delete_path(&client, &path);
                        }
                        let rec = Record { kind: client.kind(), version: kv, path: path.clone() };
                        s.update_version_blob(&old.id, *n, &self.seal_record(&dek, &row, *n, &rec))?;
                    }
                }
                None => {
                    let (_, current) = self.current_record(&project, &pkey, &old)?;
                    let from = old.provider.as_deref().unwrap_or_default();
                    let client = self.provider_client(from, &project, &pkey, false)?;
                    for v in s.versions(&old.id)? {
                        let rec = self.open_record(&project.name, &dek, &old, &v)?;
                        let text = match v.version == old.current_version {
                            true => Some(client.read(&rec.path, rec.version)?),
                            false => client.read_opt(&rec.path, rec.version)?,
                        };
                        match text {
                            Some(text) => {
                                let value = value_from(client.as_ref(), &rec, text)?;
                                let sealed =
                                    crypto::seal(&dek, value.expose().as_bytes(), &self.value_ad(&row, v.version));
                                s.update_version_blob(&old.id, v.version, &sealed)?;
                            }
                            // KV keeps a limited number of versions; older ones may be gone.
                            None => s.delete_version(&old.id, v.version)?,
                        }
                    }
                    leftover = Some((client, current.path));
                }
            }
            s.update_secret(&row)?;
            self.info(&project, row, None)
        });
        let info = undo.settle(r)?;
        let warning = leftover.and_then(|(client, path)| {
            client.delete_all(&path).err().map(|e| {
                format!("the value is back in the vault file, but its copy in the provider was not deleted: {e}")
            })
        });
        Ok((info, warning))
    }
}

/// An RFC 3339 time from the provider as Unix seconds (0 if unreadable).
fn parse_time(s: &str) -> i64 {
    time::OffsetDateTime::parse(s, &time::format_description::well_known::Rfc3339)
        .map(|t| t.unix_timestamp())
        .unwrap_or(0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn record_round_trip() {
        let r = Record { kind: "openbao", version: 12, path: "vault/@alice/DB_PASS".into() };
        assert_eq!(&r.encode()[..], b"kv:12:vault/@alice/DB_PASS");
        assert_eq!(Record::decode(&r.encode()), Some(r));
        for bad in ["kv:0:x", "kv:x:y", "value", "kv:3", "aws:3:x"] {
            assert!(Record::decode(bad.as_bytes()).is_none(), "{bad}");
        }
    }
}
