//! Who is acting and on which file: the vault path, the user name, unlocking (session,
//! passphrase file, environment, prompt, in that order), reading values, confirmations.
//!
//! Passphrases and values never come from argv. `VAULT_PASSPHRASE` is read here, not through
//! clap's `env`, so help never prints it, and it is removed from our environment once read.

use std::cell::{Cell, RefCell};
use std::fs::File;
use std::io::{IsTerminal, Read};
use std::path::{Path, PathBuf};
use std::rc::Rc;

use zeroize::Zeroizing;

use crate::output::Style;
use crate::store::Store;
use crate::vault::audit::{self, AuditSigner, EventSpec};
use crate::vault::{self, Passphrase, SecretValue, Vault, MAX_VALUE_LEN};
use crate::{Error, Result};

/// The global options every command shares.
#[derive(Debug)]
pub struct Ctx {
    pub vault: crate::store::Location,
    pub user: String,
    pub passphrase_file: Option<PathBuf>,
    /// The config file's default project.
    pub default_project: Option<String>,
    pub style: Style,
    /// Set by a successful unlock, so the command's audit event can be MACed.
    pub audit: RefCell<Option<(AuditSigner, Rc<Store>)>>,
    /// The audit event this command records, if any.
    pub event: Option<EventSpec>,
    /// The session token this command unlocked with, if any (to save the memo back).
    pub session: RefCell<Option<Zeroizing<String>>>,
    /// Whether the command's event was already appended (before a value was revealed).
    pub recorded: Cell<bool>,
    /// Take the vault file as it is even if it is older than one this computer saw.
    pub accept_rollback: bool,
    /// After an unlock: the vault id, what this computer had seen of it that still applies,
    /// and the lists this command verifies.
    pub seen: RefCell<Option<(String, crate::vault::Position, crate::vault::VerifiedLists)>>,
    /// The audit event this command appended: (number, MAC).
    pub appended: RefCell<Option<(i64, Vec<u8>)>>,
    /// Set when a library caller (the Python package) acts rather than the command line:
    /// what it unlocks with, taken by the caller from its environment once instead of read
    /// from this process's environment at each unlock, and never a prompt on the terminal.
    pub api: Option<ApiAuth>,
}

/// What a library caller unlocks with (see [`Ctx::api`]), tried in the command line's order:
/// keys it already holds from an earlier unlock in this process, then its session token, then
/// `--passphrase-file`, `VAULT_PASSPHRASE`, then a passphrase it asked its user for.
#[derive(Default)]
pub struct ApiAuth {
    /// The user's keys from an earlier passphrase unlock in this process: (vault id, user id,
    /// keys). Roles are still read from the signed roster at every unlock.
    pub held: RefCell<Option<(String, String, crate::crypto::UserKeys)>>,
    /// The `VAULT_SESSION` token the caller took from its environment.
    pub token: Option<Zeroizing<String>>,
    /// The `VAULT_PASSPHRASE` the caller took from its environment (so that the programs it
    /// starts do not inherit it, as the command line's do not).
    pub env_passphrase: Option<Passphrase>,
    /// A passphrase the caller asked its user for (Python's `getpass`), used once.
    pub asked: RefCell<Option<Passphrase>>,
}

impl std::fmt::Debug for ApiAuth {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("ApiAuth { .. }")
    }
}

/// The default vault file: `<data dir>/vault.db` (e.g. `~/.local/share/vault/vault.db`).
pub(super) fn default_vault_path() -> Result<PathBuf> {
    directories::ProjectDirs::from("", "", "vault")
        .map(|d| d.data_dir().join("vault.db"))
        .ok_or_else(|| Error::Usage("cannot find a home folder for the default vault path; pass --vault PATH".into()))
}

/// The OS user name, the default acting user: `$USER`, `$LOGNAME`, else the OS account our
/// uid belongs to (a container or CI job often sets neither), else the uid itself.
pub(super) fn os_user() -> String {
    ["USER", "LOGNAME", "USERNAME"]
        .iter()
        .find_map(|k| std::env::var(k).ok().filter(|v| !v.is_empty()))
        .or_else(crate::sys::account_name)
        .unwrap_or_else(|| format!("uid{}", crate::sys::uid()))
}

impl Ctx {
    /// The context of one command on `vault` as `user`, recording `event` if it is one that
    /// leaves an audit event.
    pub fn new(
        vault: crate::store::Location,
        user: String,
        default_project: Option<String>,
        style: Style,
        event: Option<EventSpec>,
    ) -> Ctx {
        Ctx {
            vault,
            user,
            passphrase_file: None,
            default_project,
            style,
            audit: Default::default(),
            event,
            session: Default::default(),
            recorded: Default::default(),
            accept_rollback: false,
            seen: Default::default(),
            appended: Default::default(),
            api: None,
        }
    }

    /// Ends a command that returned `result`: records its audit event with the outcome,
    /// remembers where the vault stands and saves the session memo. A command that did its
    /// work but whose event could not be appended is an error, never a success.
    pub fn finish<T>(&self, result: Result<T>) -> Result<T> {
        let outcome = match &result {
            Ok(_) => "ok".to_owned(),
            Err(e) if e.exit_code() == 6 => "denied".to_owned(),
            Err(e) => format!("failed (exit {})", e.exit_code()),
        };
        let recorded = self.record(&outcome);
        self.remember_position();
        self.save_memo();
        let value = result?;
        recorded?;
        Ok(value)
    }

    /// Opens the vault file and unlocks it as the acting user.
    pub fn unlock(&self) -> Result<Vault> {
        let store = vault::open_store(&self.vault)?;
        let token = match &self.api {
            Some(api) => api.token.clone(),
            None => crate::session::token_from_env(),
        };
        let held = self.api.as_ref().and_then(|a| a.held.borrow_mut().take());
        // Keys held from an earlier unlock come first: no session file is read then.
        let token = if held.is_some() { None } else { token };
        let session = token.as_ref().map(|t| crate::session::load(t));
        // On a database, the id of the vault this computer found there before: what it saw of
        // that vault can then be read before the snapshot starts without asking the server,
        // and the snapshot's first round trip carries the whole unlock. Checked below.
        let shown = store.location().to_string();
        let on_db = matches!(store.location(), crate::store::Location::Postgres(_));
        let hint = if on_db { crate::state::vault_id_at(&shown) } else { None };
        let vault_id = match &hint {
            Some(id) => Some(id.clone()),
            None => store.meta("vault_id")?.map(|id| String::from_utf8_lossy(&id).into_owned()),
        };
        // What this computer saw of the file, read before our snapshot starts: another command
        // may commit and remember a newer position at any time, never one our snapshot lacks.
        let seen_of = |id: &Option<String>| match (self.accept_rollback, id) {
            (false, Some(id)) => crate::state::seen(id),
            _ => crate::vault::Position::default(),
        };
        let mut seen = seen_of(&vault_id);
        // The vault id `seen` belongs to: the unlocked vault must have it (see below).
        let mut seen_for = vault_id.clone();
        // One snapshot for the unlock and the command's reads; the first write ends it.
        store.begin_read()?;
        let user_id = match (&held, &session) {
            (Some((_, id, _)), _) => Some(id.clone()),
            (None, Some(Ok(s))) => Some(s.user_id.clone()),
            _ => None,
        };
        self.prefetch_unlock(&store, user_id.as_deref(), &seen)?;
        if on_db {
            let found = store.meta("vault_id")?.map(|id| String::from_utf8_lossy(&id).into_owned());
            if found != vault_id {
                // Another vault than the one remembered there: start again from what this
                // computer saw of this one.
                store.end_read();
                seen = seen_of(&found);
                seen_for = found.clone();
                store.begin_read()?;
                self.prefetch_unlock(&store, user_id.as_deref(), &seen)?;
            }
            if let Some(id) = found.filter(|f| hint.as_ref() != Some(f)) {
                crate::state::remember_vault_id_at(&shown, &id);
            }
        }
        let result = match (held, token, session) {
            (Some((vault_id, user_id, keys)), _, _) => Vault::unlock_with_keys(store, &vault_id, &user_id, keys),
            (None, Some(token), Some(session)) => session.and_then(|s| {
                // Checks and unwraps earlier commands of this session made are not repeated.
                crate::crypto::memo::install(s.memo);
                *self.session.borrow_mut() = Some(token);
                Vault::unlock_with_keys(store, &s.vault_id, &s.user_id, s.keys)
            }),
            _ => {
                let pass = self.passphrase(&format!("Passphrase for {}: ", self.user))?;
                Vault::unlock(store, &self.user, &pass)
            }
        };
        // A format 1 file's rows are rebound to format 2 by the first editor who unlocks. A
        // file older than one this computer saw is refused (unless a restore is meant).
        let result = result.and_then(|v| {
            // What this computer saw is of the vault it unlocked, not of another whose id a
            // server gave before (an id swapped between two reads would skip the check below).
            if seen_for.as_deref() != Some(v.id()) {
                return Err(Error::tampered("the vault's id (it changed while this command read it)"));
            }
            // Before anything is written: a file older than what we saw must not be signed into
            // new lists by our own maintenance.
            let kept = v.check_not_older_than(&seen)?;
            *self.seen.borrow_mut() = Some((v.id().to_owned(), kept, v.verified_lists()));
            v.rebind_legacy()?;
            Ok(v)
        });
        match &result {
            Ok(v) => {
                *self.audit.borrow_mut() = Some((v.audit_signer(), v.shared_store()));
                // A library caller keeps the keys of a passphrase unlock for its next calls (a
                // session's are read from the session file each time, so `vault lock` ends them).
                if let Some(api) = self.api.as_ref().filter(|a| a.token.is_none()) {
                    let keys = crate::crypto::UserKeys::from_plaintext(&v.keys().to_plaintext())
                        .map_err(|_| Error::Corrupt("the user's keys do not read back".into()))?;
                    *api.held.borrow_mut() = Some((v.id().to_owned(), v.me().id.clone(), keys));
                }
            }
            // A failed unlock is recorded without a MAC (we hold no key); the next MACed event
            // covers it.
            Err(e) if e.exit_code() == 5 => {
                if let Ok(store) = vault::open_store(&self.vault) {
                    store.light_writes();
                    let spec = self
                        .event
                        .clone()
                        .unwrap_or_else(|| EventSpec { action: "unlock".into(), ..EventSpec::default() });
                    let outcome = format!("failed: {}", auth_failure(e));
                    let _ = audit::append(&store, None, &self.user, &spec, &outcome);
                }
            }
            Err(_) => {}
        }
        result
    }

    /// On a database, asks in one round trip what the unlock is about to read (see
    /// [`crate::store::Ask`]); nothing on a file.
    fn prefetch_unlock(&self, store: &Store, user_id: Option<&str>, seen: &crate::vault::Position) -> Result<()> {
        use crate::store::Ask;
        let mut asks: Vec<Ask<'_>> = Vec::new();
        if let Some(id) = user_id {
            asks.push(Ask::Unlock { user_id: id });
        }
        asks.extend(seen.heads.keys().map(|scope| Ask::Head(scope)));
        asks.extend(seen.audit.as_ref().map(|(seq, _)| Ask::MacAt(*seq)));
        if self.event.is_some() {
            asks.push(Ask::AuditTail);
        }
        store.prefetch(&asks)
    }

    /// Appends this command's audit event, MACed with the unlock's key, if it has one and it
    /// was not recorded already (see [`Ctx::record_before_reveal`]). A failed append is an
    /// error: an event that cannot be written must not pass unnoticed.
    pub fn record(&self, outcome: &str) -> Result<()> {
        if self.recorded.get() {
            return Ok(());
        }
        let (Some(spec), Some((signer, store))) = (&self.event, &*self.audit.borrow()) else { return Ok(()) };
        self.recorded.set(true);
        // Same connection as the command, and no fsync of its own (see `light_writes`).
        store.light_writes();
        let appended = audit::append(store, Some(signer), &self.user, spec, outcome).map_err(audit_failed)?;
        *self.appended.borrow_mut() = appended;
        Ok(())
    }

    /// Records this command's event before a value leaves vault (printed, exported, handed
    /// to a program): if the audit log cannot take it, the value is not revealed.
    pub fn record_before_reveal(&self) -> Result<()> {
        self.record("ok")
    }

    /// Records one event per value about to leave vault, before any of them does (`inject`
    /// renders several); the command's own event follows as usual when it ends. If the audit
    /// log cannot take them, no value is revealed.
    pub fn record_each_before_reveal(&self, specs: &[EventSpec]) -> Result<()> {
        let audit = self.audit.borrow();
        let (signer, store) =
            audit.as_ref().ok_or_else(|| Error::Audit("no audit log to record the reveal in".into()))?;
        store.light_writes();
        for spec in specs {
            let appended = audit::append(store, Some(signer), &self.user, spec, "ok").map_err(audit_failed)?;
            *self.appended.borrow_mut() = appended;
        }
        Ok(())
    }

    /// Remembers where the vault file stands now, after the command (see `crate::state`).
    pub fn remember_position(&self) {
        let Some((id, kept, lists)) = &*self.seen.borrow() else { return };
        let now = crate::vault::Position { heads: lists.borrow().clone(), audit: self.appended.borrow().clone() };
        crate::state::remember(id, kept, &now);
    }

    /// Saves what this command added to its session's memo, if it ran with a session.
    pub fn save_memo(&self) {
        if let (Some(token), Some(memo)) = (&*self.session.borrow(), crate::crypto::memo::take_if_changed()) {
            crate::session::save_memo(token, memo);
        }
    }

    /// The passphrase for unlocking: `--passphrase-file`, then `VAULT_PASSPHRASE`, then a hidden
    /// prompt on the terminal; with no terminal, an error at once, never a wait.
    /// A library caller: the same file, then the `VAULT_PASSPHRASE` it took from its
    /// environment, then the passphrase it asked for; never a prompt of ours.
    pub fn passphrase(&self, prompt: &str) -> Result<Passphrase> {
        if let Some(f) = &self.passphrase_file {
            return read_passphrase_file(f);
        }
        if let Some(api) = &self.api {
            if let Some(p) = &api.env_passphrase {
                return Ok(p.clone());
            }
            return api.asked.borrow_mut().take().ok_or(Error::NoPassphrase);
        }
        if let Some(p) = take_env_passphrase() {
            return Ok(p);
        }
        prompt_hidden(prompt).ok_or(Error::NoPassphrase)
    }

    /// The first passphrase of a user being added: from `file`, else a prompt typed twice.
    /// Never the acting user's own sources (VAULT_PASSPHRASE, --passphrase-file): those unlock us.
    pub fn new_user_passphrase(&self, file: Option<&Path>, whose: &str) -> Result<Passphrase> {
        let pass = match file {
            Some(f) => read_passphrase_file(f)?,
            None => {
                let first = prompt_hidden(&format!("Passphrase for new user {whose}: ")).ok_or_else(|| {
                    Error::Usage(
                        "no terminal to type the new user's passphrase on: pass --new-passphrase-file FILE".into(),
                    )
                })?;
                let again = prompt_hidden("Type it again: ").ok_or(Error::NoPassphrase)?;
                if first != again {
                    return Err(Error::Usage("the passphrases did not match; nothing was changed".into()));
                }
                first
            }
        };
        if pass.is_empty() {
            return Err(Error::Usage("the passphrase is empty".into()));
        }
        Ok(pass)
    }

    /// A new passphrase: from `file`, the passphrase sources, or a prompt typed twice.
    pub fn new_passphrase(&self, file: Option<&Path>, whose: &str) -> Result<Passphrase> {
        let pass = if let Some(f) = file {
            read_passphrase_file(f)?
        } else if let Some(f) = &self.passphrase_file {
            read_passphrase_file(f)?
        } else if let Some(p) = take_env_passphrase() {
            p
        } else {
            let first = prompt_hidden(&format!("New passphrase for {whose}: ")).ok_or(Error::NoPassphrase)?;
            let again = prompt_hidden("Type it again: ").ok_or(Error::NoPassphrase)?;
            if first != again {
                return Err(Error::Usage("the passphrases did not match; nothing was changed".into()));
            }
            first
        };
        if pass.is_empty() {
            return Err(Error::Usage("the passphrase is empty".into()));
        }
        Ok(pass)
    }
}

fn audit_failed(e: Error) -> Error {
    match e {
        Error::Tampered { .. } | Error::Damaged { .. } | Error::Corrupt(_) => e,
        other => Error::Audit(other.to_string()),
    }
}

/// A short reason for the audit log (never the passphrase or token).
fn auth_failure(e: &Error) -> &'static str {
    match e {
        Error::WrongPassphrase { .. } => "wrong passphrase",
        Error::UnknownUser { .. } => "unknown user",
        Error::KdfRefused { .. } => "KDF parameters refused",
        Error::Session(_) => "session refused",
        _ => "authentication failed",
    }
}

fn take_env_passphrase() -> Option<Passphrase> {
    let v = std::env::var_os("VAULT_PASSPHRASE")?;
    // Once read, it leaves our environment so nothing we start inherits it.
    std::env::remove_var("VAULT_PASSPHRASE");
    Some(Zeroizing::new(std::os::unix::ffi::OsStringExt::into_vec(v)))
}

fn read_passphrase_file(path: &Path) -> Result<Passphrase> {
    let mut buf = Zeroizing::new(Vec::new());
    File::open(path)
        .and_then(|mut f| f.read_to_end(&mut buf))
        .map_err(|e| Error::io(format!("cannot read passphrase file {}", path.display()), e))?;
    // One trailing newline is the file's, not the passphrase's.
    if buf.ends_with(b"\n") {
        buf.pop();
        if buf.ends_with(b"\r") {
            buf.pop();
        }
    }
    Ok(buf)
}

/// Whether we can talk to a person: a controlling terminal exists.
pub(super) fn has_tty() -> bool {
    File::open("/dev/tty").is_ok()
}

/// A hidden prompt on the controlling terminal; `None` when there is none.
pub(super) fn prompt_hidden(prompt: &str) -> Option<Passphrase> {
    if !has_tty() {
        return None;
    }
    rpassword::prompt_password(prompt).ok().map(|s| Zeroizing::new(s.into_bytes()))
}

/// Reads a secret value: `--from-file`, else stdin when it is not a terminal, else a hidden
/// prompt typed twice. Never argv.
pub(super) fn read_value(from_file: Option<&Path>, what: &str) -> Result<SecretValue> {
    let limit = (MAX_VALUE_LEN + 1) as u64;
    let mut buf = Zeroizing::new(Vec::new());
    if let Some(f) = from_file {
        File::open(f)
            .and_then(|f| f.take(limit).read_to_end(&mut buf))
            .map_err(|e| Error::io(format!("cannot read {}", f.display()), e))?;
    } else if !std::io::stdin().is_terminal() {
        std::io::stdin()
            .lock()
            .take(limit)
            .read_to_end(&mut buf)
            .map_err(|e| Error::io("cannot read the value from stdin", e))?;
    } else {
        let first = prompt_hidden(&format!("Value for {what}: ")).ok_or(Error::NoPassphrase)?;
        let again = prompt_hidden("Type it again: ").ok_or(Error::NoPassphrase)?;
        if first != again {
            return Err(Error::BadValue("the two values did not match; nothing was changed".into()));
        }
        buf = first;
    }
    SecretValue::from_bytes(buf)
}

/// Asks to confirm a deletion on the terminal; without one, `--yes` is required.
pub(super) fn confirm_delete(yes: bool, what: &str, name: &str) -> Result<()> {
    if yes {
        return Ok(());
    }
    if !std::io::stdin().is_terminal() || !has_tty() {
        return Err(Error::Usage(format!("deleting {what} needs --yes when there is no terminal to confirm on")));
    }
    eprint!("Delete {what}? This cannot be undone. Type '{name}' to confirm: ");
    let mut line = String::new();
    std::io::stdin().read_line(&mut line).map_err(|e| Error::io("cannot read confirmation", e))?;
    if line.trim() != name {
        return Err(Error::Usage("not confirmed; nothing was deleted".into()));
    }
    Ok(())
}
