//! Values kept in a provider. A provider-backed secret has its row, data key, permissions and
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

use super::secret::{SecretInfo, SecretValue, VersionInfo};
use super::{names, Role, Scope, Vault};
use crate::crypto::{self, domain, Key32};
use crate::provider::{self, Client};
use crate::store::{self, ProjectRow, SecretRow, VersionRow};
use crate::{Error, Result};

/// Where one version of a provider-backed secret lives.
#[derive(Debug, Clone)]
pub(super) struct KvRecord {
    pub version: i64,
    pub path: String,
}

impl KvRecord {
    fn encode(&self) -> Zeroizing<Vec<u8>> {
        Zeroizing::new(format!("kv:{}:{}", self.version, self.path).into_bytes())
    }

    fn decode(pt: &[u8]) -> Option<KvRecord> {
        let s = std::str::from_utf8(pt).ok()?;
        let (version, path) = s.strip_prefix("kv:")?.split_once(':')?;
        Some(KvRecord { version: version.parse().ok().filter(|v| *v > 0)?, path: path.to_owned() })
    }
}

/// One provider-backed value to fetch: where it goes, its secret, client, record and data key.
pub(super) struct Fetch<'a> {
    pub at: usize,
    pub row: &'a SecretRow,
    pub client: Arc<Client>,
    pub rec: KvRecord,
    pub dek: Key32,
}

/// Remote writes to take back if the local transaction they belong to fails.
#[derive(Default)]
pub(super) struct Undo {
    /// (client, path, version to destroy; `None`: the whole path).
    steps: Vec<(Arc<Client>, String, Option<i64>)>,
}

impl Undo {
    fn delete_path(&mut self, client: &Arc<Client>, path: &str) {
        self.steps.push((client.clone(), path.to_owned(), None));
    }

    fn destroy_version(&mut self, client: &Arc<Client>, path: &str, version: i64) {
        self.steps.push((client.clone(), path.to_owned(), Some(version)));
    }

    /// Passes `r` through; on failure first takes back every remote write. A write that cannot
    /// be taken back turns the error into a provider error that names it.
    pub(super) fn settle<T>(self, r: Result<T>) -> Result<T> {
        let Err(e) = r else { return r };
        // Every step is tried, whatever the others did; the first that failed names the rest.
        let mut failed: Vec<(Option<(String, String)>, String)> = Vec::new();
        for (client, path, version) in self.steps.into_iter().rev() {
            let undone = match version {
                Some(v) => client.destroy(&path, v),
                None => client.delete_all(&path),
            };
            if let Err(err) = undone {
                let what = version.map(|v| format!("version {v} of {path}")).unwrap_or(path);
                match err {
                    Error::Provider { name, url, reason } => {
                        failed.push((Some((name, url)), format!("{what} ({reason})")))
                    }
                    other => failed.push((None, format!("{what} ({other})"))),
                }
            }
        }
        let Some((first, _)) = failed.first() else { return Err(e) };
        let (name, url) = first.clone().unwrap_or_default();
        let list = failed.iter().map(|f| f.1.as_str()).collect::<Vec<_>>().join(", ");
        Err(Error::Provider {
            name,
            url,
            reason: format!("{e}; then could not remove what was written before the failure: {list}"),
        })
    }
}

fn value_from(client: &Client, rec: &KvRecord, text: Zeroizing<String>) -> Result<SecretValue> {
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

    pub(super) fn seal_record(&self, dek: &Key32, s: &SecretRow, version: i64, rec: &KvRecord) -> Vec<u8> {
        crypto::seal(dek, &rec.encode(), &self.record_ad(s, version))
    }

    pub(super) fn open_record(&self, home: &str, dek: &Key32, s: &SecretRow, v: &VersionRow) -> Result<KvRecord> {
        let what = || format!("version {} of secret '{}' in project '{home}'", v.version, s.name);
        let pt = crypto::open(dek, &v.sealed, &self.record_ad(s, v.version)).map_err(|_| Error::tampered(what()))?;
        KvRecord::decode(&pt).ok_or_else(|| Error::tampered(what()))
    }

    /// The data key and current record of a provider-backed secret, checking (as for local
    /// values) that the current version is the newest stored.
    pub(super) fn current_record(
        &self,
        project: &ProjectRow,
        pkey: &Key32,
        s: &SecretRow,
    ) -> Result<(Key32, KvRecord)> {
        let dek = self.open_dek(project, pkey, s)?;
        self.current_record_with(&project.name, dek, s)
    }

    /// [`Vault::current_record`] with the data key at hand (a share's); `home` names the
    /// secret's project in errors.
    pub(super) fn current_record_with(&self, home: &str, dek: Key32, s: &SecretRow) -> Result<(Key32, KvRecord)> {
        let what = || format!("the version history of secret '{}' in project '{home}'", s.name);
        if self.store.max_version(&s.id)? != s.current_version {
            return Err(Error::tampered(what()));
        }
        let v = self.store.version(&s.id, s.current_version)?.ok_or_else(|| Error::tampered(what()))?;
        let rec = self.open_record(home, &dek, s, &v)?;
        Ok((dek, rec))
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
        let mut clients: HashMap<&str, Arc<Client>> = HashMap::new();
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
                    let c = Arc::new(self.provider_client(p, project, pkey, false)?);
                    clients.insert(p, c.clone());
                    c
                }
            };
            jobs.push(Fetch { at: i, row, client, rec, dek });
        }
        self.fetch_values(&jobs, &mut out)?;
        Ok(out)
    }

    /// Fetches provider-backed values in parallel, each into `out[at]`. With `--max-age`, a
    /// value fetched is kept as an offline copy, and one whose provider cannot be reached is
    /// taken from its copy (one warning names them all).
    pub(super) fn fetch_values(&self, jobs: &[Fetch<'_>], out: &mut [Option<SecretValue>]) -> Result<()> {
        let fetched = provider::parallel_map(jobs, |j| {
            let text = j.client.read(&j.rec.path, j.rec.version);
            (text, provider::last_was_unreachable())
        });
        let max_age = self.offline_max_age.get();
        let mut stand_ins: Vec<(&str, String, i64)> = Vec::new();
        for (Fetch { at, row, client, rec, dek }, (text, unreachable)) in jobs.iter().zip(fetched) {
            match (text, max_age) {
                (Ok(text), max_age) => {
                    let value = value_from(client, rec, text)?;
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
    fn offline_copy_ad(&self, s: &SecretRow, rec: &KvRecord, fetched_at: i64) -> Vec<u8> {
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
    fn keep_offline_copy(&self, dek: &Key32, s: &SecretRow, rec: &KvRecord, value: &SecretValue) {
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
        rec: &KvRecord,
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
    pub(super) fn insert_provider_secret(
        &self,
        project: &ProjectRow,
        pkey: &Key32,
        row: &mut SecretRow,
        value: &SecretValue,
        undo: &mut Undo,
    ) -> Result<()> {
        let name = row.provider.clone().ok_or_else(|| Error::Usage("no provider named".into()))?;
        let client = Arc::new(self.provider_client(&name, project, pkey, true)?);
        client.check_mount()?;
        let path = provider::secret_path(&project.name, &row.name);
        let kv = client.write(&path, value.expose(), Some(0))?;
        undo.delete_path(&client, &path);
        let dek = self.insert_secret_row(project, pkey, row)?;
        self.store.insert_version(&VersionRow {
            secret_id: row.id.clone(),
            version: 1,
            sealed: self.seal_record(&dek, row, 1, &KvRecord { version: kv, path }),
            created_by: self.me.id.clone(),
            created_at: row.created_at,
        })
    }

    /// Writes `value` as a new KV version of `old`'s path and returns the sealed record for
    /// `row.current_version` (edit and rollback). Runs inside a write.
    pub(super) fn provider_new_version(
        &self,
        project: &ProjectRow,
        pkey: &Key32,
        dek: &Key32,
        (old, row): (&SecretRow, &SecretRow),
        value: &SecretValue,
        undo: &mut Undo,
    ) -> Result<Vec<u8>> {
        let name = old.provider.as_deref().unwrap_or_default();
        let (_, current) = self.current_record(project, pkey, old)?;
        let client = Arc::new(self.provider_client(name, project, pkey, true)?);
        client.check_mount()?;
        let kv = client.write(&current.path, value.expose(), None)?;
        undo.destroy_version(&client, &current.path, kv);
        Ok(self.seal_record(dek, row, row.current_version, &KvRecord { version: kv, path: current.path }))
    }

    /// The value of KV version `version` of a provider-backed secret (rollback).
    pub(super) fn provider_version_value(
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
        let rec = KvRecord { version, path: current.path };
        let text = client.read(&rec.path, version)?;
        value_from(&client, &rec, text)
    }

    /// Deletes a provider-backed secret's path with every version (before its row goes).
    pub(super) fn delete_remote(&self, project: &ProjectRow, pkey: &Key32, row: &SecretRow) -> Result<()> {
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

    /// Creates a secret whose value goes to `provider` (editor). A remote failure leaves no
    /// local row; a local failure after the remote write deletes what was written.
    #[allow(clippy::too_many_arguments)]
    pub fn create_provider_secret(
        &self,
        scope: &Scope,
        name: &str,
        value: &SecretValue,
        description: &str,
        env_name: Option<&str>,
        write_only: bool,
        provider: &str,
    ) -> Result<SecretInfo> {
        names::check("secret", name)?;
        let env_name = names::env_for(name, env_name)?;
        let env_name = env_name.as_str();
        let mut undo = Undo::default();
        let r = self.store.write(|_| {
            let project = self.write_project(scope)?;
            let grant = self.require(&project, Role::Editor, "creating a secret")?;
            self.check_unique(&project, name, env_name, scope)?;
            let pkey = self.project_key(&project, &grant)?;
            let mut row = super::secret::draft(name, env_name, description, write_only);
            row.provider = Some(provider.to_owned());
            self.insert_provider_secret(&project, &pkey, &mut row, value, &mut undo)?;
            self.info(&project, row, None)
        });
        undo.settle(r)
    }

    /// Moves a secret's value (every version, in order) to `to`, or back into the vault file
    /// with `None` (editor). Values pass through memory only. Moving back deletes the path in
    /// the provider after the local commit; if that fails, the second item says so.
    pub fn move_secret(&self, scope: &Scope, name: &str, to: Option<&str>) -> Result<(SecretInfo, Option<String>)> {
        let mut undo = Undo::default();
        let mut leftover: Option<(Client, String)> = None;
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
                    let client = Arc::new(self.provider_client(t, &project, &pkey, true)?);
                    client.check_mount()?;
                    let path = provider::secret_path(&project.name, &old.name);
                    for (i, (n, value)) in values.iter().enumerate() {
                        let kv = client.write(&path, value.expose(), (i == 0).then_some(0))?;
                        if i == 0 {
                            undo.delete_path(&client, &path);
                        }
                        let rec = KvRecord { version: kv, path: path.clone() };
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
                                let value = value_from(&client, &rec, text)?;
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
        let r = KvRecord { version: 12, path: "vault/@alice/DB_PASS".into() };
        let back = KvRecord::decode(&r.encode()).unwrap();
        assert_eq!((back.version, back.path.as_str()), (12, "vault/@alice/DB_PASS"));
        for bad in ["kv:0:x", "kv:x:y", "value", "kv:3"] {
            assert!(KvRecord::decode(bad.as_bytes()).is_none(), "{bad}");
        }
    }
}
