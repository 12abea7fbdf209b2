//! What this computer remembers of each vault file between commands, to notice a file put back
//! to an older copy (DESIGN.md section 10): per vault id, the number and digest of every signed
//! list of members this computer verified, and the newest audit event it appended. A file behind that is exit 7 until the
//! user says a restored backup is meant (`--accept-rollback`).
//!
//! Kept in the state folder (`$XDG_STATE_HOME/vault/seen/<vault id>.json`, mode 0600 in 0700
//! folders), outside the vault file: whoever can write the file cannot also reset what this
//! account saw. It holds ids, numbers and MACs, never a name or a value.

use std::collections::BTreeMap;
use std::fs::{DirBuilder, OpenOptions};
use std::io::Write;
use std::os::unix::fs::{DirBuilderExt, OpenOptionsExt};
use std::path::PathBuf;

use serde_json::{json, Value};

use crate::vault::Position;

/// The folder of remembered positions; `None` when there is no home to keep it in.
fn dir() -> Option<PathBuf> {
    let dirs = directories::ProjectDirs::from("", "", "vault")?;
    let base = dirs.state_dir().map_or_else(|| dirs.data_local_dir().join("state"), |d| d.to_owned());
    Some(base.join("seen"))
}

/// The file for one vault id. The id comes from the vault file, so it must look like one
/// before it names a path.
fn file(vault_id: &str) -> Option<PathBuf> {
    let ok = !vault_id.is_empty() && vault_id.len() <= 64 && vault_id.bytes().all(|b| b.is_ascii_hexdigit());
    ok.then(|| dir().map(|d| d.join(format!("{vault_id}.json")))).flatten()
}

thread_local! {
    /// What `seen` read for a vault id: `remember` leaves the file alone when it would write
    /// the same bytes back, so a command that changed nothing (a listing, a read) costs no
    /// write and no fsync here.
    static READ: std::cell::RefCell<Option<(String, String)>> = const { std::cell::RefCell::new(None) };
}

/// The position remembered for `vault_id` (empty when none, or unreadable).
pub(crate) fn seen(vault_id: &str) -> Position {
    let Some(path) = file(vault_id) else { return Position::default() };
    let Ok(text) = std::fs::read_to_string(path) else { return Position::default() };
    READ.with_borrow_mut(|r| *r = Some((vault_id.to_owned(), text.clone())));
    let Ok(v) = serde_json::from_str::<Value>(&text) else { return Position::default() };
    let heads = v["heads"]
        .as_object()
        .map(|m| {
            m.iter()
                .filter_map(|(k, e)| Some((k.clone(), (e[0].as_i64()?, hex::decode(e[1].as_str()?).ok()?))))
                .collect()
        })
        .unwrap_or_default();
    let audit = (|| Some((v["audit"][0].as_i64()?, hex::decode(v["audit"][1].as_str()?).ok()?)))();
    Position { heads, audit }
}

/// Where this computer keeps the id of the vault it found at `location` (a database URL).
fn id_file(location: &str) -> Option<PathBuf> {
    let hash = hex::encode(crate::crypto::sha256(location.as_bytes()));
    dir().map(|d| d.join(format!("at-{}", &hash[..32])))
}

/// The id of the vault this computer last found at `location`, if it remembers one. Only a
/// hint: whoever uses it checks it against the vault's own (see `Ctx::unlock`).
pub(crate) fn vault_id_at(location: &str) -> Option<String> {
    let id = std::fs::read_to_string(id_file(location)?).ok()?;
    let ok = !id.is_empty() && id.len() <= 64 && id.bytes().all(|b| b.is_ascii_hexdigit());
    ok.then_some(id)
}

/// Remembers that the vault at `location` has the id `vault_id` (a failure is ignored: the
/// next command asks the vault again).
pub(crate) fn remember_vault_id_at(location: &str, vault_id: &str) {
    if let Some(path) = id_file(location) {
        let _ = write_atomically(&path, vault_id.as_bytes());
    }
}

/// Remembers for `vault_id` what was seen before and still applies (`kept`), updated with what
/// this command verified itself (`now`: the lists it checked or signed, the audit event it
/// appended), never what the file merely claims. A later number wins for each list. Written
/// atomically; a failure is a warning, since only this computer's rollback detection depends
/// on it.
pub(crate) fn remember(vault_id: &str, kept: &Position, now: &Position) {
    let Some(path) = file(vault_id) else { return };
    let mut heads: BTreeMap<String, (i64, Vec<u8>)> = kept.heads.clone();
    for (scope, entry) in &now.heads {
        match heads.get(scope) {
            Some(old) if old.0 > entry.0 => {}
            _ => {
                heads.insert(scope.clone(), entry.clone());
            }
        }
    }
    let audit = match (&kept.audit, &now.audit) {
        (Some(a), Some(b)) => Some(if a.0 > b.0 { a } else { b }),
        (a, b) => a.as_ref().or(b.as_ref()),
    };
    let merged = Position { heads, audit: audit.cloned() };
    if merged == *kept && std::fs::metadata(&path).is_ok() {
        return;
    }
    let body = json!({
        "heads": merged.heads.iter().map(|(k, (n, d))| (k.clone(), json!([n, hex::encode(d)]))).collect::<serde_json::Map<_, _>>(),
        "audit": merged.audit.map(|(seq, mac)| json!([seq, hex::encode(mac)])),
    });
    let body = body.to_string();
    // Unchanged since `seen` read it: nothing to write. (Commands running at the same time
    // race here as before: each writes its own merge, the last one stands.)
    if READ.with_borrow(|r| r.as_ref().is_some_and(|(id, text)| id == vault_id && *text == body)) {
        return;
    }
    if let Err(e) = write_atomically(&path, body.as_bytes()) {
        crate::output::warn(format_args!(
            "cannot remember where this vault file stands in {} ({e}); a rollback to an older copy \
             would go unnoticed here",
            path.display()
        ));
    }
}

pub(crate) fn write_atomically(path: &std::path::Path, bytes: &[u8]) -> std::io::Result<()> {
    let parent = path.parent().ok_or_else(|| std::io::Error::other("no folder"))?;
    DirBuilder::new().recursive(true).mode(0o700).create(parent)?;
    let tmp =
        parent.join(format!(".{}.{}", path.file_name().and_then(|n| n.to_str()).unwrap_or("seen"), std::process::id()));
    // A new file: never one (or a link) someone left at that name.
    let _ = std::fs::remove_file(&tmp);
    let mut f = OpenOptions::new().write(true).create_new(true).mode(0o600).open(&tmp)?;
    // No fsync: losing the newest memory in a power cut only makes this computer remember an
    // older position, which weakens detection for that moment and never refuses a good file.
    f.write_all(bytes)?;
    std::fs::rename(&tmp, path)
}
