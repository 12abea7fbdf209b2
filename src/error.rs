//! The one error type of the library, and the exit code and hint of each failure.
//!
//! No variant can hold a secret value, a passphrase or key material: they carry names, paths and
//! reasons only, so `Debug` and `Display` are safe to print anywhere. The binary maps variants to
//! exit codes through [`Error::exit_code`] (DESIGN.md section 7) and nothing else does.

use std::path::PathBuf;

/// Result alias used across the crate.
pub type Result<T, E = Error> = std::result::Result<T, E>;

/// Every failure a user can see.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// Bad arguments that clap could not catch (a combination, an empty value).
    #[error("{0}")]
    Usage(String),

    /// A project, community or secret name that breaks the naming rules.
    #[error("invalid {kind} name '{name}': {reason}")]
    InvalidName { kind: &'static str, name: String, reason: &'static str },

    /// A value that cannot be stored (too large, not UTF-8, empty).
    #[error("{0}")]
    BadValue(String),

    /// No vault file at the path.
    #[error("no vault at {}", path.display())]
    NoVault { path: PathBuf },

    /// `vault init` on a path that already holds a vault.
    #[error("a vault already exists at {}", path.display())]
    VaultExists { path: PathBuf },

    /// Something named does not exist.
    #[error("{kind} '{name}' not found{}", scope_suffix(scope))]
    NotFound { kind: &'static str, name: String, scope: Option<String> },

    /// A secret that is not in the project (nor shared into it).
    #[error("secret '{name}' not found in project '{project}'")]
    SecretNotFound { name: String, project: String },

    /// Something named exists already.
    #[error("{kind} '{name}' already exists{}", scope_suffix(scope))]
    AlreadyExists { kind: &'static str, name: String, scope: Option<String> },

    /// Wrong passphrase, unknown user at unlock time.
    #[error("wrong passphrase for user '{user}'")]
    WrongPassphrase { user: String },

    /// The user named to unlock does not exist.
    #[error("no user '{user}' in this vault")]
    UnknownUser { user: String },

    /// A user added by an admin who has not unlocked the vault yet has no keys to grant to.
    #[error("user '{user}' has not unlocked the vault yet, so nothing can be granted to them")]
    NotEnrolled { user: String },

    /// Not on a terminal and no passphrase source was given.
    #[error("no passphrase: stdin is not a terminal and none of VAULT_SESSION, --passphrase-file or VAULT_PASSPHRASE is set")]
    NoPassphrase,

    /// A session that is expired, locked, or for another vault or user.
    #[error("session {0}")]
    Session(String),

    /// A user's stored KDF parameters are below the floor (a downgrade) or above the ceiling.
    #[error("user '{user}' has key-derivation parameters {reason}; refusing to use them")]
    KdfRefused { user: String, reason: String },

    /// Acting user lacks a role.
    #[error("user '{user}' {lacks}")]
    PermissionDenied { user: String, lacks: String },

    /// A ciphertext, wrapped key or signature failed to verify.
    #[error("{what} failed to verify; the vault was damaged or edited")]
    Tampered { what: String },

    /// The file is not a vault, or SQLite reports it corrupt.
    #[error("{} is not a readable vault file: {reason}", path.display())]
    Damaged { path: PathBuf, reason: String },

    /// SQLite found the file corrupt while reading it.
    #[error("the vault file is damaged: {0}")]
    Corrupt(String),

    /// The file was written by a newer version of vault.
    #[error("{} uses vault file format {found}; this vault understands up to {supported}", path.display())]
    NewerFormat { path: PathBuf, found: i64, supported: i64 },

    /// The vault file is older than one this computer has already seen (a rollback to an older
    /// copy, or a restored backup).
    #[error("the vault is older than the one this computer last saw: {what}")]
    RolledBack { what: String },

    /// The audit log could not take this command's event (the command's value stays unshown).
    #[error("the audit log could not record this command: {0}")]
    Audit(String),

    /// A change refused because something still depends on what it would remove.
    #[error("{0}")]
    Conflict(String),

    /// An external value store (OpenBao / Vault KV v2) that cannot be reached or refused a
    /// request. `reason` is ours or the server's `errors` text, capped and never a value or token.
    #[error("provider '{name}' at {url}: {reason}")]
    Provider { name: String, url: String, reason: String },

    /// `vault run` could not start the command (127 not found, 126 not executable).
    #[error("cannot run '{program}': {reason}")]
    Spawn { program: String, reason: String, code: u8 },

    /// An I/O failure, with what we were doing.
    #[error("{context}: {source}")]
    Io {
        context: String,
        #[source]
        source: std::io::Error,
    },

    /// A database failure that is not corruption.
    #[error("database error: {0}")]
    Db(#[source] rusqlite::Error),

    /// The PostgreSQL server holding the vault cannot be reached, refused us, or failed a
    /// statement. `reason` is the server's message or the connection's failure; never a value.
    #[error("vault database at {hosts}: {reason}")]
    Server { hosts: String, reason: String },

    /// The database holds an older format whose upgrade needs rights this role lacks.
    #[error("vault database at {hosts}: the vault there is of format {from}; this release upgrades it to format {to} on its first open, which only the owner of the vault tables may do")]
    UpgradeRefused { hosts: String, from: i64, to: i64 },
}

fn scope_suffix(scope: &Option<String>) -> String {
    match scope {
        Some(s) => format!(" in {s}"),
        None => String::new(),
    }
}

impl Error {
    /// The process exit code of this failure (DESIGN.md section 7).
    pub fn exit_code(&self) -> u8 {
        match self {
            Self::Usage(_) | Self::InvalidName { .. } | Self::BadValue(_) => 2,
            Self::NoVault { .. } | Self::NotFound { .. } | Self::SecretNotFound { .. } => 3,
            Self::AlreadyExists { .. } | Self::VaultExists { .. } | Self::Conflict(_) => 4,
            Self::WrongPassphrase { .. }
            | Self::NoPassphrase
            | Self::UnknownUser { .. }
            | Self::Session(_)
            | Self::KdfRefused { .. } => 5,
            Self::PermissionDenied { .. } => 6,
            Self::Tampered { .. } | Self::Damaged { .. } | Self::Corrupt(_) | Self::RolledBack { .. } => 7,
            Self::Provider { .. } | Self::Server { .. } | Self::UpgradeRefused { .. } => 8,
            Self::Spawn { code, .. } => *code,
            Self::NotEnrolled { .. } => 1,
            Self::NewerFormat { .. } | Self::Io { .. } | Self::Db(_) | Self::Audit(_) => 1,
        }
    }

    /// A suggestion printed after the error, when we have one.
    pub fn hint(&self) -> Option<String> {
        match self {
            Self::NoVault { .. } => {
                Some("create one with `vault init`, or point --vault / VAULT_PATH at an existing file".into())
            }
            Self::NoPassphrase => Some(
                "set VAULT_PASSPHRASE, pass --passphrase-file FILE, or run `eval \"$(vault unlock)\"` first".into(),
            ),
            Self::SecretNotFound { project, .. } if project == "your private secrets" => {
                Some("see what exists with `vault secret list --private`".into())
            }
            Self::SecretNotFound { project, .. } => {
                Some(format!("see what exists with `vault secret list --project {project}`"))
            }
            Self::NotFound { kind: "project", .. } => Some("see what exists with `vault project list`".into()),
            Self::NotFound { kind: "user", .. } => Some("see who exists with `vault user list`".into()),
            Self::NotEnrolled { user } => Some(format!(
                "ask {user} to unlock once with their passphrase, e.g. `vault --user {user} project list`"
            )),
            Self::UnknownUser { .. } => {
                Some("name the user with --user or VAULT_USER (it defaults to your OS user name)".into())
            }
            Self::WrongPassphrase { .. } => Some("check VAULT_USER / --user names the right user".into()),
            Self::NewerFormat { .. } => Some("upgrade vault to open this file".into()),
            Self::RolledBack { .. } => Some(
                "someone may have put an older copy of the file in its place; if you restored a backup on purpose, \
                 run the command again with --accept-rollback"
                    .into(),
            ),
            Self::Server { .. } => Some(
                "check that the server runs and accepts this user (its password comes from PGPASSWORD or ~/.pgpass); \
                 nothing was changed"
                    .into(),
            ),
            Self::UpgradeRefused { .. } => Some(
                "have the owner of the vault tables run any vault command with this release once (for example \
                 `vault status`), then try again; nothing was changed"
                    .into(),
            ),
            Self::Provider { name, .. } => {
                Some(format!("check the server, its token and its mount with `vault provider check {name}`"))
            }
            Self::Damaged { .. } | Self::Tampered { .. } | Self::Corrupt(_) => {
                Some("restore the vault from a backup; nothing was changed".into())
            }
            _ => None,
        }
    }

    /// Shorthand for an I/O error with context.
    pub fn io(context: impl Into<String>, source: std::io::Error) -> Self {
        Self::Io { context: context.into(), source }
    }

    /// Shorthand for a tampering error naming what failed.
    pub fn tampered(what: impl Into<String>) -> Self {
        Self::Tampered { what: what.into() }
    }
}

impl From<rusqlite::Error> for Error {
    fn from(e: rusqlite::Error) -> Self {
        use rusqlite::ErrorCode::{DatabaseCorrupt, NotADatabase};
        match e.sqlite_error_code() {
            Some(DatabaseCorrupt | NotADatabase) => Error::Corrupt(e.to_string()),
            Some(rusqlite::ErrorCode::ReadOnly) => Error::io(
                "cannot write the vault file",
                std::io::Error::new(std::io::ErrorKind::PermissionDenied, "it or its folder is read-only"),
            ),
            // A column of the wrong type means someone edited the file by hand.
            _ if matches!(
                e,
                rusqlite::Error::InvalidColumnType(..) | rusqlite::Error::FromSqlConversionFailure(..)
            ) =>
            {
                Error::Corrupt("a row holds a value of the wrong type".into())
            }
            _ => Error::Db(e),
        }
    }
}
