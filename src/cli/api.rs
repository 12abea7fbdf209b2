//! The library's interface for programs in other languages (the Python package in `python/`).
//!
//! Each call is one command of the command line, run in this process: it opens the vault,
//! unlocks in the command line's order, checks the acting user's roles against the signed
//! roster, records the same audit event, and hands values back instead of printing them.
//! Metadata comes back as the JSON object `--json` prints; values as [`SecretValue`]s.

use std::ffi::OsString;
use std::path::PathBuf;

use super::context::{self, ApiAuth};
use super::io::{ExportArgs, OutFormat};
use super::secret::{self, Change, NewSecret, ScopeArgs, SecretCmd};
use super::{event, Command, Ctx};
use crate::output::Style;
pub use crate::vault::{Passphrase, SecretValue};
use crate::{Error, Result};
use zeroize::Zeroizing;

/// Where a call acts: `project`, or the caller's private secrets. With neither, the project
/// comes from `VAULT_PROJECT` or the config file, as on the command line.
#[derive(Debug, Clone, Default)]
pub struct Where {
    pub project: Option<String>,
    pub private: bool,
}

/// A value from the caller's bytes: UTF-8, at most 1 MiB, as for the command line.
pub fn value(bytes: &[u8]) -> Result<SecretValue> {
    SecretValue::from_bytes(zeroize::Zeroizing::new(bytes.to_vec()))
}

impl Where {
    fn args(&self) -> ScopeArgs {
        ScopeArgs { project: self.project.clone(), private: self.private }
    }
}

/// A new secret, for [`Client::create`].
#[derive(Debug, Clone, Default)]
pub struct New {
    pub name: String,
    pub description: String,
    /// Its env name [default: the name with each '-' made '_'].
    pub env_name: Option<String>,
    pub write_only: bool,
}

/// What [`Client::update`] changes; `None` leaves a field as it is.
#[derive(Debug, Default)]
pub struct Update {
    pub rename: Option<String>,
    pub description: Option<String>,
    pub env_name: Option<String>,
    pub value: Option<SecretValue>,
}

/// The acting user on one vault, across calls.
#[derive(Debug)]
pub struct Client {
    vault: crate::store::Location,
    user: String,
    passphrase_file: Option<PathBuf>,
    default_project: Option<String>,
    auth: ApiAuth,
}

impl Client {
    /// A client of `vault` (else `VAULT_PATH`, the config file, the default path) acting as
    /// `user` (else `VAULT_USER`, the config file, the OS user), unlocking with `session` (a
    /// `VAULT_SESSION` token), else `passphrase_file`, else `env_passphrase` (what
    /// `VAULT_PASSPHRASE` held: the caller takes both out of its environment, so that the
    /// programs it starts do not inherit them), else a passphrase it asks for after a call
    /// fails with [`Error::NoPassphrase`]. Nothing is opened until the first call.
    pub fn new(
        vault: Option<OsString>,
        user: Option<String>,
        passphrase_file: Option<PathBuf>,
        session: Option<Zeroizing<String>>,
        env_passphrase: Option<Passphrase>,
    ) -> Result<Client> {
        let config = crate::config::load()?;
        let env = |k: &str| std::env::var_os(k).filter(|v| !v.is_empty());
        let vault = match vault.or_else(|| env("VAULT_PATH")).or(config.vault.map(PathBuf::into_os_string)) {
            Some(p) => crate::store::Location::parse(&p)?,
            None => crate::store::Location::File(context::default_vault_path()?),
        };
        let user = user
            .or_else(|| std::env::var("VAULT_USER").ok().filter(|u| !u.is_empty()))
            .or(config.user)
            .unwrap_or_else(context::os_user);
        Ok(Client {
            vault,
            user,
            passphrase_file,
            default_project: config.project,
            auth: ApiAuth {
                token: session.filter(|t| !t.is_empty()),
                env_passphrase: env_passphrase.filter(|p| !p.is_empty()),
                ..ApiAuth::default()
            },
        })
    }

    /// The acting user's name.
    pub fn user(&self) -> &str {
        &self.user
    }

    /// Where the vault is, as a user would name it.
    pub fn location(&self) -> String {
        self.vault.to_string()
    }

    /// Gives the passphrase the caller asked its user for, after a call failed with
    /// [`Error::NoPassphrase`]; the next call unlocks with it (once).
    pub fn give_passphrase(&mut self, passphrase: Passphrase) {
        *self.auth.asked.borrow_mut() = Some(passphrase);
    }

    /// Forgets the keys held since a passphrase unlock, and the passphrases given: the next
    /// call needs a session, the passphrase file or a passphrase asked for again.
    pub fn lock(&mut self) {
        self.auth.held.borrow_mut().take();
        self.auth.asked.borrow_mut().take();
        self.auth.env_passphrase = None;
    }

    /// Whether keys from a passphrase unlock are held.
    pub fn holds_keys(&self) -> bool {
        self.auth.held.borrow().is_some()
    }

    /// Runs one command with the event `cmd` records on the command line.
    fn call<T>(&mut self, cmd: Option<Command>, f: impl FnOnce(&Ctx) -> Result<T>) -> Result<T> {
        // One call at a time in this process: the session memo (crate::crypto::memo) and the
        // command's bookkeeping are per process, and a call of one client must never add its
        // user's keys to another client's session. Each call starts and ends with no memo.
        let _one = OneCall::start();
        let event = cmd.and_then(|c| event::describe(&c, self.default_project.as_deref()));
        let mut ctx = Ctx::new(
            self.vault.clone(),
            self.user.clone(),
            self.default_project.clone(),
            Style::new(true, true),
            event,
        );
        ctx.passphrase_file = self.passphrase_file.clone();
        ctx.api = Some(std::mem::take(&mut self.auth));
        let result = ctx.finish(f(&ctx));
        self.auth = ctx.api.take().unwrap_or_default();
        result
    }

    /// A secret's value (`secret get --reveal`): its event is recorded before the value is
    /// returned. Returns the metadata (as `--json`) and the value.
    pub fn get(&mut self, at: &Where, name: &str) -> Result<(String, SecretValue)> {
        let cmd = SecretCmd::Get { name: name.to_owned(), scope: at.args(), reveal: true };
        self.call(Some(Command::Secret(cmd)), |ctx| {
            let s = secret::get(ctx, &at.args().scope(ctx)?, name, true)?;
            let json = meta_json(&s)?;
            let value = s.value.ok_or_else(|| Error::Corrupt("a revealed secret without its value".into()))?;
            Ok((json, value))
        })
    }

    /// The secrets of a project, values masked (`secret list --json`): a JSON array.
    pub fn list(&mut self, at: &Where) -> Result<String> {
        self.call(None, |ctx| {
            let scope = at.args().scope(ctx)?;
            let v = ctx.unlock()?;
            let list = v.list_secrets(&scope, false)?;
            serde_json::to_string(&list.iter().map(secret::to_json).collect::<Vec<_>>())
                .map_err(|e| Error::Corrupt(format!("cannot encode the listing: {e}")))
        })
    }

    /// `secret create`: returns the new secret's metadata.
    pub fn create(&mut self, at: &Where, new: &New, value: SecretValue) -> Result<String> {
        let cmd = SecretCmd::Create {
            name: new.name.clone(),
            scope: at.args(),
            description: new.description.clone(),
            env_name: new.env_name.clone(),
            from_file: None,
            write_only: new.write_only,
            provider: None,
        };
        self.call(Some(Command::Secret(cmd)), |ctx| {
            let scope = at.args().scope(ctx)?;
            let settings = NewSecret {
                name: &new.name,
                description: &new.description,
                env_name: new.env_name.as_deref(),
                write_only: new.write_only,
                provider: None,
            };
            meta_json(&secret::create(ctx, &scope, &settings, || Ok(value))?)
        })
    }

    /// `secret edit`: a new value is a new version. Returns the secret's metadata.
    pub fn update(&mut self, at: &Where, name: &str, update: Update) -> Result<String> {
        let Update { rename, description, env_name, value } = update;
        let cmd = SecretCmd::Edit {
            name: name.to_owned(),
            scope: at.args(),
            rename: rename.clone(),
            description: description.clone(),
            env_name: env_name.clone(),
            value_stdin: value.is_some(),
            from_file: None,
            write_only: false,
            provider: None,
            local: false,
        };
        self.call(Some(Command::Secret(cmd)), |ctx| {
            let scope = at.args().scope(ctx)?;
            let change = Change {
                rename: rename.as_deref(),
                description: description.as_deref(),
                env_name: env_name.as_deref(),
                new_value: value.is_some(),
                write_only: false,
            };
            let value = || value.ok_or_else(|| Error::Usage("no value given".into()));
            meta_json(&secret::edit(ctx, &scope, name, &change, value)?)
        })
    }

    /// `secret delete --yes`: the call is the confirmation.
    pub fn delete(&mut self, at: &Where, name: &str) -> Result<()> {
        let cmd = SecretCmd::Delete { name: name.to_owned(), scope: at.args(), yes: true };
        self.call(Some(Command::Secret(cmd)), |ctx| {
            secret::delete(ctx, &at.args().scope(ctx)?, name, || Ok(())).map(drop)
        })
    }

    /// The (env name, value) pairs `vault export --reveal` would write: the project's own
    /// secrets and those shared in that it accepted; write-only secrets refused, env names
    /// judged by `vault run`'s policy. Recorded as `export reveal` before anything is returned.
    pub fn env(&mut self, at: &Where) -> Result<Vec<(String, SecretValue)>> {
        let cmd = ExportArgs { scope: at.args(), format: OutFormat::Dotenv, reveal: true };
        self.call(Some(Command::Export(cmd)), |ctx| {
            let scope = at.args().scope(ctx)?;
            let v = ctx.unlock()?;
            let list = super::io::exportable(&v, &scope, true)?;
            if let Some(bad) = list.iter().find(|s| s.value.as_ref().is_some_and(|x| x.expose().contains('\0'))) {
                return Err(Error::BadValue(format!(
                    "secret '{}' contains a NUL byte and cannot be an environment variable",
                    bad.row.name
                )));
            }
            ctx.record_before_reveal()?;
            list.into_iter()
                .map(|s| {
                    let value = s.value.ok_or_else(|| Error::Corrupt("a revealed secret without its value".into()))?;
                    Ok((s.row.env_name, value))
                })
                .collect()
        })
    }
}

/// Held for the whole of a call (see [`Client::call`]); forgets the session memo at the end,
/// even if the call panicked.
struct OneCall(#[allow(dead_code)] std::sync::MutexGuard<'static, ()>);

impl OneCall {
    fn start() -> OneCall {
        static CALLS: std::sync::Mutex<()> = std::sync::Mutex::new(());
        let guard = CALLS.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
        crate::crypto::memo::uninstall();
        OneCall(guard)
    }
}

impl Drop for OneCall {
    fn drop(&mut self) {
        crate::crypto::memo::uninstall();
    }
}

fn meta_json(s: &crate::vault::SecretInfo) -> Result<String> {
    let mut j = secret::to_json(s);
    j.value = None;
    serde_json::to_string(&j).map_err(|e| Error::Corrupt(format!("cannot encode the secret: {e}")))
}
