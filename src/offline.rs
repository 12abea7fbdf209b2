//! Offline copies of provider-backed values, for `vault run --max-age` (issue 16): when a
//! provider cannot be reached, a run may use the copy an earlier `run --max-age` made, if it is
//! no older than the age the user allows.
//!
//! One file per secret, `$XDG_STATE_HOME/vault/offline/<vault id>/<secret id>` (0600 in 0700
//! folders), written only by `run --max-age`. It holds the time it was fetched, the vault's
//! version of the secret and the value sealed under the secret's own data key, with the
//! vault, secret, project, env name, provider, version, KV path, KV version and time in the
//! associated data (`Vault::offline_copy_ad`): it never holds a value in clear, and an edited
//! time, version or a copy of another secret does not open. The version must also be the one
//! the vault records as current, so a copy of an older value put back is refused.

use std::os::unix::fs::DirBuilderExt;
use std::path::{Path, PathBuf};

const MAGIC: &[u8; 4] = b"VOC1";

/// A copy as read from its file: (fetched at, the vault's version of the secret, sealed value).
pub(crate) type Copy = (i64, i64, Vec<u8>);

fn dir(vault_id: &str) -> Option<PathBuf> {
    let dirs = directories::ProjectDirs::from("", "", "vault")?;
    let base = dirs.state_dir().map_or_else(|| dirs.data_local_dir().join("state"), |d| d.to_owned());
    Some(base.join("offline").join(vault_id))
}

/// The file of one secret's copy. Both ids come from the vault, so they must look like ids
/// before they name a path.
fn file(vault_id: &str, secret_id: &str) -> Option<PathBuf> {
    let id = |s: &str| !s.is_empty() && s.len() <= 64 && s.bytes().all(|b| b.is_ascii_hexdigit());
    (id(vault_id) && id(secret_id)).then(|| dir(vault_id).map(|d| d.join(secret_id))).flatten()
}

/// Whether the folders holding `path` are ours alone to change: real folders (not links),
/// owned by us, that group and others cannot write in. Otherwise someone else could delete,
/// swap or plant copies (they could not forge one, but could take copies away or put a link
/// where we write). The reason when not.
fn trusted(path: &Path) -> std::result::Result<(), String> {
    use std::os::unix::fs::MetadataExt;
    let folder = path.parent().ok_or("no folder")?;
    for d in [folder.parent(), Some(folder)].into_iter().flatten() {
        let m = std::fs::symlink_metadata(d).map_err(|e| format!("{}: {e}", d.display()))?;
        if m.file_type().is_symlink() || !m.is_dir() {
            return Err(format!("{} is not a folder (a link?)", d.display()));
        }
        if m.uid() != crate::sys::euid() {
            return Err(format!("{} belongs to uid {}, not to you", d.display(), m.uid()));
        }
        if m.mode() & 0o022 != 0 {
            return Err(format!("group or others can write in {} (mode {:04o})", d.display(), m.mode() & 0o7777));
        }
    }
    Ok(())
}

/// Saves a copy (replacing the one before); a failure is a warning, never the run's failure.
pub(crate) fn save(vault_id: &str, secret_id: &str, (fetched_at, version, sealed): Copy) {
    let Some(path) = file(vault_id, secret_id) else { return };
    if let Some(folder) = path.parent() {
        let _ = std::fs::DirBuilder::new().recursive(true).mode(0o700).create(folder);
    }
    if let Err(why) = trusted(&path) {
        crate::output::warn(format_args!("not keeping an offline copy: {why}"));
        return;
    }
    let mut bytes = Vec::with_capacity(20 + sealed.len());
    bytes.extend_from_slice(MAGIC);
    bytes.extend_from_slice(&fetched_at.to_be_bytes());
    bytes.extend_from_slice(&version.to_be_bytes());
    bytes.extend_from_slice(&sealed);
    if let Err(e) = crate::state::write_atomically(&path, &bytes) {
        crate::output::warn(format_args!("cannot keep an offline copy in {} ({e})", path.display()));
    }
}

/// The copy of a secret, if there is a well-formed one.
pub(crate) fn load(vault_id: &str, secret_id: &str) -> Option<Copy> {
    let path = file(vault_id, secret_id)?;
    if let Err(why) = trusted(&path) {
        if path.parent().is_some_and(Path::exists) {
            crate::output::warn(format_args!("not using offline copies: {why}"));
        }
        return None;
    }
    let bytes = std::fs::read(path).ok()?;
    let rest = bytes.strip_prefix(MAGIC)?;
    if rest.len() < 16 {
        return None;
    }
    let fetched_at = i64::from_be_bytes(rest[..8].try_into().ok()?);
    let version = i64::from_be_bytes(rest[8..16].try_into().ok()?);
    Some((fetched_at, version, rest[16..].to_vec()))
}

/// "3m 10s", "2h 5m", "1d 2h": an age for messages.
pub(crate) fn age(secs: i64) -> String {
    let secs = secs.max(0);
    match secs {
        0..=59 => format!("{secs}s"),
        60..=3599 => format!("{}m {}s", secs / 60, secs % 60),
        3600..=86399 => format!("{}h {}m", secs / 3600, secs % 3600 / 60),
        _ => format!("{}d {}h", secs / 86400, secs % 86400 / 3600),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ages() {
        assert_eq!(age(5), "5s");
        assert_eq!(age(190), "3m 10s");
        assert_eq!(age(7500), "2h 5m");
        assert_eq!(age(93600), "1d 2h");
    }

    #[test]
    fn ids_must_look_like_ids() {
        assert!(file("../etc", "aa").is_none());
        assert!(file("aa", "a/b").is_none());
        assert!(file("", "aa").is_none());
    }
}
