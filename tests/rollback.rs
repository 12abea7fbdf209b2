//! Rollback detection (issue 12, DESIGN.md section 10): each computer remembers, outside the vault
//! file, the newest signed member lists and audit event it has seen of each vault. A file put
//! back to an older copy (an attacker undoing a member's removal, or hiding what they did) is
//! exit 7 with a hint, until the user says the restore is meant with `--accept-rollback`.

mod common;

use std::path::{Path, PathBuf};

use common::team::*;
use common::*;
use predicates::str::contains;

const VALUE: &str = "rollback-test-value-93a0f1";

/// A consistent copy of the vault file, as a backup tool would make it (in its own folder,
/// removed with the returned guard).
fn backup(home: &Path) -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().expect("backup folder");
    let copy = dir.path().join("vault-backup.db");
    store_sql(home, &format!(".backup '{}'", copy.display()));
    (dir, copy)
}

/// Puts `copy` in place of the vault file.
fn restore(home: &Path, copy: &Path) {
    let db = vault_path(home);
    for suffix in ["-wal", "-shm"] {
        let _ = std::fs::remove_file(format!("{}{suffix}", db.display()));
    }
    std::fs::copy(copy, &db).expect("restore");
}

fn older_than_seen(what: &str) -> String {
    format!(
        "vault: error: the vault is older than the one this computer last saw: {what}\n\
         vault: hint: someone may have put an older copy of the file in its place; if you restored a backup on \
         purpose, run the command again with --accept-rollback\n"
    )
}

#[test]
fn a_member_removal_undone_by_an_older_copy_is_noticed() {
    if !file_backend_only() {
        return;
    }
    let home = team(&["bob", "carol"]);
    let h = home.path();
    create_project(h, "api");
    create_secret(h, "api", "DB_PASS", VALUE);
    add_member(h, "alice", "api", "bob", "viewer");
    add_member(h, "alice", "api", "carol", "viewer");
    let (_guard, old) = backup(h);
    alice(h).args(["project", "member", "remove", "api", "bob"]).assert().success();
    // Bob puts the copy from before his removal back.
    restore(h, &old);
    let out = alice(h)
        .args(["secret", "get", "DB_PASS", "--project", "api", "--reveal"])
        .assert()
        .code(7)
        .stdout("")
        .stderr(contains(older_than_seen("project 'api' went back from change 5 to 3").trim_end()))
        .get_output()
        .clone();
    assert_no_value(&out, &[VALUE]);
    // Nor does alice add anyone to it, or rotate its key to bob.
    alice(h).args(["project", "member", "add", "api", "carol", "--role", "editor"]).assert().code(7);
    // A restore on purpose: once accepted, it is the new baseline.
    assert_eq!(
        alice(h)
            .args(["--accept-rollback", "secret", "get", "DB_PASS", "--project", "api", "--reveal"])
            .assert()
            .success()
            .get_output()
            .stdout,
        VALUE.as_bytes()
    );
    assert_eq!(reveal(h, "api", "DB_PASS"), VALUE.as_bytes());
}

#[test]
fn an_older_audit_log_is_noticed() {
    if !file_backend_only() {
        return;
    }
    let home = init_vault();
    let h = home.path();
    create_project(h, "api");
    create_secret(h, "api", "DB_PASS", VALUE);
    let (_guard, old) = backup(h);
    // Reads that leave events: the copy lacks them.
    assert_eq!(reveal(h, "api", "DB_PASS"), VALUE.as_bytes());
    let last = one(h, "SELECT max(seq) FROM audit");
    restore(h, &old);
    let before = one(h, "SELECT max(seq) FROM audit");
    alice(h)
        .args(["secret", "list", "--project", "api"])
        .assert()
        .code(7)
        .stdout("")
        .stderr(older_than_seen(&format!("its audit log ends before event {last} (last event {before})")));
}

#[test]
fn memory_is_per_computer_and_holds_no_name_or_value() {
    if !file_backend_only() {
        return;
    }
    let home = init_vault();
    let h = home.path();
    create_project(h, "api");
    create_secret(h, "api", "DB_PASS", VALUE);
    let seen = h.join(".local/state/vault/seen");
    let files: Vec<_> = std::fs::read_dir(&seen).expect("the state folder").collect();
    assert_eq!(files.len(), 1, "one file per vault id");
    let f = files[0].as_ref().unwrap().path();
    assert_eq!(mode(&f) & 0o777, 0o600);
    assert_eq!(mode(&seen) & 0o777, 0o700);
    let text = std::fs::read_to_string(&f).unwrap();
    for word in ["api", "DB_PASS", "alice", VALUE] {
        assert!(!text.contains(word), "{word} in {text}");
    }
    assert_absent(h, VALUE.as_bytes());
    // Another computer (another home) with a copy of the file has seen nothing, so it opens it.
    let other = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(vault_path(other.path()).parent().unwrap()).unwrap();
    let (_guard, old) = backup(h);
    std::fs::copy(&old, vault_path(other.path())).unwrap();
    assert_eq!(reveal(other.path(), "api", "DB_PASS"), VALUE.as_bytes());
}
