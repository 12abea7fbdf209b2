//! What a value is while the vault holds it, wherever it is kept: [`SecretValue`] (zeroed on
//! drop, never printed), the secrets a program gets, the secrets shared into a project, and
//! [`Undo`], the provider writes a failed transaction takes back. A leaf: `secret.rs`,
//! `remote.rs` (which decides where a value lives: the vault file or a provider) and
//! `share.rs` build on it, and none of them imports one that imports it back.

use std::fmt;
use std::sync::Arc;

use zeroize::Zeroizing;

use crate::crypto::Key32;
use crate::provider::{Provider, Token};
use crate::store::SecretRow;
use crate::{Error, Result};

/// The largest value accepted: 1 MiB.
pub(crate) const MAX_VALUE_LEN: usize = 1024 * 1024;

/// A secret value: UTF-8 text, zeroed on drop, never printed by `Debug`.
pub struct SecretValue(Zeroizing<String>);

impl SecretValue {
    /// Checks and takes bytes read from stdin, a prompt or a file: UTF-8, not empty, at most 1 MiB.
    pub fn from_bytes(bytes: Zeroizing<Vec<u8>>) -> Result<SecretValue> {
        if bytes.is_empty() {
            return Err(Error::BadValue("the value is empty".into()));
        }
        if bytes.len() > MAX_VALUE_LEN {
            return Err(Error::BadValue(format!(
                "the value is {} bytes; the limit is {MAX_VALUE_LEN} bytes (1 MiB)",
                bytes.len()
            )));
        }
        match std::str::from_utf8(&bytes) {
            Ok(s) => Ok(SecretValue(Zeroizing::new(s.to_owned()))),
            Err(e) => Err(Error::BadValue(format!(
                "the value is not UTF-8 text (invalid byte at offset {}); store binary data base64-encoded",
                e.valid_up_to()
            ))),
        }
    }

    /// The value as text.
    pub fn expose(&self) -> &str {
        &self.0
    }
}

impl fmt::Debug for SecretValue {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("SecretValue(***)")
    }
}

/// A secret handed to a program by `vault run`.
#[derive(Debug)]
pub struct RunSecret {
    pub name: String,
    pub env_name: String,
    pub project: String,
    pub value: SecretValue,
    /// Masked even with `--no-mask`.
    pub write_only: bool,
    /// Shared into the project's community from another project: it never overrides an
    /// inherited variable.
    pub shared: bool,
}

/// A secret shared into a project's community from another project.
#[derive(Debug)]
pub(super) struct SharedSecret {
    pub row: SecretRow,
    pub home: String,
    pub value: Option<SecretValue>,
    /// The env name the receiving project accepted it under, while that acceptance holds.
    pub accepted_as: Option<String>,
}

/// Remote writes to take back if the local transaction they belong to fails.
#[derive(Default)]
pub(super) struct Undo {
    /// (client, path, version to destroy; `None`: the whole path).
    steps: Vec<(Arc<dyn Provider>, String, Option<i64>)>,
}

impl Undo {
    pub(super) fn delete_path(&mut self, client: &Arc<dyn Provider>, path: &str) {
        self.steps.push((client.clone(), path.to_owned(), None));
    }

    pub(super) fn destroy_version(&mut self, client: &Arc<dyn Provider>, path: &str, version: i64) {
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

/// What a share hands a community's members: the secret's data key and, for a secret kept in a
/// provider, that provider's token, without which the key opens only a record of where the
/// value is. Both are sealed together under the community key (format 3).
pub(super) struct ShareKeys {
    pub dek: Key32,
    pub token: Option<Token>,
}
